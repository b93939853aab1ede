/** The real clock, taken before any test can fake it: a wait for something outside must really pass. */
const echteTimeout = globalThis.setTimeout;

/** Waits `ms` on the real clock, also while a test fakes timers. */
export function wachtEcht(ms: number): Promise<void> {
  return new Promise((klaar) => echteTimeout(klaar, ms));
}

/**
 * The one polling helper of the tests: asks `voorwaarde` every `elkeMs` on the real clock until it
 * holds, and fails with `melding` after `hoogstensMs` instead of hanging or going on silently.
 */
export async function wachtTot(
  voorwaarde: () => boolean,
  { elkeMs = 5, hoogstensMs = 5_000, melding = 'de voorwaarde werd niet waar' }: { elkeMs?: number; hoogstensMs?: number; melding?: string } = {},
): Promise<void> {
  const tot = Date.now() + hoogstensMs;
  while (!voorwaarde()) {
    if (Date.now() > tot) throw new Error(`${melding} (na ${hoogstensMs} ms)`);
    await wachtEcht(elkeMs);
  }
}
