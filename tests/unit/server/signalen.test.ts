import { beforeAll, describe, expect, it } from 'vitest';
import { SignalenLijst, type SignaalInLijst } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { eenRij, haalBytes, leesCsv, leesPersoon, maakPersoon, verwachtKoppen, verwachtProbleem, zoekAlles } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01' });
const ZOEK = '/api/v1/gemeenten/0014/signalen/_zoek';

let token = '';
let raadplegen = '';
/** Every signal of Groningen: the oracle of the filters. */
let alle: SignaalInLijst[] = [];

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  alle = (await zoekAlles<SignaalInLijst>(isi, token, ZOEK, {})).items;
  expect(alle.length).toBeGreaterThan(500);
});

const ids = (l: { id: string }[]) => l.map((s) => s.id).sort();
const STATUS_RANG = { NIEUW: 1, IN_BEHANDELING: 2, AFGEHANDELD: 3 } as const;
const STATUS_TEKST = { NIEUW: 'Nieuw', IN_BEHANDELING: 'In behandeling', AFGEHANDELD: 'Afgehandeld' } as const;
const nl = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe('POST /signalen/_zoek (R-SIG-4, R-SIG-5)', () => {
  it('R-SIG-5: without filters: 10 a page, sorted on BSN, with the list columns', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: {} });
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    const l = SignalenLijst.parse(r.body);
    expect(l).toMatchObject({ pagina: 1, paginaGrootte: 10, totaal: alle.length });
    expect(l.items).toHaveLength(10);
    expect(l.items).toEqual(alle.slice(0, 10));
    const bsns = alle.map((s) => s.bsn);
    expect(bsns).toEqual([...bsns].sort());
  });

  it('R-SIG-8: the handbook person 994002026 has SS601, SS603 and SS604, new; SS601 reads "Persoon is PVT-plichtig"', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: { bsn: '994002026', sorteer: 'code' } });
    const { id } = eenRij<{ id: string }>(isi, "SELECT id FROM personen WHERE bsn = '994002026'");
    expect(r.body.items.map(({ id: _i, ...s }: SignaalInLijst) => s)).toEqual([
      { persoonId: id, status: 'NIEUW', bsn: '994002026', achternaam: 'Ycobtgabfcotttbbfgassbgusb', code: 'SS601', omschrijving: 'Persoon is PVT-plichtig', datum: '2025-02-26' },
      { persoonId: id, status: 'NIEUW', bsn: '994002026', achternaam: 'Ycobtgabfcotttbbfgassbgusb', code: 'SS603', omschrijving: 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn is overschreden.', datum: '2025-02-26' },
      { persoonId: id, status: 'NIEUW', bsn: '994002026', achternaam: 'Ycobtgabfcotttbbfgassbgusb', code: 'SS604', omschrijving: expect.stringMatching(/^De termijn is 2 weken geleden overschreden/), datum: '2025-02-26' },
    ]);
  });

  function filters(): [string, Record<string, string>, (s: SignaalInLijst) => boolean][] {
    const eenBsn = alle[Math.floor(alle.length / 3)]!.bsn;
    const datums = alle.map((s) => s.datum).sort();
    const midden = datums[Math.floor(datums.length / 2)]!;
    const kwart = datums[Math.floor(datums.length / 4)]!;
    return [
      ['bsn', { bsn: eenBsn }, (s) => s.bsn === eenBsn],
      ['code SS601', { code: 'SS601' }, (s) => s.code === 'SS601'],
      ['code SS614', { code: 'SS614' }, (s) => s.code === 'SS614'],
      ['status NIEUW', { status: 'NIEUW' }, (s) => s.status === 'NIEUW'],
      ['status IN_BEHANDELING', { status: 'IN_BEHANDELING' }, (s) => s.status === 'IN_BEHANDELING'],
      ['status AFGEHANDELD', { status: 'AFGEHANDELD' }, (s) => s.status === 'AFGEHANDELD'],
      ['datumVan (inclusive)', { datumVan: midden }, (s) => s.datum >= midden],
      ['datumTot (inclusive)', { datumTot: midden }, (s) => s.datum <= midden],
      ['datumVan and datumTot on one day', { datumVan: midden, datumTot: midden }, (s) => s.datum === midden],
      ['a date range', { datumVan: kwart, datumTot: midden }, (s) => s.datum >= kwart && s.datum <= midden],
      ['bsn + status', { bsn: eenBsn, status: 'NIEUW' }, (s) => s.bsn === eenBsn && s.status === 'NIEUW'],
      ['code + status', { code: 'SS601', status: 'IN_BEHANDELING' }, (s) => s.code === 'SS601' && s.status === 'IN_BEHANDELING'],
      ['code + date range', { code: 'SS601', datumVan: kwart, datumTot: midden }, (s) => s.code === 'SS601' && s.datum >= kwart && s.datum <= midden],
      ['status + datumVan', { status: 'AFGEHANDELD', datumVan: kwart }, (s) => s.status === 'AFGEHANDELD' && s.datum >= kwart],
      ['all five', { bsn: '994002026', code: 'SS603', status: 'NIEUW', datumVan: '2025-02-26', datumTot: '2025-02-26' }, (s) => s.bsn === '994002026' && s.code === 'SS603'],
    ];
  }

  it('R-SIG-4: every filter and combinations of them find exactly the matching signals', async () => {
    for (const [naam, vraag, filter] of filters()) {
      const verwacht = alle.filter(filter);
      expect(verwacht.length, naam).toBeGreaterThan(0);
      const { items, totaal } = await zoekAlles<SignaalInLijst>(isi, token, ZOEK, vraag);
      expect(totaal, naam).toBe(verwacht.length);
      expect(ids(items), naam).toEqual(ids(verwacht));
    }
  });

  it('R-SIG-4: a filter nothing matches gives an empty list', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: { datumVan: '2030-01-01' } });
    expect(r.body).toEqual({ items: [], totaal: 0, pagina: 1, paginaGrootte: 10 });
  });

  it.each([
    ['an invalid BSN', { bsn: '123456789' }, 'R-BSN-1', 'bsn'],
    ['datumTot before datumVan', { datumVan: '2025-02-01', datumTot: '2025-01-31' }, 'R-SIG-4', 'datumTot'],
    ['an impossible date', { datumVan: '2025-02-30' }, 'R-SIG-4', 'datumVan'],
    ['code SS605 (there is none)', { code: 'SS605' }, 'R-SIG-4', 'code'],
    ['an unknown status', { status: 'KLAAR' }, 'R-SIG-4', 'status'],
    ['an unknown sort column', { sorteer: 'persoonId' }, 'R-SIG-4', 'sorteer'],
    ['paginaGrootte 501', { paginaGrootte: 501 }, 'R-SIG-4', 'paginaGrootte'],
  ])('R-SIG-4: %s → 400', async (_naam, body, regel, veld) => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body }), 400, regel);
    expect(p.fouten?.map((f) => f.veld)).toEqual([veld]);
  });

  const sleutel: Record<string, (s: SignaalInLijst) => string | number> = {
    status: (s) => STATUS_RANG[s.status],
    bsn: (s) => s.bsn,
    achternaam: (s) => s.achternaam,
    code: (s) => s.code,
    omschrijving: (s) => s.omschrijving,
    datum: (s) => s.datum,
  };
  it.each(Object.keys(sleutel).flatMap((k) => [[k, false], [k, true]] as [string, boolean][]))(
    'R-SIG-5: sort on %s (descending: %s) orders all pages, ties by BSN',
    async (kolom, aflopend) => {
      const { items } = await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { sorteer: `${aflopend ? '-' : ''}${kolom}` });
      expect(items).toHaveLength(alle.length);
      const k = sleutel[kolom]!;
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1]!, items[i]!];
        if (k(a) === k(b)) expect(a.bsn <= b.bsn).toBe(true);
        else expect(k(a) < k(b)).toBe(!aflopend);
      }
      expect(k(items[0]!)).not.toBe(k(items[items.length - 1]!));
    },
  );

  it('R-SIG-5: page 2 follows page 1 without overlap', async () => {
    const een = await isi.vraag('POST', ZOEK, { token, body: { sorteer: 'datum' } });
    const twee = await isi.vraag('POST', ZOEK, { token, body: { sorteer: 'datum', pagina: 2 } });
    const twintig = await isi.vraag('POST', ZOEK, { token, body: { sorteer: 'datum', paginaGrootte: 20 } });
    expect(twee.body).toMatchObject({ pagina: 2, paginaGrootte: 10 });
    expect([...een.body.items, ...twee.body.items]).toEqual(twintig.body.items);
  });
});

