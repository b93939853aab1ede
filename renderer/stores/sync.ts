import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import type { Paginadata, Uitkomst } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';
import type { Probleem } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { CacheFout } from '../db';
import type { Cache, SyncStand, Toegepast } from '../db/types';
import { useCacheStore } from './cache';
import { useSessieStore } from './sessie';

/** A full sync under way: items applied of the total the first page announced. */
export interface Voortgang {
  gc: string;
  verwerkt: number;
  totaal: number | null;
}

export function percentage(v: Voortgang): number | null {
  return v.totaal ? Math.min(100, Math.round((100 * v.verwerkt) / v.totaal)) : null;
}

/** While offline, ISI's status is asked after 1, 2, then every 4 seconds: a change waits at most that long once ISI is back. */
export const PROBE_STAPPEN_MS = [1_000, 2_000, 4_000] as const;

/** What a sync brought for one gemeente: open screens refresh in place when it touches what they show. */
export interface Bijgewerkt {
  gc: string;
  /** Persons changed or gone: a person screen showing one of them refreshes. */
  personen: ReadonlySet<string>;
  /** Counts the syncs that brought anything, so a watcher sees each one. */
  teller: number;
}

/** Reads set off at most one background sync per gemeente in this time. */
const AANLEIDING_MS = 2_000;
const MELDING_OUDE_GEGEVENS = 'De gegevens op deze computer kunnen verouderd zijn: het bijwerken bij DUO lukte niet.';

/**
 * Keeping the cache in step with ISI (ARCHITECTURE.md "the way of a search"): main fetches the
 * pages of changes; the cache worker applies each to memory at once and persists it behind. The
 * next page is fetched while the last one is applied. Runs after login, every N minutes, when the
 * window gets focus, after each change, when ISI answers again and on "Nu bijwerken"; one run per
 * gemeente at a time. Reads never wait for it: they show what the cache has, and the screens
 * refresh in place when a sync brings something newer (`bijgewerkt`).
 *
 * The connection state is the truth of the last call within seconds: any failed call marks the
 * app offline, then ISI's status is probed with a short backoff, and the first answer marks it
 * online again (the outbox is sent then, wachtrij.ts).
 */
