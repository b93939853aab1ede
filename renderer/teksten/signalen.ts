/** "Selecteren signalen": selecting every signal of the search (issue 13, point 4; handbook §3.9). */

const signalen = (n: number) => (n === 1 ? '1 signaal' : `${n} signalen`);

export const allesSelecterenTekst = (n: number) => `Alle ${signalen(n)} van deze zoekopdracht selecteren`;
export const paginaGeselecteerdTekst = (n: number) => `De ${signalen(n)} op deze pagina zijn geselecteerd.`;
export const allesGeselecteerdTekst = (n: number) => `Alle ${signalen(n)} van deze zoekopdracht zijn geselecteerd.`;
export const SELECTIE_OPHEFFEN = 'Selectie opheffen';
export const voortgangTekst = (klaar: number, totaal: number) => `Status wijzigen: ${klaar} van ${totaal} signalen verwerkt`;
export const GEEN_SIGNAAL_ACTIES = 'U kunt de status van signalen alleen wijzigen als u de rol \'Raadplegen en muteren gegevens 2013\' hebt. Daarom zijn er geen vinkjes om signalen te selecteren.';
