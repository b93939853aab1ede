import { describe, expect, it } from 'vitest';
import {
  ACTIVATIECODE_GELDIG_UREN, activatiecodeGeldigTot, inlogmethode, MINIMALE_WACHTWOORDLENGTE, SESSIE_INACTIEF_MINUTEN, TOTP,
  weigerVerlopenActivatiecode,
} from '../../../shared/rules/auth';
import { SessieAanvraag } from '../../../shared/schemas/api';

describe('R-AUTH-1 two ways in', () => {
  const methoden: [string, { applicatiesleutel?: unknown; gebruikersnaam?: unknown }, 'EH3' | 'CVS' | null][] = [
    ['Mijn DUO met eHerkenning EH3', { gebruikersnaam: 'demo-muteren' }, 'EH3'],
    ['cliëntvolgsysteem met applicatiesleutel', { applicatiesleutel: 'demo-cvs-0014' }, 'CVS'],
    ['a key wins over a user name (a CVS never holds a TOTP)', { applicatiesleutel: 'demo-cvs-0014', gebruikersnaam: 'x' }, 'CVS'],
    ['neither', {}, null],
    ['a user name that is no text', { gebruikersnaam: 42 }, null],
    ['a key that is no text', { applicatiesleutel: ['demo-cvs-0014'] }, null],
  ];
  it.each(methoden)('R-AUTH-1: inlogmethode: %s', (_naam, invoer, verwacht) => {
    expect(inlogmethode(invoer)).toBe(verwacht);
  });

  it('R-AUTH-1: EH3 is modelled as password + TOTP of RFC 6238 (SHA-1, 6 digits, 30 s)', () => {
    expect(TOTP).toEqual({ algoritme: 'SHA1', cijfers: 6, periodeSeconden: 30, toegestaneAfwijkingStappen: 1 });
  });

  it('R-AUTH-1: a session ends after 15 minutes idle (API.md)', () => {
    expect(SESSIE_INACTIEF_MINUTEN).toBe(15);
  });

  const aanvragen: [string, unknown, boolean][] = [
    ['gebruikersnaam, wachtwoord en 6-cijferige code', { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '123456' }, true],
    ['applicatiesleutel en wachtwoord', { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' }, true],
    ['a TOTP of 5 digits', { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '12345' }, false],
    ['a TOTP with letters', { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '12345a' }, false],
    ['a password without second factor', { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo' }, false],
    ['an empty password', { applicatiesleutel: 'demo-cvs-0014', wachtwoord: '' }, false],
    ['both ways mixed', { applicatiesleutel: 'demo-cvs-0014', gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '123456' }, false],
  ];
  it.each(aanvragen)('R-AUTH-1: SessieAanvraag: %s', (_naam, invoer, geldig) => {
    expect(SessieAanvraag.safeParse(invoer).success).toBe(geldig);
  });
});

describe('R-AUTH-2 activation code valid 24 hours', () => {
  const uitgegeven = new Date('2025-03-03T09:15:00.000Z');

  it('R-AUTH-2: geldig tot exactly 24 hours after it was mailed', () => {
    expect(ACTIVATIECODE_GELDIG_UREN).toBe(24);
    expect(activatiecodeGeldigTot(uitgegeven).toISOString()).toBe('2025-03-04T09:15:00.000Z');
  });

  const momenten: [string, string, boolean][] = [
    ['right after it was mailed', '2025-03-03T09:15:00.000Z', true],
    ['23 h 59 min later', '2025-03-04T09:14:00.000Z', true],
    ['at the last millisecond of the 24 hours', '2025-03-04T09:15:00.000Z', true],
    ['one millisecond too late', '2025-03-04T09:15:00.001Z', false],
    ['the next week', '2025-03-10T09:15:00.000Z', false],
  ];
  it.each(momenten)('R-AUTH-2: a code used %s', (_naam, nu, geldig) => {
    const w = weigerVerlopenActivatiecode(activatiecodeGeldigTot(uitgegeven), new Date(nu));
    if (geldig) expect(w).toBeNull();
    else {
      expect(w).toEqual({
        regel: 'R-AUTH-2',
        status: 409,
        melding: 'Deze activatiecode is verlopen (een activatiecode is 24 uur geldig). Vraag uw Mijn DUO-beheerder om een nieuwe activatiecode.',
      });
    }
  });

  it('R-AUTH-2: project choice: the password chosen at activation has at least 8 characters', () => {
    expect(MINIMALE_WACHTWOORDLENGTE).toBe(8);
  });
});
