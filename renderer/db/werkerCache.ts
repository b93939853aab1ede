import { CacheFout } from './fouten';
import { databasenaamVoor, meldGeopend, meldGesloten } from './register';
import type { Cache } from './types';
import type { Antwoord, CacheMethode, Verzoek } from './werkerBerichten';

type VerzoekZonderId = Verzoek extends infer V ? (V extends { id: number } ? Omit<V, 'id'> : never) : never;

/**
 * The window's side of the cache worker: the same `Cache` interface, every call a message to the
 * worker that holds the caseload in memory. One worker per open cache; closing it waits until the
 * worker wrote everything to disk and then ends the thread, keys and memory with it.
 */
class WerkerCache implements Cache {
  private volgende = 1;
  private readonly wachtend = new Map<number, { klaar: (v: unknown) => void; faal: (e: unknown) => void }>();
  private gesloten: Promise<void> | null = null;

  constructor(readonly gebruikersnaam: string, private readonly databasenaam: string, private readonly werker: Worker) {
    werker.onmessage = (e: MessageEvent<Antwoord>) => {
      const a = e.data;
      const w = this.wachtend.get(a.id);
      if (!w) return;
      this.wachtend.delete(a.id);
      if ('waarde' in a) w.klaar(a.waarde);
      else w.faal(a.fout.code ? new CacheFout(a.fout.code) : new Error(a.fout.bericht));
    };
    werker.onerror = (e) => {
      // A worker that failed to load or crashed answers nothing any more: every waiting call fails.
      for (const w of this.wachtend.values()) w.faal(new Error(`De cacheworker stopte: ${e.message}`));
      this.wachtend.clear();
    };
  }

  vraag<T>(verzoek: VerzoekZonderId): Promise<T> {
    const id = this.volgende++;
    return new Promise<T>((klaar, faal) => {
      this.wachtend.set(id, { klaar: klaar as (v: unknown) => void, faal });
      this.werker.postMessage({ ...verzoek, id });
    });
  }

  private roep<T>(methode: CacheMethode, ...args: unknown[]): Promise<T> {
    if (this.gesloten) return Promise.reject(new CacheFout('GESLOTEN'));
    return this.vraag<T>({ methode, args });
  }

  sluit(): Promise<void> {
    this.gesloten ??= this.vraag<void>({ methode: 'sluit' }).catch(() => undefined).finally(() => {
      this.werker.terminate();
      meldGesloten(this.databasenaam, this);
    });
    return this.gesloten;
  }

  syncStand: Cache['syncStand'] = (...a) => this.roep('syncStand', ...a);
  pasToe: Cache['pasToe'] = (...a) => this.roep('pasToe', ...a);
  beginOpnieuw: Cache['beginOpnieuw'] = (...a) => this.roep('beginOpnieuw', ...a);
  opSchijf: Cache['opSchijf'] = () => this.roep('opSchijf');
  allesGeladen: Cache['allesGeladen'] = () => this.roep('allesGeladen');
  opslagfout: Cache['opslagfout'] = () => this.roep('opslagfout');
  zoekPersonen: Cache['zoekPersonen'] = (...a) => this.roep('zoekPersonen', ...a);
  haalPersoon: Cache['haalPersoon'] = (...a) => this.roep('haalPersoon', ...a);
  zoekSignalen: Cache['zoekSignalen'] = (...a) => this.roep('zoekSignalen', ...a);
  openstaand: Cache['openstaand'] = (...a) => this.roep('openstaand', ...a);
  aantallen: Cache['aantallen'] = (...a) => this.roep('aantallen', ...a);
  controlegetal: Cache['controlegetal'] = (...a) => this.roep('controlegetal', ...a);
  zetInWachtrij: Cache['zetInWachtrij'] = (...a) => this.roep('zetInWachtrij', ...a);
  wachtrij: Cache['wachtrij'] = () => this.roep('wachtrij');
  verzonden: Cache['verzonden'] = (...a) => this.roep('verzonden', ...a);
  mislukt: Cache['mislukt'] = (...a) => this.roep('mislukt', ...a);
  geweigerd: Cache['geweigerd'] = (...a) => this.roep('geweigerd', ...a);
  verwerp: Cache['verwerp'] = (...a) => this.roep('verwerp', ...a);
  vervang: Cache['vervang'] = (...a) => this.roep('vervang', ...a);
}

const startWerker = () => new Worker(new URL('./werker.ts', import.meta.url), { type: 'module', name: 'pib-cache' });

let klaargezet: Worker | null = null;

/**
 * A cache worker started ahead, at the login screen: its module loads (about 250 ms at an unlock
 * measured at 100,000 persons) while the user logs in, not after. It holds no key and no data until
 * `openCacheInWerker` gives it a user's; one that failed to load is not used.
 */
export function zetWerkerKlaar(): void {
  if (klaargezet) return;
  const werker = startWerker();
  werker.onerror = () => {
    if (klaargezet === werker) klaargezet = null;
    werker.terminate();
  };
  klaargezet = werker;
}

/**
 * `openCache` in a dedicated Web Worker: the key goes to the worker once and is imported there as
 * non-extractable keys. Throws what `openCache` throws (VERKEERDE_SLEUTEL, BESCHADIGD, IN_GEBRUIK…).
 */
export async function openCacheInWerker(gebruikersnaam: string, sleutelBase64: string, opties: { herbouw?: boolean; voorrang?: string | null } = {}): Promise<Cache> {
  const werker = klaargezet ?? startWerker();
  klaargezet = null;
  const cache = new WerkerCache(gebruikersnaam, await databasenaamVoor(gebruikersnaam), werker);
  try {
    await cache.vraag({ methode: 'open', gebruikersnaam, sleutel: sleutelBase64, herbouw: opties.herbouw ?? false, voorrang: opties.voorrang ?? null });
  } catch (e) {
    werker.terminate();
    throw e;
  }
  meldGeopend(await databasenaamVoor(gebruikersnaam), cache);
  return cache;
}
