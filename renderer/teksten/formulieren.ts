/** The texts the forms share (PVT, factuur, waardepapieren, contact), in one place; "u" addresses the user. */
export const FORMULIER_TEKSTEN = {
  rekeningnummerUitleg: 'Om een rekeningnummer van uw gemeente te registreren bij DUO, stuurt u een e-mail naar',
  rekeningnummerUitlegNa: 'met daarin de naam, het adres en het rekeningnummer van de gemeente. Tot dan kunt u geen factuur versturen.',
} as const;

/** The error summary of every form (GOV.UK / NL Design System pattern). */
export const FOUTEN_TEKSTEN = {
  titel: (aantal: number) => (aantal === 1 ? 'Er is 1 fout gevonden' : `Er zijn ${aantal} fouten gevonden`),
  uitleg: 'Verbeter de volgende velden. Kies een melding om naar het veld te gaan.',
  nogFouten: (aantal: number) => (aantal === 1 ? 'Nog 1 fout te verbeteren.' : `Nog ${aantal} fouten te verbeteren.`),
  alleVerbeterd: 'Alle fouten zijn verbeterd.',
} as const;
