import { beforeAll, describe, expect, it } from 'vitest';
import { Persoon, type Persoon as PersoonType } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { leesPersoon, maakPersoon, pvt, verwachtKoppen, verwachtProbleem } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01', personen: 40 });

let token = '';
let raadplegen = '';
let cvs = '';

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  cvs = await isi.login('demo-cvs-0014');
});

const pad = (p: { id: string }, gc = '0014') => `/api/v1/gemeenten/${gc}/personen/${p.id}/pvt`;

/** A PVT-plichtige in Groningen whose term ends on `einde`. */
function inTermijn(einde: string, extra: Record<string, unknown> = {}): Promise<PersoonType> {
  const jaarEerder = `${Number(einde.slice(0, 4)) - 1}${einde.slice(4)}`;
  return maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: jaarEerder, datumEindePvtPlicht: einde, ...extra });
}

async function zet(p: PersoonType, body: unknown, opties: { token?: string; gc?: string; ifMatch?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (opties.ifMatch !== null) headers['if-match'] = opties.ifMatch ?? `"${p.versie}"`;
  return isi.vraag('PUT', pad(p, opties.gc), { token: opties.token ?? token, body, headers });
}

describe('PUT /personen/{id}/pvt: success (R-PVT-2)', () => {
  it('R-PVT-2: the four fields are stored → 200 with the person, a new versie and ETag', async () => {
    const p = await inTermijn('2025-12-31');
    const body = pvt({ datumStartDeelname: '2025-02-01', datumEindeDeelname: '2025-02-10', datumVoldaan: '2025-02-10' });
    const r = await zet(p, body);
    expect(r.status, r.tekst).toBe(200);
    verwachtKoppen(r);
    const na = Persoon.parse(r.body);
    expect(na.versie).toBe(p.versie + 1);
    expect(r.headers.get('etag')).toBe(`"${na.versie}"`);
    expect(na).toMatchObject({
      ...body,
      gemeenteEindePvt: { code: '0014', naam: 'Groningen' },
      registratieDefinitief: false,
      // Registered on Saturday 2025-03-01: definitive in the first weekly run two weeks later, Monday 2025-03-17.
      registratieDefinitiefOp: '2025-03-17',
      magWijzigen: true,
    });
    expect(await leesPersoon(isi, token, '0014', p.id)).toEqual(na);
  });

  it('R-PVT-2: a change before it is definitive is allowed and can empty the fields again', async () => {
    const p = await inTermijn('2025-12-31');
    const een = Persoon.parse((await zet(p, pvt({ datumStartDeelname: '2025-01-10', datumEindeDeelname: '2025-01-20', datumVoldaan: '2025-01-20' }))).body);
    const r = await zet(een, pvt({ datumStartDeelname: '2025-01-10' }));
    expect(r.status, r.tekst).toBe(200);
    expect(r.body).toMatchObject({ ...pvt({ datumStartDeelname: '2025-01-10' }), gemeenteEindePvt: null, registratieDefinitiefOp: null, versie: p.versie + 2 });
  });

  it('R-PVT-2: If-Match may be "*" or weak, and may be left out', async () => {
    const p = await inTermijn('2025-12-31');
    expect((await zet(p, pvt({ datumStartDeelname: '2025-02-01' }), { ifMatch: '*' })).status).toBe(200);
    expect((await zet(p, pvt({ datumStartDeelname: '2025-02-02' }), { ifMatch: `W/"${p.versie + 1}"` })).status).toBe(200);
    const r = await zet(p, pvt({ datumStartDeelname: '2025-02-03' }), { ifMatch: null });
    expect(r.status).toBe(200);
    expect(r.body.versie).toBe(p.versie + 3);
  });

  it('R-AUTH-1: a CVS with the MUT role may change PVT data too', async () => {
    const p = await inTermijn('2025-12-31');
    expect((await zet(p, pvt({ datumStartDeelname: '2025-02-01' }), { token: cvs })).status).toBe(200);
  });
});

describe('PUT /personen/{id}/pvt: refusals', () => {
  it('R-PVT-1: stale If-Match → 412 with the current ETag, nothing changed', async () => {
    const p = await inTermijn('2025-12-31');
    expect((await zet(p, pvt({ datumStartDeelname: '2025-02-01' }))).status).toBe(200);
    const r = await zet(p, pvt({ datumStartDeelname: '2025-02-15' }));
    verwachtProbleem(r, 412);
    expect(r.headers.get('etag')).toBe(`"${p.versie + 1}"`);
    expect((await leesPersoon(isi, token, '0014', p.id)).datumStartDeelname).toBe('2025-02-01');
  });

  it('R-ROL-3: without WI2013MUT → 403, nothing changed', async () => {
    const p = await inTermijn('2025-12-31');
    verwachtProbleem(await zet(p, pvt({ datumStartDeelname: '2025-02-01' }), { token: raadplegen }), 403, 'R-ROL-3');
    expect((await leesPersoon(isi, token, '0014', p.id)).versie).toBe(p.versie);
  });

  it('R-SIG-9: the old gemeente of a person who moved away → 403; the new gemeente may change', async () => {
    const weg = await maakPersoon(isi, token, { gemeentecode: '0014', verblijf: 'VOORMALIG', datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31' });
    expect(weg).toMatchObject({ verblijf: 'VOORMALIG', gemeentecode: '0034', magWijzigen: false });
    const p = verwachtProbleem(await zet(weg, pvt({ datumStartDeelname: '2025-02-01' })), 403, 'R-SIG-9');
    expect(p.detail).toContain('nieuwe gemeente');
    expect((await zet(weg, pvt({ datumStartDeelname: '2025-02-01' }), { gc: '0034' })).status).toBe(200);
  });

  it.each([
    ['PVT-plichtig Nee', { pvtPlichtig: 'N', datumStartPvtPlicht: null, datumEindePvtPlicht: null }],
    ['PVT-plicht undetermined', { pvtPlichtig: null, datumStartPvtPlicht: null, datumEindePvtPlicht: null }],
    ['under the Wi2021', { wet: 'WI2021', pvtPlichtig: null, datumStartPvtPlicht: null, datumEindePvtPlicht: null }],
  ])('R-PVT-1: %s → 409', async (_naam, velden) => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', ...velden });
    expect(p.magWijzigen).toBe(false);
    verwachtProbleem(await zet(p, pvt({ datumStartDeelname: '2025-02-01' })), 409, 'R-PVT-1');
  });

  it('R-PVT-3: a definitive registration → 409 pointing to the mutatieformulier', async () => {
    const p = await inTermijn('2025-06-30', { datumStartDeelname: '2024-09-01', datumEindeDeelname: '2024-09-10', datumVoldaan: '2024-09-10', registratieDefinitief: true, datumRegistratie: '2024-09-11' });
    expect(p).toMatchObject({ registratieDefinitief: true, magWijzigen: false });
    const fout = verwachtProbleem(await zet(p, pvt({ datumStartDeelname: '2024-09-01', datumEindeDeelname: '2024-09-10', datumVoldaan: '2024-09-11' })), 409, 'R-PVT-3');
    expect(fout.detail).toContain('mutatieformulier');
  });
});

describe('R-PVT-5 timing of a reason', () => {
  // Today is 2025-03-01. Non-culpable reasons from two months before the end of the term.
  it.each(['GEEN_AANBOD', 'ZIEKTE', 'DETENTIE'])('R-PVT-5: non-culpable %s: allowed from exactly two months before the end', async (reden) => {
    const precies = await inTermijn('2025-05-01');
    const r = await zet(precies, pvt({ redenNietVoldaan: reden }));
    expect(r.status, r.tekst).toBe(200);
    expect(r.body.redenNietVoldaan).toBe(reden);
  });

  it.each(['GEEN_AANBOD', 'ZIEKTE', 'DETENTIE'])('R-PVT-5: non-culpable %s: one day earlier than two months before the end → 409', async (reden) => {
    const te = await inTermijn('2025-05-02');
    const p = verwachtProbleem(await zet(te, pvt({ redenNietVoldaan: reden })), 409, 'R-PVT-5');
    expect(p.detail).toContain('02-03-2025');
  });

  const naTermijn: [string, Record<string, string>][] = [
    ['WEIGERT_DEELNAME', {}],
    ['WEIGERT_ONDERTEKENING', { datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20' }],
    ['REAGEERT_NIET', {}],
    ['NIET_VERSCHENEN', {}],
    ['OVERMACHT', {}],
  ];
  it.each(naTermijn)('R-PVT-5: culpable reason or overmacht %s on the last day of the term → 409', async (reden, datums) => {
    const p = await inTermijn('2025-03-01');
    const fout = verwachtProbleem(await zet(p, pvt({ redenNietVoldaan: reden, ...datums })), 409, 'R-PVT-5');
    expect(fout.detail).toContain('02-03-2025');
  });

  it.each(naTermijn)('R-PVT-5: culpable reason or overmacht %s the day after the term passed → 200', async (reden, datums) => {
    const p = await inTermijn('2025-02-28');
    const r = await zet(p, pvt({ redenNietVoldaan: reden, ...datums }));
    expect(r.status, r.tekst).toBe(200);
    expect(r.body).toMatchObject({ redenNietVoldaan: reden, ...datums });
  });

  it('R-PVT-5: a reason without a known end of term → 409', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-03-01', datumEindePvtPlicht: null });
    verwachtProbleem(await zet(p, pvt({ redenNietVoldaan: 'GEEN_AANBOD' })), 409, 'R-PVT-5');
  });
});

describe('R-PVT-4 the dates each reason allows', () => {
  let verlopen: PersoonType;
  beforeAll(async () => {
    verlopen = await inTermijn('2025-01-31');
  });
  const START = '2024-11-01';
  const EINDE = '2024-11-15';

  it.each(['WEIGERT_DEELNAME', 'REAGEERT_NIET', 'GEEN_AANBOD'])('R-PVT-4: %s requires both deelname dates empty → 400 naming each filled one', async (reden) => {
    const een = verwachtProbleem(await zet(verlopen, pvt({ redenNietVoldaan: reden, datumStartDeelname: START })), 400, 'R-PVT-4');
    expect(een.fouten).toEqual([expect.objectContaining({ veld: 'datumStartDeelname', code: 'MOET_LEEG_ZIJN' })]);
    const twee = verwachtProbleem(await zet(verlopen, pvt({ redenNietVoldaan: reden, datumStartDeelname: START, datumEindeDeelname: EINDE })), 400, 'R-PVT-4');
    expect(twee.fouten?.map((f) => f.veld)).toEqual(['datumStartDeelname', 'datumEindeDeelname']);
  });

  it('R-PVT-4: WEIGERT_ONDERTEKENING requires both deelname dates filled → 400 naming each empty one', async () => {
    const geen = verwachtProbleem(await zet(verlopen, pvt({ redenNietVoldaan: 'WEIGERT_ONDERTEKENING' })), 400, 'R-PVT-4');
    expect(geen.fouten?.map((f) => [f.veld, f.code])).toEqual([['datumStartDeelname', 'VERPLICHT'], ['datumEindeDeelname', 'VERPLICHT']]);
    const half = verwachtProbleem(await zet(verlopen, pvt({ redenNietVoldaan: 'WEIGERT_ONDERTEKENING', datumStartDeelname: START })), 400, 'R-PVT-4');
    expect(half.fouten?.map((f) => f.veld)).toEqual(['datumEindeDeelname']);
  });

  it.each(['NIET_VERSCHENEN', 'ZIEKTE', 'DETENTIE', 'OVERMACHT'])('R-PVT-4: %s takes the deelname dates as optional (empty, start only, both)', async (reden) => {
    const p = await inTermijn('2025-01-31');
    let versie = p.versie;
    for (const datums of [{}, { datumStartDeelname: START }, { datumStartDeelname: START, datumEindeDeelname: EINDE }]) {
      const r = await zet({ ...p, versie }, pvt({ redenNietVoldaan: reden, ...datums }));
      expect(r.status, r.tekst).toBe(200);
      versie = r.body.versie;
    }
  });

  it.each(['WEIGERT_DEELNAME', 'WEIGERT_ONDERTEKENING', 'REAGEERT_NIET', 'NIET_VERSCHENEN', 'GEEN_AANBOD', 'ZIEKTE', 'DETENTIE', 'OVERMACHT'])(
    'R-PVT-4: %s with a datum voldaan → 400 (refused as R-PVT-6: voldaan and a reason exclude each other)',
    async (reden) => {
      const p = verwachtProbleem(await zet(verlopen, pvt({ redenNietVoldaan: reden, datumStartDeelname: START, datumEindeDeelname: EINDE, datumVoldaan: EINDE })), 400, 'R-PVT-6');
      expect(p.fouten).toEqual([expect.objectContaining({ veld: 'redenNietVoldaan', code: 'SLUIT_ELKAAR_UIT' })]);
    },
  );

  it('R-PVT-4: none of the refusals changed the person', async () => {
    expect((await leesPersoon(isi, token, '0014', verlopen.id)).versie).toBe(verlopen.versie);
  });
});

describe('R-PVT-6 dates that contradict each other', () => {
  let p: PersoonType;
  beforeAll(async () => {
    p = await inTermijn('2025-12-31');
  });

  it.each([
    ['einde deelname before start', { datumStartDeelname: '2025-02-10', datumEindeDeelname: '2025-02-09' }, [['datumEindeDeelname', 'VOOR_START']]],
    ['einde deelname without start', { datumEindeDeelname: '2025-02-09' }, [['datumStartDeelname', 'VERPLICHT']]],
    ['datum voldaan before start deelname', { datumStartDeelname: '2025-02-10', datumVoldaan: '2025-02-01' }, [['datumVoldaan', 'VOOR_START']]],
    ['start deelname in the future', { datumStartDeelname: '2025-03-02' }, [['datumStartDeelname', 'DATUM_IN_TOEKOMST']]],
    ['einde deelname in the future', { datumStartDeelname: '2025-02-01', datumEindeDeelname: '2025-03-02' }, [['datumEindeDeelname', 'DATUM_IN_TOEKOMST']]],
    ['datum voldaan in the future', { datumVoldaan: '2026-01-01' }, [['datumVoldaan', 'DATUM_IN_TOEKOMST']]],
    ['two dates in the future at once', { datumStartDeelname: '2025-04-01', datumVoldaan: '2025-04-02' }, [['datumStartDeelname', 'DATUM_IN_TOEKOMST'], ['datumVoldaan', 'DATUM_IN_TOEKOMST']]],
  ])('R-PVT-6: %s → 400 with the field errors', async (_naam, velden, fouten) => {
    const f = verwachtProbleem(await zet(p, pvt(velden)), 400, 'R-PVT-6');
    expect(f.fouten?.map((x) => [x.veld, x.code])).toEqual(fouten);
  });

  it('R-PVT-6: datum voldaan together with a reason → 400', async () => {
    const f = verwachtProbleem(await zet(p, pvt({ datumVoldaan: '2025-02-01', redenNietVoldaan: 'GEEN_AANBOD' })), 400, 'R-PVT-6');
    expect(f.fouten?.[0]?.code).toBe('SLUIT_ELKAAR_UIT');
  });

  it('R-PVT-6: today is not in the future', async () => {
    const r = await zet(p, pvt({ datumStartDeelname: '2025-03-01', datumEindeDeelname: '2025-03-01', datumVoldaan: '2025-03-01' }));
    expect(r.status, r.tekst).toBe(200);
    p = Persoon.parse(r.body);
  });

  it.each([
    ['an impossible date', { ...pvt(), datumVoldaan: '2025-02-30' }, 'datumVoldaan'],
    ['an unknown reason', { ...pvt(), redenNietVoldaan: 'GEEN_ZIN' }, 'redenNietVoldaan'],
    ['a missing field', { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null }, 'redenNietVoldaan'],
    ['a Dutch-format date', { ...pvt(), datumStartDeelname: '01-02-2025' }, 'datumStartDeelname'],
  ])('R-PVT-6: %s → 400 naming the field', async (_naam, body, veld) => {
    const f = verwachtProbleem(await zet(p, body), 400, 'R-PVT-6');
    expect(f.fouten?.map((x) => x.veld)).toEqual([veld]);
  });

  it('R-PVT-6: none of the refusals changed the person', async () => {
    expect((await leesPersoon(isi, token, '0014', p.id)).versie).toBe(p.versie);
  });
});
