import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16_384;
const R = 8;
const P = 1;
const LENGTE = 32;

/** scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash` so parameters can grow later. */
export function hashWachtwoord(wachtwoord: string): string {
  const zout = randomBytes(16);
  const hash = scryptSync(wachtwoord.normalize('NFC'), zout, LENGTE, { N, r: R, p: P });
  return ['scrypt', N, R, P, zout.toString('base64'), hash.toString('base64')].join('$');
}

export function controleerWachtwoord(wachtwoord: string, opgeslagen: string | null): boolean {
  if (!opgeslagen) return false;
  const [soort, n, r, p, zout, hash] = opgeslagen.split('$');
  if (soort !== 'scrypt' || !zout || !hash) return false;
  const verwacht = Buffer.from(hash, 'base64');
  const berekend = scryptSync(wachtwoord.normalize('NFC'), Buffer.from(zout, 'base64'), verwacht.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(verwacht, berekend);
}

/** Checks a password against no account in the same time as against one, so timing tells nothing. */
const NEPHASH = hashWachtwoord(randomBytes(12).toString('hex'));
export function controleerZonderAccount(wachtwoord: string): false {
  controleerWachtwoord(wachtwoord, NEPHASH);
  return false;
}
