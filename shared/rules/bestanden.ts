import { toonDatum, type IsoDatum } from '../datum';
import { factuurAanwezig, type Factuur } from './factuur';
import { mbGemeldJN } from './mb';
import { REDENEN, type RedenNietVoldaan } from './pvt';
import { omschrijvingInLijst, SIGNAAL_STATUS_TEKST, SIGNAAL_EXPORT_KOLOMMEN, type SignaalCode, type SignaalStatus } from './signalen';

export interface Bestandsvermelding {
  omschrijving: string;
  bestandsnaam: string;
}

/** R-DL-1: the files of "Downloaden bestanden": the PVT extract and one MB file per year. */
export function bestandenVoorGemeente(mbJaren: readonly number[]): Bestandsvermelding[] {
  return [
    { omschrijving: 'PVT extract in csv formaat', bestandsnaam: 'isi_pvt.zip' },
    ...[...mbJaren].sort((a, b) => b - a).map((jaar) => ({
      omschrijving: `Maatschappelijke begeleiding ${jaar} in csv formaat`,
      bestandsnaam: `maatschappelijke_begeleiding_${jaar}.zip`,
    })),
  ];
}

/** R-DL-1: the MB year of a file name, or null when it is not an MB file. */
export function mbJaarUitBestandsnaam(bestandsnaam: string): number | null {
  const m = /^maatschappelijke_begeleiding_(\d{4})\.zip$/.exec(bestandsnaam);
  return m ? Number(m[1]) : null;
}

/** R-DL-1: the CSV inside a zip holds the gemeentecode (and the file's date) in its name. */
export function csvNaamInZip(bestandsnaam: string, gemeentecode: string, datum: IsoDatum): string {
  return `${bestandsnaam.replace(/\.zip$/, '')}_${gemeentecode}_${datum.replaceAll('-', '')}.csv`;
}
export const LEGENDA_BESTANDSNAAM = 'legenda.csv';
export const DISCLAIMER_BESTANDSNAAM = 'disclaimer.txt';

/** R-DL-2: the disclaimer that goes with every file. */
export const DISCLAIMER = [
  'Disclaimer',
  '',
  '- De actuele datum van de bestanden staat vermeld achter de bestandsnaam. De ISI bestanden worden dagelijks bijgewerkt op basis van onder andere mutaties van de BRP. Controleer bij gebruik van de bestanden altijd of u met de meest recente versie werkt.',
  '- We verzoeken u al het mogelijke te doen om oneigenlijk gebruik van de gegevens uit deze bestanden te voorkomen en de gegevens plus eventuele kopieën na afloop van de analyse te vernietigen.',
  '- Het gebruik van de gegevens voor andere doeleinden dan de uitvoering van de Wet inburgering is niet toegestaan.',
].join('\r\n');

