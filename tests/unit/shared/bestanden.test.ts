import { describe, expect, it } from 'vitest';
import { schrijfCsv } from '../../../shared/formats/csv';
import {
  bestandenVoorGemeente, csvNaamInZip, DISCLAIMER, hoortInMbBestand, legendaRijen, LEGENDA_KOLOMMEN, MB_BESTAND_KOLOMMEN, mbBestandRij,
  mbJaarUitBestandsnaam, PVT_EXTRACT_KOLOMMEN, PVT_EXTRACT_LEGENDA, pvtExtractRij, type PvtExtractPersoon,
} from '../../../shared/rules/bestanden';
import type { Factuur } from '../../../shared/rules/factuur';
import { Bestand } from '../../../shared/schemas/api';

describe('R-DL-1 the downloads list', () => {
  it.each([
    ['the two files of §3.10', [2023], [
      { omschrijving: 'PVT extract in csv formaat', bestandsnaam: 'isi_pvt.zip' },
      { omschrijving: 'Maatschappelijke begeleiding 2023 in csv formaat', bestandsnaam: 'maatschappelijke_begeleiding_2023.zip' },
    ]],
    ['no MB year yet', [], [{ omschrijving: 'PVT extract in csv formaat', bestandsnaam: 'isi_pvt.zip' }]],
    ['several MB years, newest first', [2022, 2024, 2023], [
      { omschrijving: 'PVT extract in csv formaat', bestandsnaam: 'isi_pvt.zip' },
      { omschrijving: 'Maatschappelijke begeleiding 2024 in csv formaat', bestandsnaam: 'maatschappelijke_begeleiding_2024.zip' },
      { omschrijving: 'Maatschappelijke begeleiding 2023 in csv formaat', bestandsnaam: 'maatschappelijke_begeleiding_2023.zip' },
      { omschrijving: 'Maatschappelijke begeleiding 2022 in csv formaat', bestandsnaam: 'maatschappelijke_begeleiding_2022.zip' },
    ]],
  ] as [string, number[], unknown[]][])('R-DL-1: %s', (_naam, jaren, lijst) => {
    expect(bestandenVoorGemeente(jaren)).toEqual(lijst);
  });

  it.each([
    ['maatschappelijke_begeleiding_2023.zip', 2023],
    ['isi_pvt.zip', null],
    ['maatschappelijke_begeleiding_23.zip', null],
    ['maatschappelijke_begeleiding_2023.csv', null],
    ['../maatschappelijke_begeleiding_2023.zip', null],
  ])('R-DL-1: the MB year of %s is %s', (naam, jaar) => {
    expect(mbJaarUitBestandsnaam(naam)).toBe(jaar);
  });

  it.each([
    ['isi_pvt.zip', '0014', '2023-11-01', 'isi_pvt_0014_20231101.csv'],
    ['maatschappelijke_begeleiding_2023.zip', '0034', '2023-11-02', 'maatschappelijke_begeleiding_2023_0034_20231102.csv'],
  ])('R-DL-1: the CSV inside %s for gemeente %s holds the gemeentecode', (zip, gemeentecode, datum, csv) => {
    expect(csvNaamInZip(zip, gemeentecode, datum)).toBe(csv);
  });

  it.each([
    [{ omschrijving: 'PVT extract in csv formaat', datum: '2023-11-01', bestandsnaam: 'isi_pvt.zip' }, true],
    [{ omschrijving: 'PVT extract in csv formaat', datum: '01-11-2023', bestandsnaam: 'isi_pvt.zip' }, false],
  ])('R-DL-1: Bestand schema for %j: %s', (bestand, geldig) => {
    expect(Bestand.safeParse(bestand).success).toBe(geldig);
  });
});

