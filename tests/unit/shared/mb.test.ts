import { describe, expect, it } from 'vitest';
import {
  MB_BEDRAG_EURO, MB_PEILDATUM, mbBekostigingsjaar, mbDoelgroep, mbGemeldJN, mbSelectieUiterlijk, toonMbGemeldBijBzk, toonRechtOpMb,
  type MbDoelgroep, type MbFeiten,
} from '../../../shared/rules/mb';

describe('R-MB-1 what the person screen shows', () => {
  it.each([
    ['J', 'Ja'],
    ['N', 'Nee'],
    [null, 'Onbekend'],
  ] as ['J' | 'N' | null, string][])('R-MB-1: Recht op maatschappelijke begeleiding %s is shown as %j', (recht, tekst) => {
    expect(toonRechtOpMb(recht)).toBe(tekst);
  });

  it.each([
    ['not reported yet (§4.2)', null, 'Niet gemeld'],
    ['reported on 11 February 2021 (footnote 9)', '2021-02-11', '11-02-2021'],
    ['reported on 12 March 2018 (footnote 9)', '2018-03-12', '12-03-2018'],
  ] as [string, string | null, string][])('R-MB-1: Datum gemeld bij BZK, %s', (_naam, datum, tekst) => {
    expect(toonMbGemeldBijBzk(datum)).toBe(tekst);
  });

  it.each([
    ['undetermined right: empty', null, null, ''],
    ['undetermined right with a date: still empty', null, '2021-02-11', ''],
    ['right, reported', 'J', '2021-02-11', 'J'],
    ['right, not reported yet', 'J', null, 'N'],
    ['no right', 'N', null, 'N'],
  ] as [string, 'J' | 'N' | null, string | null, string][])('R-MB-1: column Q "MB gemeld bij BZK" for %s', (_naam, recht, datum, q) => {
    expect(mbGemeldJN(recht, datum)).toBe(q);
  });
});

describe('R-MB-2 who has a right (§4.1)', () => {
  const basis: MbFeiten = {
    asielvergunningOfGezinslid: true,
    hervestiger: false,
    datumStartInburgeringsplicht: '2018-01-15',
    datumVestigingNietAzc: '2018-03-01',
    eerderVergoed: false,
  };
  const gevallen: [string, Partial<MbFeiten>, MbDoelgroep | null][] = [
    ['regular: start and settlement after 1 October 2017', {}, 'REGULIER'],
    ['regular: start and settlement on 1 October 2017 itself', { datumStartInburgeringsplicht: '2017-10-01', datumVestigingNietAzc: '2017-10-01' }, 'REGULIER'],
    ['eerdere start: start on 30 September 2017, settled after', { datumStartInburgeringsplicht: '2017-09-30' }, 'EERDERE_START'],
    ['eerdere start: start in 2015, settled on 1 October 2017', { datumStartInburgeringsplicht: '2015-06-01', datumVestigingNietAzc: '2017-10-01' }, 'EERDERE_START'],
    ['hervestiger with start after 1 October 2017', { hervestiger: true }, 'HERVESTIGER'],
    ['hervestiger settled between 1 October 2017 and 26 February 2020 (footnote 14)', { hervestiger: true, datumStartInburgeringsplicht: '2019-05-01', datumVestigingNietAzc: '2019-05-01' }, 'HERVESTIGER'],
    // The conditions of "Eerdere start inburgeringsplicht" do not exclude resettled refugees.
    ['hervestiger with start before 1 October 2017, settled after: the eerdere-start group', { hervestiger: true, datumStartInburgeringsplicht: '2017-09-01', datumVestigingNietAzc: '2018-01-15' }, 'EERDERE_START'],
    ['settled at a non-AZC address on 30 September 2017', { datumVestigingNietAzc: '2017-09-30' }, null],
    ['never settled at a non-AZC address', { datumVestigingNietAzc: null }, null],
    ['no asylum permit and no family of a holder', { asielvergunningOfGezinslid: false }, null],
    ['the gemeente was paid before (earlier MB or COA)', { eerderVergoed: true }, null],
    ['no start of inburgeringsplicht', { datumStartInburgeringsplicht: null }, null],
  ];
  it.each(gevallen)('R-MB-2: %s', (_naam, afwijking, doelgroep) => {
    expect(mbDoelgroep({ ...basis, ...afwijking })).toBe(doelgroep);
  });

  it('R-MB-2: the reference date is 1 October 2017', () => {
    expect(MB_PEILDATUM).toBe('2017-10-01');
  });
});

describe('R-MB-3 payment', () => {
  it.each([
    ['settled in March 2024: paid in the May circular of 2025', '2024-03-15', 2025],
    ['settled on 31 December 2024', '2024-12-31', 2025],
    ['settled on 1 January 2025: next calendar year', '2025-01-01', 2026],
    ['settled on 1 October 2017', '2017-10-01', 2018],
  ])('R-MB-3: %s', (_naam, vestiging, jaar) => {
    expect(mbBekostigingsjaar(vestiging)).toBe(jaar);
  });

  it.each([
    [2025, '2025-03-01'],
    [2026, '2026-03-01'],
  ])('R-MB-3: DUO sends the selection for %i to BZK by %s', (jaar, datum) => {
    expect(mbSelectieUiterlijk(jaar)).toBe(datum);
  });

  it('R-MB-3: € 2370 per inburgeringsplichtige asielmigrant', () => {
    expect(MB_BEDRAG_EURO).toBe(2370);
  });
});
