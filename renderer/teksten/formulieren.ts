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

/** A change refused because the person changed at DUO meanwhile (412, If-Match). */
export const CONFLICT_TEKSTEN = {
  kop: 'Deze persoon is intussen bij DUO gewijzigd',
  uitleg: 'Uw wijziging is niet opgeslagen. Hieronder ziet u per veld wat u hebt ingevuld en wat nu bij DUO staat. Wat u hebt ingevuld, blijft in het formulier staan.',
  laden: 'De gegevens van DUO worden opgehaald…',
  veld: 'Veld',
  mijn: 'Uw invoer',
  duo: 'Nu bij DUO',
  anders: 'verschilt',
  neemDuo: 'Gegevens van DUO overnemen',
  houdMijn: 'Mijn invoer houden',
  keuzeUitleg: 'Kiest u "Mijn invoer houden", dan kunt u uw invoer nog aanpassen en opnieuw opslaan; DUO vergelijkt dan met de gegevens van nu.',
  leeg: '(leeg)',
} as const;
