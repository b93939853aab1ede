import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How many unused reconnection secrets the host keeps (one per tab that may reload); the oldest goes first. */
export const MAX_HERVERBINDGEHEIMEN = 16;

function vingerafdruk(geheim: string): Buffer {
  return createHash('sha256').update(geheim, 'utf8').digest();
}

export function nieuwGeheim(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The secrets that may open the IPC socket of browser mode, each exactly once (issue 12, finding 1).
 *
 * - The start secret travels in the URL fragment of the link the host prints and writes to its
 *   start file (0600). Once used, a fresh one replaces it (and the start file is rewritten), so a
 *   link read later from a history or over a shoulder opens nothing.
 * - Each opened socket gets a reconnection secret of its own over that socket; the tab keeps it in
 *   sessionStorage and spends it on its next connection (a reload, or a reconnect after a drop), and
 *   is then sent the next one. So a reload keeps working without a reusable secret anywhere.
 *
 * Secrets are compared by their SHA-256 digests with `timingSafeEqual`, against every candidate,
 * so how long a refusal takes says nothing about how close a guess was.
 */
export class Toegangsgeheimen {
  private start: Buffer;
  private startTekst: string;
  private readonly herverbind: Buffer[] = [];

  constructor(start = nieuwGeheim(), private readonly bijNieuweStart: (geheim: string) => void = () => undefined) {
    this.startTekst = start;
    this.start = vingerafdruk(start);
  }

  get startgeheim(): string {
    return this.startTekst;
  }

  /** Spends `geheim` if it is valid: true once, false ever after (and for anything else). */
  gebruik(geheim: string): boolean {
    const gezocht = vingerafdruk(geheim);
    const isStart = timingSafeEqual(gezocht, this.start);
    let herverbindIndex = -1;
    this.herverbind.forEach((kandidaat, i) => {
      if (timingSafeEqual(gezocht, kandidaat)) herverbindIndex = i;
    });
    if (isStart) {
      this.startTekst = nieuwGeheim();
      this.start = vingerafdruk(this.startTekst);
      this.bijNieuweStart(this.startTekst);
      return true;
    }
    if (herverbindIndex >= 0) {
      this.herverbind.splice(herverbindIndex, 1);
      return true;
    }
    return false;
  }

  /** A new reconnection secret for a socket that just opened. */
  geefHerverbindgeheim(): string {
    const geheim = nieuwGeheim();
    this.herverbind.push(vingerafdruk(geheim));
    if (this.herverbind.length > MAX_HERVERBINDGEHEIMEN) this.herverbind.shift();
    return geheim;
  }
}
