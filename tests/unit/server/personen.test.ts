import { beforeAll, describe, expect, it } from 'vitest';
import { PersonenLijst, Persoon, Wijzigingen, type Persoon as PersoonType, type PersoonInLijst } from '../../../shared/schemas/api';
import { MELDING_PERSOON_NIET_GEVONDEN, MELDING_PERSOON_UITGESCHREVEN } from '../../../server/routes/personen';
import { startTestServer } from '../../helpers/isi';
import { eenRij, leesPersoon, verwachtKoppen, verwachtProbleem, vrijeBsn, zoekAlles } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01' });
const ZOEK = '/api/v1/gemeenten/0014/personen/_zoek';

let token = '';
let raadplegen = '';
/** The PIB of Groningen as the sync feed gives it: the oracle for the search criteria. */
let pib: PersoonType[] = [];

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=5000', { token });
  expect(r.status).toBe(200);
  const w = Wijzigingen.parse(r.body);
  expect(w.meer).toBe(false);
  pib = w.personen;
  // Those who live in Groningen now, plus those who lived there (the seed's moves go to Almere only).
  const woont = eenRij<{ n: number }>(isi, "SELECT count(*) AS n FROM personen WHERE gemeentecode = '0014' AND uitgeschreven = 0 AND wet = 'WI2013'").n;
  expect(pib.filter((p) => p.verblijf === 'WOONACHTIG').length).toBe(woont);
  expect(pib.length).toBeGreaterThan(800);
});

function ids(items: { id: string }[]): string[] {
  return items.map((i) => i.id).sort();
}

describe('POST /personen/_zoek by BSN (R-ZP-1, R-BSN-1)', () => {
  it('R-ZP-1: a BSN in the PIB gives exactly that person, with the list columns of R-ZP-5', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: { bsn: '994002026' } });
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    const lijst = PersonenLijst.parse(r.body);
    expect(lijst).toMatchObject({ totaal: 1, pagina: 1, paginaGrootte: 20 });
    expect(lijst.items).toHaveLength(1);
    const { id, ...rest } = lijst.items[0]!;
    expect(id).toBe(eenRij<{ id: string }>(isi, "SELECT id FROM personen WHERE bsn = '994002026'").id);
    expect(rest).toEqual({
      bsn: '994002026', voornaam: 'Test', achternaam: 'Ycobtgabfcotttbbfgassbgusb', geboortedatum: '1985-05-17',
      pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: 'N', factuurAanwezig: 'NVT', signaalAanwezig: 'J',
    });
  });

  it('R-ZP-1: a person of another gemeente is not found here (0 items), but is found in that gemeente', async () => {
    const hier = await isi.vraag('POST', ZOEK, { token, body: { bsn: '491945449' } });
    expect(hier.status).toBe(200);
    expect(hier.body).toEqual({ items: [], totaal: 0, pagina: 1, paginaGrootte: 20 });
    const daar = await isi.vraag('POST', '/api/v1/gemeenten/0034/personen/_zoek', { token, body: { bsn: '491945449' } });
    expect(daar.body.totaal).toBe(1);
    expect(daar.body.items[0].factuurAanwezig).toBe('N');
  });

  it('R-ZP-1: a valid but unknown BSN gives 0 items', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: { bsn: vrijeBsn(isi) } });
    expect(r.status).toBe(200);
    expect(r.body.totaal).toBe(0);
  });

  it.each([
    ['fails the elfproef', '123456789'],
    ['too short', '12345'],
    ['not digits', 'abcdefghi'],
    ['all zeros', '000000000'],
    ['ten digits', '9940020260'],
  ])('R-BSN-1: a BSN that %s → 400', async (_naam, bsn) => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { bsn } }), 400, 'R-BSN-1');
    expect(p.fouten?.[0]?.veld).toBe('bsn');
  });
});

