// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { GEEN_VERBINDING, NepIsi } from './nep-isi';

// Auto-lock (useVergrendeling) with the real cache and a mocked bridge; timers faked once the cache is open.
const pib = vi.hoisted(() => ({
  sessie: { vergrendel: vi.fn() },
  cache: { sleutel: vi.fn(), vergeet: vi.fn() },
  sync: { pagina: vi.fn(), bereikbaar: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { caches, wisCache } = await import('../../../renderer/db');
const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { useCacheStore } = await import('../../../renderer/stores/cache');
const { useSyncStore } = await import('../../../renderer/stores/sync');
const { useVergrendeling, meldingVergrendeld } = await import('../../../renderer/composables/useVergrendeling');

const GEBRUIKER = 'medewerker';
const SLEUTEL = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i + 7)));
const MINUUT = 60_000;

/** The app shell, reduced to what locks: a component that uses the composable. */
const Schil = defineComponent({
  setup() {
    useVergrendeling();
    return () => h('div', 'PIB');
  },
});
/** The routes' own screens do not matter here: nothing renders a router-view. */
const Leeg = { render: () => null };

async function ingelogdMetCache(vergrendelNaMinuten: number) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const sessie = useSessieStore();
  sessie.sessie = { gebruiker: { gebruikersnaam: GEBRUIKER, naam: 'Test', rollen: ['WI2013'], gemeenten: [{ code: '0014', naam: 'Groningen' }] }, verlooptOp: '' };
  const cacheStore = useCacheStore();
  cacheStore.beleid = { ...cacheStore.beleid, vergrendelNaMinuten };
  const cache = await cacheStore.open();
  expect(cache).not.toBeNull();
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'inburgering', component: Leeg }, { path: '/inloggen', name: 'inloggen', component: Leeg }] });
  await router.push('/');
  await router.isReady();
  // From here on the clock is the test's: the lock timer is made when the shell mounts.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const wrapper = mount(Schil, { global: { plugins: [pinia, router] } });
  return { sessie, cacheStore, cache: cache!, router, wrapper };
}

beforeEach(async () => {
  vi.resetAllMocks();
  for (const c of await caches()) await wisCache(c.gebruikersnaam);
  pib.cache.sleutel.mockResolvedValue({ ok: true, waarde: { gebruikersnaam: GEBRUIKER, sleutel: SLEUTEL } });
  pib.sessie.vergrendel.mockResolvedValue({ ok: true, waarde: {} });
  pib.sync.pagina.mockResolvedValue(GEEN_VERBINDING);
  pib.uitgaand.verstuur.mockResolvedValue(GEEN_VERBINDING);
});

afterEach(async () => {
  vi.useRealTimers();
  await useCacheStore().sluit();
});

describe('automatisch vergrendelen (beleid vergrendelNaMinuten)', () => {
  it('na de ingestelde minuten zonder activiteit: main vergrendelt, de cache is dicht, terug naar inloggen met de reden', async () => {
    const { sessie, cacheStore, cache, router, wrapper } = await ingelogdMetCache(15);
    await vi.advanceTimersByTimeAsync(15 * MINUUT - 1_000);
    expect(pib.sessie.vergrendel).not.toHaveBeenCalled();
    expect(cacheStore.cache).toBe(cache);

    await vi.advanceTimersByTimeAsync(1_000);
    await flushPromises();
    expect(pib.sessie.vergrendel).toHaveBeenCalledTimes(1);
    expect(cacheStore.cache).toBeNull();
    await expect(cache.syncStand('0014')).rejects.toMatchObject({ code: 'GESLOTEN' });
    expect(sessie.gebruiker).toBeNull();
    expect(sessie.melding).toBe(meldingVergrendeld(15));
    expect(sessie.melding).toContain('vergrendeld na 15 minuten zonder activiteit');
    expect(router.currentRoute.value.name).toBe('inloggen');
    wrapper.unmount();
  });

  it('activiteit (een toets) schuift het vergrendelen op; de minuten komen uit het beleid', async () => {
    const { sessie, cacheStore, wrapper } = await ingelogdMetCache(2);
    await vi.advanceTimersByTimeAsync(2 * MINUUT - 10_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    // Past the two minutes since login, but not since the key.
    await vi.advanceTimersByTimeAsync(2 * MINUUT - 10_000);
    expect(pib.sessie.vergrendel).not.toHaveBeenCalled();
    expect(cacheStore.cache).not.toBeNull();
    expect(sessie.gebruiker).not.toBeNull();

    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(pib.sessie.vergrendel).toHaveBeenCalledTimes(1);
    expect(cacheStore.cache).toBeNull();
    expect(sessie.melding).toBe(meldingVergrendeld(2));
    wrapper.unmount();
  });

  it('synchroniseren op de achtergrond is geen activiteit: de app vergrendelt op tijd (issue 12, bevinding 6)', async () => {
    const isi = new NepIsi();
    pib.sync.pagina.mockImplementation(isi.pagina);
    const { cacheStore, wrapper } = await ingelogdMetCache(15);
    const sync = useSyncStore();
    // Every 4 minutes a sync that ISI answers, as the 5-minute timer, focus or a change would start one.
    for (let minuut = 4; minuut < 15; minuut += 4) {
      await vi.advanceTimersByTimeAsync(4 * MINUUT);
      await sync.alles();
      expect(sync.fout).toBeNull();
    }
    expect(pib.sync.pagina).toHaveBeenCalled();
    expect(pib.sessie.vergrendel).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3 * MINUUT);
    await flushPromises();
    expect(pib.sessie.vergrendel).toHaveBeenCalledTimes(1);
    expect(cacheStore.cache).toBeNull();
    wrapper.unmount();
  });

  it('na uitloggen loopt er geen klok meer: niets wordt vergrendeld', async () => {
    const { sessie, wrapper } = await ingelogdMetCache(1);
    sessie.verlopen('U bent uitgelogd.');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(5 * MINUUT);
    expect(pib.sessie.vergrendel).not.toHaveBeenCalled();
    expect(sessie.melding).toBe('U bent uitgelogd.');
    wrapper.unmount();
  });
});
