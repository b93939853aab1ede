// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maakPersoon, maakSignaal } from './db/hulp';
import { toon } from './hulp-schermen';
import { geldigBsn, NepIsi, koppel } from './nep-isi';

// The screens when a change has to wait: the real cache (fake-indexeddb) behind the stores, ISI
// (NepIsi) out of reach. The screen says the change waits; nothing claims ISI took it.
const pib = vi.hoisted(() => ({
  cache: { sleutel: vi.fn(), vergeet: vi.fn() },
  sync: { pagina: vi.fn(), bereikbaar: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
  personen: { zoek: vi.fn(), haal: vi.fn() },
  signalen: { zoek: vi.fn(), openstaand: vi.fn(), downloadAlle: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { caches, wisCache } = await import('../../../renderer/db');
const { useCacheStore } = await import('../../../renderer/stores/cache');
const { useSyncStore } = await import('../../../renderer/stores/sync');
const { MELDING_WACHT, useWachtrijStore } = await import('../../../renderer/stores/wachtrij');
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { useSignalenStore } = await import('../../../renderer/stores/signalen');
const ContactView = (await import('../../../renderer/views/ContactView.vue')).default;
const WaardepapierenBestellenView = (await import('../../../renderer/views/WaardepapierenBestellenView.vue')).default;
const SelecterenSignalenView = (await import('../../../renderer/views/SelecterenSignalenView.vue')).default;
const PersoonView = (await import('../../../renderer/views/PersoonView.vue')).default;

const SLEUTEL = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 3 * i)));
const P1 = maakPersoon(1, { bsn: geldigBsn(1) });
const S = [maakSignaal(1, P1), maakSignaal(2, P1, { status: 'IN_BEHANDELING' })];

let isi: NepIsi;

async function stil(): Promise<void> {
  for (let rustig = 0; rustig < 3;) {
    await new Promise((klaar) => setTimeout(klaar, 10));
    rustig = isi.bezig === 0 && useSyncStore().aantalLopend === 0 ? rustig + 1 : 0;
  }
}

/** Until the screen shows `dataTest` (the store's work behind it crosses IndexedDB and WebCrypto). */
async function zichtbaar(w: VueWrapper, dataTest: string): Promise<void> {
  await vi.waitFor(() => expect(w.find(`[data-test=${dataTest}]`).exists()).toBe(true), { timeout: 5_000 });
}

async function verstuurFormulier(w: VueWrapper) {
  await w.get('form').trigger('submit');
  await flushPromises();
  await stil();
}

beforeEach(async () => {
  vi.resetAllMocks();
  for (const c of await caches()) await wisCache(c.gebruikersnaam);
  isi = new NepIsi();
  isi.zetPersoon(P1);
  for (const s of S) isi.zetSignaal(s);
  // `toon` logs in as 'test'.
  pib.cache.sleutel.mockResolvedValue({ ok: true, waarde: { gebruikersnaam: 'test', sleutel: SLEUTEL } });
  koppel(pib, isi);
});

afterEach(async () => {
  await stil();
  await useCacheStore().sluit();
});

describe('schermen met een wijziging die wacht op verzending', () => {
  it('R-CON-1: zonder verbinding wacht het bericht; het scherm zegt het en niet dat het verstuurd is; later gaat het met dezelfde sleutel', async () => {
    isi.online = false;
    const { wrapper } = await toon(ContactView, { waar: '/contact' });
    await wrapper.get('[data-test=email] input').setValue('test@groningen.example');
    await wrapper.get('[data-test=bericht] textarea').setValue('Waar vind ik het PVT extract?');
    wrapper.getComponent({ name: 'VSelect' }).vm.$emit('update:modelValue', 'PVT');
    await flushPromises();
    await verstuurFormulier(wrapper);
    await zichtbaar(wrapper, 'wacht-op-verzending');
    expect(wrapper.get('[data-test=wacht-op-verzending]').text()).toBe(MELDING_WACHT);
    expect(wrapper.find('[data-test=verstuurd]').exists()).toBe(false);
    const wachtrij = useWachtrijStore();
    expect(wachtrij.wachtend).toHaveLength(1);
    const [eerste] = pib.uitgaand.verstuur.mock.calls.map(([a]) => a);
    expect(wachtrij.wachtend[0]).toMatchObject({ soort: 'CONTACT', idempotencyKey: eerste.idempotencyKey });

    isi.online = true;
    // A send still under way from before (offline) ends first; then the next one takes the entry.
    await vi.waitFor(async () => {
      await wachtrij.verstuurAlles();
      expect(wachtrij.entries).toEqual([]);
    });
    expect(pib.uitgaand.verstuur.mock.lastCall![0]).toEqual(eerste);
    wrapper.unmount();
  });

  it('R-WP-1: zonder verbinding wacht de bestelling: geen bestelnummer, wel de melding en "Nieuwe bestelling"', async () => {
    isi.online = false;
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    await wrapper.get('[data-test=aantal-sets] input').setValue('2');
    await wrapper.get('[data-test=email] input').setValue('inkoop@groningen.example');
    await verstuurFormulier(wrapper);
    await zichtbaar(wrapper, 'wacht-op-verzending');
    expect(wrapper.get('[data-test=wacht-op-verzending]').text()).toBe(MELDING_WACHT);
    expect(wrapper.find('[data-test=bestelnummer]').exists()).toBe(false);
    expect(useWachtrijStore().wachtend.map((e) => e.soort)).toEqual(['WAARDEPAPIEREN']);
    await wrapper.get('[data-test=nieuwe-bestelling]').trigger('click');
    await flushPromises();
    expect(wrapper.find('form').exists()).toBe(true);
    wrapper.unmount();
  });

  it('R-SIG-6: zonder verbinding zegt "Selecteren signalen" dat de statuswijziging wacht, en de lijst toont haar al', async () => {
    const { wrapper } = await toon(SelecterenSignalenView, { waar: '/signalen/gevonden' });
    await useSyncStore().synchroniseer('0014');
    await stil();
    await useSignalenStore().toonOpenstaand('0014');
    await flushPromises();
    expect(wrapper.findAll('[data-test=selecteer-signaal]')).toHaveLength(2);
    isi.online = false;
    await wrapper.findAll('[data-test=selecteer-signaal]')[0]!.setValue(true);
    await wrapper.get('[data-test=zet-afgehandeld]').trigger('click');
    await zichtbaar(wrapper, 'status-gewijzigd');
    expect(wrapper.get('[data-test=status-gewijzigd]').text()).toBe(`De status van 1 signaal is gewijzigd in 'Afgehandeld'. ${MELDING_WACHT}`);
    expect(wrapper.findAll('[data-test=selecteer-signaal]')).toHaveLength(1);
    expect(pib.signalen.zoek).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('R-PER-1: het scherm van de persoon zegt dat een wijziging wacht, en toont haar; weg zodra DUO haar heeft', async () => {
    const { wrapper } = await toon(PersoonView, { waar: `/personen/${P1.id}` });
    // The first visit fills the cache (full sync) and shows the person from it.
    await zichtbaar(wrapper, 'blok-persoon');
    await vi.waitFor(() => expect(useSyncStore().stand?.volledig).toBe(true), { timeout: 5_000 });
    await stil();
    expect(wrapper.get('h1').text()).toBe('Persoon');
    expect(wrapper.find('[data-test=wacht-op-verzending]').exists()).toBe(false);

    isi.online = false;
    const personen = usePersonenStore();
    const u = await personen.wijzigPvt(P1, { datumStartDeelname: '2025-01-06', datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null }, crypto.randomUUID());
    expect(u).toMatchObject({ ok: true, waarde: { verzonden: false } });
    await zichtbaar(wrapper, 'wacht-op-verzending');
    expect(wrapper.get('[data-test=wacht-op-verzending]').text()).toContain('Een wijziging van deze persoon wacht op verzending naar DUO.');
    expect(wrapper.text()).toContain('06-01-2025');

    isi.online = true;
    await useWachtrijStore().verstuurAlles();
    await vi.waitFor(() => expect(wrapper.find('[data-test=wacht-op-verzending]').exists()).toBe(false), { timeout: 5_000 });
    expect(isi.personen.get(P1.id)!.datumStartDeelname).toBe('2025-01-06');
    wrapper.unmount();
  });
});
