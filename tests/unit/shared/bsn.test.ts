import { describe, expect, it } from 'vitest';
import { BSN_MELDING_ELFPROEF, BSN_MELDING_FORMAAT, isGeldigBsn, weigerBsn } from '../../../shared/rules/bsn';

// The handbook's own example BSNs (§3.3, §3.4, §3.6, §3.8, §3.12) all pass the elfproef.
const geldig: [string, string][] = [
  ['994002026', 'persoon van §3.4 en §3.5 (Groningen)'],
  ['491945449', 'persoon zonder factuur van §3.6 (Almere)'],
  ['604269602', 'persoon met factuur 155441 van §3.6'],
  ['335297602', 'eerste signaal SS601 van §3.8'],
  ['335298709', 'tweede signaal SS601 van §3.8'],
  ['335304205', 'signaal met status Nieuw van §3.8'],
  ['569026040', 'overleden persoon van §3.12'],
  ['000022020', 'voorloopnullen in de lijst van §3.3'],
];

const ongeldig: [string, string, string][] = [
  ['123456789', 'negen cijfers, maar de elfproef klopt niet', BSN_MELDING_ELFPROEF],
  ['994002027', 'laatste cijfer van 994002026 verhoogd', BSN_MELDING_ELFPROEF],
  ['000000000', 'nul voldoet aan de som maar is geen nummer', BSN_MELDING_ELFPROEF],
  ['99400202', '8 cijfers', BSN_MELDING_FORMAAT],
  ['0994002026', '10 cijfers (het scherm van §3.12 toont 0000000000)', BSN_MELDING_FORMAAT],
  ['0000000000', '10 nullen', BSN_MELDING_FORMAAT],
  ['99400202A', 'letter op de laatste plaats', BSN_MELDING_FORMAAT],
  ['ABCDEFGHI', 'alleen letters', BSN_MELDING_FORMAAT],
  ['994 002 026', 'met spaties', BSN_MELDING_FORMAAT],
  ['', 'leeg', BSN_MELDING_FORMAAT],
  ['99400202６', 'een niet-ASCII cijfer', BSN_MELDING_FORMAAT],
];

describe('R-BSN-1 elfproef', () => {
  it.each(geldig)('R-BSN-1: %s is geldig (%s)', (bsn) => {
    expect(isGeldigBsn(bsn)).toBe(true);
    expect(weigerBsn(bsn)).toBeNull();
  });

  it.each(ongeldig)('R-BSN-1: %s is ongeldig (%s)', (bsn, _waarom, melding) => {
    expect(isGeldigBsn(bsn)).toBe(false);
    expect(weigerBsn(bsn)).toEqual({
      regel: 'R-BSN-1',
      status: 400,
      melding,
      fouten: [{ veld: 'bsn', code: 'ONGELDIG_BSN', melding }],
    });
  });

  it.each([
    ['burgerservicenummer', '123456789'],
    ['bsn', '12345'],
  ])('R-BSN-1: the refusal names the form field %s', (veld, bsn) => {
    expect(weigerBsn(bsn, veld)?.fouten?.[0]?.veld).toBe(veld);
  });
});
