import type { z } from 'zod';
import type { KanaalNaam, Uitkomst } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';
import { logboek } from '../log/logboek';

/**
 * Results are checked against the contract's result schema before they cross to the renderer:
 * always under test, so a service or an ISI whose answer breaks the contract fails there; in
 * production wherever that is cheap.
 */
const ONDER_TEST = process.env.VITEST !== undefined || process.env.NODE_ENV === 'test';

/**
 * Checked under test only: a search page of up to 500 rows cost about 10 ms to check on a busy
 * 2-core machine (issue 10), for every search the user types. Every other result is small, and a
 * sync page is ISI's bytes (`Paginadata`), whose check never parses the page itself.
 */
const ALLEEN_ONDER_TEST: ReadonlySet<KanaalNaam> = new Set(['personen.zoek', 'signalen.zoek']);

export const ONGELDIG_ANTWOORD = probleem({
  status: 502, code: 'ONGELDIG_ANTWOORD', title: 'Ongeldig antwoord',
  detail: 'DUO (ISI) stuurde gegevens die niet aan de afspraken voldoen; ze zijn niet getoond. Probeer het later opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder.',
});

/** The service's result as it is, or the problem that it does not match `resultaat` (nothing of it crosses). */
export function controleerResultaat(kanaal: KanaalNaam, resultaat: z.ZodType, waarde: unknown, onderTest = ONDER_TEST): Uitkomst<unknown> {
  if (!onderTest && ALLEEN_ONDER_TEST.has(kanaal)) return { ok: true, waarde };
  const gelezen = resultaat.safeParse(waarde);
  if (gelezen.success) return { ok: true, waarde };
  // Where the answer breaks the contract, by field path only: the values may be personal data.
  logboek().warn({ kanaal, velden: gelezen.error.issues.slice(0, 5).map((i) => i.path.join('.')) }, 'een antwoord voldoet niet aan het contract en is niet doorgegeven');
  return { ok: false, probleem: ONGELDIG_ANTWOORD };
}
