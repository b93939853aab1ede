import { beforeAll, describe, expect, it } from 'vitest';
import { Factuur, type Persoon as PersoonType } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { eenRij, gebeurtenis, leesPersoon, maakPersoon, verwachtKoppen, verwachtProbleem } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01', personen: 40 });

let token = '';
let raadplegen = '';
beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
});

const pad = (p: { id: string }, gc = '0014') => `/api/v1/gemeenten/${gc}/personen/${p.id}/factuur`;
const INVOER = { factuurnummer: 'ABCDEF1234567890', factuurdatum: '2025-02-01', debiteurnummer: 'D12345' };
const MELDING_REKENING = 'Rekeningnummer van uw gemeente is niet bekend bij DUO';

/** Voldaan, with or without a DUO loan: the situation of R-FAC-1. */
function voldaan(gemeentecode: string, extra: Record<string, unknown> = {}): Promise<PersoonType> {
  return maakPersoon(isi, token, {
    gemeentecode, lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31',
    datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10', ...extra,
  });
}

async function versie(p: { id: string }, gc = '0014'): Promise<number> {
  return (await leesPersoon(isi, token, gc, p.id)).versie;
}

describe('the invoice of a person (R-FAC-1, R-FAC-2, R-FAC-4)', () => {
  let p: PersoonType;
  beforeAll(async () => {
    p = await voldaan('0014');
  });

  it('R-FAC-1: GET without an invoice → 404 "Geen factuur gevonden."', async () => {
    expect(p.factuurAanwezig).toBe('N');
    const f = verwachtProbleem(await isi.vraag('GET', pad(p), { token }), 404);
    expect(f.detail).toBe('Geen factuur gevonden.');
  });

  it('R-FAC-2: POST → 201 with the invoice; the amount is DUO\'s € 150,00 whatever the body says', async () => {
    const r = await isi.vraag('POST', pad(p), { token, body: { ...INVOER, bedrag: 1 }, headers: { 'if-match': `"${p.versie}"` } });
    expect(r.status, r.tekst).toBe(201);
    verwachtKoppen(r);
    expect(Factuur.parse(r.body)).toEqual({ ...INVOER, bedrag: 15000, status: 2, geaccepteerd: false });
    expect(r.headers.get('etag')).toBe(`"${p.versie + 1}"`);
    const na = await leesPersoon(isi, token, '0014', p.id);
    expect(na).toMatchObject({ factuurAanwezig: 'J', factuur: { ...INVOER, bedrag: 15000, status: 2, geaccepteerd: false }, versie: p.versie + 1 });
  });

  it('R-FAC-1: GET → 200 with the invoice, for a reading role too', async () => {
    for (const t of [token, raadplegen]) {
      const r = await isi.vraag('GET', pad(p), { token: t });
      expect(r.status).toBe(200);
      expect(Factuur.parse(r.body)).toEqual({ ...INVOER, bedrag: 15000, status: 2, geaccepteerd: false });
    }
  });

  it('R-FAC-1: a second POST while one exists → 409', async () => {
    const f = verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: { ...INVOER, factuurnummer: 'TWEEDE1' } }), 409, 'R-FAC-1');
    expect(f.detail).toContain('al een factuur');
  });

  it('R-FAC-4: PUT while not accepted → 200 with the changed invoice, amount unchanged', async () => {
    const r = await isi.vraag('PUT', pad(p), { token, body: { factuurnummer: 'NIEUW2025', factuurdatum: '2025-02-15', debiteurnummer: null, bedrag: 999999 } });
    expect(r.status, r.tekst).toBe(200);
    expect(r.body).toEqual({ factuurnummer: 'NIEUW2025', factuurdatum: '2025-02-15', debiteurnummer: null, bedrag: 15000, status: 2, geaccepteerd: false });
  });

  it('R-FAC-4: PUT or DELETE with a stale If-Match → 412', async () => {
    verwachtProbleem(await isi.vraag('PUT', pad(p), { token, body: INVOER, headers: { 'if-match': `"${p.versie}"` } }), 412);
    verwachtProbleem(await isi.vraag('DELETE', pad(p), { token, headers: { 'if-match': `"${p.versie}"` } }), 412);
    expect((await leesPersoon(isi, token, '0014', p.id)).factuur?.factuurnummer).toBe('NIEUW2025');
  });

  it('R-FAC-4: DELETE while not accepted → 204; then GET → 404 and Factuur aanwezig is Nee again', async () => {
    const r = await isi.vraag('DELETE', pad(p), { token, headers: { 'if-match': `"${await versie(p)}"` } });
    expect(r.status).toBe(204);
    expect(r.tekst).toBe('');
    verwachtProbleem(await isi.vraag('GET', pad(p), { token }), 404);
    expect((await leesPersoon(isi, token, '0014', p.id)).factuurAanwezig).toBe('N');
  });

  it('R-FAC-4: PUT or DELETE without an invoice → 404', async () => {
    verwachtProbleem(await isi.vraag('PUT', pad(p), { token, body: INVOER }), 404);
    verwachtProbleem(await isi.vraag('DELETE', pad(p), { token }), 404);
  });

  it('R-FAC-1: after removal a new invoice can be added', async () => {
    const r = await isi.vraag('POST', pad(p), { token, body: INVOER });
    expect(r.status).toBe(201);
  });

  it('R-FAC-4: once the person accepted (FACTUUR_GEACCEPTEERD) PUT and DELETE → 409', async () => {
    const g = await gebeurtenis(isi, token, { type: 'FACTUUR_GEACCEPTEERD', bsn: p.bsn });
    expect(g.signalen.map((s) => [s.code, s.gemeentecode])).toEqual([['SS612', '0014']]);
    expect((await isi.vraag('GET', pad(p), { token })).body).toMatchObject({ status: 4, geaccepteerd: true });
    verwachtProbleem(await isi.vraag('PUT', pad(p), { token, body: { ...INVOER, factuurnummer: 'LAAT1' } }), 409, 'R-FAC-4');
    verwachtProbleem(await isi.vraag('DELETE', pad(p), { token }), 409, 'R-FAC-4');
    verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: INVOER }), 409, 'R-FAC-1');
    expect((await isi.vraag('GET', pad(p), { token })).body).toMatchObject({ factuurnummer: INVOER.factuurnummer, status: 4, geaccepteerd: true });
  });

  it('R-FAC-5: a refused invoice (FACTUUR_GEWEIGERD, status 6) can still be changed', async () => {
    const q = await voldaan('0014');
    expect((await isi.vraag('POST', pad(q), { token, body: INVOER })).status).toBe(201);
    const g = await gebeurtenis(isi, token, { type: 'FACTUUR_GEWEIGERD', bsn: q.bsn });
    expect(g.signalen.map((s) => s.code)).toEqual(['SS611']);
    expect((await isi.vraag('GET', pad(q), { token })).body).toMatchObject({ status: 6, geaccepteerd: false });
    const r = await isi.vraag('PUT', pad(q), { token, body: { ...INVOER, factuurnummer: 'HERZIEN1' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ factuurnummer: 'HERZIEN1', status: 2, geaccepteerd: false });
  });

  it('R-FAC-4: the handbook invoice 155441 of 604269602 offers Wijzigen and Verwijderen', async () => {
    const { id } = eenRij<{ id: string }>(isi, "SELECT id FROM personen WHERE bsn = '604269602'");
    const r = await isi.vraag('PUT', pad({ id }), { token, body: { factuurnummer: '155441', factuurdatum: '2019-11-05', debiteurnummer: 'DEB1' } });
    expect(r.status, r.tekst).toBe(200);
    expect(r.body).toEqual({ factuurnummer: '155441', factuurdatum: '2019-11-05', debiteurnummer: 'DEB1', bedrag: 15000, status: 2, geaccepteerd: false });
    expect((await isi.vraag('DELETE', pad({ id }), { token })).status).toBe(204);
  });
});

