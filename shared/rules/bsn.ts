import { veldfouten, type Weigering } from './weigering';

/**
 * R-BSN-1: nine digits, kept as text so leading zeros survive, passing the elfproef
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11); 000000000 passes the sum but is no number.
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * Number(bsn[i]);
  som -= Number(bsn[8]);
  return som % 11 === 0;
}

export const BSN_MELDING_FORMAAT = 'Een burgerservicenummer bestaat uit 9 cijfers. Controleer het nummer en probeer het opnieuw.';
export const BSN_MELDING_ELFPROEF = 'Dit is geen geldig burgerservicenummer (de elfproef klopt niet). Controleer het nummer en probeer het opnieuw.';

/** R-BSN-1: the refusal for an invalid BSN in field `veld`, or null when it is valid. */
export function weigerBsn(bsn: string, veld = 'bsn'): Weigering | null {
  if (isGeldigBsn(bsn)) return null;
  const melding = /^\d{9}$/.test(bsn) ? BSN_MELDING_ELFPROEF : BSN_MELDING_FORMAAT;
  return veldfouten('R-BSN-1', [{ veld, code: 'ONGELDIG_BSN', melding }], melding);
}