/** R-DL-3: the 22 columns of the PVT extract, A to V, with the legend of §4.4. */
export const PVT_EXTRACT_LEGENDA = [
  { kolom: 'A', naam: 'BSN', definitie: 'Een door de gemeente aan een persoon toegekend identificerend nummer.', waarden: 'Conform opgave BRP', herkomst: 'DUO' },
  { kolom: 'B', naam: 'Voornamen', definitie: 'De verzameling van één of meer naamgegevens, ter onderscheiding van personen met dezelfde achternaam.', waarden: 'Conform opgave BRP', herkomst: 'DUO' },
  { kolom: 'C', naam: 'Voorvoegsels', definitie: 'De verzameling van één of meer voorzetsels en/of lidwoorden die aan het significante deel van de achternaam vooraf gaat en daarmee gezamenlijk de achternaam vormt.', waarden: 'Conform opgave BRP', herkomst: 'DUO' },
  { kolom: 'D', naam: 'Achternaam', definitie: 'De naamgegevens van een persoon, met uitzondering van de voornamen en voorvoegsel.', waarden: 'Conform opgave BRP', herkomst: 'DUO' },
  { kolom: 'E', naam: 'Geslacht', definitie: 'Geslacht van een persoon.', waarden: '0 = Onbekend, 1 = Mannelijk, 2 = Vrouwelijk', herkomst: 'DUO' },
  { kolom: 'F', naam: 'Geboortedatum', definitie: 'De datum van geboorte van een persoon volgens een geboorteakte dan wel een ander brondocument.', waarden: 'Conform opgave BRP', herkomst: 'DUO' },
  { kolom: 'G', naam: 'Gemeente eerste vestiging', definitie: 'Eerste gemeente in Nederland waar een uit het buitenland afkomstig persoon wordt ingeschreven in het BRP.', waarden: '', herkomst: 'DUO' },
  { kolom: 'H', naam: 'Gemeente einde PVT', definitie: 'Gemeente in Nederland waar een inburgeraar is ingeschreven in het BRP op het moment dat het participatieverklaringstraject eindigt.', waarden: '', herkomst: 'DUO' },
  { kolom: 'I', naam: 'PVT-plichtig', definitie: 'Indicatie die aangeeft of iemand volgens DUO PVT-plichtig is of niet.', waarden: 'Leeg = Onbepaald, J = Ja, N = Nee', herkomst: 'DUO' },
  { kolom: 'J', naam: 'Datum start PVT-plicht', definitie: 'De door DUO vastgestelde datum waarop de PVT-plicht start.', waarden: '', herkomst: 'DUO' },
  { kolom: 'K', naam: 'Datum einde PVT-plicht', definitie: 'De door DUO vastgestelde datum waarop de PVT-plicht eindigt.', waarden: '', herkomst: 'DUO' },
  { kolom: 'L', naam: 'Datum start deelname PV-traject', definitie: 'De door de gemeente vastgestelde datum waarop de deelname PV-traject start.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'M', naam: 'Datum einde deelname PV-traject', definitie: 'De door de gemeente vastgestelde datum waarop de deelname PV-traject eindigt.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'N', naam: 'Datum voldaan PVT-plicht', definitie: 'Datum waarop een persoon voldaan heeft aan de PVT-plicht.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'O', naam: 'Reden niet voldaan aan PVT-plicht', definitie: 'Reden waarom een persoon de participatieverklaring niet heeft ondertekend.', waarden: Object.values(REDENEN).map((r) => r.tekst).join(' | '), herkomst: 'Gemeente' },
  { kolom: 'P', naam: 'Recht op maatschappelijke begeleiding', definitie: 'Indicatie die aangeeft of iemand recht heeft op maatschappelijke begeleiding of niet.', waarden: 'Leeg = Onbepaald, J = Ja, N = Nee', herkomst: 'DUO' },
  { kolom: 'Q', naam: 'MB gemeld bij BZK', definitie: 'Indicatie die aangeeft of de maatschappelijke begeleiding gemeld is bij het ministerie van Binnenlandse Zaken.', waarden: 'Leeg = Onbepaald, J = Ja, N = Nee', herkomst: 'DUO' },
  { kolom: 'R', naam: 'Factuur aanwezig', definitie: 'Indicatie die aangeeft of iemand een factuur kan krijgen, een factuur heeft of geen factuur heeft.', waarden: 'N.v.t. = Persoon kan geen factuur krijgen, J = Ja, N = Nee', herkomst: 'DUO' },
  { kolom: 'S', naam: 'Factuurnummer', definitie: 'Door gemeente opgegeven identificerend nummer voor een factuur.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'T', naam: 'Factuurdatum', definitie: 'Door de gemeente opgegeven datum waarop factuur is uitgegaan.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'U', naam: 'Debiteurnummer', definitie: 'Door gemeente opgegeven identificerend nummer voor een debiteur.', waarden: '', herkomst: 'Gemeente' },
  { kolom: 'V', naam: 'Indicatie status factuur', definitie: 'Indicatie waarmee de status van een factuur wordt aangegeven.', waarden: "Leeg, 1 = 'Factuur afgewezen', 2 = 'Factuur opgenomen', 3 = 'Aanvraag lening nog in behandeling', 4 = 'Factuur vrijgegeven', 5 = 'Factuur betaald', 6 = 'Factuur geweigerd'", herkomst: 'DUO' },
] as const;
export const PVT_EXTRACT_KOLOMMEN = PVT_EXTRACT_LEGENDA.map((k) => k.naam);
export const LEGENDA_KOLOMMEN = ['Kolom', 'Naam', 'Definitie', 'Mogelijke waarden', 'Herkomst'] as const;

export function legendaRijen(): string[][] {
  return PVT_EXTRACT_LEGENDA.map((k) => [k.kolom, k.naam, k.definitie, k.waarden, k.herkomst]);
}

export interface PvtExtractPersoon {
  bsn: string;
  voornamen: string;
  voorvoegsels: string | null;
  achternaam: string;
  geslacht: 0 | 1 | 2;
  geboortedatum: IsoDatum;
  gemeenteEersteVestiging: { naam: string } | null;
  gemeenteEindePvt: { naam: string } | null;
  pvtPlichtig: 'J' | 'N' | null;
  datumStartPvtPlicht: IsoDatum | null;
  datumEindePvtPlicht: IsoDatum | null;
  datumStartDeelname: IsoDatum | null;
  datumEindeDeelname: IsoDatum | null;
  datumVoldaan: IsoDatum | null;
  redenNietVoldaan: RedenNietVoldaan | null;
  rechtOpMb: 'J' | 'N' | null;
  datumMbGemeldBijBzk: IsoDatum | null;
  lening: boolean;
  factuur: Factuur | null;
}

/** R-DL-3: one row of the PVT extract, in column order, dates as dd-mm-jjjj. */
export function pvtExtractRij(p: PvtExtractPersoon): string[] {
  const fa = factuurAanwezig(p);
  return [
    p.bsn,
    p.voornamen,
    p.voorvoegsels ?? '',
    p.achternaam,
    String(p.geslacht),
    toonDatum(p.geboortedatum),
    p.gemeenteEersteVestiging?.naam ?? '',
    p.gemeenteEindePvt?.naam ?? '',
    p.pvtPlichtig ?? '',
    toonDatum(p.datumStartPvtPlicht),
    toonDatum(p.datumEindePvtPlicht),
    toonDatum(p.datumStartDeelname),
    toonDatum(p.datumEindeDeelname),
    toonDatum(p.datumVoldaan),
    p.redenNietVoldaan ? REDENEN[p.redenNietVoldaan].tekst : '',
    p.rechtOpMb ?? '',
    mbGemeldJN(p.rechtOpMb, p.datumMbGemeldBijBzk),
    fa === 'NVT' ? 'N.v.t.' : fa,
    p.factuur?.factuurnummer ?? '',
    toonDatum(p.factuur?.factuurdatum),
    p.factuur?.debiteurnummer ?? '',
    p.factuur?.status === null || p.factuur?.status === undefined ? '' : String(p.factuur.status),
  ];
}

/** R-DL-4: the MB year file lists everyone with a right to MB in that year's May circular. */
export const MB_BESTAND_KOLOMMEN = ['Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam'] as const;

export function mbBestandRij(gemeente: { code: string; naam: string }, p: { bsn: string; achternaam: string; voornamen: string }): string[] {
  return [gemeente.code, gemeente.naam, p.bsn, p.achternaam, p.voornamen];
}

/** R-DL-4: whether a person belongs in the MB file of `jaar`: reported to BZK that year. */
export function hoortInMbBestand(p: { rechtOpMb: 'J' | 'N' | null; datumMbGemeldBijBzk: IsoDatum | null }, jaar: number): boolean {
  return p.rechtOpMb === 'J' && p.datumMbGemeldBijBzk !== null && Number(p.datumMbGemeldBijBzk.slice(0, 4)) === jaar;
}

/** R-SIG-7: one row of the signal export. */
export function signaalExportRij(s: { status: SignaalStatus; bsn: string; achternaam: string; code: SignaalCode; datum: IsoDatum }): string[] {
  return [SIGNAAL_STATUS_TEKST[s.status], s.bsn, s.achternaam, s.code, omschrijvingInLijst(s.code), toonDatum(s.datum)];
}
export { SIGNAAL_EXPORT_KOLOMMEN };
