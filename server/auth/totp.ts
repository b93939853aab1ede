import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOTP } from '../../shared/rules/auth';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(tekst: string): Buffer {
  const schoon = tekst.replace(/=+$/, '').replace(/\s/g, '').toUpperCase();
  let bits = 0;
  let waarde = 0;
  const uit: number[] = [];
  for (const teken of schoon) {
    const index = BASE32.indexOf(teken);
    if (index < 0) throw new Error('Ongeldig base32-teken');
    waarde = (waarde << 5) | index;
    bits += 5;
    if (bits >= 8) {
      uit.push((waarde >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(uit);
}

export function base32Encode(data: Buffer): string {
  let bits = 0;
  let waarde = 0;
  let uit = '';
  for (const byte of data) {
    waarde = (waarde << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      uit += BASE32[(waarde >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) uit += BASE32[(waarde << (5 - bits)) & 31];
  return uit;
}

export function nieuwTotpGeheim(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 6238 (R-AUTH-1): HMAC-SHA-1 over the 30-second step, dynamically truncated to 6 digits. */
export function totpCode(geheim: string, tijdMs: number = Date.now()): string {
  const stap = Math.floor(tijdMs / 1000 / TOTP.periodeSeconden);
  const teller = Buffer.alloc(8);
  teller.writeBigUInt64BE(BigInt(stap));
  const hmac = createHmac('sha1', base32Decode(geheim)).update(teller).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const getal = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** TOTP.cijfers;
  return String(getal).padStart(TOTP.cijfers, '0');
}

/**
 * The time step whose code `code` is, when that is this step or one either side (for clocks that
 * drift) and later than `laatsteStap`, the last step this user logged in with; otherwise null.
 * RFC 6238 §5.2: a code once accepted is never accepted again, nor any of an earlier step, so a
 * code read over a shoulder or from a log is worth nothing once used. Every candidate step is
 * compared (constant time), whichever matched.
 */
export function controleerTotp(geheim: string | null, code: string, tijdMs: number = Date.now(), laatsteStap: number | null = null): number | null {
  if (!geheim || !/^\d{6}$/.test(code)) return null;
  const nuStap = Math.floor(tijdMs / 1000 / TOTP.periodeSeconden);
  let gevonden: number | null = null;
  for (let d = -TOTP.toegestaneAfwijkingStappen; d <= TOTP.toegestaneAfwijkingStappen; d++) {
    const stap = nuStap + d;
    const verwacht = totpCode(geheim, stap * TOTP.periodeSeconden * 1000);
    if (timingSafeEqual(Buffer.from(verwacht), Buffer.from(code)) && (laatsteStap === null || stap > laatsteStap)) gevonden = stap;
  }
  return gevonden;
}
