/**
 * Texts used on more than one screen, in one place (issue 13): the same thing is called the same
 * everywhere. `tests/unit/renderer/teksten.test.ts` holds these and every template to that.
 */

/** Empties a search form (handbook §3.2: "Klik op 'wis velden' om het formulier te legen"). */
export const WIS_VELDEN = 'wis velden';
export const ZOEK = 'Zoek';
export const TERUG_NAAR_ZOEKEN = 'Terug naar zoeken';

/** The handbook distinguishes looking up (raadplegen) from changing (muteren): the screen title says which. */
export function schermtitelMetModus(titel: string, muteren: boolean): string {
  return `${titel} – ${muteren ? 'raadplegen en muteren' : 'raadplegen'}`;
}

/** On the start screen, when both a "Raadplegen" and a "Raadplegen en muteren" item lead to the same screen. */
export const ZELFDE_SCHERM_UITLEG =
  "Raadplegen en 'Raadplegen en muteren' openen hetzelfde scherm. Met uw rol 'Raadplegen en muteren gegevens 2013' kunt u daar ook wijzigen; de titel van het scherm noemt wat u er kunt.";
