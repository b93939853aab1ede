import { beforeAll, describe, expect, it } from 'vitest';
import { isGeldigBsn } from '../../../shared/rules/bsn';
import { Wijzigingen, type Persoon as PersoonType, type SignaalInLijst } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { maakPersoon, verwachtProbleem, zoekAlles } from './hulp';

/** The demo caseload API.md promises, and the simulation's person factory. */
const isi = await startTestServer({ vandaag: '2025-03-01' });
const tweeling = [await startTestServer({ vandaag: '2025-03-01', personen: 30 }), await startTestServer({ vandaag: '2025-03-01', personen: 30 })];

let token = '';
const pib: Record<string, PersoonType[]> = {};
const signalen: Record<string, SignaalInLijst[]> = {};

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  for (const gc of ['0014', '0034']) {
    pib[gc] = Wijzigingen.parse((await isi.vraag('GET', `/api/v1/gemeenten/${gc}/wijzigingen?limiet=5000`, { token })).body).personen;
    signalen[gc] = (await zoekAlles<SignaalInLijst>(isi, token, `/api/v1/gemeenten/${gc}/signalen/_zoek`, {})).items;
  }
});

describe('the demo caseload (API.md "Starting it")', () => {
  it('at least 1,000 persons in Groningen and 300 in Almere', () => {
    // Those who live there (any law, uitgeschreven included) and those who moved away from there.
    const wonend = (gc: string) => (isi.db.prepare('SELECT count(*) AS n FROM personen WHERE gemeentecode = ?').get(gc) as { n: number }).n;
    const vertrokken = (gc: string) => pib[gc]!.filter((p) => p.verblijf === 'VOORMALIG').length;
    expect(wonend('0014') + vertrokken('0014')).toBeGreaterThanOrEqual(1000);
    expect(wonend('0034') + vertrokken('0034')).toBeGreaterThanOrEqual(300);
  });

  it('R-BSN-1: every generated BSN passes the elfproef and starts with 9999 while that suffices', () => {
    const handboek = new Set(['994002026', '491945449', '604269602', '335297602', '569026040']);
    const bsns = (isi.db.prepare('SELECT bsn FROM personen').all() as { bsn: string }[]).map((r) => r.bsn).filter((b) => !handboek.has(b));
    expect(bsns.length).toBeGreaterThan(1300);
    for (const bsn of bsns) {
      expect(isGeldigBsn(bsn), bsn).toBe(true);
      expect(bsn.startsWith('9999'), bsn).toBe(true);
    }
  });

  it('R-PVT-4: every state the handbook names occurs in Groningen', () => {
    const p = pib['0014']!;
    const heeft = (f: (x: PersoonType) => boolean) => p.some(f);
    expect(heeft((x) => x.pvtPlichtig === 'J')).toBe(true);
    expect(heeft((x) => x.pvtPlichtig === 'N')).toBe(true);
    expect(heeft((x) => x.pvtPlichtig === null)).toBe(true);
    expect(heeft((x) => x.datumVoldaan !== null && !x.registratieDefinitief)).toBe(true);
    expect(heeft((x) => x.datumVoldaan !== null && x.registratieDefinitief)).toBe(true);
    expect(heeft((x) => x.pvtPlichtig === 'J' && x.datumVoldaan === null && x.redenNietVoldaan === null && x.datumEindePvtPlicht! < '2025-03-01')).toBe(true);
    expect(heeft((x) => x.lening)).toBe(true);
    expect(heeft((x) => !x.lening)).toBe(true);
    expect(heeft((x) => x.rechtOpMb === 'J' && x.datumMbGemeldBijBzk !== null)).toBe(true);
    expect(heeft((x) => x.rechtOpMb === 'J' && x.datumMbGemeldBijBzk === null)).toBe(true);
    expect(heeft((x) => x.verblijf === 'VOORMALIG')).toBe(true);
    expect(heeft((x) => x.overleden)).toBe(true);
    const redenen = new Set([...pib['0014']!, ...pib['0034']!].map((x) => x.redenNietVoldaan).filter((r) => r !== null));
    expect([...redenen].sort()).toEqual(['DETENTIE', 'GEEN_AANBOD', 'NIET_VERSCHENEN', 'OVERMACHT', 'REAGEERT_NIET', 'WEIGERT_DEELNAME', 'WEIGERT_ONDERTEKENING', 'ZIEKTE']);
    const statussen = new Set([...pib['0014']!, ...pib['0034']!].filter((x) => x.factuur).map((x) => x.factuur!.status));
    expect([...statussen].sort()).toEqual([null, 1, 2, 3, 4, 5, 6].sort());
    const wetten = new Set((isi.db.prepare("SELECT DISTINCT wet FROM personen WHERE gemeentecode IN ('0014', '0034')").all() as { wet: string }[]).map((r) => r.wet));
    expect([...wetten].sort()).toEqual(['WI2007', 'WI2013', 'WI2021']);
    expect((isi.db.prepare("SELECT count(*) AS n FROM personen WHERE uitgeschreven = 1 AND gemeentecode = '0014'").get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('R-SIG-8: signals of every code (no SS605) and every status', () => {
    const alle = [...signalen['0014']!, ...signalen['0034']!];
    expect([...new Set(alle.map((s) => s.code))].sort()).toEqual(['SS601', 'SS602', 'SS603', 'SS604', 'SS606', 'SS607', 'SS608', 'SS609', 'SS610', 'SS611', 'SS612', 'SS613', 'SS614']);
    expect([...new Set(alle.map((s) => s.status))].sort()).toEqual(['AFGEHANDELD', 'IN_BEHANDELING', 'NIEUW']);
    // R-SIG-2: nothing Afgehandeld older than a week.
    for (const gc of ['0014', '0034']) {
      const r = isi.db.prepare("SELECT count(*) AS n FROM signalen WHERE gemeentecode = ? AND status = 'AFGEHANDELD' AND coalesce(status_gewijzigd_op, datum) <= '2025-02-22'").get(gc) as { n: number };
      expect(r.n).toBe(0);
    }
  });

  it('R-FAC-3: Almere has no bank account at DUO, Groningen has one', async () => {
    const voldaanMetLening = (gc: string) => pib[gc]!.find((p) => p.lening && p.datumVoldaan && !p.factuur && p.verblijf === 'WOONACHTIG' && p.pvtPlichtig === 'J')!;
    const almere = voldaanMetLening('0034');
    verwachtProbleem(await isi.vraag('POST', `/api/v1/gemeenten/0034/personen/${almere.id}/factuur`, { token, body: { factuurnummer: 'A1', factuurdatum: '2025-02-01' } }), 409, 'R-FAC-3');
    const groningen = voldaanMetLening('0014');
    expect((await isi.vraag('POST', `/api/v1/gemeenten/0014/personen/${groningen.id}/factuur`, { token, body: { factuurnummer: 'G1', factuurdatum: '2025-02-01' } })).status).toBe(201);
  });

  it('the seed is deterministic: the same date and counts give the same persons and signals', () => {
    const personen = tweeling.map((s) => s.db.prepare('SELECT id, bsn, voornamen, achternaam, geboortedatum, datum_einde_pvt_plicht, datum_voldaan, reden_niet_voldaan FROM personen ORDER BY bsn').all());
    const sig = tweeling.map((s) => s.db.prepare('SELECT id, code, datum, status FROM signalen ORDER BY id').all());
    expect(personen[0]!.length).toBeGreaterThan(60);
    expect(personen[1]).toEqual(personen[0]);
    expect(sig[1]).toEqual(sig[0]);
  });
});

describe('POST /api/v1/simulatie/personen', () => {
  it('builds any situation; gemeente fields as a code or as {code, naam}; a BSN is generated when absent', async () => {
    const p = await maakPersoon(isi, token, {
      gemeentecode: '0014', gemeenteEersteVestiging: { code: '0034', naam: 'Almere' }, gemeenteEindePvt: '0363', voornamen: 'Sim', achternaam: 'Ulatie',
      geslacht: 2, geboortedatum: '2000-02-29', lening: true, rechtOpMb: 'N', datumStartPvtPlicht: '2024-01-01', datumEindePvtPlicht: '2024-12-31',
      datumStartDeelname: '2024-03-01', datumEindeDeelname: '2024-03-10', datumVoldaan: '2024-03-10',
    });
    expect(p).toMatchObject({
      gemeentecode: '0014', verblijf: 'WOONACHTIG', gemeenteEersteVestiging: { code: '0034', naam: 'Almere' }, gemeenteEindePvt: { code: '0363', naam: 'Amsterdam' },
      voornamen: 'Sim', achternaam: 'Ulatie', geslacht: 2, geboortedatum: '2000-02-29', factuurAanwezig: 'N', datumVoldaan: '2024-03-10', versie: 1,
    });
    expect(isGeldigBsn(p.bsn)).toBe(true);
    expect(p.bsn.startsWith('99')).toBe(true);
  });

  it('a given BSN is kept; an existing one → 409; an invalid one → 400', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0034', bsn: '123456782' });
    expect(p.bsn).toBe('123456782');
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', bsn: '123456782' } }), 409);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', bsn: '123456789' } }), 400, 'R-BSN-1');
  });

  it('an unknown gemeente → 400', async () => {
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '9999' } }), 400);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', gemeenteEersteVestiging: { code: '9998' } } }), 400);
  });
});