describe('R-FAC-1: when no invoice can be added', () => {
  it('R-FAC-1: without a DUO loan → 409 (Factuur aanwezig N.v.t.)', async () => {
    const p = await voldaan('0014', { lening: false });
    expect(p.factuurAanwezig).toBe('NVT');
    const f = verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: INVOER }), 409, 'R-FAC-1');
    expect(f.detail).toContain('geen lening');
  });

  it('R-FAC-1: without datum voldaan → 409 (Factuur aanwezig Nee does not mean it can be added)', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31' });
    expect(p.factuurAanwezig).toBe('N');
    const f = verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: INVOER }), 409, 'R-FAC-1');
    expect(f.detail).toContain('Datum voldaan');
    verwachtProbleem(await isi.vraag('GET', pad(p), { token }), 404);
  });
});

describe('R-FAC-2: the fields of an invoice', () => {
  let p: PersoonType;
  beforeAll(async () => {
    p = await voldaan('0014');
  });

  it.each([
    ['factuurnummer of 17 positions', { factuurnummer: 'ABCDEF12345678901' }, [['factuurnummer', 'ONGELDIG_FORMAAT']]],
    ['factuurnummer not alphanumeric', { factuurnummer: 'AB-12/3' }, [['factuurnummer', 'ONGELDIG_FORMAAT']]],
    ['empty factuurnummer', { factuurnummer: '   ' }, [['factuurnummer', 'VERPLICHT']]],
    ['empty factuurdatum', { factuurdatum: '' }, [['factuurdatum', 'VERPLICHT']]],
    ['impossible factuurdatum', { factuurdatum: '2025-02-30' }, [['factuurdatum', 'ONGELDIGE_DATUM']]],
    ['debiteurnummer of 11 positions', { debiteurnummer: 'D1234567890' }, [['debiteurnummer', 'ONGELDIG_FORMAAT']]],
    ['debiteurnummer not alphanumeric', { debiteurnummer: 'D 1' }, [['debiteurnummer', 'ONGELDIG_FORMAAT']]],
    ['three wrong fields at once', { factuurnummer: '', factuurdatum: '31-01-2025', debiteurnummer: 'D-1' }, [['factuurnummer', 'VERPLICHT'], ['factuurdatum', 'ONGELDIGE_DATUM'], ['debiteurnummer', 'ONGELDIG_FORMAAT']]],
  ])('R-FAC-2: %s → 400 with the field errors', async (_naam, velden, fouten) => {
    const f = verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: { ...INVOER, ...velden } }), 400, 'R-FAC-2');
    expect(f.fouten?.map((x) => [x.veld, x.code])).toEqual(fouten);
  });

  it('R-FAC-2: a missing factuurnummer or an unknown field → 400', async () => {
    const { factuurnummer: _weg, ...zonder } = INVOER;
    verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: zonder }), 400, 'R-FAC-2');
    verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: { ...INVOER, iban: 'NL00' } }), 400, 'R-FAC-2');
  });

  it('R-FAC-2: the debiteurnummer is optional', async () => {
    const r = await isi.vraag('POST', pad(p), { token, body: { factuurnummer: 'X1', factuurdatum: '2025-02-01' } });
    expect(r.status, r.tekst).toBe(201);
    expect(r.body.debiteurnummer).toBeNull();
  });
});

