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

/** A page fetched ahead: for this session, gemeente and cursor only. */
interface Vooruit {
  sessie: Sessiestand['sessie'];
  cursor: string;
  pagina: Promise<Paginadata>;
}

/**
 * Pages of changes for the cache, passed on compressed (`Paginadata`), and the status probe. As
 * soon as a page with more after it arrives, main asks ISI for the next one, before the renderer
 * does: a page's way from ISI through main to the worker takes longer than ISI needs to make one,
 * so with only the renderer's one page ahead ISI stood idle half of a
 * full sync (measured: about 700 ms a page, of which ISI's own work 250 ms).
 */
export function syncDiensten({ isi, policy, kluis, stand }: { isi: IsiClient; policy: Policy; kluis: Kluis; stand: Sessiestand }): Diensten['sync'] {
  const vooruit = new Map<string, Vooruit>();

  async function haal(gc: string, cursor: string | null): Promise<Paginadata> {
    const vraag = new URLSearchParams({ limiet: String(policy.syncPaginaGrootte), ...(cursor === null ? {} : { vanaf: cursor }) });
    // A sync is the app's own work: it does not keep the session alive at ISI (issue 12, finding 6).
    const { data: json, headers } = await isi.vraag<Uint8Array<ArrayBuffer>>('GET', `${gemeente(gc)}/wijzigingen?${vraag}`, { timeoutMs: SYNC_TIMEOUT_MS, binair: true, headers: { [ACHTERGROND_KOP]: ACHTERGROND_WAARDE } });
    const kop = leesPaginakop(json, headers);
    const [gecomprimeerd] = await Promise.all([
      comprimeer(json, { level: NIVEAU }),
      stand.sessie ? kluis.gesynchroniseerd(stand.sessie.gebruiker.gebruikersnaam) : undefined,
    ]);
    return { gecomprimeerd, ...kop };
  }

  return {
    pagina: async ({ gc, cursor }) => {
      const klaar = vooruit.get(gc);
      vooruit.delete(gc);
      // Fetched ahead for this very request; one that failed is asked again now (the network may be back).
      const pagina = klaar && klaar.sessie === stand.sessie && klaar.cursor === cursor
        ? klaar.pagina.catch(() => haal(gc, cursor))
        : haal(gc, cursor);
      const p = await pagina;
      if (p.meer && stand.sessie) {
        const volgende = haal(gc, p.cursor);
        // Settled when the renderer asks for it; a sync that stopped never does.
        volgende.catch(() => undefined);
        vooruit.set(gc, { sessie: stand.sessie, cursor: p.cursor, pagina: volgende });
      }
      return p;
    },
    bereikbaar: async () => {
      const { data } = await isi.vraag<z.input<typeof Status>>('GET', '/api/v1/status', { open: true, timeoutMs: PROBE_TIMEOUT_MS });
      return { vandaag: data.vandaag };
    },
  };
}
