import { describe, expect, it } from 'vitest';
import {
  GESLACHT_TEKST, persoonBlok, persoonsgegevens, signalenBlok, TOELICHTING_EERSTE_VESTIGING, TOELICHTING_EINDE_PVT, volledigeNaam,
} from '../../../shared/rules/persoon';
import { Persoon } from '../../../shared/schemas/api';

// The person of §3.4 (BSN 994002026, Groningen, term 01-07-2019 – 30-06-2020, three new signals),
// parsed through the contract's schema so the fixture cannot drift from API.md.
const persoon34 = Persoon.parse({
  id: '5d0f3a4e-8f5b-4c1e-9d7a-2b6c1e0f9a11',
  bsn: '994002026',
  voornamen: 'Test',
  voorvoegsels: null,
  achternaam: 'Ycobtgabfcotttbbfgassbgusb',
  geslacht: 1,
  geboortedatum: '1990-05-17',
  wet: 'WI2013',
  inburgeringsplichtig: true,
  gemeentecode: '0014',
  verblijf: 'WOONACHTIG',
  overleden: false,
  lening: false,
  gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' },
  gemeenteEindePvt: null,
  pvtPlichtig: 'J',
  datumStartPvtPlicht: '2019-07-01',
  datumEindePvtPlicht: '2020-06-30',
  datumStartDeelname: null,
  datumEindeDeelname: null,
  datumVoldaan: null,
  redenNietVoldaan: null,
  registratieDefinitief: false,
  registratieDefinitiefOp: null,
  rechtOpMb: 'N',
  datumMbGemeldBijBzk: null,
  factuurAanwezig: 'NVT',
  factuur: null,
  signalen: { totaal: 3, nieuw: 3, inBehandeling: 0, afgehandeld: 0 },
  magWijzigen: true,
  alleenLezenReden: null,
  versie: 1,
});

// The person of §4.2: signed in Groningen on 12-09-2019, right to MB, not yet reported to BZK.
const persoon42 = Persoon.parse({
  ...persoon34,
  pvtPlichtig: 'N',
  gemeenteEindePvt: { code: '0014', naam: 'Groningen' },
  datumStartPvtPlicht: '2019-09-11',
  datumEindePvtPlicht: '2020-09-10',
  datumStartDeelname: '2019-09-12',
  datumEindeDeelname: '2019-09-12',
  datumVoldaan: '2019-09-12',
  rechtOpMb: 'J',
});

const LABELS = [
  'Gemeente Eerste Vestiging', 'Gemeente ondertekening participatieverklaring', 'PVT-plichtig', 'Datum start PVT-plicht',
  'Datum einde PVT-plicht', 'Datum start deelname PV-traject', 'Datum einde deelname PV-traject', 'Datum voldaan aan PVT-plicht',
  'Reden niet voldaan aan PVT-plicht', 'Recht op maatschappelijke begeleiding', 'Datum maatschappelijke begeleiding gemeld bij BZK',
];

