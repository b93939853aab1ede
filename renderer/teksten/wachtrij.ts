/** The outbox's texts: the bar on every screen, the Wachtrij screen, the logout and wipe questions. */

const wijzigingen = (n: number) => (n === 1 ? '1 wijziging' : `${n} wijzigingen`);

/** "Wachtrij: 2 wachten op verzending, 1 geweigerd": only what there is, never a count of nothing. */
export function wachtrijSamenvatting(wachtend: number, geweigerd: number, onbekend: number): string {
  const delen = [
    ...(wachtend ? [`${wachtend} ${wachtend === 1 ? 'wacht' : 'wachten'} op verzending`] : []),
    ...(geweigerd ? [`${geweigerd} geweigerd`] : []),
    ...(onbekend ? [`${onbekend} status onbekend`] : []),
  ];
  return `Wachtrij: ${delen.join(', ')}`;
}

/** At logout and when wiping: only the changes still to be sent count as unsent (a refusal was answered). */
export function onverzondenMelding(n: number, bijWissen: boolean): string {
  const wie = n === 1 ? 'Eén wijziging wacht' : `${wijzigingen(n)} wachten`;
  const verloren = n === 1 ? 'gaat deze' : 'gaan deze';
  return bijWissen
    ? `${wie} nog op verzending naar DUO. Wist u nu, dan ${verloren} verloren.`
    : `${wie} nog op verzending naar DUO. Bewaart u de gegevens, dan gaat de verzending verder na het volgende inloggen. Wist u ze, dan ${verloren} verloren.`;
}

export const WISSEN_UITLEG = 'De gegevens van personen en signalen op deze computer worden gewist, en ook de sleutel waarmee ze waren versleuteld.';
export const NIET_VERSTUREN = 'Niet versturen';
export const NIET_VERSTUREN_UITLEG = 'Deze wijziging wordt niet naar DUO verzonden en van deze computer verwijderd. De gegevens blijven zoals DUO ze nu heeft.';
export const NIET_VERSTUREN_ONDERWEG = 'Deze wijziging wordt op dit moment verzonden en kan niet meer worden tegengehouden. Kijk zo meteen opnieuw in de wachtrij.';
/** A refusal that trying again cannot cure (shared/rules/weigering.ts `herstelbaar`). */
export const NIET_HERSTELBAAR = 'Opnieuw proberen heeft geen zin: DUO weigert deze wijziging ook na aanpassen. Verwerp haar; neem bij vragen contact op met het Servicecentrum Inburgering.';
