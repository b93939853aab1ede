import type { Uitkomst } from '../../shared/ipc';
import type { Cache } from '../db/types';
import { useCacheStore } from '../stores/cache';
import { useSyncStore } from '../stores/sync';

export const MELDING_GEEN_LOKALE_GEGEVENS = 'Er zijn nog geen gegevens van deze gemeente op deze computer, en er is geen verbinding met DUO. Maak verbinding met het netwerk; de gegevens worden dan opgehaald.';

/**
 * The way of a search (ARCHITECTURE.md): once the gemeente's first full sync is done the cache
 * answers from memory at once, never waiting for the network (a sync in the background refreshes
 * the screen in place). ISI answers while the cache is still filling for the first time, and when
 * there is no cache at all.
 */
export async function uitCacheOfIsi<T>(gc: string, lokaal: (cache: Cache) => Promise<T>, isi: () => Promise<Uitkomst<T>>): Promise<Uitkomst<T>> {
  const cacheStore = useCacheStore();
  const sync = useSyncStore();
  const cache = await cacheStore.open();
  if (cache && sync.standen.get(gc)?.volledig) {
    const waarde = await lokaal(cache);
    sync.verversOpAchtergrond(gc);
    return { ok: true, waarde };
  }
  const u = sync.meld(await isi());
  if (!u.ok && u.probleem.status === 0 && cache) return { ok: false, probleem: { ...u.probleem, detail: MELDING_GEEN_LOKALE_GEGEVENS } };
  return u;
}
