import { describe, expect, it } from 'vitest';
import { isGemeentecode, kiesGemeente, weigerGemeente, type Gemeente } from '../../../shared/rules/gemeente';

const GRONINGEN: Gemeente = { code: '0014', naam: 'Groningen' };
const ALMERE: Gemeente = { code: '0034', naam: 'Almere' };
const EEMSDELTA: Gemeente = { code: '1979', naam: 'Eemsdelta' };

describe('R-GEM-1 gekozen gemeente', () => {
  const kiezen: [string, Gemeente[], string | null | undefined, Gemeente | null][] = [
    ['the wished one when authorised', [GRONINGEN, ALMERE], '0034', ALMERE],
    ['the wished one, even when not first by name', [ALMERE, GRONINGEN], '0014', GRONINGEN],
    ['first by name when the wished one is not authorised', [GRONINGEN, EEMSDELTA, ALMERE], '0363', ALMERE],
    ['first by name when nothing is wished', [GRONINGEN, ALMERE], undefined, ALMERE],
    ['first by name when the wish is null', [EEMSDELTA, GRONINGEN], null, EEMSDELTA],
    ['the only one', [GRONINGEN], null, GRONINGEN],
    ['none without authorisation', [], '0014', null],
  ];
  it.each(kiezen)('R-GEM-1: kiesGemeente picks %s', (_naam, geautoriseerd, gewenst, verwacht) => {
    expect(kiesGemeente(geautoriseerd, gewenst)).toEqual(verwacht);
  });

  it('R-GEM-1: kiesGemeente leaves the drop-down list in its own order', () => {
    const lijst = [GRONINGEN, ALMERE];
    kiesGemeente(lijst);
    expect(lijst).toEqual([GRONINGEN, ALMERE]);
  });

  const toegang: [string, Gemeente[] | string[], string, boolean][] = [
    ['authorised (objects)', [GRONINGEN, ALMERE], '0034', true],
    ['authorised (codes)', ['0014', '0034'], '0014', true],
    ['not authorised (objects)', [GRONINGEN], '0034', false],
    ['not authorised (codes)', ['0014'], '0363', false],
    ['no gemeenten at all', [], '0014', false],
    ['a code differing only in a leading zero', ['0014'], '014', false],
  ];
  it.each(toegang)('R-GEM-1: weigerGemeente: %s', (_naam, geautoriseerd, code, toegestaan) => {
    const w = weigerGemeente(geautoriseerd, code);
    if (toegestaan) expect(w).toBeNull();
    else {
      expect(w).toEqual({
        regel: 'R-GEM-1',
        status: 403,
        melding: `U bent niet geautoriseerd voor gemeente ${code}. Kies bij 'Gekozen gemeente' een gemeente waarvoor u bent geautoriseerd.`,
      });
    }
  });

  it.each([
    ['0014', true],
    ['0363', true],
    ['14', false],
    ['00140', false],
    ['00A4', false],
    ['', false],
  ])('R-GEM-1: isGemeentecode(%j) is %s (4 digits)', (code, verwacht) => {
    expect(isGemeentecode(code)).toBe(verwacht);
  });
});
