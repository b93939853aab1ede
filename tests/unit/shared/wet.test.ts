import { describe, expect, it } from 'vitest';
import type { Rol, Wet } from '../../../shared/rules/rollen';
import { MELDING_GEEN_WET, wetUitkomst, type WetUitkomst } from '../../../shared/rules/wet';

describe('R-WET-1 onder welke wet valt een persoon (§3.12)', () => {
  const gevallen: [string, { wet: Wet; overleden: boolean; woonachtigInGemeente: boolean }, Rol[], WetUitkomst][] = [
    ['Wi2013, woont in Groningen, rol 2013: with the button', { wet: 'WI2013', overleden: false, woonachtigInGemeente: true }, ['WI2013'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2013.'], woonachtigInGemeente: true, magGegevensInzien: true,
    }],
    ['Wi2013, woont er, only the MUT role: with the button', { wet: 'WI2013', overleden: false, woonachtigInGemeente: true }, ['WI2013MUT'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2013.'], woonachtigInGemeente: true, magGegevensInzien: true,
    }],
    ['Wi2013, woont er, no role for 2013: no button', { wet: 'WI2013', overleden: false, woonachtigInGemeente: true }, ['WI2021'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2013.'], woonachtigInGemeente: true, magGegevensInzien: false,
    }],
    ['Wi2007, woont niet in Eemsdelta', { wet: 'WI2007', overleden: false, woonachtigInGemeente: false }, ['WI2007', 'WI2013'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2007, maar is niet woonachtig in uw gemeente.'], woonachtigInGemeente: false, magGegevensInzien: false,
    }],
    ['Wi2013, woont niet in de gemeente', { wet: 'WI2013', overleden: false, woonachtigInGemeente: false }, ['WI2013MUT'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2013, maar is niet woonachtig in uw gemeente.'], woonachtigInGemeente: false, magGegevensInzien: false,
    }],
    ['Wi2021, woont niet in de gemeente', { wet: 'WI2021', overleden: false, woonachtigInGemeente: false }, ['WI2021MUT'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2021, maar is niet woonachtig in uw gemeente.'], woonachtigInGemeente: false, magGegevensInzien: false,
    }],
    ['569026040: overleden, Wi2021, Groningen, rol 2021', { wet: 'WI2021', overleden: true, woonachtigInGemeente: true }, ['WI2021'], {
      meldingen: ['Persoon is overleden.', 'Persoon valt onder de Wet Inburgering 2021.'], woonachtigInGemeente: true, magGegevensInzien: true,
    }],
    ['overleden, Wi2021, only a 2013 role', { wet: 'WI2021', overleden: true, woonachtigInGemeente: true }, ['WI2013'], {
      meldingen: ['Persoon is overleden.', 'Persoon valt onder de Wet Inburgering 2021.'], woonachtigInGemeente: true, magGegevensInzien: false,
    }],
    ['overleden, Wi2007, elders', { wet: 'WI2007', overleden: true, woonachtigInGemeente: false }, ['WI2007'], {
      meldingen: ['Persoon is overleden.', 'Persoon valt onder de Wet Inburgering 2007, maar is niet woonachtig in uw gemeente.'], woonachtigInGemeente: false, magGegevensInzien: false,
    }],
    ['Wi2007, woont er, rol 2007', { wet: 'WI2007', overleden: false, woonachtigInGemeente: true }, ['WI2007'], {
      meldingen: ['Persoon valt onder de Wet Inburgering 2007.'], woonachtigInGemeente: true, magGegevensInzien: true,
    }],
  ];
  it.each(gevallen)('R-WET-1: %s', (_naam, persoon, rollen, uitkomst) => {
    expect(wetUitkomst(persoon, rollen)).toEqual(uitkomst);
  });

  it('R-WET-1: a BSN unknown to ISI gets its own message', () => {
    expect(MELDING_GEEN_WET).toBe('Voor dit burgerservicenummer is geen persoon bekend in het Informatiesysteem Inburgering.');
  });
});