describe('POST /personen/_zoek with other fields (R-ZP-2)', () => {
  it.each([
    ['an empty body', {}],
    ['only a sort order', { sorteer: '-achternaam' }],
    ['only paging', { pagina: 2, paginaGrootte: 50 }],
  ])('R-ZP-2: %s has no criterion → 400', async (_naam, body) => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body }), 400, 'R-ZP-2');
    expect(p.detail).toBe('Vul minimaal één zoekveld in.');
  });

  it('R-ZP-2: a range that ends before it starts → 400', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { startPvtPlichtVan: '2024-05-01', startPvtPlichtTot: '2024-04-30' } }), 400, 'R-ZP-2');
    expect(p.fouten?.map((f) => f.veld)).toEqual(['startPvtPlichtTot']);
  });

  it('R-ZP-2: an impossible date → 400 naming the field', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { eindeDeelnameVan: '2025-02-30' } }), 400, 'R-ZP-2');
    expect(p.fouten).toEqual([expect.objectContaining({ veld: 'eindeDeelnameVan', code: 'ONGELDIGE_DATUM' })]);
  });

  /** A date present in the data, so the inclusive bounds are really tested. */
  function grens(veld: 'datumStartPvtPlicht' | 'datumEindePvtPlicht' | 'datumStartDeelname' | 'datumEindeDeelname'): string {
    const waarden = pib.map((p) => p[veld]).filter((d): d is string => d !== null).sort();
    return waarden[Math.floor(waarden.length / 2)]!;
  }

  type Filter = (p: PersoonType) => boolean;
  const enkel: [string, () => Record<string, string>, () => Filter][] = [
    ['pvtPlichtig J', () => ({ pvtPlichtig: 'J' }), () => (p) => p.pvtPlichtig === 'J'],
    ['pvtPlichtig N', () => ({ pvtPlichtig: 'N' }), () => (p) => p.pvtPlichtig === 'N'],
    ['voldaan J', () => ({ voldaan: 'J' }), () => (p) => p.datumVoldaan !== null],
    ['voldaan N', () => ({ voldaan: 'N' }), () => (p) => p.datumVoldaan === null],
    ['rechtOpMb J', () => ({ rechtOpMb: 'J' }), () => (p) => p.rechtOpMb === 'J'],
    ['rechtOpMb N', () => ({ rechtOpMb: 'N' }), () => (p) => p.rechtOpMb === 'N'],
    ['verblijf WOONACHTIG', () => ({ verblijf: 'WOONACHTIG' }), () => (p) => p.verblijf === 'WOONACHTIG'],
    ['verblijf VOORMALIG', () => ({ verblijf: 'VOORMALIG' }), () => (p) => p.verblijf === 'VOORMALIG'],
    ['factuurAanwezig J', () => ({ factuurAanwezig: 'J' }), () => (p) => p.factuurAanwezig === 'J'],
    // R-ZP-6: "Nee" finds persons without an invoice who could get one; N.v.t. is not Nee.
    ['factuurAanwezig N', () => ({ factuurAanwezig: 'N' }), () => (p) => p.factuurAanwezig === 'N'],
  ];
  for (const [kolom, veld] of [
    ['startPvtPlicht', 'datumStartPvtPlicht'], ['eindePvtPlicht', 'datumEindePvtPlicht'],
    ['startDeelname', 'datumStartDeelname'], ['eindeDeelname', 'datumEindeDeelname'],
  ] as const) {
    enkel.push([`${kolom}Van (inclusive)`, () => ({ [`${kolom}Van`]: grens(veld) }), () => { const g = grens(veld); return (p) => p[veld] !== null && p[veld]! >= g; }]);
    enkel.push([`${kolom}Tot (inclusive)`, () => ({ [`${kolom}Tot`]: grens(veld) }), () => { const g = grens(veld); return (p) => p[veld] !== null && p[veld]! <= g; }]);
    enkel.push([`${kolom}Van and Tot on one day`, () => ({ [`${kolom}Van`]: grens(veld), [`${kolom}Tot`]: grens(veld) }), () => { const g = grens(veld); return (p) => p[veld] === g; }]);
  }

  it.each(enkel)('R-ZP-2: criterion %s finds exactly the matching persons of the PIB', async (_naam, vraag, filter) => {
    const verwacht = pib.filter(filter());
    expect(verwacht.length).toBeGreaterThan(0);
    const { items, totaal } = await zoekAlles<PersoonInLijst>(isi, token, ZOEK, vraag());
    expect(totaal).toBe(verwacht.length);
    expect(ids(items)).toEqual(ids(verwacht));
  });

  it('R-ZP-2: a criterion and its opposite split the PIB (J + N + undetermined = all)', async () => {
    const j = (await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J' } })).body.totaal as number;
    const n = (await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'N' } })).body.totaal as number;
    const onbepaald = pib.filter((p) => p.pvtPlichtig === null).length;
    expect(onbepaald).toBeGreaterThan(0);
    expect(j + n + onbepaald).toBe(pib.length);
    const w = (await isi.vraag('POST', ZOEK, { token, body: { verblijf: 'WOONACHTIG' } })).body.totaal as number;
    const v = (await isi.vraag('POST', ZOEK, { token, body: { verblijf: 'VOORMALIG' } })).body.totaal as number;
    expect(v).toBeGreaterThan(0);
    expect(w + v).toBe(pib.length);
  });

  it('R-ZP-2: criteria combine (every one must hold)', async () => {
    const vraag = { pvtPlichtig: 'J', voldaan: 'N', verblijf: 'WOONACHTIG', eindePvtPlichtTot: '2025-03-01' };
    const verwacht = pib.filter((p) => p.pvtPlichtig === 'J' && p.datumVoldaan === null && p.verblijf === 'WOONACHTIG' && p.datumEindePvtPlicht !== null && p.datumEindePvtPlicht <= '2025-03-01');
    expect(verwacht.length).toBeGreaterThan(0);
    const { items } = await zoekAlles<PersoonInLijst>(isi, token, ZOEK, vraag);
    expect(ids(items)).toEqual(ids(verwacht));
  });

  it('R-ZP-5: every list row shows the person as the person screen does', async () => {
    const { items } = await zoekAlles<PersoonInLijst>(isi, token, ZOEK, { verblijf: 'WOONACHTIG' });
    const perId = new Map(pib.map((p) => [p.id, p]));
    for (const item of items) {
      const p = perId.get(item.id)!;
      expect(item).toEqual({
        id: p.id, bsn: p.bsn, voornaam: p.voornamen, achternaam: p.achternaam, geboortedatum: p.geboortedatum, pvtPlichtig: p.pvtPlichtig,
        voldaan: p.datumVoldaan ? 'J' : 'N', rechtOpMb: p.rechtOpMb, factuurAanwezig: p.factuurAanwezig, signaalAanwezig: p.signalen.totaal > 0 ? 'J' : 'N',
      });
    }
  });
});

