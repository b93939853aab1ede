import { beforeAll, describe, expect, it } from 'vitest';
import { voerDagwerkUit } from '../../../server/domein/dagwerk';
import type { Persoon as PersoonType } from '../../../shared/schemas/api';
import { startTestServer, type TestServer } from '../../helpers/isi';
import { leesPersoon, maakPersoon, pvt, signalenVan, verwachtProbleem, zetKlok } from './hulp';

/** DUO's daily work, driven through POST /api/v1/simulatie/klok; one server per story. */
const isiTermijn = await startTestServer({ vandaag: '2025-03-01', personen: 20 });
const isiOpschoon = await startTestServer({ vandaag: '2025-03-01', personen: 20 });
const isiDefinitief = await startTestServer({ vandaag: '2025-03-01', personen: 20 });

async function codes(isi: TestServer, token: string, p: PersoonType, code?: string): Promise<string[]> {
  return (await signalenVan(isi, token, '0014', p.bsn, code ? { code } : {})).map((s) => `${s.code}@${s.datum}`);
}

describe('R-SIG-10: the term signals SS602, SS603, SS604', () => {
  const isi = isiTermijn;
  let token = '';
  let a: PersoonType; // nothing registered
  let b: PersoonType; // a culpable reason after the term passed
  let c: PersoonType; // voldaan before
  let d: PersoonType; // term ends on the 31st
  let f: PersoonType; // not PVT-plichtig
  let g: PersoonType; // a non-culpable reason within two months of the end
  let h: PersoonType; // its SS602 day is jumped over
  const maandeinde: Record<string, PersoonType> = {}; // terms ending around the end of April 2026

  beforeAll(async () => {
    token = await isiTermijn.login('demo-muteren');
    const term = { gemeentecode: '0014', datumStartPvtPlicht: '2024-05-16', datumEindePvtPlicht: '2025-05-15' };
    a = await maakPersoon(isi, token, term);
    b = await maakPersoon(isi, token, term);
    c = await maakPersoon(isi, token, { ...term, datumStartDeelname: '2025-02-01', datumEindeDeelname: '2025-02-20', datumVoldaan: '2025-02-20' });
    d = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31' });
    f = await maakPersoon(isi, token, { ...term, pvtPlichtig: 'N' });
    g = await maakPersoon(isi, token, term);
    h = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-11', datumEindePvtPlicht: '2025-06-10' });
    for (const einde of ['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01']) {
      maandeinde[einde] = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2025-05-01', datumEindePvtPlicht: einde });
    }
  });

  it('R-SIG-10: no SS602 the day before two months before the end', async () => {
    await zetKlok(isi, token, '2025-03-14');
    expect(await codes(isi, token, a, 'SS602')).toEqual([]);
  });

  it('R-SIG-10: SS602 exactly two months before the end, for those who have not signed', async () => {
    const k = await zetKlok(isi, token, '2025-03-15');
    expect(k).toMatchObject({ vandaag: '2025-03-15', dagen: 1 });
    for (const p of [a, b, g]) expect(await codes(isi, token, p, 'SS602')).toEqual(['SS602@2025-03-15']);
    expect(await codes(isi, token, c)).toEqual(['SS601@2024-05-16']);
    expect(await codes(isi, token, f)).toEqual([]);
    const [s] = await signalenVan(isi, token, '0014', a.bsn, { code: 'SS602' });
    expect(s).toMatchObject({ status: 'NIEUW', omschrijving: 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn loopt over 2 maanden af.' });
  });

  it('R-SIG-10: the clock set to the same day again raises nothing twice', async () => {
    const k = await zetKlok(isi, token, '2025-03-15');
    expect(k).toMatchObject({ dagen: 0, signalen: 0 });
    expect(await codes(isi, token, a, 'SS602')).toEqual(['SS602@2025-03-15']);
  });

  it('R-SIG-10: the day\'s batch run again (as after a restart) raises nothing twice', async () => {
    const verslag = voerDagwerkUit(isi.db, '2025-03-15');
    expect(verslag.signalen).toBe(0);
    expect(await codes(isi, token, a, 'SS602')).toEqual(['SS602@2025-03-15']);
  });

  it('R-SIG-10: the clock cannot go back (409)', async () => {
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/klok', { token, body: { vandaag: '2025-03-10' } }), 409);
  });

  it('R-PVT-5: a non-culpable reason registered within the two months', async () => {
    await zetKlok(isi, token, '2025-03-20');
    expect((await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${g.id}/pvt`, { token, body: pvt({ redenNietVoldaan: 'GEEN_AANBOD' }) })).status).toBe(200);
  });

  it('R-SIG-10: SS602 two months before the 31st of May is 31 March', async () => {
    await zetKlok(isi, token, '2025-03-30');
    expect(await codes(isi, token, d, 'SS602')).toEqual([]);
    await zetKlok(isi, token, '2025-03-31');
    expect(await codes(isi, token, d, 'SS602')).toEqual(['SS602@2025-03-31']);
  });

  it('R-SIG-10: days jumped over in one move of the clock still get their signal, once', async () => {
    const k = await zetKlok(isi, token, '2025-05-15');
    expect(k.dagen).toBe(45);
    expect(await codes(isi, token, h, 'SS602')).toEqual(['SS602@2025-04-10']);
    expect(await codes(isi, token, a, 'SS603')).toEqual([]);
  });

  it('R-SIG-10: SS603 the day after the term ended without signature, whether or not a reason is registered', async () => {
    await zetKlok(isi, token, '2025-05-16');
    for (const p of [a, b, g]) expect(await codes(isi, token, p, 'SS603')).toEqual(['SS603@2025-05-16']);
    expect(await codes(isi, token, c, 'SS603')).toEqual([]);
    expect(await codes(isi, token, f, 'SS603')).toEqual([]);
    const [s] = await signalenVan(isi, token, '0014', a.bsn, { code: 'SS603' });
    expect(s!.omschrijving).toBe('Persoon heeft de participatieverklaring nog niet ondertekend en de termijn is overschreden.');
  });

  it('R-PVT-5: a culpable reason now that the term has passed', async () => {
    expect((await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${b.id}/pvt`, { token, body: pvt({ redenNietVoldaan: 'WEIGERT_DEELNAME' }) })).status).toBe(200);
  });

  it('R-SIG-10: SS604 two weeks after SS603, only for those with neither signature nor reason', async () => {
    await zetKlok(isi, token, '2025-05-29');
    expect(await codes(isi, token, a, 'SS604')).toEqual([]);
    await zetKlok(isi, token, '2025-05-30');
    expect(await codes(isi, token, a, 'SS604')).toEqual(['SS604@2025-05-30']);
    for (const p of [b, c, f, g]) expect(await codes(isi, token, p, 'SS604')).toEqual([]);
    expect(await codes(isi, token, a)).toEqual(['SS602@2025-03-15', 'SS603@2025-05-16', 'SS604@2025-05-30']);
  });

  it('R-SIG-10: two months before the 28th to the 30th of April is the last day of February', async () => {
    await zetKlok(isi, token, '2026-02-27');
    expect(await codes(isi, token, maandeinde['2026-04-27']!, 'SS602')).toEqual(['SS602@2026-02-27']);
    for (const einde of ['2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01']) expect(await codes(isi, token, maandeinde[einde]!, 'SS602')).toEqual([]);
    await zetKlok(isi, token, '2026-02-28');
    for (const einde of ['2026-04-28', '2026-04-29', '2026-04-30']) expect(await codes(isi, token, maandeinde[einde]!, 'SS602'), einde).toEqual(['SS602@2026-02-28']);
    expect(await codes(isi, token, maandeinde['2026-05-01']!, 'SS602')).toEqual([]);
    await zetKlok(isi, token, '2026-03-01');
    expect(await codes(isi, token, maandeinde['2026-05-01']!, 'SS602')).toEqual(['SS602@2026-03-01']);
    for (const p of Object.values(maandeinde)) expect(await codes(isi, token, p, 'SS602')).toHaveLength(1);
  });
});

describe('R-SIG-2: DUO cleans signals', () => {
  const isi = isiOpschoon;
  let token = '';
  let p: PersoonType;
  let oud: PersoonType;
  let recent: PersoonType;
  let bezig: PersoonType;
  const wijzig = async (ids: string[], status: string) => {
    const r = await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/statuswijzigingen', { token, body: { ids, status } });
    expect(r.status).toBe(201);
  };

  beforeAll(async () => {
    token = await isi.login('demo-muteren');
    p = await maakPersoon(isi, token, { gemeentecode: '0014' });
    // Terms that end far away, so no term signals join in.
    oud = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2026-12-31' });
    recent = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2025-01-15', datumEindePvtPlicht: '2026-12-31' });
    bezig = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2026-12-31' });
    await wijzig((await signalenVan(isi, token, '0014', bezig.bsn)).map((s) => s.id), 'IN_BEHANDELING');
  });

  it('R-SIG-2: an Afgehandeld signal stays for a week', async () => {
    await wijzig((await signalenVan(isi, token, '0014', p.bsn)).map((s) => s.id), 'AFGEHANDELD');
    await zetKlok(isi, token, '2025-03-07');
    expect((await signalenVan(isi, token, '0014', p.bsn)).map((s) => s.status)).toEqual(['AFGEHANDELD']);
  });

  it('R-SIG-2: and is deleted after one week', async () => {
    const k = await zetKlok(isi, token, '2025-03-08');
    expect(k.opgeschoond).toBeGreaterThanOrEqual(1);
    expect(await signalenVan(isi, token, '0014', p.bsn)).toEqual([]);
    expect((await leesPersoon(isi, token, '0014', p.id)).signalen).toEqual({ totaal: 0, nieuw: 0, inBehandeling: 0, afgehandeld: 0 });
  });

  it('R-SIG-2: a week counts from when it was set to Afgehandeld, not from the signal\'s date', async () => {
    const q = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2025-01-02' });
    await wijzig((await signalenVan(isi, token, '0014', q.bsn)).map((s) => s.id), 'AFGEHANDELD');
    await zetKlok(isi, token, '2025-03-14');
    expect(await signalenVan(isi, token, '0014', q.bsn)).toHaveLength(1);
    await zetKlok(isi, token, '2025-03-15');
    expect(await signalenVan(isi, token, '0014', q.bsn)).toEqual([]);
  });

  it('R-SIG-2: on the first day of a quarter, Nieuw signals older than a quarter are cleaned; newer ones and In behandeling stay', async () => {
    await zetKlok(isi, token, '2025-03-31');
    expect(await codes(isi, token, oud)).toEqual(['SS601@2024-06-01']);
    await zetKlok(isi, token, '2025-04-01');
    expect(await codes(isi, token, oud)).toEqual([]);
    expect(await codes(isi, token, recent)).toEqual(['SS601@2025-01-15']);
    expect((await signalenVan(isi, token, '0014', bezig.bsn)).map((s) => s.status)).toEqual(['IN_BEHANDELING']);
  });

  it('R-SIG-2: In behandeling signals are never cleaned; openstaand counts what is left', async () => {
    await zetKlok(isi, token, '2025-07-01');
    expect((await signalenVan(isi, token, '0014', bezig.bsn)).map((s) => s.status)).toEqual(['IN_BEHANDELING']);
    expect(await codes(isi, token, recent)).toEqual([]);
    const open = (await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token })).body.aantal as number;
    const nieuw = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'NIEUW' } })).body.totaal as number;
    const inBehandeling = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'IN_BEHANDELING' } })).body.totaal as number;
    expect(open).toBe(nieuw + inBehandeling);
    expect(inBehandeling).toBeGreaterThanOrEqual(1);
  });
});

