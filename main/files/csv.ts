import { CsvError, parse } from 'csv-parse/sync';
import { CSV_SCHEIDINGSTEKEN } from '../../shared/formats/csv';
import { leesNlDatum, type IsoDatum } from '../../shared/datum';
import { BestandFout, OPNIEUW_DOWNLOADEN } from './fout';

/** The Excel letter of a 0-based column: 0 → A, 26 → AA. */
export function kolomLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/**
 * The text of a file DUO sends (shared/formats/csv.ts: UTF-8, with a byte order mark that the
 * decoder drops). Refused when it is not UTF-8 (a file saved again by Excel in Windows-1252, say)
 * or holds nothing.
 */
export function leesTekst(bytes: Uint8Array, naam: string): string {
  let tekst: string;
  try {
    tekst = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BestandFout('BESTAND_CODERING', `'${naam}' is niet in UTF-8 gecodeerd, zoals DUO zijn bestanden levert; het is misschien door een ander programma opnieuw opgeslagen. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
  }
  if (tekst.trim() === '') throw new BestandFout('BESTAND_LEEG', `'${naam}' is leeg. ${OPNIEUW_DOWNLOADEN}`);
  return tekst;
}

const citeer = (namen: readonly string[]): string => namen.map((n) => `'${n}'`).join(', ');

/**
 * How a header differs from the expected one, in words, or null when it is the same: renamed
 * columns (a missing and an unexpected one in the same place), missing, unexpected and double
 * columns, else the order.
 */
export function kopVerschil(verwacht: readonly string[], gevonden: readonly string[]): string | null {
  if (verwacht.length === gevonden.length && verwacht.every((k, i) => k === gevonden[i])) return null;
  let ontbreekt = verwacht.filter((k) => !gevonden.includes(k));
  let extra = gevonden.filter((k) => !verwacht.includes(k));
  const delen: string[] = [];
  for (const k of ontbreekt) {
    const i = verwacht.indexOf(k);
    const daar = gevonden[i];
    if (daar !== undefined && extra.includes(daar)) {
      delen.push(`kolom ${kolomLetter(i)} heet '${daar}' in plaats van '${k}'`);
      ontbreekt = ontbreekt.filter((x) => x !== k);
      extra = extra.filter((x) => x !== daar);
    }
  }
  if (ontbreekt.length > 0) delen.push(`${ontbreekt.length === 1 ? 'de kolom' : 'de kolommen'} ${citeer(ontbreekt)} ${ontbreekt.length === 1 ? 'ontbreekt' : 'ontbreken'}`);
  if (extra.length > 0) delen.push(`${extra.length === 1 ? 'de kolom' : 'de kolommen'} ${citeer(extra)} ${extra.length === 1 ? 'hoort' : 'horen'} er niet in`);
  const dubbel = [...new Set(gevonden.filter((k, i) => gevonden.indexOf(k) !== i))];
  if (dubbel.length > 0) delen.push(`${dubbel.length === 1 ? 'de kolom' : 'de kolommen'} ${citeer(dubbel)} ${dubbel.length === 1 ? 'staat' : 'staan'} er meer dan eens in`);
  if (delen.length === 0) delen.push(`de kolommen staan in een andere volgorde dan ${citeer(verwacht)}`);
  return delen.join('; ');
}

/** csv-parse's error in Dutch, naming the line; any other error passes unchanged. */
function alsBestandFout(fout: unknown, naam: string, kolommen: number): unknown {
  if (!(fout instanceof CsvError)) return fout;
  const regel = (fout as CsvError & { lines?: number }).lines;
  const waar = regel === undefined ? `'${naam}'` : `regel ${regel} van '${naam}'`;
  const wat = fout.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
    ? `${waar} heeft ${(fout as CsvError & { record?: unknown[] }).record?.length ?? 'een ander aantal'} velden in plaats van ${kolommen}`
    : fout.code.includes('QUOTE')
      ? `${waar} heeft een aanhalingsteken (") dat niet klopt`
      : `${waar} is geen leesbare CSV`;
  return new BestandFout('CSV_ONLEESBAAR', `${wat[0]!.toUpperCase()}${wat.slice(1)}. Het bestand is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
}

/**
 * Reads a CSV of DUO (`;`, quotes, CRLF; shared/formats/csv.ts) and returns its data rows, after
 * checking that its header is exactly `kop`. Every row has the header's number of fields.
 */
export function leesCsv(bytes: Uint8Array, kop: readonly string[], naam: string): string[][] {
  const tekst = leesTekst(bytes, naam);
  const opties = { delimiter: CSV_SCHEIDINGSTEKEN, skip_empty_lines: true } as const;
  let kopregel: string[];
  try {
    // The header alone first, so that a file with a column too few is told as such, not as row 2 having too many fields.
    kopregel = parse(tekst, { ...opties, to: 1 })[0] ?? [];
  } catch (fout) {
    throw alsBestandFout(fout, naam, kop.length);
  }
  const verschil = kopVerschil(kop, kopregel);
  if (verschil !== null) throw new BestandFout('CSV_KOP', `De kopregel van '${naam}' is niet zoals DUO hem levert: ${verschil}. Het bestand is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
  try {
    // From the top again: the header's length is what csv-parse then holds every row to.
    return parse(tekst, opties).slice(1);
  } catch (fout) {
    throw alsBestandFout(fout, naam, kop.length);
  }
}

/**
 * A date field of a DUO CSV (`dd-mm-jjjj`, empty when unknown) as an ISO date; `rij` is the row
 * as a spreadsheet numbers it (the header is row 1).
 */
export function leesCsvDatum(waarde: string, plaats: { bestand: string; rij: number; kolom: string }): IsoDatum | null {
  if (waarde === '') return null;
  const datum = leesNlDatum(waarde);
  if (datum === null) {
    throw new BestandFout('CSV_WAARDE', `Rij ${plaats.rij} van '${plaats.bestand}': '${waarde}' in kolom '${plaats.kolom}' is geen datum (dd-mm-jjjj). Het bestand is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
  }
  return datum;
}
