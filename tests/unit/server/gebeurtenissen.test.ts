import { beforeAll, describe, expect, it } from 'vitest';
import type { Persoon as PersoonType } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { gebeurtenis, leesPersoon, maakPersoon, pvt, signalenVan, verwachtProbleem, vrijeBsn, zetKlok } from './hulp';

/** DUO's events (POST /api/v1/simulatie/gebeurtenissen) and the signals R-SIG-10 names for them. */
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 20 });

let token = '';
beforeAll(async () => {
  token = await isi.login('demo-muteren');
});

/** A PVT-plichtige in Groningen whose term is far from its end, so only event signals appear. */
const persoon = (extra: Record<string, unknown> = {}) => maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2025-01-01', datumEindePvtPlicht: '2025-12-31', ...extra });

/** The signals of this person in `gc` other than the SS601 of its creation. */
async function nieuweSignalen(p: PersoonType, gc = '0014'): Promise<string[]> {
  return (await signalenVan(isi, token, gc, p.bsn, { sorteer: 'code' })).filter((s) => !(s.code === 'SS601' && s.datum === '2025-01-01')).map((s) => s.code);
}

describe('R-SIG-10: each DUO event raises the signal its rule names, once', () => {
  it('R-SIG-10: INBURGERINGSPLICHT_GEWIJZIGD → SS606', async () => {
    const p = await persoon();
    const g = await gebeurtenis(isi, token, { type: 'INBURGERINGSPLICHT_GEWIJZIGD', bsn: p.bsn, inburgeringsplichtig: false });
    expect(g.persoonId).toBe(p.id);
    expect(g.signalen.map((s) => [s.code, s.gemeentecode])).toEqual([['SS606', '0014']]);
    expect(await nieuweSignalen(p)).toEqual(['SS606']);
    expect((await leesPersoon(isi, token, '0014', p.id)).inburgeringsplichtig).toBe(false);
    const [s] = await signalenVan(isi, token, '0014', p.bsn, { code: 'SS606' });
    expect(s).toMatchObject({ datum: '2025-03-01', status: 'NIEUW', omschrijving: 'Inburgeringsplicht van persoon is gewijzigd.' });
  });

  it('R-SIG-10: PVT_PLICHT_GEWIJZIGD to Nee → SS607 only', async () => {
    const p = await persoon();
    const g = await gebeurtenis(isi, token, { type: 'PVT_PLICHT_GEWIJZIGD', bsn: p.bsn, pvtPlichtig: 'N' });
    expect(g.signalen.map((s) => s.code)).toEqual(['SS607']);
    expect((await leesPersoon(isi, token, '0014', p.id)).pvtPlichtig).toBe('N');
  });

  it('R-SIG-10: PVT_PLICHT_GEWIJZIGD to Ja → SS607 and SS601 (the person becomes PVT-plichtig)', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', pvtPlichtig: 'N', datumStartPvtPlicht: null, datumEindePvtPlicht: null });
    expect(await signalenVan(isi, token, '0014', p.bsn)).toEqual([]);
    const g = await gebeurtenis(isi, token, { type: 'PVT_PLICHT_GEWIJZIGD', bsn: p.bsn, pvtPlichtig: 'J' });
    expect(g.signalen.map((s) => s.code).sort()).toEqual(['SS601', 'SS607']);
    expect((await signalenVan(isi, token, '0014', p.bsn, { sorteer: 'code' })).map((s) => s.code)).toEqual(['SS601', 'SS607']);
  });

  it('R-SIG-10: TERMIJN_GEWIJZIGD: start → SS608, end → SS609, both → both', async () => {
    const p = await persoon();
    expect((await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn, datumStartPvtPlicht: '2025-01-15' })).signalen.map((s) => s.code)).toEqual(['SS608']);
    expect((await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn, datumEindePvtPlicht: '2026-01-14' })).signalen.map((s) => s.code)).toEqual(['SS609']);
    expect((await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn, datumStartPvtPlicht: '2025-02-01', datumEindePvtPlicht: '2026-01-31' })).signalen.map((s) => s.code)).toEqual(['SS608', 'SS609']);
    expect(await leesPersoon(isi, token, '0014', p.id)).toMatchObject({ datumStartPvtPlicht: '2025-02-01', datumEindePvtPlicht: '2026-01-31' });
    expect(await nieuweSignalen(p)).toEqual(['SS608', 'SS608', 'SS609', 'SS609']);
  });

  it('R-SIG-10: TERMIJN_GEWIJZIGD without a date → 400', async () => {
    const p = await persoon();
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn } }), 400);
  });

  it('R-SIG-10: MB_RECHT_GEWIJZIGD → SS610; MB_GEMELD_BIJ_BZK sets the date without a signal (R-MB-1)', async () => {
    const p = await persoon({ rechtOpMb: 'N' });
    expect((await gebeurtenis(isi, token, { type: 'MB_RECHT_GEWIJZIGD', bsn: p.bsn, rechtOpMb: 'J' })).signalen.map((s) => s.code)).toEqual(['SS610']);
    expect((await gebeurtenis(isi, token, { type: 'MB_GEMELD_BIJ_BZK', bsn: p.bsn })).signalen).toEqual([]);
    expect(await leesPersoon(isi, token, '0014', p.id)).toMatchObject({ rechtOpMb: 'J', datumMbGemeldBijBzk: '2025-03-01' });
    expect(await nieuweSignalen(p)).toEqual(['SS610']);
  });

  it('R-MB-1: only a person with a right to MB can be reported to BZK (409)', async () => {
    const p = await persoon({ rechtOpMb: 'N' });
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'MB_GEMELD_BIJ_BZK', bsn: p.bsn } }), 409);
  });

  it('R-FAC-5: FACTUUR_GEWEIGERD → SS611 (status 6), FACTUUR_GEACCEPTEERD → SS612 (status 4)', async () => {
    const factuur = { factuurnummer: 'F1', factuurdatum: '2025-02-01' };
    const voldaan = { lening: true, datumStartDeelname: '2025-01-10', datumEindeDeelname: '2025-01-20', datumVoldaan: '2025-01-20', factuur };
    const weigert = await persoon(voldaan);
    const accepteert = await persoon(voldaan);
    expect((await gebeurtenis(isi, token, { type: 'FACTUUR_GEWEIGERD', bsn: weigert.bsn })).signalen.map((s) => s.code)).toEqual(['SS611']);
    expect((await gebeurtenis(isi, token, { type: 'FACTUUR_GEACCEPTEERD', bsn: accepteert.bsn })).signalen.map((s) => s.code)).toEqual(['SS612']);
    expect((await leesPersoon(isi, token, '0014', weigert.id)).factuur).toMatchObject({ status: 6, geaccepteerd: false });
    expect((await leesPersoon(isi, token, '0014', accepteert.id)).factuur).toMatchObject({ status: 4, geaccepteerd: true });
    expect(await nieuweSignalen(weigert)).toEqual(['SS611']);
    expect(await nieuweSignalen(accepteert)).toEqual(['SS612']);
  });

  it('R-FAC-5: an invoice answer for a person without an invoice → 409', async () => {
    const p = await persoon();
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'FACTUUR_GEACCEPTEERD', bsn: p.bsn } }), 409);
    expect(await nieuweSignalen(p)).toEqual([]);
  });

  it('R-SIG-9: VERHUISD → SS614 to the gemeente left, SS613 to the gemeente moved to', async () => {
    const p = await persoon();
    const g = await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0034' });
    expect(g.signalen.map((s) => [s.code, s.gemeentecode]).sort()).toEqual([['SS613', '0034'], ['SS614', '0014']]);
    expect(await nieuweSignalen(p, '0014')).toEqual(['SS614']);
    expect((await signalenVan(isi, token, '0034', p.bsn)).map((s) => s.code)).toEqual(['SS613']);
    const [s613] = await signalenVan(isi, token, '0034', p.bsn);
    expect(s613!.omschrijving).toBe('Persoon is verhuisd naar uw gemeente.');
    expect(await leesPersoon(isi, token, '0014', p.id)).toMatchObject({ verblijf: 'VOORMALIG', gemeentecode: '0034', magWijzigen: false });
    expect(await leesPersoon(isi, token, '0034', p.id)).toMatchObject({ verblijf: 'WOONACHTIG', gemeentecode: '0034', magWijzigen: true });
  });

  it('R-SIG-9: moving on to a third gemeente: SS614 to the second, SS613 to the third; the first keeps reading', async () => {
    const p = await persoon();
    await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0034' });
    const g = await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0363' });
    expect(g.signalen.map((s) => [s.code, s.gemeentecode]).sort()).toEqual([['SS613', '0363'], ['SS614', '0034']]);
    expect(await leesPersoon(isi, token, '0034', p.id)).toMatchObject({ verblijf: 'VOORMALIG', gemeentecode: '0363' });
    expect(await leesPersoon(isi, token, '0014', p.id)).toMatchObject({ verblijf: 'VOORMALIG', gemeentecode: '0363' });
    expect(await nieuweSignalen(p, '0014')).toEqual(['SS614']);
  });

  it('R-SIG-9: moving back to a former gemeente makes it WOONACHTIG again, with SS613', async () => {
    const p = await persoon();
    await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0034' });
    const g = await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0014' });
    expect(g.signalen.map((s) => [s.code, s.gemeentecode]).sort()).toEqual([['SS613', '0014'], ['SS614', '0034']]);
    expect(await leesPersoon(isi, token, '0014', p.id)).toMatchObject({ verblijf: 'WOONACHTIG', magWijzigen: true });
  });

  it('R-SIG-9: a move to the same or an unknown gemeente is refused', async () => {
    const p = await persoon();
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0014' } }), 409);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '9999' } }), 400);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'VERHUISD', bsn: p.bsn } }), 400);
    expect(await nieuweSignalen(p)).toEqual([]);
  });

  it('R-SIG-10: OVERLEDEN and UITGESCHREVEN raise no signal', async () => {
    const dood = await persoon();
    expect((await gebeurtenis(isi, token, { type: 'OVERLEDEN', bsn: dood.bsn })).signalen).toEqual([]);
    expect((await leesPersoon(isi, token, '0014', dood.id)).overleden).toBe(true);
    const weg = await persoon();
    expect((await gebeurtenis(isi, token, { type: 'UITGESCHREVEN', bsn: weg.bsn })).signalen).toEqual([]);
    verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${weg.id}`, { token }), 404);
  });

  it('R-SIG-10: an event for an unknown BSN → 404, for an invalid one → 400, an unknown type → 400', async () => {
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'OVERLEDEN', bsn: vrijeBsn(isi) } }), 404);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'OVERLEDEN', bsn: '123456789' } }), 400, 'R-BSN-1');
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'GETROUWD', bsn: '994002026' } }), 400);
  });
});

describe('R-PVT-8: a second overrun of the term', () => {
  let eerste: PersoonType;

  it('R-PVT-8: TERMIJN_GEWIJZIGD to a later end clears the reason of the first overrun (and its finality)', async () => {
    eerste = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-02-28', datumEindePvtPlicht: '2025-02-27', redenNietVoldaan: 'WEIGERT_DEELNAME', registratieDefinitief: true, datumRegistratie: '2025-02-28' });
    expect(eerste).toMatchObject({ redenNietVoldaan: 'WEIGERT_DEELNAME', registratieDefinitief: true, magWijzigen: false });
    const g = await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: eerste.bsn, datumEindePvtPlicht: '2025-03-20' });
    expect(g.signalen.map((s) => s.code)).toEqual(['SS609']);
    const na = await leesPersoon(isi, token, '0014', eerste.id);
    expect(na).toMatchObject({ redenNietVoldaan: null, registratieDefinitief: false, registratieDefinitiefOp: null, datumEindePvtPlicht: '2025-03-20', magWijzigen: true });
  });

  it('R-PVT-8: an earlier or equal end keeps the reason', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-02-28', datumEindePvtPlicht: '2025-02-27', redenNietVoldaan: 'REAGEERT_NIET' });
    await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn, datumEindePvtPlicht: '2025-02-20' });
    expect((await leesPersoon(isi, token, '0014', p.id)).redenNietVoldaan).toBe('REAGEERT_NIET');
    await gebeurtenis(isi, token, { type: 'TERMIJN_GEWIJZIGD', bsn: p.bsn, datumStartPvtPlicht: '2024-03-01' });
    expect((await leesPersoon(isi, token, '0014', p.id)).redenNietVoldaan).toBe('REAGEERT_NIET');
  });

  it('R-PVT-8: at the second overrun a reason can be registered again', async () => {
    const url = `/api/v1/gemeenten/0014/personen/${eerste.id}/pvt`;
    verwachtProbleem(await isi.vraag('PUT', url, { token, body: pvt({ redenNietVoldaan: 'WEIGERT_DEELNAME' }) }), 409, 'R-PVT-5');
    await zetKlok(isi, token, '2025-03-21');
    const r = await isi.vraag('PUT', url, { token, body: pvt({ redenNietVoldaan: 'WEIGERT_DEELNAME' }) });
    expect(r.status, r.tekst).toBe(200);
    expect(r.body).toMatchObject({ redenNietVoldaan: 'WEIGERT_DEELNAME', registratieDefinitief: false, registratieDefinitiefOp: '2025-04-07' });
  });
});
