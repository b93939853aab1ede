// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BSN_MELDING_ELFPROEF } from '../../../shared/rules/bsn';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../../shared/rules/rollen';
import type { SignaalStatus } from '../../../shared/rules/signalen';
import type { SignaalInLijst } from '../../../shared/schemas/api';
import { GEEN_SLEUTELOPSLAG, geweigerdDoorIsi, gelukt, maakSessie, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): searches go straight to ISI, status changes through the outbox channel.
const pib = vi.hoisted(() => ({
  signalen: { zoek: vi.fn(), openstaand: vi.fn(), downloadAlle: vi.fn() },
  cache: { sleutel: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSignalenStore, voegSamen, vergelijkSignalen } = await import('../../../renderer/stores/signalen');

let volg = 0;
function signaal(velden: Partial<SignaalInLijst> = {}): SignaalInLijst {
  volg++;
  return {
    id: `00000000-0000-4000-8000-${String(volg).padStart(12, '0')}`,
    persoonId: '10000000-0000-4000-8000-000000000001',
    status: 'NIEUW', bsn: '335297602', achternaam: 'Test', code: 'SS601', omschrijving: 'Persoon is PVT-plichtig', datum: '2025-02-01',
    ...velden,
  };
}

const lijst = (items: SignaalInLijst[], totaal = items.length) => gelukt({ items, totaal, pagina: 1, paginaGrootte: 10 });

beforeEach(() => {
  vi.resetAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
  maakSessie();
});

describe('signalen store: zoeken (R-SIG-4, R-SIG-5)', () => {
  it('R-SIG-4: sends only the filled-in filters, sorted on BSN, page 1 of 10', async () => {
    pib.signalen.zoek.mockResolvedValue(lijst([signaal()], 1));
    const s = useSignalenStore();
    Object.assign(s.criteria, { bsn: ' 335297602 ', code: 'SS601', datumVan: '2025-01-01', datumTot: null, status: 'NIEUW' });
    const u = await s.zoek('0034');
    expect(u.ok).toBe(true);
    expect(pib.signalen.zoek).toHaveBeenCalledWith({ gc: '0034', vraag: { bsn: '335297602', code: 'SS601', datumVan: '2025-01-01', status: 'NIEUW', pagina: 1, paginaGrootte: 10, sorteer: 'bsn' } });
    expect(s.totaal).toBe(1);
    expect(s.items).toHaveLength(1);
  });

  it('R-BSN-1: an invalid BSN is refused before anything is sent, and stays as typed', async () => {
    const s = useSignalenStore();
    s.criteria.bsn = '123456789';
    const u = await s.zoek('0014');
    expect(u.ok).toBe(false);
    expect(!u.ok && u.probleem.regel).toBe('R-BSN-1');
    expect(!u.ok && u.probleem.fouten?.[0]).toMatchObject({ veld: 'bsn', melding: BSN_MELDING_ELFPROEF });
    expect(pib.signalen.zoek).not.toHaveBeenCalled();
    expect(s.criteria.bsn).toBe('123456789');
  });

  it('R-SIG-4: a range that ends before it starts is refused at "Datum tot en met"', async () => {
    const s = useSignalenStore();
    Object.assign(s.criteria, { datumVan: '2025-02-01', datumTot: '2025-01-01' });
    const u = await s.zoek('0014');
    expect(!u.ok && u.probleem.fouten?.[0]?.veld).toBe('datumTot');
    expect(pib.signalen.zoek).not.toHaveBeenCalled();
  });

  it('R-SIG-5: a header click sorts ascending, again descending, and returns to page 1', async () => {
    pib.signalen.zoek.mockResolvedValue(lijst(Array.from({ length: 10 }, () => signaal()), 35));
    const s = useSignalenStore();
    await s.zoek('0014');
    await s.naarPagina(3);
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ pagina: 3, sorteer: 'bsn' }) });
    await s.sorteer('code');
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ pagina: 1, sorteer: 'code' }) });
    await s.sorteer('code');
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ pagina: 1, sorteer: '-code' }) });
    await s.sorteer('bsn');
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ sorteer: 'bsn' }) });
    expect(s.aantalPaginas).toBe(4);
  });

  it('R-SIG-5: a page past the end (emptied by a status change) shows the new last page', async () => {
    const s = useSignalenStore();
    pib.signalen.zoek.mockResolvedValueOnce(lijst([signaal()], 21));
    await s.zoek('0014');
    pib.signalen.zoek.mockResolvedValueOnce(lijst([signaal()], 21));
    await s.naarPagina(3);
    pib.signalen.zoek.mockResolvedValueOnce(lijst([], 20)).mockResolvedValueOnce(lijst([signaal()], 20));
    await s.ververs('0014');
    expect(s.pagina).toBe(2);
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ pagina: 2 }) });
  });

  it('R-GEM-1: the same search again for another gemeente starts at page 1 without a selection', async () => {
    pib.signalen.zoek.mockResolvedValue(lijst([signaal()], 30));
    const s = useSignalenStore();
    await s.zoek('0014');
    await s.naarPagina(2);
    s.selecteer(s.items[0]!.id, true);
    await s.ververs('0034');
    expect(s.opdracht?.gc).toBe('0034');
    expect(s.pagina).toBe(1);
    expect(s.aantalGeselecteerd).toBe(0);
  });
});