describe('sorting and paging (R-ZP-5)', () => {
  const sleutel: Record<string, (i: PersoonInLijst) => string> = {
    bsn: (i) => i.bsn,
    voornaam: (i) => i.voornaam,
    achternaam: (i) => i.achternaam,
    geboortedatum: (i) => i.geboortedatum,
    pvtPlichtig: (i) => i.pvtPlichtig ?? '',
    voldaan: (i) => i.voldaan,
    rechtOpMb: (i) => i.rechtOpMb ?? '',
    factuurAanwezig: (i) => i.factuurAanwezig,
    signaalAanwezig: (i) => i.signaalAanwezig,
  };
  const gevallen = Object.keys(sleutel).flatMap((k) => [[k, false], [k, true]] as [string, boolean][]);

  it.each(gevallen)('R-ZP-5: sort on %s (descending: %s) orders all pages, ties by BSN', async (kolom, aflopend) => {
    const { items } = await zoekAlles<PersoonInLijst>(isi, token, ZOEK, { verblijf: 'WOONACHTIG', sorteer: `${aflopend ? '-' : ''}${kolom}` });
    expect(items.length).toBeGreaterThan(500);
    const k = sleutel[kolom]!;
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      const vergelijk = k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
      if (vergelijk === 0) expect(a.bsn < b.bsn || kolom === 'bsn').toBe(true);
      else expect(vergelijk).toBe(aflopend ? 1 : -1);
    }
    // Not trivially sorted: the first and last key differ.
    expect(k(items[0]!)).not.toBe(k(items[items.length - 1]!));
  });

  it('R-ZP-5: the default order is BSN ascending', async () => {
    const zonder = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', paginaGrootte: 100 } });
    const met = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', paginaGrootte: 100, sorteer: 'bsn' } });
    const bsns = (zonder.body.items as PersoonInLijst[]).map((i) => i.bsn);
    expect(bsns).toEqual([...bsns].sort());
    expect(zonder.body.items).toEqual(met.body.items);
  });

  it('R-ZP-5: an unknown sort column → 400', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', sorteer: 'wachtwoord' } }), 400, 'R-ZP-2');
    expect(p.fouten?.[0]?.veld).toBe('sorteer');
  });

  it('R-ZP-5: 20 rows a page by default; the pages follow each other without overlap', async () => {
    const een = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J' } });
    const twee = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', pagina: 2 } });
    expect(een.body).toMatchObject({ pagina: 1, paginaGrootte: 20 });
    expect(twee.body).toMatchObject({ pagina: 2, paginaGrootte: 20, totaal: een.body.totaal });
    expect(een.body.items).toHaveLength(20);
    expect(twee.body.items).toHaveLength(20);
    const groot = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', paginaGrootte: 40 } });
    expect([...een.body.items, ...twee.body.items]).toEqual(groot.body.items);
  });

  it('R-ZP-5: the last page holds the rest; a page past the end is empty', async () => {
    const totaal = (await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J' } })).body.totaal as number;
    const laatste = Math.ceil(totaal / 20);
    const r = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', pagina: laatste } });
    expect(r.body.items).toHaveLength(totaal - (laatste - 1) * 20);
    const voorbij = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', pagina: laatste + 1 } });
    expect(voorbij.status).toBe(200);
    expect(voorbij.body).toMatchObject({ items: [], totaal });
  });

  it.each([
    ['paginaGrootte 501', { paginaGrootte: 501 }, 'paginaGrootte'],
    ['paginaGrootte 0', { paginaGrootte: 0 }, 'paginaGrootte'],
    ['pagina 0', { pagina: 0 }, 'pagina'],
    ['a fractional page', { pagina: 1.5 }, 'pagina'],
    ['paginaGrootte as text', { paginaGrootte: '20' }, 'paginaGrootte'],
  ])('R-ZP-5: %s → 400', async (_naam, extra, veld) => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', ...extra } }), 400);
    expect(p.fouten?.map((f) => f.veld)).toEqual([veld]);
  });

  it('R-ZP-5: paginaGrootte 500 is allowed', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', paginaGrootte: 500 } });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(500);
  });
});