describe('R-FAC-3: no bank account number of the gemeente', () => {
  it('R-FAC-3: Almere (0034) → 409 with the handbook\'s message; after DUO registers the account → 201', async () => {
    const { id, bsn } = eenRij<{ id: string; bsn: string }>(isi, "SELECT id, bsn FROM personen WHERE bsn = '491945449'");
    const f = verwachtProbleem(await isi.vraag('POST', pad({ id }, '0034'), { token, body: INVOER }), 409, 'R-FAC-3');
    expect(f.detail).toBe(MELDING_REKENING);
    const g = await isi.vraag('PUT', '/api/v1/simulatie/gemeenten/0034', { token, body: { rekeningnummer: 'NL91ABNA0417164300' } });
    expect(g.status).toBe(200);
    expect(g.body).toEqual({ code: '0034', naam: 'Almere', rekeningnummer: 'NL91ABNA0417164300' });
    const r = await isi.vraag('POST', pad({ id }, '0034'), { token, body: INVOER });
    expect(r.status, r.tekst).toBe(201);
    expect(bsn).toBe('491945449');
  });

  it('R-FAC-3: when DUO no longer knows the account, changing the invoice is refused too', async () => {
    const p = await voldaan('0034');
    expect((await isi.vraag('POST', pad(p, '0034'), { token, body: INVOER })).status).toBe(201);
    expect((await isi.vraag('PUT', '/api/v1/simulatie/gemeenten/0034', { token, body: { rekeningnummer: null } })).status).toBe(200);
    const q = await voldaan('0034');
    expect(verwachtProbleem(await isi.vraag('POST', pad(q, '0034'), { token, body: INVOER }), 409, 'R-FAC-3').detail).toBe(MELDING_REKENING);
    expect(verwachtProbleem(await isi.vraag('PUT', pad(p, '0034'), { token, body: INVOER }), 409, 'R-FAC-3').detail).toBe(MELDING_REKENING);
    // The server checks the account before R-FAC-1: a person without a loan in Almere hears about the account.
    const zonderLening = await voldaan('0034', { lening: false });
    verwachtProbleem(await isi.vraag('POST', pad(zonderLening, '0034'), { token, body: INVOER }), 409, 'R-FAC-3');
  });

  it('R-FAC-3: an unknown gemeente cannot get an account (404)', async () => {
    verwachtProbleem(await isi.vraag('PUT', '/api/v1/simulatie/gemeenten/9999', { token, body: { rekeningnummer: 'NL00' } }), 404);
  });
});