describe('signalen store: "Toon deze signalen" (R-SIG-3)', () => {
  it('R-SIG-3: asks the open count', async () => {
    pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 19 }));
    const s = useSignalenStore();
    await s.laadOpenstaand('0034');
    expect(s.openstaand).toEqual({ gc: '0034', aantal: 19 });
  });

  it('R-SIG-3: Nieuw and In behandeling in one list: two searches merged in the sort order, totals added', async () => {
    const nieuw = [signaal({ bsn: '100000001' }), signaal({ bsn: '100000004' }), signaal({ bsn: '100000006' })];
    const inBehandeling = [signaal({ bsn: '100000002', status: 'IN_BEHANDELING' }), signaal({ bsn: '100000003', status: 'IN_BEHANDELING' })];
    pib.signalen.zoek.mockImplementation(async ({ vraag }: { vraag: { status: SignaalStatus } }) =>
      (vraag.status === 'NIEUW' ? lijst(nieuw, 13) : lijst(inBehandeling, 7)));
    const s = useSignalenStore();
    s.criteria.bsn = '123456789';
    await s.toonOpenstaand('0014');
    const vragen = pib.signalen.zoek.mock.calls.map(([a]) => a.vraag);
    expect(vragen).toEqual([
      { status: 'NIEUW', pagina: 1, paginaGrootte: 10, sorteer: 'bsn' },
      { status: 'IN_BEHANDELING', pagina: 1, paginaGrootte: 10, sorteer: 'bsn' },
    ]);
    expect(s.totaal).toBe(20);
    expect(s.items.map((i) => i.bsn)).toEqual(['100000001', '100000002', '100000003', '100000004', '100000006']);
    expect(s.opdracht).toMatchObject({ openstaand: true, filters: {} });
  });

  it('R-SIG-3: page 2 of the merged list needs the first 20 of each', async () => {
    pib.signalen.zoek.mockResolvedValue(lijst([], 30));
    const s = useSignalenStore();
    await s.toonOpenstaand('0014');
    await s.naarPagina(2);
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ pagina: 1, paginaGrootte: 20 }) });
  });

  it('voegSamen takes each item once, in each list\'s own order, for any comparator', () => {
    const a = [1, 4, 6, 9];
    const b = [2, 3, 10];
    const volledig = voegSamen(a, b, (x, y) => x - y, 100);
    expect(volledig).toEqual([1, 2, 3, 4, 6, 9, 10]);
    // Consecutive pages of the merge never repeat or skip, even with an inconsistent comparator.
    const vreemd = (x: number, y: number) => (x % 3) - (y % 3);
    const alles = voegSamen(a, b, vreemd, 7);
    expect([...voegSamen(a, b, vreemd, 3), ...voegSamen(a, b, vreemd, 7).slice(3)]).toEqual(alles);
    expect([...alles].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 6, 9, 10]);
  });

  it('vergelijkSignalen sorts like the server: the column, then BSN, date and id ascending', () => {
    const x = signaal({ status: 'IN_BEHANDELING', bsn: '2', datum: '2025-01-02' });
    const y = signaal({ status: 'NIEUW', bsn: '3', datum: '2025-01-01' });
    expect(vergelijkSignalen({ kolom: 'status', aflopend: false })(y, x)).toBeLessThan(0);
    expect(vergelijkSignalen({ kolom: 'status', aflopend: true })(y, x)).toBeGreaterThan(0);
    expect(vergelijkSignalen({ kolom: 'code', aflopend: true })(x, y)).toBeLessThan(0);
    expect(vergelijkSignalen({ kolom: 'datum', aflopend: false })(y, x)).toBeLessThan(0);
  });
});

