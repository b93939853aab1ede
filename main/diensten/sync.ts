import { z } from 'zod';
import { probleem } from '../../shared/probleem';
import { ACHTERGROND_KOP, ACHTERGROND_WAARDE } from '../../shared/rules/auth';
import type { Status } from '../../shared/schemas/api';
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

/**
 * Where a page of changes leads (its cursor, and whether more follow), read in main so the next
 * page is fetched while the cache worker checks and applies this one; the rest of the page is the
 * worker's to check. Not JSON, or without these: ISI's answer is not what the contract says.
 */
function leesPaginakop(json: string): z.infer<typeof Paginakop> {
  let gelezen: unknown = null;
  try {
    gelezen = JSON.parse(json);
  } catch {
    // not JSON: refused below like any other page that breaks the contract
  }
  const kop = Paginakop.safeParse(gelezen);
  if (kop.success) return kop.data;
  throw new IsiFout(probleem({ status: 502, code: 'ONGELDIGE_PAGINA', title: 'Ongeldig antwoord', detail: 'DUO (ISI) stuurde gegevens die niet aan de afspraken voldoen; ze zijn niet verwerkt. Probeer het later opnieuw.' }));
}

/** Pages of changes for the cache, passed on as ISI's text (`Paginatekst`), and the status probe. */
export function syncDiensten({ isi, policy, kluis, stand }: { isi: IsiClient; policy: Policy; kluis: Kluis; stand: Sessiestand }): Diensten['sync'] {
  return {
    pagina: async ({ gc, cursor }) => {
      const vraag = new URLSearchParams({ limiet: String(policy.syncPaginaGrootte), ...(cursor === null ? {} : { vanaf: cursor }) });
      // A sync is the app's own work: it does not keep the session alive at ISI (issue 12, finding 6).
      const { data: json } = await isi.vraag<string>('GET', `${gemeente(gc)}/wijzigingen?${vraag}`, { timeoutMs: SYNC_TIMEOUT_MS, tekst: true, headers: { [ACHTERGROND_KOP]: ACHTERGROND_WAARDE } });
      const kop = leesPaginakop(json);
      if (stand.sessie) await kluis.gesynchroniseerd(stand.sessie.gebruiker.gebruikersnaam);
      return { json, ...kop };
    },
    bereikbaar: async () => {
      const { data } = await isi.vraag<z.input<typeof Status>>('GET', '/api/v1/status', { open: true, timeoutMs: PROBE_TIMEOUT_MS });
      return { vandaag: data.vandaag };
    },
  };
}
