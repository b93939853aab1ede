import { totpCode } from '../../server/auth/totp';
import { TOTP } from '../../shared/rules/auth';

const PERIODE_MS = TOTP.periodeSeconden * 1000;
/** The last time step handed out per user (and secret), in this test process. */
const laatste = new Map<string, number>();

/** The clock ISI reads for TOTP; `verzet` (where the test owns ISI's clock) moves it forward instead of waiting. */
export interface TotpKlok {
  nu(): number;
  verzet?(ms: number): void | Promise<void>;
}

/**
 * The next verification code for `wie` that ISI will accept: ISI takes each time step once per
 * user (RFC 6238 §5.2, issue 12 finding 2) and accepts the step before and after the current one,
 * so three logins of one user fit in one 30-second step and a fourth waits for the next (or, on a
 * test server whose clock the test owns, moves that clock on to it).
 * Every test that logs a user in uses this, so that two logins in 30 s never share a code.
 * `klok` is the clock the server reads (tests that fake `Date` fake it for both).
 */
export async function volgendeTotpCode(geheim: string, wie: string, klok: TotpKlok | (() => number) = Date.now): Promise<string> {
  const { nu, verzet } = typeof klok === 'function' ? { nu: klok, verzet: undefined } : klok;
  const sleutel = `${geheim}|${wie}`;
  for (let poging = 0; poging < 3; poging++) {
    const tijd = nu();
    const stap = Math.floor(tijd / PERIODE_MS);
    // The previous step only with two seconds of it to spare, so it is not too old by the time ISI reads it.
    const vroegst = tijd % PERIODE_MS < PERIODE_MS - 2_000 ? stap - TOTP.toegestaneAfwijkingStappen : stap;
    const volgende = Math.max(vroegst, (laatste.get(sleutel) ?? -Infinity) + 1);
    if (volgende <= stap + TOTP.toegestaneAfwijkingStappen) {
      laatste.set(sleutel, volgende);
      return totpCode(geheim, volgende * PERIODE_MS);
    }
    const wacht = (volgende - TOTP.toegestaneAfwijkingStappen) * PERIODE_MS - tijd + 50;
    if (verzet) await verzet(wacht);
    else await new Promise((klaar) => setTimeout(klaar, wacht));
  }
  throw new Error(`Geen nieuwe verificatiecode voor ${wie}: staat de klok van de test stil?`);
}
