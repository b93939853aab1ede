import type { z } from 'zod';
import { lokaleDatum } from '../../shared/datum';
import type { IngelogdeSessie } from '../../shared/ipc';
import { type IsiClient, IsiFout, SESSIE_VERLOPEN } from '../isi/client';

type Sessie = z.infer<typeof IngelogdeSessie>;

/** ISI's path of one gemeente: every call of the app but login and status is under it. */
export const gemeente = (gc: string) => `/api/v1/gemeenten/${gc}`;

/**
 * The one piece of state the services share: who is logged in, as main learnt it at login. The
 * session token itself stays in the ISI client; the renderer only learns who is logged in.
 */
export class Sessiestand {
  sessie: Sessie | null = null;

  constructor(private readonly isi: IsiClient) {}

  /** ISI's date (its files are named after it, R-DL-1); this computer's before ISI told its own (no login yet). */
  vandaag(): string {
    return this.sessie?.vandaag ?? lokaleDatum();
  }

  /** Only a logged-in user reaches the cache key and the files the app wrote, which hold BSNs (issue 12, finding 7). */
  ingelogd(): Sessie {
    if (!this.isi.ingelogd || !this.sessie) throw new IsiFout(SESSIE_VERLOPEN);
    return this.sessie;
  }
}