describe('persons uitgeschreven uit de BRP (R-ZP-5)', () => {
  const uitgeschreven = () => isi.db.prepare("SELECT id, bsn FROM personen WHERE uitgeschreven = 1 AND gemeentecode = '0014'").all() as { id: string; bsn: string }[];

  it('R-ZP-5: never found by BSN, never listed, never opened', async () => {
    const lijst = uitgeschreven();
    expect(lijst.length).toBeGreaterThan(10);
    const { items } = await zoekAlles<PersoonInLijst>(isi, token, ZOEK, { verblijf: 'WOONACHTIG' });
    const gevonden = new Set(items.map((i) => i.id));
    for (const p of lijst) expect(gevonden.has(p.id)).toBe(false);
    for (const p of lijst.slice(0, 5)) {
      const r = await isi.vraag('POST', ZOEK, { token, body: { bsn: p.bsn } });
      expect(r.body.totaal).toBe(0);
      // The 404 says why (issue 13): the person left the PIB, not a wrong link.
      expect(verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${p.id}`, { token }), 404).detail).toBe(MELDING_PERSOON_UITGESCHREVEN);
      // Another gemeente the person never lived in learns nothing about it.
      expect(verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0034/personen/${p.id}`, { token }), 404).detail).toBe(MELDING_PERSOON_NIET_GEVONDEN);
    }
  });
});

