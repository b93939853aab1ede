import { plusDagen, type IsoDatum } from '../shared/datum';

/**
 * The server's sense of time. Rule timing uses `vandaag`, which `--vandaag` fixes and the
 * simulation moves forward; TOTP codes and idle sessions use the real clock (`nuEcht`).
 */
export class Klok {
  #vandaag: IsoDatum | null;
  /** How far the simulation moved the real clock on (demo only: POST /api/v1/simulatie/tijd). */
  #voorsprongMs = 0;

  constructor(vandaag: IsoDatum | null, private readonly echteTijd: () => number = Date.now) {
    this.#vandaag = vandaag;
  }

  vandaag(): IsoDatum {
    return this.#vandaag ?? new Date(this.echteTijd()).toISOString().slice(0, 10);
  }

  zetVandaag(datum: IsoDatum): void {
    this.#vandaag = datum;
  }

  morgen(): IsoDatum {
    return plusDagen(this.vandaag(), 1);
  }

  nuEcht(): number {
    return this.echteTijd() + this.#voorsprongMs;
  }

  /** Lets real time pass at once (demo simulation): TOTP steps, idle sessions and rate windows move on with it. */
  verzetEcht(ms: number): void {
    this.#voorsprongMs += ms;
  }

  /** The server's date with the real time of day (API.md: the 24-hour activation code). */
  nu(): Date {
    const echt = new Date(this.nuEcht());
    return new Date(`${this.vandaag()}T${echt.toISOString().slice(11)}`);
  }
}