describe('R-PVT-3: registrations become definitive in the weekly run', () => {
  const isi = isiDefinitief;
  let token = '';
  const perDag: { dag: string; p: PersoonType; definitiefOp: string }[] = [];
  const verwacht: Record<string, string> = {
    '2025-03-03': '2025-03-17', // Monday: exactly two weeks
    '2025-03-04': '2025-03-24', // Tuesday: the longest wait, 20 days
    '2025-03-05': '2025-03-24',
    '2025-03-06': '2025-03-24',
    '2025-03-07': '2025-03-24',
    '2025-03-08': '2025-03-24',
    '2025-03-09': '2025-03-24',
  };
  let herzien: PersoonType;
  let alleenDeelname: PersoonType;
  let metReden: PersoonType;

  beforeAll(async () => {
    token = await isi.login('demo-muteren');
  });

  const registreer = async (p: PersoonType, dag: string, extra: Record<string, string> = {}) => {
    const r = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${p.id}/pvt`, { token, body: pvt({ datumStartDeelname: '2025-02-01', datumEindeDeelname: dag, datumVoldaan: dag, ...extra }) });
    expect(r.status, r.tekst).toBe(200);
    return r.body as PersoonType;
  };

  it('R-PVT-3: a registration becomes definitive 2 to 3 weeks later, always on a Monday', async () => {
    for (const dag of Object.keys(verwacht)) {
      await zetKlok(isi, token, dag);
      const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' });
      const na = await registreer(p, dag);
      expect(na.registratieDefinitief).toBe(false);
      expect(na.registratieDefinitiefOp, dag).toBe(verwacht[dag]);
      const dagen = (Date.parse(na.registratieDefinitiefOp!) - Date.parse(dag)) / 86_400_000;
      expect(dagen).toBeGreaterThanOrEqual(14);
      expect(dagen).toBeLessThanOrEqual(20);
      expect(new Date(`${na.registratieDefinitiefOp}T00:00:00Z`).getUTCDay()).toBe(1);
      perDag.push({ dag, p: na, definitiefOp: na.registratieDefinitiefOp! });
      if (dag === '2025-03-03') {
        herzien = await registreer(await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' }), dag);
        alleenDeelname = await registreer(await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' }), dag);
        const r = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-04-02', datumEindePvtPlicht: '2025-04-01' });
        const gezet = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${r.id}/pvt`, { token, body: pvt({ redenNietVoldaan: 'GEEN_AANBOD' }) });
        expect(gezet.body).toMatchObject({ redenNietVoldaan: 'GEEN_AANBOD', registratieDefinitiefOp: '2025-03-17' });
        metReden = gezet.body;
      }
    }
  });

  it('R-PVT-3: changing datum voldaan before it is definitive starts a new registration; changing only deelname does not', async () => {
    await zetKlok(isi, token, '2025-03-10');
    const a = await registreer(herzien, '2025-03-10');
    expect(a.registratieDefinitiefOp).toBe('2025-03-24');
    const b = await registreer(alleenDeelname, '2025-03-03', { datumStartDeelname: '2025-02-10' });
    expect(b).toMatchObject({ datumStartDeelname: '2025-02-10', registratieDefinitiefOp: '2025-03-17' });
  });

  it('R-PVT-3: nothing is definitive before the Monday run', async () => {
    await zetKlok(isi, token, '2025-03-16');
    for (const { p } of perDag) expect((await leesPersoon(isi, token, '0014', p.id)).registratieDefinitief).toBe(false);
  });

  it('R-PVT-3: the Monday run of 17 March finalises what was registered two weeks before', async () => {
    const k = await zetKlok(isi, token, '2025-03-17');
    // Ours (registered 3 March, one only in its deelname dates) and the seed's provisional ones.
    expect(k.definitief).toBeGreaterThanOrEqual(2);
    for (const { p, definitiefOp } of perDag) {
      const nu = await leesPersoon(isi, token, '0014', p.id);
      expect(nu.registratieDefinitief, p.id).toBe(definitiefOp === '2025-03-17');
    }
    expect((await leesPersoon(isi, token, '0014', alleenDeelname.id)).registratieDefinitief).toBe(true);
    expect((await leesPersoon(isi, token, '0014', herzien.id)).registratieDefinitief).toBe(false);
    // A reason niet voldaan is finalised the same way.
    expect((await leesPersoon(isi, token, '0014', metReden.id)).registratieDefinitief).toBe(true);
    verwachtProbleem(await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${metReden.id}/pvt`, { token, body: pvt({ redenNietVoldaan: 'ZIEKTE' }) }), 409, 'R-PVT-3');
  });

  it('R-PVT-3: once definitive the person is read-only and a change → 409', async () => {
    const eerste = await leesPersoon(isi, token, '0014', perDag[0]!.p.id);
    expect(eerste).toMatchObject({ registratieDefinitief: true, magWijzigen: false });
    expect(eerste.alleenLezenReden).toContain('mutatieformulier');
    verwachtProbleem(await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${eerste.id}/pvt`, { token, body: pvt({ datumStartDeelname: '2025-02-01', datumEindeDeelname: '2025-03-03', datumVoldaan: '2025-03-02' }) }), 409, 'R-PVT-3');
  });

  it('R-PVT-3: the run of 24 March finalises the rest', async () => {
    await zetKlok(isi, token, '2025-03-23');
    expect((await leesPersoon(isi, token, '0014', perDag[1]!.p.id)).registratieDefinitief).toBe(false);
    await zetKlok(isi, token, '2025-03-24');
    for (const { p } of perDag) expect((await leesPersoon(isi, token, '0014', p.id)).registratieDefinitief).toBe(true);
    expect((await leesPersoon(isi, token, '0014', herzien.id)).registratieDefinitief).toBe(true);
  });
});
