import { defineStore } from 'pinia';
import { shallowRef, ref, watch } from 'vue';
import type { Beleid } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';
import type { Probleem } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { CacheFout, openCache, openCacheInWerker, verouderd, wisCache, zetWerkerKlaar } from '../db';
import type { Cache } from '../db/types';
import { useSessieStore } from './sessie';

export const MELDING_HERSTELD = 'De gegevens op deze computer waren niet meer te lezen (de sleutel ervan bestaat niet meer) en zijn gewist. Ze worden opnieuw bij DUO opgehaald; wijzigingen die eventueel nog wachtten, zijn verloren gegaan.';

/** Until main says otherwise (app.info): the defaults of main/policy. */
export const STANDAARD_BELEID: Beleid = { vergrendelNaMinuten: 15, syncIntervalMinuten: 5, wissenNaDagenZonderSync: 14, cacheBijUitloggen: 'vragen', bestandenBewarenDagen: 30 };

/**
 * In the app the cache lives in its own Web Worker (ARCHITECTURE.md); where there are no workers
 * (unit tests in happy-dom) the same implementation runs in-process.
 */
const openen_ = (gebruikersnaam: string, sleutel: string, opties: { herbouw: boolean; voorrang: string | null }) =>
  typeof Worker === 'function' ? openCacheInWerker(gebruikersnaam, sleutel, opties) : openCache(gebruikersnaam, sleutel, opties);

/**
 * The offline cache of the logged-in user: opened with the key main hands over after login,
 * closed (keys and decrypted data dropped) on lock and logout. Without a cache (main refused the
 * key, e.g. a weak keychain) the app still works, online only, straight from ISI.
 */
