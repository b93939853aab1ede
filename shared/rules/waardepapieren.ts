import { veldfouten, weigering, type Weigering } from './weigering';

/** R-WP-1: PVT waardepapieren come in sets of 25; 1 to 40 sets; above 4 needs confirmation. */
export const WAARDEPAPIER_SOORTEN = { PVT_WAARDEPAPIEREN: 'PVT Waardepapieren' } as const;
export type WaardepapierSoort = keyof typeof WAARDEPAPIER_SOORTEN;
export const VELLEN_PER_SET = 25;
export const MIN_SETS = 1;
export const MAX_SETS = 40;
export const VERWACHT_MAX_SETS = 4;

export const MELDING_HOGER_DAN_VERWACHT =
  'U bestelt meer dan 4 sets. Dit aantal is hoger dan verwacht. Controleer het aantal en bevestig de bestelling als het klopt.';
export const MELDING_BESTELD =
  'Uw bestelling is goed ontvangen. U ontvangt een bevestiging op het opgegeven e-mailadres. De waardepapieren worden per aangetekende post verstuurd.';

export function aantalVellen(aantalSets: number): number {
  return aantalSets * VELLEN_PER_SET;
}

export function weigerAantalSets(aantalSets: number): Weigering | null {
  return Number.isInteger(aantalSets) && aantalSets >= MIN_SETS && aantalSets <= MAX_SETS
    ? null
    : veldfouten('R-WP-1', [{ veld: 'aantalSets', code: 'BUITEN_BEREIK', melding: `U kunt minimaal ${MIN_SETS} en maximaal ${MAX_SETS} sets van ${VELLEN_PER_SET} stuks bestellen.` }]);
}

/** R-WP-1: more than 4 sets only after the user confirmed the notice. */
export function weigerBovenVerwachting(aantalSets: number, bevestigd: boolean): Weigering | null {
  return aantalSets > VERWACHT_MAX_SETS && !bevestigd ? weigering('R-WP-1', 409, MELDING_HOGER_DAN_VERWACHT) : null;
}
