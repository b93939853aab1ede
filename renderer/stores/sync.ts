import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import type { Probleem } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { CacheFout } from '../db';
import type { Cache, SyncStand } from '../db/types';
import { useCacheStore } from './cache';
import { useSessieStore } from './sessie';

/** How long a read waits for a fresh incremental sync before it shows the cache as it is. */
export const LEESBUDGET_MS = 2_000;

/** A full sync under way: items applied of the total the first page announced. */
export interface Voortgang {
  gc: string;
  verwerkt: number;
  totaal: number | null;
}

export function percentage(v: Voortgang): number | null {
  return v.totaal ? Math.min(100, Math.round((100 * v.verwerkt) / v.totaal)) : null;
}

/**
 * Keeping the cache in step with ISI (ARCHITECTURE.md "the way of a search"): main fetches the
 * pages of changes, this store writes each page in one transaction and keeps the cursor, so an
 * interrupted sync resumes at the last page applied. Runs after login, every N minutes, when the
 * window gets focus, after each change and on "Nu bijwerken"; one run per gemeente at a time.
 *
 * The schedule lives here, not in main: the IPC contract is request and answer, and only the
 * renderer can write IndexedDB. Main decides what is fetched (page size, policy) and holds the session.
 */
export const useSyncStore = defineStore('sync', () => {
  const sessie = useSessieStore();
  const cacheStore = useCacheStore();
  /** null: not known yet; false: the last call to ISI found no connection. */
  const online = ref<boolean | null>(null);
  const standen = reactive(new Map<string, SyncStand>());
  const voortgang = ref<Voortgang | null>(null);
  const fout = ref<Probleem | null>(null);
  const lopend = new Map<string, Promise<void>>();
  /** The gemeenten whose sort memo this open cache has filled. */
  const gewarmd = new Set<string>();
  /** Runs under way (any gemeente), for the screen: a Map is not reactive. */
  const aantalLopend = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;

  const stand = computed(() => (sessie.gekozenGemeenteCode ? (standen.get(sessie.gekozenGemeenteCode) ?? null) : null));

  async function laadStanden(cache: Cache): Promise<void> {
    for (const g of sessie.gemeenten) standen.set(g.code, await cache.syncStand(g.code));
  }

  /** One gemeente up to date: pages until `meer` is false. A 410 starts over; no connection stops quietly. */
  function synchroniseer(gc: string): Promise<void> {
    const al = lopend.get(gc);
    if (al) return al;
    const run = (async () => {
      const cache = await cacheStore.open();
      if (!cache) return;
      let huidig = await cache.syncStand(gc);
      standen.set(gc, huidig);
      let toegepast = 0;
      for (;;) {
        const u = await pib.sync.pagina({ gc, cursor: huidig.cursor });
        if (cacheStore.cache !== cache) return;
        if (!u.ok) {
          if (u.probleem.status === 410) {
            await cache.beginOpnieuw(gc);
            huidig = await cache.syncStand(gc);
            // At once: an emptied gemeente no longer counts as complete, so reads go to ISI meanwhile.
            standen.set(gc, huidig);
            continue;
          }
          if (u.probleem.status === 0) online.value = false;
          else if (u.probleem.status === 401) sessie.verlopen(u.probleem.detail);
          else fout.value = u.probleem;
          return;
        }
        online.value = true;
        fout.value = null;
        huidig = await cache.pasToe(gc, u.waarde);
        toegepast += u.waarde.personen.length + u.waarde.signalen.length + u.waarde.verwijderd.personen.length + u.waarde.verwijderd.signalen.length;
        standen.set(gc, huidig);
        voortgang.value = huidig.volledig ? null : { gc, verwerkt: huidig.verwerkt, totaal: huidig.totaal };
        if (!u.waarde.meer) break;
      }
      voortgang.value = null;
      // The sort memo is filled once per open cache and again only after a change: checking a warm
      // memo still reads every key, too much after each quick sync before a read at 100,000 persons.
      if (toegepast > 0 || !gewarmd.has(gc)) {
        gewarmd.add(gc);
        void cache.warmOp(gc);
      }
    })().catch((fout: unknown) => {
      // Locked or logged out during a page: the cache closed under the run, which simply ends.
      if (!(fout instanceof CacheFout && fout.code === 'GESLOTEN')) throw fout;
    }).finally(() => {
      lopend.delete(gc);
      aantalLopend.value--;
      if (voortgang.value?.gc === gc) voortgang.value = null;
    });
    lopend.set(gc, run);
    aantalLopend.value++;
    return run;
  }

  /** Every gemeente the user works for, the chosen one first. */
  async function alles(): Promise<void> {
    const codes = sessie.gemeenten.map((g) => g.code).sort((a, b) => Number(b === sessie.gekozenGemeenteCode) - Number(a === sessie.gekozenGemeenteCode));
    // Counted as one run from the first gemeente to the last, so "no sync running" is never seen in between.
    aantalLopend.value++;
    try {
      for (const gc of codes) await synchroniseer(gc);
    } finally {
      aantalLopend.value--;
    }
  }

  /**
   * Before a read: a quick incremental sync gets its chance, for at most LEESBUDGET_MS, so the
   * counter employee sees what ISI has now, and offline the cache answers at once. A cache whose
   * first full sync has not finished is not waited for (at 100,000 persons that takes minutes):
   * it fills in the background, with its progress bar, and ISI answers the read meanwhile.
   */
  async function vers(gc: string): Promise<void> {
    const cache = await cacheStore.open();
    if (!cache) return;
    const s = standen.get(gc) ?? (await cache.syncStand(gc));
    if (!s.volledig) {
      void synchroniseer(gc);
      return;
    }
    if (online.value === false && !lopend.has(gc)) {
      // Offline: try again in the background; the cache answers now.
      void synchroniseer(gc);
      return;
    }
    await Promise.race([synchroniseer(gc), new Promise((klaar) => setTimeout(klaar, LEESBUDGET_MS))]);
  }

  function plan(minuten: number): void {
    if (timer) clearInterval(timer);
    timer = setInterval(() => void alles(), minuten * 60_000);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    standen.clear();
    voortgang.value = null;
  }

  const opFocus = () => {
    if (sessie.gebruiker) void alles();
  };
  window.addEventListener('focus', opFocus);

  watch(() => cacheStore.cache, async (cache) => {
    // Another cache (after a wipe, another login) has an empty memo.
    gewarmd.clear();
    if (!cache) return stop();
    await laadStanden(cache);
    plan(cacheStore.beleid.syncIntervalMinuten);
    void alles();
  });
  watch(() => cacheStore.beleid.syncIntervalMinuten, (m) => {
    if (timer) plan(m);
  });

  return { online, standen, stand, voortgang, aantalLopend, fout, synchroniseer, alles, vers, stop };
});
