// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_GELUKT } from '../../../shared/rules/signalen';
import { gelukt, toon } from './hulp-schermen';

// "Openen in Excel" on the four places that have it, and R-DL-2's "Bestanden op deze computer".
// Online only: no key store here, so searches go straight to ISI.
const pib = vi.hoisted(() => ({
  bestanden: { lijst: vi.fn(), download: vi.fn(), openInExcel: vi.fn(), voortgang: vi.fn(), geschreven: vi.fn(), verwijderGeschreven: vi.fn() },
  signalen: { zoek: vi.fn(), openstaand: vi.fn(), downloadAlle: vi.fn(), openInExcel: vi.fn(), lijstInExcel: vi.fn() },
  personen: { zoek: vi.fn(), haal: vi.fn(), openInExcel: vi.fn() },
  cache: { sleutel: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const DownloadenBestandenView = (await import('../../../renderer/views/DownloadenBestandenView.vue')).default;
const GevondenPersonenView = (await import('../../../renderer/views/GevondenPersonenView.vue')).default;
const SelecterenSignalenView = (await import('../../../renderer/views/SelecterenSignalenView.vue')).default;
const ZoekenSignalenView = (await import('../../../renderer/views/ZoekenSignalenView.vue')).default;
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { useSignalenStore } = await import('../../../renderer/stores/signalen');
const { useBestandenStore } = await import('../../../renderer/stores/bestanden');
const { useCacheStore } = await import('../../../renderer/stores/cache');

const GEEN_CACHE = { ok: false, probleem: { type: 'urn:test', title: 'Geen sleutelopslag', status: 503, code: 'SLEUTELOPSLAG_ONVEILIG', detail: 'Geen veilige sleutelopslag.' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BESTANDEN = [{ omschrijving: 'PVT extract in csv formaat', datum: '2025-03-01', bestandsnaam: 'isi_pvt.zip' }];
const WERKBOEK = { bestandsnaam: 'isi_pvt_0014_20250301.xlsx', pad: '/home/x/Downloads/isi_pvt_0014_20250301.xlsx', grootte: 4096, rijen: 1234, geopend: true };
const dagen = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** A call that waits until the test lets it answer. */
function wachtend<T>() {
  let antwoord!: (v: T) => void;
  return { belofte: new Promise<T>((r) => (antwoord = r)), antwoord };
}

beforeEach(() => {
  vi.resetAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_CACHE);
  pib.bestanden.lijst.mockResolvedValue(gelukt(BESTANDEN));
  pib.bestanden.voortgang.mockResolvedValue(gelukt(null));
  pib.bestanden.geschreven.mockResolvedValue(gelukt([]));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Downloaden bestanden: "Openen in Excel" per file', () => {
  it('shows the progress with its percentage while main works, then where the file is, whether it opened, and the browser\'s link', async () => {
    // The 300 ms of asking run on a fake clock: vi.waitFor moves it on, and "no more asking" below
    // is checked over ten intervals without waiting for them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    const knop = wrapper.get('[data-test="excel-isi_pvt.zip"]');
    expect(knop.attributes('aria-label')).toBe('isi_pvt.zip openen in Excel');
    const call = wachtend<unknown>();
    pib.bestanden.openInExcel.mockReturnValue(call.belofte);
    pib.bestanden.voortgang.mockResolvedValue(gelukt({ ontvangen: 512, totaal: 2048, fase: 'DOWNLOADEN' }));
    await knop.trigger('click');
    await flushPromises();
    const [args] = pib.bestanden.openInExcel.mock.calls[0]!;
    expect(args).toEqual({ gc: '0014', bestandsnaam: 'isi_pvt.zip', taakId: expect.stringMatching(UUID) });
    expect(wrapper.get('[data-test=excel-bezig]').text()).toContain('Even geduld a.u.b. - Het bestand isi_pvt.zip wordt gedownload.');
    expect(wrapper.get('[data-test="download-isi_pvt.zip"]').attributes('disabled')).toBeDefined();

    // Every 300 ms main is asked how far it is, for this task.
    await vi.waitFor(() => expect(wrapper.find('[data-test=excel-procent]').exists()).toBe(true), { timeout: 2_000 });
    expect(pib.bestanden.voortgang).toHaveBeenCalledWith({ taakId: args.taakId });
    expect(wrapper.get('[data-test=excel-procent]').text()).toBe('25%');
    expect(wrapper.get('[data-test=excel-voortgang]').attributes('aria-valuenow')).toBe('25');
    expect(wrapper.get('[data-test=excel-fase]').text()).toBe('De gegevens worden bij DUO opgehaald');
    pib.bestanden.voortgang.mockResolvedValue(gelukt({ ontvangen: 2048, totaal: 2048, fase: 'OMZETTEN' }));
    await vi.waitFor(() => expect(wrapper.get('[data-test=excel-fase]').text()).toBe('Het Excel-bestand wordt gemaakt'), { timeout: 2_000 });
    expect(wrapper.find('[data-test=excel-procent]').exists()).toBe(false);

    call.antwoord(gelukt({ ...WERKBOEK, geopend: false, downloadUrl: '/download/0123456789abcdef0123456789abcdef' }));
    await flushPromises();
    expect(wrapper.find('[data-test=excel-bezig]').exists()).toBe(false);
    const gelukt_ = wrapper.get('[data-test=excel-gelukt]');
    expect(gelukt_.text()).toContain('GELUKT - Download gereed');
    expect(gelukt_.text()).toContain('(1234 rijen)');
    expect(wrapper.get('[data-test=excel-pad]').text()).toBe(WERKBOEK.pad);
    expect(wrapper.get('[data-test=excel-niet-geopend]').text()).toContain('Open het zelf vanuit die map');
    const link = wrapper.get('[data-test=excel-download]');
    expect(link.text()).toBe('Bestand downloaden');
    expect(link.attributes('href')).toBe('/download/0123456789abcdef0123456789abcdef');
    // The new workbook joins the list of files on this computer.
    expect(pib.bestanden.geschreven).toHaveBeenCalled();
    // Done: no more asking.
    const gevraagd = pib.bestanden.voortgang.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * 300);
    expect(pib.bestanden.voortgang.mock.calls.length).toBe(gevraagd);
    wrapper.unmount();
  });

  it('opened on this computer, without a link (the desktop app)', async () => {
    pib.bestanden.openInExcel.mockResolvedValue(gelukt(WERKBOEK));
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    await wrapper.get('[data-test="excel-isi_pvt.zip"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=excel-geopend]').text()).toContain('Het is geopend');
    expect(wrapper.find('[data-test=excel-download]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('a refusal (offline) is shown in place, in main\'s words', async () => {
    const detail = "Voor 'Openen in Excel' is een verbinding met DUO (ISI) nodig. Controleer de netwerkverbinding en probeer het opnieuw.";
    pib.bestanden.openInExcel.mockResolvedValue({ ok: false, probleem: { type: 'urn:pib:probleem:geen_verbinding', title: 'Geen verbinding', status: 0, code: 'GEEN_VERBINDING', detail } });
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    await wrapper.get('[data-test="excel-isi_pvt.zip"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=probleem]').text()).toBe(detail);
    expect(wrapper.find('[data-test=excel-gelukt]').exists()).toBe(false);
    wrapper.unmount();
  });
});

describe('Downloaden bestanden: "Bestanden op deze computer" (R-DL-2)', () => {
  const OUD = { pad: '/home/x/Downloads/oud.xlsx', bestandsnaam: 'oud.xlsx', gemaakt: dagen(40), dagenOud: 40 };
  const NIEUW = { pad: '/home/x/Downloads/nieuw.xlsx', bestandsnaam: 'nieuw.xlsx', gemaakt: dagen(0), dagenOud: 0 };

  async function scherm() {
    pib.bestanden.geschreven.mockResolvedValue(gelukt([OUD, NIEUW]));
    const r = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    // As App.vue does at login.
    await useBestandenStore().laadGeschreven();
    await flushPromises();
    return r;
  }

  it('lists the files with their age; the ones older than the policy\'s days are offered for deletion together', async () => {
    const { wrapper } = await scherm();
    useCacheStore().beleid = { ...useCacheStore().beleid, bestandenBewarenDagen: 30 };
    await flushPromises();
    const rijen = wrapper.findAll('[data-test=geschreven-bestand]');
    expect(rijen.map((r) => r.get('[data-test=leeftijd]').text())).toEqual(['40 dagen oud', 'vandaag bewaard']);
    expect(rijen[0]!.get('label').text()).toContain('/home/x/Downloads/oud.xlsx');
    expect(wrapper.get('[data-test=te-oud]').text()).toContain('Eén bestand is 30 dagen of ouder.');
    pib.bestanden.verwijderGeschreven.mockResolvedValue(gelukt({ verwijderd: 1 }));
    pib.bestanden.geschreven.mockResolvedValue(gelukt([NIEUW]));
    await wrapper.get('[data-test=verwijder-te-oud]').trigger('click');
    await flushPromises();
    expect(pib.bestanden.verwijderGeschreven).toHaveBeenCalledWith({ paden: [OUD.pad] });
    expect(wrapper.get('[data-test=verwijderd]').text()).toBe('1 bestand is verwijderd.');
    expect(wrapper.findAll('[data-test=geschreven-bestand]')).toHaveLength(1);
    expect(wrapper.find('[data-test=te-oud]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('a policy of more days: no notice for a file younger than that', async () => {
    const { wrapper } = await scherm();
    useCacheStore().beleid = { ...useCacheStore().beleid, bestandenBewarenDagen: 60 };
    await flushPromises();
    expect(wrapper.find('[data-test=te-oud]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('"Verwijderen" deletes the ticked files; without a tick it says to choose first', async () => {
    const { wrapper } = await scherm();
    await wrapper.get('[data-test=verwijder-gekozen]').trigger('click');
    expect(wrapper.get('[data-test=keuze-fout]').text()).toBe('Selecteer eerst één of meer bestanden die u wilt verwijderen.');
    expect(pib.bestanden.verwijderGeschreven).not.toHaveBeenCalled();
    await wrapper.findAll('[data-test=kies-bestand]')[1]!.setValue(true);
    pib.bestanden.verwijderGeschreven.mockResolvedValue(gelukt({ verwijderd: 1 }));
    pib.bestanden.geschreven.mockResolvedValue(gelukt([OUD]));
    await wrapper.get('[data-test=verwijder-gekozen]').trigger('click');
    await flushPromises();
    expect(pib.bestanden.verwijderGeschreven).toHaveBeenCalledWith({ paden: [NIEUW.pad] });
    expect(wrapper.find('[data-test=keuze-fout]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test=geschreven-bestand]').map((r) => r.attributes('data-pad'))).toEqual([OUD.pad]);
    wrapper.unmount();
  });

  it('a refused deletion is shown in place', async () => {
    const { wrapper } = await scherm();
    await wrapper.findAll('[data-test=kies-bestand]')[0]!.setValue(true);
    const detail = "'/home/x/Downloads/oud.xlsx' is niet door de app bewaard en wordt daarom niet door de app verwijderd; er is niets verwijderd.";
    pib.bestanden.verwijderGeschreven.mockResolvedValue({ ok: false, probleem: { type: 'urn:test', title: 'Bestand geweigerd', status: 422, code: 'NIET_IN_REGISTER', detail } });
    await wrapper.get('[data-test=verwijder-gekozen]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=op-deze-computer] [data-test=probleem]').text()).toBe(detail);
    wrapper.unmount();
  });

  it('nothing left: says so', async () => {
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    await useBestandenStore().laadGeschreven();
    await flushPromises();
    expect(wrapper.get('[data-test=geen-geschreven]').text()).toBe('Er staan geen bestanden van de app meer op deze computer.');
    wrapper.unmount();
  });
});

describe('Gevonden personen: "Openen in Excel"', () => {
  it('exports the whole search in the sort order shown, not the page', async () => {
    const item = { id: '00000000-0000-4000-8000-000000000001', bsn: '012345611', voornaam: 'A', achternaam: 'B', geboortedatum: '1990-01-01', pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: null, factuurAanwezig: 'NVT', signaalAanwezig: 'N' };
    pib.personen.zoek.mockResolvedValue(gelukt({ items: [item, { ...item, bsn: '994002026' }], totaal: 45, pagina: 1, paginaGrootte: 20 }));
    pib.personen.openInExcel.mockResolvedValue(gelukt({ ...WERKBOEK, bestandsnaam: 'gevonden_personen_0014_20250301.xlsx', pad: '/x/gevonden_personen_0014_20250301.xlsx', rijen: 45 }));
    const { wrapper, router } = await toon(GevondenPersonenView, { waar: '/bestanden' });
    await usePersonenStore().zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } });
    await router.push({ name: 'gevonden-personen', query: { pagina: '2', sorteer: '-achternaam' } });
    await flushPromises();
    expect(wrapper.text()).toContain('Alle 45 gevonden personen in één Excel-bestand');
    await wrapper.get('[data-test=openen-in-excel]').trigger('click');
    await flushPromises();
    expect(pib.personen.openInExcel).toHaveBeenCalledWith({ gc: '0014', vraag: { pvtPlichtig: 'J', sorteer: '-achternaam' }, taakId: expect.stringMatching(UUID) });
    expect(wrapper.get('[data-test=excel-gelukt]').text()).toContain('(45 rijen)');
    wrapper.unmount();
  });
});

describe('Selecteren signalen: "Openen in Excel" of the list, and of all signals (R-SIG-7)', () => {
  const signaal = { id: '00000000-0000-4000-8000-000000000002', persoonId: '10000000-0000-4000-8000-000000000001', status: 'NIEUW', bsn: '335297602', achternaam: 'Y', code: 'SS601', omschrijving: 'Persoon is PVT-plichtig', datum: '2017-11-22' };

  beforeEach(() => {
    pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 19 }));
    pib.signalen.zoek.mockResolvedValue(gelukt({ items: [signaal], totaal: 19, pagina: 1, paginaGrootte: 10 }));
    pib.signalen.lijstInExcel.mockResolvedValue(gelukt({ ...WERKBOEK, bestandsnaam: 'gevonden_signalen_0014_20250301.xlsx', rijen: 19 }));
  });

  it('"Toon deze signalen": Nieuw and In behandeling together, in the sort order shown', async () => {
    const { wrapper } = await toon(SelecterenSignalenView, { waar: '/signalen/gevonden' });
    await useSignalenStore().toonOpenstaand('0014');
    await useSignalenStore().sorteer('datum');
    await flushPromises();
    const knop = wrapper.get('[data-test=openen-in-excel]');
    expect(knop.attributes('aria-label')).toBe('Gevonden signalen openen in Excel');
    await knop.trigger('click');
    await flushPromises();
    expect(pib.signalen.lijstInExcel).toHaveBeenCalledWith({ gc: '0014', openstaand: { sorteer: 'datum' }, taakId: expect.stringMatching(UUID) });
    expect(wrapper.get('[data-test=excel-gelukt]').text()).toContain('(19 rijen)');
    wrapper.unmount();
  });

  it('a search: its criteria and sort order', async () => {
    const { wrapper } = await toon(SelecterenSignalenView, { waar: '/signalen/gevonden' });
    const s = useSignalenStore();
    s.criteria.code = 'SS601';
    await s.zoek('0014');
    await s.sorteer('code');
    await s.sorteer('code');
    await flushPromises();
    await wrapper.get('[data-test=openen-in-excel]').trigger('click');
    await flushPromises();
    expect(pib.signalen.lijstInExcel).toHaveBeenCalledWith({ gc: '0014', vraag: { code: 'SS601', sorteer: '-code' }, taakId: expect.stringMatching(UUID) });
    wrapper.unmount();
  });

  it('"Download alle signalen" has "Openen in Excel" beside it, with the handbook\'s notice when done', async () => {
    pib.signalen.openInExcel.mockResolvedValue(gelukt({ ...WERKBOEK, bestandsnaam: 'signalen_0014_20250301.xlsx', pad: '/x/signalen_0014_20250301.xlsx', rijen: 19 }));
    const { wrapper } = await toon(ZoekenSignalenView, { waar: '/signalen' });
    const knop = wrapper.get('[data-test=alle-signalen-in-excel]');
    expect(knop.text()).toBe('Alle signalen openen in Excel');
    expect(knop.attributes('aria-label')).toBe('Alle signalen openen in Excel');
    await knop.trigger('click');
    await flushPromises();
    expect(pib.signalen.openInExcel).toHaveBeenCalledWith({ gc: '0014', taakId: expect.stringMatching(UUID) });
    expect(wrapper.get('[data-test=excel-gelukt]').text()).toContain(DOWNLOAD_GELUKT);
    expect(wrapper.get('[data-test=excel-pad]').text()).toBe('/x/signalen_0014_20250301.xlsx');
    wrapper.unmount();
  });
});
