/** The texts the forms share (PVT, factuur, waardepapieren, contact), in one place; "u" addresses the user. */
export const FORMULIER_TEKSTEN = {
  rekeningnummerUitleg: 'Om een rekeningnummer van uw gemeente te registreren bij DUO, stuurt u een e-mail naar',
  rekeningnummerUitlegNa: 'met daarin de naam, het adres en het rekeningnummer van de gemeente. Tot dan kunt u geen factuur versturen.',
} as const;