describe('R-PER-1 person screen', () => {
  it.each([
    ['Naam', 'Test Ycobtgabfcotttbbfgassbgusb'],
    ['BSN', '994002026'],
    ['Geslacht', 'Man'],
    ['Gemeente', 'Groningen'],
    ['Indicatie inburgeringsplicht', 'Ja'],
  ])('R-PER-1: block Persoon of §3.4 shows %s = %s', (label, waarde) => {
    expect(persoonBlok(persoon34, 'Groningen').find((r) => r.label === label)?.waarde).toBe(waarde);
  });

  it('R-PER-1: block Persoon holds exactly its five lines, in order', () => {
    expect(persoonBlok(persoon34, 'Groningen').map((r) => r.label)).toEqual(['Naam', 'BSN', 'Geslacht', 'Gemeente', 'Indicatie inburgeringsplicht']);
  });

  it.each([
    ['§3.4 (3 new)', { totaal: 3, nieuw: 3, inBehandeling: 0, afgehandeld: 0 }, ['3', '3', '0', '0']],
    ['a mix of statuses', { totaal: 7, nieuw: 1, inBehandeling: 2, afgehandeld: 4 }, ['7', '1', '2', '4']],
  ])('R-PER-1: block Signalen for %s', (_naam, signalen, waarden) => {
    const regels = signalenBlok({ ...persoon34, signalen });
    expect(regels.map((r) => [r.label, r.waarde])).toEqual([
      ['Totaal', waarden[0]], ['Nieuw', waarden[1]], ['In behandeling', waarden[2]], ['Afgehandeld', waarden[3]],
    ]);
  });

  const tabs: [string, typeof persoon34, string[]][] = [
    ['§3.4: PVT-plichtig, nothing registered yet', persoon34,
      ['Groningen', '', 'Ja', '01-07-2019', '30-06-2020', '', '', '', '', 'Nee', 'Niet gemeld']],
    ['§4.2: voldaan on 12-09-2019, MB right not yet reported', persoon42,
      ['Groningen', 'Groningen', 'Nee', '11-09-2019', '10-09-2020', '12-09-2019', '12-09-2019', '12-09-2019', '', 'Ja', 'Niet gemeld']],
    ['a reason registered and MB reported on 11-02-2021', Persoon.parse({ ...persoon34, redenNietVoldaan: 'ZIEKTE', rechtOpMb: 'J', datumMbGemeldBijBzk: '2021-02-11' }),
      ['Groningen', '', 'Ja', '01-07-2019', '30-06-2020', '', '', '', 'Bijzondere omstandigheden - Ziekte', 'Ja', '11-02-2021']],
    ['PVT-plichtig undetermined, no gemeenten known', Persoon.parse({ ...persoon34, pvtPlichtig: null, gemeenteEersteVestiging: null, rechtOpMb: null }),
      ['', '', '', '01-07-2019', '30-06-2020', '', '', '', '', 'Onbekend', 'Niet gemeld']],
  ];
  it.each(tabs)('R-PER-1: tab Persoonsgegevens, %s', (_naam, p, waarden) => {
    const regels = persoonsgegevens(p);
    expect(regels.map((r) => r.label)).toEqual(LABELS);
    expect(regels.map((r) => r.waarde)).toEqual(waarden);
  });

  it.each([
    [0, 'Onbekend'],
    [1, 'Man'],
    [2, 'Vrouw'],
  ] as [0 | 1 | 2, string][])('R-PER-1: geslacht %i is shown as %s', (code, tekst) => {
    expect(GESLACHT_TEKST[code]).toBe(tekst);
    expect(persoonBlok({ ...persoon34, geslacht: code }, 'Groningen')[2]?.waarde).toBe(tekst);
  });

  it.each([
    ['Test', null, 'Ycobtgabfcotttbbfgassbgusb', 'Test Ycobtgabfcotttbbfgassbgusb'],
    ['Jan Pieter', 'van der', 'Berg', 'Jan Pieter van der Berg'],
    ['Amina', '', 'El Idrissi', 'Amina El Idrissi'],
    ['Amina', '  ', 'El Idrissi', 'Amina El Idrissi'],
  ] as [string, string | null, string, string][])('R-PER-1: naam of %s / %s / %s', (voornamen, voorvoegsels, achternaam, naam) => {
    expect(volledigeNaam({ voornamen, voorvoegsels, achternaam })).toBe(naam);
  });
});

describe('R-PER-2 the two gemeente fields (footnote 6)', () => {
  it.each([
    ['Gemeente Eerste Vestiging', TOELICHTING_EERSTE_VESTIGING, 'De gemeente waar iemand woont op het moment dat hij/zij PVT-plichtig is gesteld.'],
    ['Gemeente ondertekening participatieverklaring', TOELICHTING_EINDE_PVT, 'De gemeente waar de participatieverklaring ondertekend is en daarmee door de inburgeraar aan de PVT-plicht is voldaan.'],
  ])('R-PER-2: %s carries the footnote text', (label, constante, tekst) => {
    expect(constante).toBe(tekst);
    expect(persoonsgegevens(persoon42).find((r) => r.label === label)?.toelichting).toBe(tekst);
  });

  it.each([
    ['eerste vestiging Groningen, signed in Almere', { code: '0014', naam: 'Groningen' }, { code: '0034', naam: 'Almere' }, ['Groningen', 'Almere']],
    ['not signed yet', { code: '0034', naam: 'Almere' }, null, ['Almere', '']],
  ])('R-PER-2: %s', (_naam, eerste, einde, waarden) => {
    const regels = persoonsgegevens({ ...persoon42, gemeenteEersteVestiging: eerste, gemeenteEindePvt: einde });
    expect([regels[0]?.waarde, regels[1]?.waarde]).toEqual(waarden);
  });
});
