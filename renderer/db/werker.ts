/// <reference lib="webworker" />
/**
 * The cache worker (ARCHITECTURE.md): the caseload in memory, in a thread of its own, so
 * decryption, index upkeep and disk writes never block the screen. It hosts one open cache
 * (cache.ts) and answers the calls `WerkerCache` posts; errors cross as their CacheFout code.
 */
import { openCache } from './cache';
import { CacheFout } from './fouten';
import type { Cache } from './types';
import { zetUitpakkersKlaar } from './uitpakken';
import type { Antwoord, Verzoek } from './werkerBerichten';

// The unlock's inflating helpers load while the user logs in (the worker itself is started at the login screen).
zetUitpakkersKlaar();

let cache: Cache | null = null;

async function voerUit(v: Verzoek): Promise<unknown> {
  if (v.methode === 'open') {
    cache = await openCache(v.gebruikersnaam, v.sleutel, { herbouw: v.herbouw, voorrang: v.voorrang });
    return null;
  }
  if (!cache) throw new CacheFout('GESLOTEN');
  if (v.methode === 'sluit') {
    const c = cache;
    cache = null;
    await c.sluit();
    return null;
  }
  const methode = cache[v.methode] as (...args: unknown[]) => Promise<unknown>;
  return methode.apply(cache, v.args);
}

self.onmessage = (e: MessageEvent<Verzoek>) => {
  const v = e.data;
  voerUit(v).then(
    (waarde) => self.postMessage({ id: v.id, waarde } satisfies Antwoord),
    (fout: unknown) => self.postMessage({
      id: v.id,
      fout: fout instanceof CacheFout ? { code: fout.code } : { code: null, bericht: String((fout as Error)?.message ?? fout) },
    } satisfies Antwoord),
  );
};