describe('GET /personen/{id} (R-PER-1)', () => {
  const idVan = (bsn: string) => eenRij<{ id: string }>(isi, 'SELECT id FROM personen WHERE bsn = ?', bsn).id;

  it('R-PER-1: the handbook person 994002026 with every field, ETag = versie', async () => {
    const r = await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${idVan('994002026')}`, { token });
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    const p = Persoon.parse(r.body);
    expect(r.headers.get('etag')).toBe(`"${p.versie}"`);
    expect(p).toEqual({
      id: idVan('994002026'), bsn: '994002026', voornamen: 'Test', voorvoegsels: null, achternaam: 'Ycobtgabfcotttbbfgassbgusb', geslacht: 1,
      geboortedatum: '1985-05-17', wet: 'WI2013', inburgeringsplichtig: true, gemeentecode: '0014', verblijf: 'WOONACHTIG', overleden: false,
      lening: false, gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' }, gemeenteEindePvt: null, pvtPlichtig: 'J',
      datumStartPvtPlicht: '2019-07-01', datumEindePvtPlicht: '2020-06-30', datumStartDeelname: null, datumEindeDeelname: null,
      datumVoldaan: null, redenNietVoldaan: null, registratieDefinitief: false, registratieDefinitiefOp: null, rechtOpMb: 'N',
      datumMbGemeldBijBzk: null, factuurAanwezig: 'NVT', factuur: null, signalen: { totaal: 3, nieuw: 3, inBehandeling: 0, afgehandeld: 0 },
      magWijzigen: true, alleenLezenReden: null, versie: p.versie,
    });
  });

  it('R-PER-1: the invoice of 604269602 is part of the person (€ 150,00, status 2)', async () => {
    const p = await leesPersoon(isi, token, '0014', idVan('604269602'));
    expect(p.factuurAanwezig).toBe('J');
    expect(p.factuur).toEqual({ factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15000, status: 2, geaccepteerd: false });
    expect(p.registratieDefinitief).toBe(true);
    expect(p.gemeenteEindePvt).toEqual({ code: '0014', naam: 'Groningen' });
  });

  it('R-ROL-3: for a reading role the person is read-only and says why', async () => {
    const p = await leesPersoon(isi, raadplegen, '0014', idVan('994002026'));
    expect(p.magWijzigen).toBe(false);
    expect(p.alleenLezenReden).toContain("Raadplegen en muteren gegevens 2013");
  });

  it('R-ZP-1: a person not in this gemeente\'s PIB → 404, also for an unknown or malformed id', async () => {
    verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${idVan('491945449')}`, { token }), 404);
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/personen/3f0e6d2a-1111-4222-8333-944455556666', { token }), 404);
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/personen/niet-een-id', { token }), 404);
    expect((await isi.vraag('GET', `/api/v1/gemeenten/0034/personen/${idVan('491945449')}`, { token })).status).toBe(200);
  });

  it('R-SIG-9: a person who moved away stays readable for the old gemeente (VOORMALIG), read-only', async () => {
    const lijst = await isi.vraag('POST', ZOEK, { token, body: { verblijf: 'VOORMALIG' } });
    const id = (lijst.body.items as PersoonInLijst[])[0]!.id;
    const oud = await leesPersoon(isi, token, '0014', id);
    expect(oud).toMatchObject({ verblijf: 'VOORMALIG', gemeentecode: '0034', magWijzigen: false });
    expect(oud.alleenLezenReden).toContain('verhuisd');
    const nieuw = await leesPersoon(isi, token, '0034', id);
    expect(nieuw).toMatchObject({ verblijf: 'WOONACHTIG', gemeentecode: '0034', bsn: oud.bsn });
    // The same opaque id in both gemeenten (API.md: it stays the same when the person moves).
    expect(nieuw.id).toBe(oud.id);
  });

  it('R-WET-1: a Wi2021 person opens for a user with the Wi2021 role, not for a Wi2013-only user', async () => {
    const id = idVan('569026040');
    const p = await leesPersoon(isi, token, '0014', id);
    expect(p).toMatchObject({ wet: 'WI2021', overleden: true, magWijzigen: false });
    verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${id}`, { token: raadplegen }), 403, 'R-ROL-1');
  });
});
