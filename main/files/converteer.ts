import { isGeldigeDatum, type IsoDatum } from '../../shared/datum';
import {
  DISCLAIMER_BESTANDSNAAM, LEGENDA_BESTANDSNAAM, LEGENDA_KOLOMMEN, MB_BESTAND_KOLOMMEN, mbJaarUitBestandsnaam, PVT_EXTRACT_KOLOMMEN,
  SIGNAAL_EXPORT_KOLOMMEN,
} from '../../shared/rules/bestanden';
import type { PersoonInLijst, SignaalInLijst } from '../../shared/schemas/api';
import { leesCsv, leesCsvDatum, leesTekst } from './csv';
import { BestandFout } from './fout';
import {
  disclaimerBlad, legendaBlad, mbBlad, personenBlad, PVT_DATUMKOLOMMEN, pvtBlad, schrijfWerkboek, signaalExportBlad, signalenBlad,
  type Blad, type CsvRij,
} from './werkboek';
import { openZip, zipSpec, type ZipGrenzen } from './zip';

/** A workbook made in memory, ready for `bewaarBestand`. `rijen` counts the data rows of its first sheet. */
export interface Werkboekbestand {
  bestandsnaam: string;
  data: Buffer;
  rijen: number;
}

/** For a file that carries no date of its own: the gemeente and the day (ISI's date) it was made for. */
export interface Lijstopties {
  gc: string;
  datum: IsoDatum;
}

/** R-DL-1: `<naam>_<gemeentecode>_<jjjjmmdd>.xlsx`, as DUO names the CSV inside its zips. */
function werkboeknaam(voorvoegsel: string, { gc, datum }: Lijstopties): string {
  if (!/^\d{4}$/.test(gc) || !isGeldigeDatum(datum)) {
    throw new BestandFout('ONGELDIGE_BESTANDSNAAM', `Geen bestandsnaam te maken met gemeentecode '${gc}' en datum '${datum}'. Kies de gemeente opnieuw en probeer het nog eens.`);
  }
  return `${voorvoegsel}_${gc}_${datum.replaceAll('-', '')}.xlsx`;
}

/** The data rows of a CSV of DUO, empty fields as null and the date columns as ISO dates, each checked. */
function leesTabel(bytes: Uint8Array, kop: readonly string[], bestand: string, datumKolommen: readonly string[] = []): CsvRij[] {
  const datums = new Set(datumKolommen.map((k) => kop.indexOf(k)));
  return leesCsv(bytes, kop, bestand).map((r, i) => r.map((v, k) => (datums.has(k) ? leesCsvDatum(v, { bestand, rij: i + 2, kolom: kop[k]! }) : v === '' ? null : v)));
}

async function werkboek(bestandsnaam: string, bladen: Blad[]): Promise<Werkboekbestand> {
  return { bestandsnaam, data: await schrijfWerkboek(bladen), rijen: bladen[0]!.rijen };
}

/**
 * R-DL-1 … R-DL-4: a zip of "Downloaden bestanden" (`bestandsnaam` as that list names it,
 * `isi_pvt.zip` or `maatschappelijke_begeleiding_<jaar>.zip`) as one workbook: the data, then the
 * legend and the disclaimer where the zip holds them. The workbook is named after the CSV inside,
 * so it carries the gemeentecode and the date the file was made.
 */
export async function converteerZip(zip: Uint8Array, bestandsnaam: string, opties: { gc: string; grenzen?: ZipGrenzen }): Promise<Werkboekbestand> {
  const inhoud = await openZip(zip, zipSpec(bestandsnaam, opties.gc), opties.grenzen);
  const jaar = mbJaarUitBestandsnaam(bestandsnaam);
  const { naam, inhoud: csv } = inhoud.csv;
  const bladen: Blad[] = jaar === null
    ? [pvtBlad(leesTabel(csv, PVT_EXTRACT_KOLOMMEN, naam, PVT_DATUMKOLOMMEN))]
    : [mbBlad(jaar, leesTabel(csv, MB_BESTAND_KOLOMMEN, naam))];
  const legenda = inhoud.bijlagen.get(LEGENDA_BESTANDSNAAM);
  if (legenda) bladen.push(legendaBlad(leesTabel(legenda, LEGENDA_KOLOMMEN, LEGENDA_BESTANDSNAAM)));
  const disclaimer = inhoud.bijlagen.get(DISCLAIMER_BESTANDSNAAM);
  if (disclaimer) bladen.push(disclaimerBlad(leesTekst(disclaimer, DISCLAIMER_BESTANDSNAAM)));
  return werkboek(naam.replace(/\.csv$/, '.xlsx'), bladen);
}

/** R-SIG-7: "Download alle signalen" (a CSV, not a zip) as a workbook `signalen_<gc>_<jjjjmmdd>.xlsx`. */
export async function converteerSignaalExport(csv: Uint8Array, opties: Lijstopties): Promise<Werkboekbestand> {
  const bestandsnaam = werkboeknaam('signalen', opties);
  const naam = bestandsnaam.replace(/\.xlsx$/, '.csv');
  return werkboek(bestandsnaam, [signaalExportBlad(leesTabel(csv, SIGNAAL_EXPORT_KOLOMMEN, naam, ['Datum signaal']))]);
}

/**
 * "Openen in Excel" on a result list: every row of the search (not only the page shown), with the
 * columns as the screen shows them, as `gevonden_personen_…` or `gevonden_signalen_…`.
 */
export function schrijfLijst(soort: 'personen', rijen: Iterable<PersoonInLijst>, opties: Lijstopties): Promise<Werkboekbestand>;
export function schrijfLijst(soort: 'signalen', rijen: Iterable<SignaalInLijst>, opties: Lijstopties): Promise<Werkboekbestand>;
export function schrijfLijst(soort: 'personen' | 'signalen', rijen: Iterable<PersoonInLijst> | Iterable<SignaalInLijst>, opties: Lijstopties): Promise<Werkboekbestand> {
  const blad = soort === 'personen' ? personenBlad(rijen as Iterable<PersoonInLijst>) : signalenBlad(rijen as Iterable<SignaalInLijst>);
  return werkboek(werkboeknaam(`gevonden_${soort}`, opties), [blad]);
}
