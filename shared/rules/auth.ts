import { weigering, type Weigering } from './weigering';

/**
 * R-AUTH-1: a person logs in with eHerkenning EH3 (two factors), modelled as password + TOTP
 * (RFC 6238: SHA-1, 6 digits, 30 seconds); a client-tracking system (CVS) logs in with an
 * applicatiesleutel and its password.
 */
export const TOTP = { algoritme: 'SHA1', cijfers: 6, periodeSeconden: 30, toegestaneAfwijkingStappen: 1 } as const;

export type Inlogmethode = 'EH3' | 'CVS';

export function inlogmethode(invoer: { applicatiesleutel?: unknown; gebruikersnaam?: unknown }): Inlogmethode | null {
  if (typeof invoer.applicatiesleutel === 'string') return 'CVS';
  if (typeof invoer.gebruikersnaam === 'string') return 'EH3';
  return null;
}

export const MELDING_INLOGGEN_MISLUKT = 'Inloggen is niet gelukt. Controleer uw gegevens en probeer het opnieuw.';
export const SESSIE_INACTIEF_MINUTEN = 15;

/**
 * The request header with which the app says a request is its own background work (a sync), not
 * something the user did: ISI does not restart the idle time for it (issue 12, finding 6), so a
 * machine left alone with the app open is logged out at ISI after SESSIE_INACTIEF_MINUTEN.
 */
export const ACHTERGROND_KOP = 'Sessie-Gebruik';
export const ACHTERGROND_WAARDE = 'achtergrond';

/** R-AUTH-2: an activation code mailed by the Mijn DUO beheerder is valid for 24 hours. */
export const ACTIVATIECODE_GELDIG_UREN = 24;

export function activatiecodeGeldigTot(uitgegevenOp: Date): Date {
  return new Date(uitgegevenOp.getTime() + ACTIVATIECODE_GELDIG_UREN * 3_600_000);
}

export function weigerVerlopenActivatiecode(geldigTot: Date, nu: Date): Weigering | null {
  return nu.getTime() <= geldigTot.getTime()
    ? null
    : weigering('R-AUTH-2', 409, 'Deze activatiecode is verlopen (een activatiecode is 24 uur geldig). Vraag uw Mijn DUO-beheerder om een nieuwe activatiecode.');
}

/** Project's own (R-AUTH-2): the password chosen at activation has at least 8 characters (NIST SP 800-63B minimum with a second factor). */
export const MINIMALE_WACHTWOORDLENGTE = 8;
