import { describe, expect, it } from 'vitest';
import { Waardepapierbestelling } from '../../../shared/schemas/api';
import {
  aantalVellen, MAX_SETS, MELDING_BESTELD, MELDING_HOGER_DAN_VERWACHT, MIN_SETS, VELLEN_PER_SET, VERWACHT_MAX_SETS, WAARDEPAPIER_SOORTEN,
  weigerAantalSets, weigerBovenVerwachting,
} from '../../../shared/rules/waardepapieren';

const BUITEN_BEREIK = {
  regel: 'R-WP-1',
  status: 400,
  melding: 'Niet alle velden zijn goed ingevuld.',
  fouten: [{ veld: 'aantalSets', code: 'BUITEN_BEREIK', melding: 'U kunt minimaal 1 en maximaal 40 sets van 25 stuks bestellen.' }],
};

describe('R-WP-1 waardepapieren bestellen', () => {
  // [sets, refused for range (400), notice without confirmation (409), sheets]
  const aantallen: [number, boolean, boolean, number][] = [
    [0, true, false, 0],
    [1, false, false, 25],
    [4, false, false, 100],
    [5, false, true, 125],
    [40, false, true, 1000],
    [41, true, true, 1025],
    [-1, true, false, -25],
  ];
  it.each(aantallen)('R-WP-1: %i set(s): outside 1..40 %s, notice "hoger dan verwacht" %s, %i vellen', (sets, buiten, melding, vellen) => {
    expect(weigerAantalSets(sets)).toEqual(buiten ? BUITEN_BEREIK : null);
    expect(weigerBovenVerwachting(sets, false)).toEqual(melding ? { regel: 'R-WP-1', status: 409, melding: MELDING_HOGER_DAN_VERWACHT } : null);
    expect(weigerBovenVerwachting(sets, true)).toBeNull();
    expect(aantalVellen(sets)).toBe(vellen);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('R-WP-1: %s sets is no whole number of sets', (sets) => {
    expect(weigerAantalSets(sets)).toEqual(BUITEN_BEREIK);
  });

  it('R-WP-1: sets of 25 sheets, 1 to 40 sets, more than 4 is higher than expected', () => {
    expect([VELLEN_PER_SET, MIN_SETS, MAX_SETS, VERWACHT_MAX_SETS]).toEqual([25, 1, 40, 4]);
    expect(WAARDEPAPIER_SOORTEN).toEqual({ PVT_WAARDEPAPIEREN: 'PVT Waardepapieren' });
  });

  it.each([
    ['the notice', MELDING_HOGER_DAN_VERWACHT, ['hoger dan verwacht', 'meer dan 4 sets']],
    ['the confirmation on screen', MELDING_BESTELD, ['goed ontvangen', 'bevestiging op het opgegeven e-mailadres', 'aangetekende post']],
  ])('R-WP-1: %s', (_naam, tekst, fragmenten) => {
    for (const f of fragmenten) expect(tekst).toContain(f);
  });

  it.each([
    ['a valid order', { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'J. de Vries', email: 'inburgering@groningen.nl' }, true],
    ['5 sets, confirmed', { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 5, contactpersoon: 'J. de Vries', email: 'inburgering@groningen.nl', bevestigdBovenVerwachting: true }, true],
    ['another soort', { soort: 'EXAMENPAPIER', aantalSets: 2, contactpersoon: 'J. de Vries', email: 'inburgering@groningen.nl' }, false],
    ['no e-mail for the confirmation', { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'J. de Vries', email: 'groningen' }, false],
    ['half a set', { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2.5, contactpersoon: 'J. de Vries', email: 'inburgering@groningen.nl' }, false],
  ])('R-WP-1: Waardepapierbestelling schema: %s', (_naam, body, geldig) => {
    expect(Waardepapierbestelling.safeParse(body).success).toBe(geldig);
  });
});