describe('R-DL-2 disclaimer', () => {
  it.each([
    ['use the newest version', 'Controleer bij gebruik van de bestanden altijd of u met de meest recente versie werkt.'],
    ['the files are refreshed daily', 'De ISI bestanden worden dagelijks bijgewerkt'],
    ['prevent improper use', 'al het mogelijke te doen om oneigenlijk gebruik van de gegevens uit deze bestanden te voorkomen'],
    ['destroy data and copies after the analysis', 'de gegevens plus eventuele kopieën na afloop van de analyse te vernietigen'],
    ['only for the Wet inburgering', 'Het gebruik van de gegevens voor andere doeleinden dan de uitvoering van de Wet inburgering is niet toegestaan.'],
  ])('R-DL-2: the disclaimer says: %s', (_naam, tekst) => {
    expect(DISCLAIMER).toContain(tekst);
  });

  it('R-DL-2: the disclaimer has Windows line ends, as the CSV files', () => {
    expect(DISCLAIMER.startsWith('Disclaimer\r\n\r\n- ')).toBe(true);
    expect(DISCLAIMER.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

const KOLOMMEN_A_V: [string, string][] = [
  ['A', 'BSN'], ['B', 'Voornamen'], ['C', 'Voorvoegsels'], ['D', 'Achternaam'], ['E', 'Geslacht'], ['F', 'Geboortedatum'],
  ['G', 'Gemeente eerste vestiging'], ['H', 'Gemeente einde PVT'], ['I', 'PVT-plichtig'], ['J', 'Datum start PVT-plicht'],
  ['K', 'Datum einde PVT-plicht'], ['L', 'Datum start deelname PV-traject'], ['M', 'Datum einde deelname PV-traject'],
  ['N', 'Datum voldaan PVT-plicht'], ['O', 'Reden niet voldaan aan PVT-plicht'], ['P', 'Recht op maatschappelijke begeleiding'],
  ['Q', 'MB gemeld bij BZK'], ['R', 'Factuur aanwezig'], ['S', 'Factuurnummer'], ['T', 'Factuurdatum'], ['U', 'Debiteurnummer'],
  ['V', 'Indicatie status factuur'],
];

const factuur: Factuur = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: 'DEB0001', bedrag: 15_000, status: 4, geaccepteerd: true };
const persoon: PvtExtractPersoon = {
  bsn: '000022020',
  voornamen: 'Test',
  voorvoegsels: 'van der',
  achternaam: 'Ycocabcotgitftmfgisfcogassb',
  geslacht: 1,
  geboortedatum: '1968-02-29',
  gemeenteEersteVestiging: { naam: 'Groningen' },
  gemeenteEindePvt: { naam: 'Groningen' },
  pvtPlichtig: 'J',
  datumStartPvtPlicht: '2019-09-11',
  datumEindePvtPlicht: '2020-09-10',
  datumStartDeelname: '2019-09-12',
  datumEindeDeelname: '2019-09-12',
  datumVoldaan: '2019-09-12',
  redenNietVoldaan: null,
  rechtOpMb: 'J',
  datumMbGemeldBijBzk: '2021-02-11',
  lening: true,
  factuur,
};

describe('R-DL-3 PVT extract, columns A..V', () => {
  it.each(KOLOMMEN_A_V.map(([letter, naam], i) => [letter, naam, i] as [string, string, number]))('R-DL-3: column %s is "%s"', (letter, naam, i) => {
    expect(PVT_EXTRACT_LEGENDA[i]?.kolom).toBe(letter);
    expect(PVT_EXTRACT_KOLOMMEN[i]).toBe(naam);
  });

  it('R-DL-3: exactly 22 columns', () => {
    expect(PVT_EXTRACT_KOLOMMEN).toEqual(KOLOMMEN_A_V.map(([, naam]) => naam));
  });

  const rijen: [string, PvtExtractPersoon, string[]][] = [
    ['voldaan, MB reported, invoice accepted (BSN with leading zeros)', persoon, [
      '000022020', 'Test', 'van der', 'Ycocabcotgitftmfgisfcogassb', '1', '29-02-1968', 'Groningen', 'Groningen', 'J', '11-09-2019',
      '10-09-2020', '12-09-2019', '12-09-2019', '12-09-2019', '', 'J', 'J', 'J', '155441', '04-11-2019', 'DEB0001', '4',
    ]],
    ['a reason, no loan, MB not determined', {
      ...persoon, bsn: '994002026', voorvoegsels: null, geslacht: 2, gemeenteEindePvt: null, datumStartDeelname: null, datumEindeDeelname: null,
      datumVoldaan: null, redenNietVoldaan: 'WEIGERT_DEELNAME', rechtOpMb: null, datumMbGemeldBijBzk: null, lening: false, factuur: null,
    }, [
      '994002026', 'Test', '', 'Ycocabcotgitftmfgisfcogassb', '2', '29-02-1968', 'Groningen', '', 'J', '11-09-2019',
      '10-09-2020', '', '', '', 'Persoon weigert deel te nemen aan het PV-traject', '', '', 'N.v.t.', '', '', '', '',
    ]],
    ['a loan, no invoice yet, MB right not reported, geslacht onbekend', {
      ...persoon, geslacht: 0, pvtPlichtig: null, datumMbGemeldBijBzk: null, factuur: null,
    }, [
      '000022020', 'Test', 'van der', 'Ycocabcotgitftmfgisfcogassb', '0', '29-02-1968', 'Groningen', 'Groningen', '', '11-09-2019',
      '10-09-2020', '12-09-2019', '12-09-2019', '12-09-2019', '', 'J', 'N', 'N', '', '', '', '',
    ]],
    ['an invoice without status or debiteurnummer', { ...persoon, factuur: { ...factuur, debiteurnummer: null, status: null, geaccepteerd: false } }, [
      '000022020', 'Test', 'van der', 'Ycocabcotgitftmfgisfcogassb', '1', '29-02-1968', 'Groningen', 'Groningen', 'J', '11-09-2019',
      '10-09-2020', '12-09-2019', '12-09-2019', '12-09-2019', '', 'J', 'J', 'J', '155441', '04-11-2019', '', '',
    ]],
  ];
  it.each(rijen)('R-DL-3: row for %s', (_naam, p, rij) => {
    expect(pvtExtractRij(p)).toHaveLength(22);
    expect(pvtExtractRij(p)).toEqual(rij);
  });

  it('R-DL-3: in the CSV the BSN keeps its leading zeros and dates read dd-mm-jjjj', () => {
    const csv = schrijfCsv(PVT_EXTRACT_KOLOMMEN, [pvtExtractRij(persoon)]);
    const [kop, rij] = csv.slice(1).split('\r\n');
    expect(kop?.split(';')).toHaveLength(22);
    expect(rij).toBe('000022020;Test;van der;Ycocabcotgitftmfgisfcogassb;1;29-02-1968;Groningen;Groningen;J;11-09-2019;10-09-2020;12-09-2019;12-09-2019;12-09-2019;;J;J;J;155441;04-11-2019;DEB0001;4');
  });

  it.each([
    ['E', '0 = Onbekend, 1 = Mannelijk, 2 = Vrouwelijk'],
    ['I', 'Leeg = Onbepaald, J = Ja, N = Nee'],
    ['P', 'Leeg = Onbepaald, J = Ja, N = Nee'],
    ['Q', 'Leeg = Onbepaald, J = Ja, N = Nee'],
    ['R', 'N.v.t. = Persoon kan geen factuur krijgen, J = Ja, N = Nee'],
    ['O', 'Persoon weigert deel te nemen aan het PV-traject | Persoon heeft wel deelgenomen maar weigert de verklaring te ondertekenen | Persoon reageert niet op uitnodiging van de gemeente voor deelname aan PVT | Persoon is zonder reden niet op komen dagen | Gemeente kon binnen de PVT-termijn geen PV-traject aanbieden | Bijzondere omstandigheden - Ziekte | Bijzondere omstandigheden - Detentie | Bijzondere omstandigheden - Overmacht'],
    ['V', "Leeg, 1 = 'Factuur afgewezen', 2 = 'Factuur opgenomen', 3 = 'Aanvraag lening nog in behandeling', 4 = 'Factuur vrijgegeven', 5 = 'Factuur betaald', 6 = 'Factuur geweigerd'"],
  ])('R-DL-3: the legend gives the possible values of column %s', (kolom, waarden) => {
    expect(PVT_EXTRACT_LEGENDA.find((k) => k.kolom === kolom)?.waarden).toBe(waarden);
  });

  it.each([
    ['DUO', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'P', 'Q', 'R', 'V']],
    ['Gemeente', ['L', 'M', 'N', 'O', 'S', 'T', 'U']],
  ])('R-DL-3: herkomst %s for columns %j', (herkomst, kolommen) => {
    expect(PVT_EXTRACT_LEGENDA.filter((k) => k.herkomst === herkomst).map((k) => k.kolom)).toEqual(kolommen);
  });

  it('R-DL-3: the legend file has a header and one row per column', () => {
    expect([...LEGENDA_KOLOMMEN]).toEqual(['Kolom', 'Naam', 'Definitie', 'Mogelijke waarden', 'Herkomst']);
    const rijen = legendaRijen();
    expect(rijen).toHaveLength(22);
    expect(rijen[0]).toEqual(['A', 'BSN', 'Een door de gemeente aan een persoon toegekend identificerend nummer.', 'Conform opgave BRP', 'DUO']);
  });
});

describe('R-DL-4 MB file', () => {
  it('R-DL-4: Gemeentecode / Gemeentenaam / BSN / Achternaam / Voornaam', () => {
    expect([...MB_BESTAND_KOLOMMEN]).toEqual(['Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam']);
  });

  it.each([
    ['Groningen', { code: '0014', naam: 'Groningen' }, { bsn: '994002026', achternaam: 'Ycobtgabfcotttbbfgassbgusb', voornamen: 'Test' },
      ['0014', 'Groningen', '994002026', 'Ycobtgabfcotttbbfgassbgusb', 'Test']],
    ['Almere, leading zeros', { code: '0034', naam: 'Almere' }, { bsn: '000022020', achternaam: 'El Idrissi', voornamen: 'Amina Fatima' },
      ['0034', 'Almere', '000022020', 'El Idrissi', 'Amina Fatima']],
  ])('R-DL-4: row for %s', (_naam, gemeente, p, rij) => {
    expect(mbBestandRij(gemeente, p)).toEqual(rij);
  });

  it.each([
    ['right, reported in 2021, file 2021', 'J', '2021-02-11', 2021, true],
    ['right, reported in 2021, file 2022', 'J', '2021-02-11', 2022, false],
    ['right, reported on 26 February 2020, file 2020', 'J', '2020-02-26', 2020, true],
    ['right, not reported yet', 'J', null, 2021, false],
    ['no right', 'N', '2021-02-11', 2021, false],
    ['right undetermined', null, null, 2021, false],
  ] as [string, 'J' | 'N' | null, string | null, number, boolean][])('R-DL-4: %s', (_naam, rechtOpMb, datumMbGemeldBijBzk, jaar, erin) => {
    expect(hoortInMbBestand({ rechtOpMb, datumMbGemeldBijBzk }, jaar)).toBe(erin);
  });

  it('R-DL-4: the MB file as CSV', () => {
    const csv = schrijfCsv(MB_BESTAND_KOLOMMEN, [mbBestandRij({ code: '0014', naam: 'Groningen' }, { bsn: '000022020', achternaam: 'Test', voornamen: 'Jan' })]);
    expect(csv).toBe('\uFEFFGemeentecode;Gemeentenaam;BSN;Achternaam;Voornaam\r\n0014;Groningen;000022020;Test;Jan\r\n');
  });
});