export const useCacheStore = defineStore('cache', () => {
  const sessie = useSessieStore();
  const cache = shallowRef<Cache | null>(null);
  const beleid = ref<Beleid>(STANDAARD_BELEID);
  /** Desktop app or browser mode, from main's app info: what only the desktop app can do is offered there only. */
  const modus = ref<'electron' | 'browser' | null>(null);
  /** Why there is no cache while logged in, said to the user once. */
  const geenCache = ref<Probleem | null>(null);
  /** Said once when an unreadable cache had to be wiped. */
  const hersteld = ref<string | null>(null);
  /** The cache on disk is damaged (BESCHADIGD): nothing of it is shown until the user chooses to fetch it anew. */
  const beschadigd = ref(false);
  let openen: Promise<Cache | null> | null = null;
  /** While an unlock reads the cache from disk: the screen says so instead of "Nog geen lokale gegevens". */
  const opent = ref(false);
  let herbouwen = false;

  async function laadBeleid(): Promise<void> {
    const u = await pib.app.info({});
    if (!u.ok) return;
    beleid.value = u.waarde.beleid;
    modus.value = u.waarde.modus;
  }

  /**
   * Retention at start: the cache of a user who has not synced for N days goes. Its key is main's
   * to destroy, at its own start (main/vault Kluis.ruimOp): no renderer may destroy another
   * user's key (issue 12, finding 7).
   */
  async function ruimOp(nu = new Date()): Promise<string[]> {
    const weg = await verouderd(beleid.value.wissenNaDagenZonderSync, nu);
    for (const c of weg) await wisCache(c.gebruikersnaam);
    return weg.map((c) => c.gebruikersnaam);
  }

  /** Online only until the user decides (BESCHADIGD) or the other window closes (IN_GEBRUIK). */
  function weiger(fout: unknown): void {
    if (!(fout instanceof CacheFout) || (fout.code !== 'BESCHADIGD' && fout.code !== 'IN_GEBRUIK')) throw fout;
    beschadigd.value = fout.code === 'BESCHADIGD';
    geenCache.value = probleem({ status: 409, code: fout.code, title: 'Geen lokale gegevens', detail: fout.message });
  }

  /** The cache of the logged-in user, opened once per login. */
  function open(): Promise<Cache | null> {
    const gebruiker = sessie.gebruiker?.gebruikersnaam;
    if (!gebruiker) return Promise.resolve(null);
    if (cache.value?.gebruikersnaam === gebruiker) return Promise.resolve(cache.value);
    openen ??= (async () => {
      opent.value = true;
      try {
        const u = await pib.cache.sleutel({});
        if (!u.ok) {
          geenCache.value = u.probleem;
          return null;
        }
        // The session may have ended while the key was on its way.
        if (sessie.gebruiker?.gebruikersnaam !== u.waarde.gebruikersnaam) return null;
        try {
          // Unlock: chunks and log decrypted and replayed into memory, the chosen gemeente first (then
          // it is searchable), the others in the background. Both measured for `npm run bench`.
          performance.mark('pib-ontgrendelen-start');
          const geopend = await openMetHerstel(u.waarde.gebruikersnaam, u.waarde.sleutel, beschadigd.value && herbouwen);
          performance.measure('pib-ontgrendelen', 'pib-ontgrendelen-start');
          void geopend.allesGeladen().then(
            () => performance.measure('pib-ontgrendelen-alles', 'pib-ontgrendelen-start'),
            // A gemeente read in after the open that would not parse: the cache is refused as a whole, as at the open.
            async (fout: unknown) => {
              if (cache.value !== geopend) return;
              await sluit();
              weiger(fout);
            },
          );
          cache.value = geopend;
        } catch (fout) {
          weiger(fout);
          return null;
        } finally {
          herbouwen = false;
        }
        beschadigd.value = false;
        geenCache.value = null;
        return cache.value;
      } finally {
        openen = null;
        opent.value = false;
      }
    })();
    return openen;
  }

  /**
   * A database written with a key main no longer has (it was destroyed: retention, a wipe that
   * stopped halfway) cannot be read by anyone: it is wiped and filled again, and the user is told.
   */
  async function openMetHerstel(gebruikersnaam: string, sleutel: string, herbouw: boolean): Promise<Cache> {
    try {
      return await openen_(gebruikersnaam, sleutel, { herbouw, voorrang: sessie.gekozenGemeenteCode });
    } catch (fout) {
      if (!(fout instanceof CacheFout) || fout.code !== 'VERKEERDE_SLEUTEL') throw fout;
      await wisCache(gebruikersnaam);
      hersteld.value = MELDING_HERSTELD;
      return openen_(gebruikersnaam, sleutel, { herbouw: false, voorrang: sessie.gekozenGemeenteCode });
    }
  }

  /**
   * "Opnieuw ophalen" after BESCHADIGD: what cannot be read goes (the changes that still wait and
   * can be read stay), the cache opens empty and fills from ISI with a full sync.
   */
  async function herbouw(): Promise<Cache | null> {
    herbouwen = true;
    return open();
  }

  /**
   * Drops the key and everything decrypted: what stays on disk is unreadable without main's key.
   * The worker first writes what it already holds, so a change the user made is never lost.
   */
  function sluit(): Promise<void> {
    const c = cache.value;
    cache.value = null;
    return c?.sluit() ?? Promise.resolve();
  }

  /** "Lokale gegevens wissen": the user's database and the key that could read it (while still logged in: main wants the session). */
  async function wis(gebruikersnaam: string): Promise<void> {
    await sluit();
    await wisCache(gebruikersnaam);
    await pib.cache.vergeet({ gebruikersnaam });
  }

  /** At the login screen: the worker the next unlock needs starts loading while the user types. */
  function zetKlaar(): void {
    if (typeof Worker === 'function') zetWerkerKlaar();
  }

  watch(() => sessie.gebruiker?.gebruikersnaam ?? null, (naam) => {
    if (!naam) void sluit();
    else void open();
  });

  return { cache, beleid, modus, geenCache, hersteld, beschadigd, opent, laadBeleid, ruimOp, open, herbouw, sluit, wis, zetKlaar };
});