describe('signalen store: selecteren en status wijzigen (R-SIG-6)', () => {
  async function metLijst() {
    const items = [signaal(), signaal(), signaal()];
    pib.signalen.zoek.mockResolvedValue(lijst(items, 3));
    const s = useSignalenStore();
    await s.zoek('0014');
    return { s, items };
  }

  it('R-SIG-6: the header box ticks every signal of the page, and clears them again', async () => {
    const { s } = await metLijst();
    s.selecteer(s.items[0]!.id, true);
    expect(s.paginaDeelsGeselecteerd).toBe(true);
    s.selecteerPagina(true);
    expect(s.aantalGeselecteerd).toBe(3);
    expect(s.paginaGeheelGeselecteerd).toBe(true);
    s.selecteerPagina(false);
    expect(s.aantalGeselecteerd).toBe(0);
  });

  it('R-ROL-3: without WI2013MUT the change is refused before anything is sent', async () => {
    const { s } = await metLijst();
    s.selecteerPagina(true);
    const u = await s.wijzigStatus(['WI2013'], 'AFGEHANDELD', crypto.randomUUID());
    expect(!u.ok && u.probleem).toMatchObject({ status: 403, regel: 'R-ROL-3', detail: MELDING_ALLEEN_RAADPLEGEN });
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
  });

  it('R-SIG-6: nothing selected is refused in place', async () => {
    const { s } = await metLijst();
    const u = await s.wijzigStatus(['WI2013MUT'], 'IN_BEHANDELING', crypto.randomUUID());
    expect(!u.ok && u.probleem.regel).toBe('R-SIG-6');
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
  });

  it('R-SIG-6: sends the selected ids with the key, then clears the selection and refreshes list and open count', async () => {
    const { s, items } = await metLijst();
    s.selecteer(items[0]!.id, true);
    s.selecteer(items[2]!.id, true);
    pib.uitgaand.verstuur.mockResolvedValue(verzonden({ bijgewerkt: 2 }));
    pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 1 }));
    const sleutel = crypto.randomUUID();
    const u = await s.wijzigStatus(['WI2013', 'WI2013MUT'], 'AFGEHANDELD', sleutel);
    expect(u).toEqual(gelukt({ bijgewerkt: 2, verzonden: true }));
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({ idempotencyKey: sleutel, wijziging: { soort: 'SIGNAALSTATUS', gc: '0014', ids: [items[0]!.id, items[2]!.id], status: 'AFGEHANDELD' } });
    expect(s.aantalGeselecteerd).toBe(0);
    expect(pib.signalen.zoek).toHaveBeenCalledTimes(2);
    expect(s.openstaand).toEqual({ gc: '0014', aantal: 1 });
  });

  it('issue 13: "alle signalen van deze zoekopdracht" selects every signal of the search, and the change goes in blocks with progress and ISI\'s count', async () => {
    const alle = Array.from({ length: 230 }, () => signaal());
    pib.signalen.zoek.mockImplementation(async ({ vraag }: { vraag: { pagina: number; paginaGrootte: number } }) =>
      lijst(alle.slice((vraag.pagina - 1) * vraag.paginaGrootte, vraag.pagina * vraag.paginaGrootte), alle.length));
    const s = useSignalenStore();
    await s.zoek('0014');
    s.selecteerPagina(true);
    expect(s.aantalGeselecteerd).toBe(10);
    expect(await s.selecteerAlles()).toEqual(gelukt({ aantal: 230 }));
    expect(s.alleGeselecteerd).toBe(true);
    expect(s.aantalGeselecteerd).toBe(230);

    const voortgang: (typeof s.voortgang)[] = [];
    pib.uitgaand.verstuur.mockImplementation(async ({ wijziging }: { wijziging: { ids: string[] } }) => {
      voortgang.push(s.voortgang && { ...s.voortgang });
      return verzonden({ bijgewerkt: wijziging.ids.length });
    });
    pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 0 }));
    const sleutel = crypto.randomUUID();
    const u = await s.wijzigStatus(['WI2013MUT'], 'AFGEHANDELD', sleutel);
    expect(u).toEqual(gelukt({ bijgewerkt: 230, verzonden: true }));
    const aanroepen = pib.uitgaand.verstuur.mock.calls.map(([a]) => a as { idempotencyKey: string; wijziging: { ids: string[] } });
    expect(aanroepen.map((a) => a.wijziging.ids.length)).toEqual([100, 100, 30]);
    expect(aanroepen.flatMap((a) => a.wijziging.ids)).toEqual(alle.map((x) => x.id));
    // The act's key on the first block, a key of its own on each other.
    expect(aanroepen[0]!.idempotencyKey).toBe(sleutel);
    expect(new Set(aanroepen.map((a) => a.idempotencyKey)).size).toBe(3);
    expect(voortgang).toEqual([{ klaar: 0, totaal: 230 }, { klaar: 100, totaal: 230 }, { klaar: 200, totaal: 230 }]);
    expect(s.voortgang).toBeNull();
    expect(s.aantalGeselecteerd).toBe(0);
    expect(s.alleGeselecteerd).toBe(false);
  });

  it('issue 13: a refusal halfway says how many went, and keeps the rest selected', async () => {
    const alle = Array.from({ length: 150 }, () => signaal());
    pib.signalen.zoek.mockImplementation(async ({ vraag }: { vraag: { pagina: number; paginaGrootte: number } }) =>
      lijst(alle.slice((vraag.pagina - 1) * vraag.paginaGrootte, vraag.pagina * vraag.paginaGrootte), alle.length));
    pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 50 }));
    const s = useSignalenStore();
    await s.zoek('0014');
    await s.selecteerAlles();
    pib.uitgaand.verstuur
      .mockResolvedValueOnce(verzonden({ bijgewerkt: 100 }))
      .mockResolvedValueOnce(geweigerdDoorIsi(404, 'Een of meer geselecteerde signalen bestaan niet (meer) bij deze gemeente. Zoek de signalen opnieuw.', { regel: 'R-SIG-6' }));
    const u = await s.wijzigStatus(['WI2013MUT'], 'IN_BEHANDELING', crypto.randomUUID());
    expect(!u.ok && u.probleem.detail).toContain('De status van 100 signalen was al gewijzigd; de overige 50 blijven geselecteerd.');
    expect(s.aantalGeselecteerd).toBe(50);
  });

  it('R-SIG-7: "Download alle signalen" asks main for the whole export of the gemeente', async () => {
    pib.signalen.downloadAlle.mockResolvedValue(gelukt({ bestandsnaam: 'signalen_0014_20250301.csv', pad: '/tmp/signalen_0014_20250301.csv', grootte: 10 }));
    const s = useSignalenStore();
    const u = await s.downloadAlle('0014');
    expect(pib.signalen.downloadAlle).toHaveBeenCalledWith({ gc: '0014' });
    expect(u.ok).toBe(true);
  });
});
