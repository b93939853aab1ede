import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { z } from 'zod';
import { probleem } from '../../shared/probleem';
import { ACHTERGROND_KOP, ACHTERGROND_WAARDE } from '../../shared/rules/auth';
import { KOP_CURSOR, KOP_MEER, type Status } from '../../shared/schemas/api';
import type { Paginadata } from '../../shared/ipc';
import { type IsiClient, IsiFout } from '../isi/client';
import type { Policy } from '../policy/schemas';
import type { Kluis } from '../vault/kluis';
import { gemeente, type Sessiestand } from './stand';
import type { Diensten } from './typen';

/** A page of 5,000 persons is a few megabytes: it may take longer than an ordinary answer. */
const SYNC_TIMEOUT_MS = 30_000;
/** The status probe while offline: ISI answers it at once or counts as unreachable. */
const PROBE_TIMEOUT_MS = 3_000;

const Paginakop = z.object({ cursor: z.string(), meer: z.boolean() });
const comprimeer = promisify(deflateRaw);
/**
 * zlib's level for the page kept on disk: measured on a 2.9 MB page of 5,000 persons, level 3 took
 * 18 ms for an eighth of the size (level 6: 33 ms for a ninth), in zlib's thread pool, not on main's thread.
 */
const NIVEAU = 3;
const lezer = new TextDecoder();

/**
 * Where a page of changes leads (its cursor, and whether more follow), so the next page is fetched
 * while the cache worker checks and applies this one: from ISI's headers (ISI-Cursor, ISI-Meer),
 * else read from the page itself; the rest of the page is the worker's to check. Without these:
 * ISI's answer is not what the contract says.
 */
function leesPaginakop(json: Uint8Array, headers: Record<string, string>): z.infer<typeof Paginakop> {
  let gelezen: unknown = null;
  // Node hands header names over in lower case.
  const cursor = headers[KOP_CURSOR.toLowerCase()];
  const meer = headers[KOP_MEER.toLowerCase()];
  if (cursor !== undefined && (meer === 'true' || meer === 'false')) {
    gelezen = { cursor, meer: meer === 'true' };
  } else {
    try {
      gelezen = JSON.parse(lezer.decode(json));
    } catch {
      // not JSON: refused below like any other page that breaks the contract
    }
  }
  const kop = Paginakop.safeParse(gelezen);
  if (kop.success) return kop.data;
  throw new IsiFout(probleem({ status: 502, code: 'ONGELDIGE_PAGINA', title: 'Ongeldig antwoord', detail: 'DUO (ISI) stuurde gegevens die niet aan de afspraken voldoen; ze zijn niet verwerkt. Probeer het later opnieuw.' }));
}

/**
 * How many pages main holds fetched ahead of the renderer. With one, ISI stood idle while each page
 * travelled on to main and was compressed there (measured in the 100k bench: ISI's thread busy 83–86 %
 * of a full sync); with two it always has the next one to make.
 */
const VOORUIT = 2;

/** Pages fetched ahead for one gemeente, in order, for one session and one run of cursors. */
interface Voorraad {
  sessie: Sessiestand['sessie'];
  paginas: { cursor: string; pagina: Promise<Paginadata> }[];
  /** The cursor after the last page fetched, once its headers are in and more follow: fetched when there is room. */
  volgende: string | null;
}

/**
 * Pages of changes for the cache, passed on compressed (`Paginadata`), and the status probe. As
 * soon as a page's headers say more follow, main asks ISI for the next one, up to VOORUIT pages
 * ahead of the renderer: a page's way from ISI through main to the worker takes longer than ISI
 * needs to make one, so with only the renderer's one page ahead ISI stood idle half of a full sync
 * (measured: about 700 ms a page, of which ISI's own work 250 ms).
 */
export function syncDiensten({ isi, policy, kluis, stand }: { isi: IsiClient; policy: Policy; kluis: Kluis; stand: Sessiestand }): Diensten['sync'] {
  const vooruit = new Map<string, Voorraad>();

  /** The next page into the stock, if this stock is still the gemeente's, someone is logged in, and there is room. */
  function vulAan(gc: string, v: Voorraad): void {
    if (vooruit.get(gc) !== v || !v.sessie || v.sessie !== stand.sessie || v.volgende === null || v.paginas.length >= VOORUIT) return;
    const cursor = v.volgende;
    v.volgende = null;
    const pagina = haal(gc, cursor, v);
    // Settled when the renderer asks for it; a sync that stopped never does.
    pagina.catch(() => undefined);
    v.paginas.push({ cursor, pagina });
  }

  async function haal(gc: string, cursor: string | null, v: Voorraad): Promise<Paginadata> {
    const vraag = new URLSearchParams({ limiet: String(policy.syncPaginaGrootte), ...(cursor === null ? {} : { vanaf: cursor }) });
    // A sync is the app's own work: it does not keep the session alive at ISI (issue 12, finding 6).
    const { data: json, headers } = await isi.vraag<Uint8Array<ArrayBuffer>>('GET', `${gemeente(gc)}/wijzigingen?${vraag}`, { timeoutMs: SYNC_TIMEOUT_MS, binair: true, headers: { [ACHTERGROND_KOP]: ACHTERGROND_WAARDE } });
    const kop = leesPaginakop(json, headers);
    // The next request goes out before this page is compressed: ISI makes it meanwhile.
    v.volgende = kop.meer ? kop.cursor : null;
    vulAan(gc, v);
    const [gecomprimeerd] = await Promise.all([
      comprimeer(json, { level: NIVEAU }),
      stand.sessie ? kluis.gesynchroniseerd(stand.sessie.gebruiker.gebruikersnaam) : undefined,
    ]);
    return { gecomprimeerd, ...kop };
  }

  return {
    pagina: async ({ gc, cursor }) => {
      const v = vooruit.get(gc);
      const klaar = v?.sessie === stand.sessie ? v.paginas[0] : undefined;
      if (v && klaar && klaar.cursor === cursor) {
        v.paginas.shift();
        vulAan(gc, v);
        // Fetched ahead for this very request; one that failed is asked again now (the network may be back).
        return klaar.pagina.catch(() => haal(gc, cursor, v));
      }
      // Another cursor than the one fetched ahead (a new run, a 410, another session): a new stock.
      const nieuw: Voorraad = { sessie: stand.sessie, paginas: [], volgende: null };
      vooruit.set(gc, nieuw);
      return haal(gc, cursor, nieuw);
    },
    bereikbaar: async () => {
      const { data } = await isi.vraag<z.input<typeof Status>>('GET', '/api/v1/status', { open: true, timeoutMs: PROBE_TIMEOUT_MS });
      return { vandaag: data.vandaag };
    },
  };
}