describe('who may change an invoice (R-ROL-3, R-SIG-9)', () => {
  it('R-ROL-3: a reading role → 403 on POST, PUT and DELETE, nothing changed', async () => {
    const p = await voldaan('0014');
    verwachtProbleem(await isi.vraag('POST', pad(p), { token: raadplegen, body: INVOER }), 403, 'R-ROL-3');
    expect((await isi.vraag('POST', pad(p), { token, body: INVOER })).status).toBe(201);
    verwachtProbleem(await isi.vraag('PUT', pad(p), { token: raadplegen, body: { ...INVOER, factuurnummer: 'ANDERS' } }), 403, 'R-ROL-3');
    verwachtProbleem(await isi.vraag('DELETE', pad(p), { token: raadplegen }), 403, 'R-ROL-3');
    expect((await isi.vraag('GET', pad(p), { token })).body.factuurnummer).toBe(INVOER.factuurnummer);
  });

  it('R-SIG-9: the old gemeente of a person who moved → 403 on POST, PUT and DELETE; GET still 200', async () => {
    const p = await voldaan('0014', { verblijf: 'VOORMALIG', factuur: { factuurnummer: 'OUD1', factuurdatum: '2025-01-20' } });
    expect(p.verblijf).toBe('VOORMALIG');
    verwachtProbleem(await isi.vraag('POST', pad(p), { token, body: INVOER }), 403, 'R-SIG-9');
    verwachtProbleem(await isi.vraag('PUT', pad(p), { token, body: INVOER }), 403, 'R-SIG-9');
    verwachtProbleem(await isi.vraag('DELETE', pad(p), { token }), 403, 'R-SIG-9');
    const r = await isi.vraag('GET', pad(p), { token });
    expect(r.status).toBe(200);
    expect(r.body.factuurnummer).toBe('OUD1');
  });
});
