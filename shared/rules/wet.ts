import { magWetRaadplegen, type Rol, type Wet } from './rollen';

const WET_JAAR: Record<Wet, string> = { WI2007: '2007', WI2013: '2013', WI2021: '2021' };

export interface WetUitkomst {
  /** The lines to show, in order: "Persoon is overleden." first where it applies. */
  meldingen: string[];
  woonachtigInGemeente: boolean;
  /** Whether "Ga naar de gegevens van deze persoon" is offered. */
  magGegevensInzien: boolean;
}

/**
 * R-WET-1: which law a person falls under, as the chosen gemeente may see it: the law line, with
 * "maar is niet woonachtig in uw gemeente" and no access when they live elsewhere, "Persoon is
 * overleden." above it when deceased, and the button only when the roles allow that law.
 */
export function wetUitkomst(p: { wet: Wet; overleden: boolean; woonachtigInGemeente: boolean }, rollen: readonly Rol[]): WetUitkomst {
  const jaar = WET_JAAR[p.wet];
  const wetregel = p.woonachtigInGemeente
    ? `Persoon valt onder de Wet Inburgering ${jaar}.`
    : `Persoon valt onder de Wet Inburgering ${jaar}, maar is niet woonachtig in uw gemeente.`;
  return {
    meldingen: p.overleden ? ['Persoon is overleden.', wetregel] : [wetregel],
    woonachtigInGemeente: p.woonachtigInGemeente,
    magGegevensInzien: p.woonachtigInGemeente && magWetRaadplegen(rollen, p.wet),
  };
}

export const MELDING_GEEN_WET = 'Voor dit burgerservicenummer is geen persoon bekend in het Informatiesysteem Inburgering.';
