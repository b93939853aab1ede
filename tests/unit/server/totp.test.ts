import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totpCode } from '../../../server/auth/totp';

/**
 * RFC 6238 Appendix B, the SHA-1 rows: the secret is the ASCII text "12345678901234567890", here in
 * base32 as an authenticator app takes it (RFC 4648 §6). The RFC prints 8-digit codes; a 6-digit
 * code is the same truncation modulo 10^6, so its last six digits (RFC 4226 §5.3).
 */
const RFC_GEHEIM = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_6238_SHA1: [tijdSeconden: number, achtCijfers: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP against the published test vectors (R-AUTH-1)', () => {
  it('R-AUTH-1: the base32 secret is the RFC\'s ASCII secret, both ways', () => {
    expect(base32Decode(RFC_GEHEIM).toString('ascii')).toBe('12345678901234567890');
    expect(base32Encode(Buffer.from('12345678901234567890', 'ascii'))).toBe(RFC_GEHEIM);
  });

  it.each(RFC_6238_SHA1)('R-AUTH-1: at T = %i s the code is the last six digits of %s', (tijdSeconden, achtCijfers) => {
    expect(totpCode(RFC_GEHEIM, tijdSeconden * 1000)).toBe(achtCijfers.slice(-6));
  });

  it('R-AUTH-1: the code holds for the whole 30-second step and changes with the next', () => {
    expect(totpCode(RFC_GEHEIM, 1111111109 * 1000)).toBe(totpCode(RFC_GEHEIM, 1111111080 * 1000));
    expect(totpCode(RFC_GEHEIM, 1111111110 * 1000)).not.toBe(totpCode(RFC_GEHEIM, 1111111109 * 1000));
  });
});