describe('GET /signalen/openstaand (R-SIG-3)', () => {
  it('R-SIG-3: the number of signals Nieuw + In behandeling', async () => {
    const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: raadplegen });
    expect(r.status).toBe(200);
    const nieuw = alle.filter((s) => s.status === 'NIEUW').length;
    const bezig = alle.filter((s) => s.status === 'IN_BEHANDELING').length;
    expect(nieuw).toBeGreaterThan(0);
    expect(bezig).toBeGreaterThan(0);
    expect(alle.length - nieuw - bezig).toBeGreaterThan(0);
    expect(r.body).toEqual({ aantal: nieuw + bezig });
    const viaZoek = (await isi.vraag('POST', ZOEK, { token, body: { status: 'NIEUW' } })).body.totaal + (await isi.vraag('POST', ZOEK, { token, body: { status: 'IN_BEHANDELING' } })).body.totaal;
    expect(r.body.aantal).toBe(viaZoek);
  });
});

describe('GET /signalen/export (R-SIG-7)', () => {
  it('R-SIG-7: a UTF-8 CSV with BOM, ";", CRLF, a header row and dd-mm-jjjj dates, with every signal whatever its status', async () => {
    const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/export', { token: raadplegen });
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="signalen_0014_20250301.csv"');
    const ruw = await haalBytes(isi, '/api/v1/gemeenten/0014/signalen/export', raadplegen);
    expect([...ruw.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const tekst = ruw.bytes.toString('utf8');
    const [kop, ...rijen] = leesCsv(tekst);
    expect(kop).toEqual(['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal']);
    expect(rijen).toHaveLength(alle.length);
    for (const rij of rijen) {
      expect(rij).toHaveLength(6);
      expect(rij[5]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    }
    const verwacht = alle.map((s) => [STATUS_TEKST[s.status], s.bsn, s.achternaam, s.code, s.omschrijving, nl(s.datum)].join('|')).sort();
    expect(rijen.map((x) => x.join('|')).sort()).toEqual(verwacht);
    expect(new Set(rijen.map((x) => x[0]))).toEqual(new Set(['Nieuw', 'In behandeling', 'Afgehandeld']));
    expect(tekst).toContain('\r\nNieuw;994002026;Ycobtgabfcotttbbfgassbgusb;SS601;Persoon is PVT-plichtig;26-02-2025\r\n');
  });

  it('R-SIG-7: the export ignores any filter in the query', async () => {
    const zonder = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/export', { token });
    const met = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/export?status=NIEUW&code=SS601&bsn=994002026', { token });
    expect(met.status).toBe(200);
    expect(met.tekst).toBe(zonder.tekst);
  });

  it('R-SIG-7: fields with ";" or quotes are quoted, as Excel reads them', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', achternaam: 'De "Vries"; Jansen' });
    const tekst = (await haalBytes(isi, '/api/v1/gemeenten/0014/signalen/export', token)).bytes.toString('utf8');
    expect(tekst).toContain(`\r\nNieuw;${p.bsn};"De ""Vries""; Jansen";SS601;Persoon is PVT-plichtig;01-03-2025\r\n`);
    const rij = leesCsv(tekst).find((x) => x[1] === p.bsn);
    expect(rij?.[2]).toBe('De "Vries"; Jansen');
  });
});

describe('POST /signalen/statuswijzigingen (R-SIG-6)', () => {
  const pad = '/api/v1/gemeenten/0014/signalen/statuswijzigingen';

  it('R-SIG-6: set selected signals to In behandeling, then Afgehandeld → 201 {bijgewerkt}', async () => {
    const { items } = await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { bsn: '994002026' });
    const gekozen = items.map((s) => s.id);
    expect(gekozen).toHaveLength(3);
    const openVoor = (await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token })).body.aantal as number;

    const r = await isi.vraag('POST', pad, { token, body: { ids: gekozen, status: 'IN_BEHANDELING' } });
    expect(r.status, r.tekst).toBe(201);
    verwachtKoppen(r);
    expect(r.body).toEqual({ bijgewerkt: 3 });
    const na = await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { bsn: '994002026', status: 'IN_BEHANDELING' });
    expect(ids(na.items)).toEqual([...gekozen].sort());
    expect((await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token })).body.aantal).toBe(openVoor);

    const klaar = await isi.vraag('POST', pad, { token, body: { ids: gekozen.slice(0, 2), status: 'AFGEHANDELD' } });
    expect(klaar.body).toEqual({ bijgewerkt: 2 });
    expect((await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token })).body.aantal).toBe(openVoor - 2);
    const persoon = await leesPersoon(isi, token, '0014', items[0]!.persoonId);
    expect(persoon.signalen).toEqual({ totaal: 3, nieuw: 0, inBehandeling: 1, afgehandeld: 2 });
  });

  it('R-ROL-3: a reading role may not change the status → 403, nothing changed', async () => {
    const [s] = (await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { status: 'NIEUW', sorteer: 'datum' })).items;
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token: raadplegen, body: { ids: [s!.id], status: 'AFGEHANDELD' } }), 403, 'R-ROL-3');
    expect(p.detail).toContain('Raadplegen en muteren');
    const nu = await isi.vraag('POST', ZOEK, { token, body: { bsn: s!.bsn, code: s!.code, status: 'NIEUW' } });
    expect(ids(nu.body.items)).toContain(s!.id);
  });

  it('R-SIG-6: an unknown signal or one of another gemeente in the selection → 404, and none changes', async () => {
    const [a, b] = (await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { status: 'NIEUW' })).items;
    const almere = (await isi.vraag('POST', '/api/v1/gemeenten/0034/signalen/_zoek', { token, body: {} })).body.items[0] as SignaalInLijst;
    verwachtProbleem(await isi.vraag('POST', pad, { token, body: { ids: [a!.id, '0f0e6d2a-1111-4222-8333-944455556666'], status: 'AFGEHANDELD' } }), 404, 'R-SIG-6');
    verwachtProbleem(await isi.vraag('POST', pad, { token, body: { ids: [b!.id, almere.id], status: 'AFGEHANDELD' } }), 404, 'R-SIG-6');
    const nog = await zoekAlles<SignaalInLijst>(isi, token, ZOEK, { status: 'NIEUW' });
    expect(ids(nog.items)).toEqual(expect.arrayContaining([a!.id, b!.id]));
  });

  it.each([
    ['back to NIEUW', { status: 'NIEUW' }, 'status'],
    ['an empty selection', { ids: [] }, 'ids'],
    ['an id that is no UUID', { ids: ['abc'] }, 'ids.0'],
  ])('R-SIG-6: %s → 400', async (_naam, extra, veld) => {
    const body = { ids: ['0f0e6d2a-1111-4222-8333-944455556666'], status: 'AFGEHANDELD', ...extra };
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body }), 400, 'R-SIG-6');
    expect(p.fouten?.map((f) => f.veld)).toEqual([veld]);
  });
});