export const useSyncStore = defineStore('sync', () => {
  const sessie = useSessieStore();
  const cacheStore = useCacheStore();
  /** null: not known yet; false: the last call to ISI found no connection. */
  const online = ref<boolean | null>(null);
  const standen = reactive(new Map<string, SyncStand>());
  const voortgang = shallowRef<Voortgang | null>(null);
  const fout = ref<Probleem | null>(null);
  /** Why the durable copy on disk stopped (memory goes on): said in the bar. */
  const opslagfout = ref<string | null>(null);
  const bijgewerkt = shallowRef<Bijgewerkt | null>(null);
  /** Counts the sync runs that ended well: the outbox is sent after each (wachtrij.ts). */
  const geslaagd = ref(0);
  const lopend = new Map<string, Promise<void>>();
  /** Runs under way (any gemeente), for the screen: a Map is not reactive. */
  const aantalLopend = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;
  let probe: ReturnType<typeof setTimeout> | null = null;
  let probeStap = 0;
  let tellerBijgewerkt = 0;
  const laatsteAanleiding = new Map<string, number>();

  const stand = computed(() => (sessie.gekozenGemeenteCode ? (standen.get(sessie.gekozenGemeenteCode) ?? null) : null));

  /** ISI answered a call: online, and the probing stops. */
  function bereikt(): void {
    if (probe) clearTimeout(probe);
    probe = null;
    probeStap = 0;
    online.value = true;
  }

  /** A call found no connection: offline, and ISI's status is probed until it answers. */
  function onbereikbaar(): void {
    online.value = false;
    if (!probe && sessie.gebruiker) planProbe();
  }

  function planProbe(): void {
    const wacht = PROBE_STAPPEN_MS[Math.min(probeStap, PROBE_STAPPEN_MS.length - 1)]!;
    probeStap++;
    probe = setTimeout(() => void probeer(), wacht);
  }

  async function probeer(): Promise<void> {
    const u = await pib.sync.bereikbaar({});
    probe = null;
    // Any answer of ISI counts, a refusal too: only no answer at all is offline.
    if (u.ok || u.probleem.status !== 0) {
      bereikt();
      void alles();
    } else if (online.value === false && sessie.gebruiker) planProbe();
  }

  /** What every caller to ISI reports: a lost connection or an answer. */
  function meld<T>(u: Uitkomst<T>): Uitkomst<T> {
    if (!u.ok && u.probleem.status === 0) onbereikbaar();
    else bereikt();
    return u;
  }

  async function laadStanden(cache: Cache): Promise<void> {
    for (const g of sessie.gemeenten) standen.set(g.code, await cache.syncStand(g.code));
  }

  function haal(gc: string, cursor: string | null): Promise<Uitkomst<Paginadata>> {
    return pib.sync.pagina({ gc, cursor });
  }

  /**
   * One gemeente up to date: pages until `meer` is false, the next fetched while the last is
   * applied. A 410 starts over; no connection stops quietly; a page the cache refuses is not
   * applied and the cursor stays.
   */
  function synchroniseer(gc: string): Promise<void> {
    const al = lopend.get(gc);
    if (al) return al;
    const run = (async () => {
      const cache = await cacheStore.open();
      if (!cache) return;
      let huidig = await cache.syncStand(gc);
      const volledigBijStart = huidig.volledig;
      // A full sync's own time, from its first page asked to its data on disk: measured for `npm run bench`.
      if (!volledigBijStart) performance.mark(`pib-volledige-sync-start:${gc}`);
      standen.set(gc, huidig);
      const veranderd = new Set<string>();
      let volgende = haal(gc, huidig.cursor);
      for (;;) {
        const u = await volgende;
        if (cacheStore.cache !== cache) return;
        if (!u.ok) {
          if (u.probleem.status === 410) {
            await cache.beginOpnieuw(gc);
            huidig = await cache.syncStand(gc);
            // At once: an emptied gemeente no longer counts as complete, so reads go to ISI meanwhile.
            standen.set(gc, huidig);
            volgende = haal(gc, null);
            continue;
          }
          if (u.probleem.status === 0) onbereikbaar();
          else if (u.probleem.status === 401) sessie.verlopen(u.probleem.detail);
          else fout.value = { ...u.probleem, detail: `${MELDING_OUDE_GEGEVENS} ${u.probleem.detail}` };
          return;
        }
        bereikt();
        const { gecomprimeerd, cursor, meer } = u.waarde;
        if (meer) volgende = haal(gc, cursor);
        let toegepast: Toegepast;
        try {
          // The page goes to the worker as main compressed it: inflated and checked there, off this thread.
          toegepast = await cache.pasToe(gc, { gecomprimeerd });
        } catch (e) {
          if (!(e instanceof CacheFout) || e.code !== 'ONGELDIGE_PAGINA') throw e;
          fout.value = probleem({ status: 502, code: e.code, title: 'Gegevens niet verwerkt', detail: e.message });
          return;
        }
        huidig = toegepast.stand;
        // Main fetched the next page with the cursor ISI's headers named: the page itself must name the same.
        if (huidig.cursor !== cursor) {
          standen.set(gc, huidig);
          fout.value = probleem({ status: 502, code: 'ONGELDIGE_PAGINA', title: 'Gegevens niet verwerkt', detail: `${MELDING_OUDE_GEGEVENS} DUO (ISI) stuurde een pagina die zichzelf tegensprak.` });
          return;
        }
        fout.value = null;
        standen.set(gc, huidig);
        // A first sync refreshes no open screen (they showed ISI's answers meanwhile): no need to remember what it brought.
        if (volledigBijStart) {
          for (const id of toegepast.personen) veranderd.add(id);
          if (toegepast.signalen) veranderd.add('');
        }
        voortgang.value = huidig.volledig ? null : { gc, verwerkt: huidig.verwerkt, totaal: huidig.totaal };
        if (!meer) break;
      }
      voortgang.value = null;
      // A run counts as done when its data are on disk too: "Gegevens van …" means kept, not only shown.
      await cache.opSchijf();
      const code = await cache.opslagfout();
      opslagfout.value = code ? new CacheFout(code).message : null;
      if (!volledigBijStart && huidig.volledig) performance.measure(`pib-volledige-sync:${gc}`, `pib-volledige-sync-start:${gc}`);
      if (veranderd.size > 0) bijgewerkt.value = { gc, personen: veranderd, teller: ++tellerBijgewerkt };
      geslaagd.value++;
    })().catch((e: unknown) => {
      // Locked or logged out during a page: the cache closed under the run, which simply ends.
      if (!(e instanceof CacheFout && e.code === 'GESLOTEN')) throw e;
    }).finally(() => {
      lopend.delete(gc);
      aantalLopend.value--;
      if (voortgang.value?.gc === gc) voortgang.value = null;
    });
    lopend.set(gc, run);
    aantalLopend.value++;
    return run;
  }

  /**
   * After a read answered from memory: an incremental sync in the background (at most one per
   * AANLEIDING_MS), so the screen shows what ISI has now a moment later (in place, `bijgewerkt`),
   * and a lost connection shows on the bar within seconds. The read itself never waits for it.
   */
  function verversOpAchtergrond(gc: string): void {
    const nu = Date.now();
    if (lopend.has(gc) || nu - (laatsteAanleiding.get(gc) ?? 0) < AANLEIDING_MS) return;
    laatsteAanleiding.set(gc, nu);
    void synchroniseer(gc);
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

  function plan(minuten: number): void {
    if (timer) clearInterval(timer);
    timer = setInterval(() => void alles(), minuten * 60_000);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    if (probe) clearTimeout(probe);
    timer = null;
    probe = null;
    probeStap = 0;
    standen.clear();
    voortgang.value = null;
    bijgewerkt.value = null;
    opslagfout.value = null;
  }

  window.addEventListener('focus', () => {
    if (sessie.gebruiker) void alles();
  });
  // The operating system's word on the network is the quickest sign; ISI's answer is the truth.
  window.addEventListener('offline', () => {
    if (sessie.gebruiker) onbereikbaar();
  });
  window.addEventListener('online', () => {
    if (!sessie.gebruiker) return;
    if (probe) clearTimeout(probe);
    probe = null;
    void probeer();
  });

  watch(() => cacheStore.cache, async (cache) => {
    if (!cache) return stop();
    await laadStanden(cache);
    plan(cacheStore.beleid.syncIntervalMinuten);
    void alles();
  });
  watch(() => cacheStore.beleid.syncIntervalMinuten, (m) => {
    if (timer) plan(m);
  });
  watch(() => sessie.gebruiker, (g) => {
    if (!g) stop();
  });

  return { online, standen, stand, voortgang, aantalLopend, fout, opslagfout, bijgewerkt, geslaagd, synchroniseer, verversOpAchtergrond, alles, stop, meld, bereikt, onbereikbaar };
});
