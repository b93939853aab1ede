import JSZip from 'jszip';
import { utils, write, type CellObject, type WorkBook, type WorkSheet } from 'xlsx';
import type { IsoDatum } from '../../shared/datum';
import { LEGENDA_KOLOMMEN, MB_BESTAND_KOLOMMEN, PVT_EXTRACT_KOLOMMEN, SIGNAAL_EXPORT_KOLOMMEN } from '../../shared/rules/bestanden';
import { FACTUUR_STATUSSEN } from '../../shared/rules/factuur';
import { omschrijvingInLijst, SIGNAAL_KOLOMMEN, SIGNAAL_STATUS_TEKST } from '../../shared/rules/signalen';
import { PERSONEN_KOLOMMEN, toonFactuurAanwezig, toonJaNee } from '../../shared/rules/zoeken';
import type { PersoonInLijst, SignaalInLijst } from '../../shared/schemas/api';
import { kolomLetter } from './csv';

/**
 * Workbooks that open in Excel as the data means: a BSN (or gemeentecode, factuurnummer) is text
 * with its leading zeros, a date is a date cell shown dd-mm-jjjj, a code reads as its meaning.
 * SheetJS (xlsx 0.18.5) is used to write only: its reader has advisories for crafted files.
 */

/** `tekst` as it is; `nummer` an identifying number kept as text (Excel's format "Tekst", so editing keeps the zeros); `datum` an ISO date. */
export type Celsoort = 'tekst' | 'nummer' | 'datum';

export interface Kolom<R> {
  titel: string;
  soort: Celsoort;
  /** The cell's value, null for an empty cell; for a `datum` column an ISO date. */
  waarde(rij: R): string | null;
  /** Widest the column gets, in characters; longer texts are cut off on screen (or wrap, on a sheet with `terugloop`). */
  maxBreedte?: number;
}

export interface Bladspec<R> {
  naam: string;
  kolommen: readonly Kolom<R>[];
  rijen: Iterable<R>;
  /** An autofilter on the header row (data sheets). */
  filter: boolean;
  /** Long texts wrap within their column (legend, disclaimer). */
  terugloop: boolean;
}

/** A sheet ready for the workbook: the SheetJS sheet plus what SheetJS cannot write itself. */
export interface Blad {
  naam: string;
  sheet: WorkSheet;
  terugloop: boolean;
  rijen: number;
}

const NUMMER_FORMAAT = '@';
/** The format code is stored invariant; Dutch Excel shows it as dd-mm-jjjj. */
const DATUM_FORMAAT = 'dd-mm-yyyy';
/** SheetJS would number a custom format from 60, inside Excel's reserved built-in range; 164 is the first custom id. */
const NUMMER_FORMATEN = { 0: 'General', 49: NUMMER_FORMAAT, 164: DATUM_FORMAAT };

const EXCEL_NULPUNT = Date.UTC(1899, 11, 30);
const DAG_MS = 86_400_000;

/**
 * Excel's serial day number of a civil date, computed in UTC so that no time zone can shift it a
 * day (SheetJS's own conversion of a JS Date uses the local zone). Exact from 1 March 1900 on:
 * before that Excel counts a 29 February 1900 that never was, and no inburgeraar was born then.
 */
export function excelDatum(datum: IsoDatum): number {
  const [jaar, maand, dag] = datum.split('-').map(Number) as [number, number, number];
  return (Date.UTC(jaar, maand - 1, dag) - EXCEL_NULPUNT) / DAG_MS;
}

function cel(soort: Celsoort, waarde: string): CellObject {
  if (soort === 'datum') return { t: 'n', v: excelDatum(waarde), z: DATUM_FORMAAT };
  return soort === 'nummer' ? { t: 's', v: waarde, z: NUMMER_FORMAAT } : { t: 's', v: waarde };
}

/** Points per line of the 12-point font SheetJS writes as the workbook's default. */
const REGELHOOGTE_PT = 16;
const MAX_KOPREGELS = 3;

/** The lines a text takes when wrapped at word boundaries within `breedte` characters. */
function aantalRegels(tekst: string, breedte: number): number {
  let regels = 0;
  for (const alinea of tekst.split(/\r?\n/)) {
    regels++;
    let lengte = 0;
    for (const woord of alinea.split(/\s+/)) {
      if (lengte > 0 && lengte + 1 + woord.length > breedte) {
        regels++;
        lengte = woord.length;
      } else {
        lengte += (lengte > 0 ? 1 : 0) + woord.length;
      }
    }
  }
  return regels;
}

/**
 * Builds one sheet: header row, cells by kind, column widths from the longest value, autofilter.
 * The sheet is "dense" (an array of rows, which SheetJS 0.18 writes as well as a sheet keyed by
 * "A1"): without a key string per cell, 100,000 rows are built in a fraction of the time and memory.
 */
function maakBlad<R>(spec: Bladspec<R>): Blad {
  const letters = spec.kolommen.map((_, i) => kolomLetter(i));
  // The header wraps, so a long title over short values ("Datum einde deelname PV-traject" over
  // dates) does not make its column wide: the longest word of the title is the least width.
  const breedte = spec.kolommen.map((k) => Math.max(...k.titel.split(/\s+/).map((w) => w.length)));
  const cellen: CellObject[][] = [spec.kolommen.map((k) => ({ t: 's', v: k.titel }))];
  for (const rij of spec.rijen) {
    const rijCellen: CellObject[] = [];
    spec.kolommen.forEach((k, c) => {
      const waarde = k.waarde(rij);
      if (waarde === null || waarde === '') return;
      rijCellen[c] = cel(k.soort, waarde);
      const lengte = k.soort === 'datum' ? 10 : waarde.length;
      if (lengte > breedte[c]!) breedte[c] = lengte;
    });
    cellen.push(rijCellen);
  }
  const laatste = `${letters[letters.length - 1]}${cellen.length}`;
  const inhoud = spec.kolommen.map((k, c) => {
    // A column of short values under a long title widens until the title takes at most three lines.
    let b = Math.min(breedte[c]!, k.maxBreedte ?? 50);
    while (aantalRegels(k.titel, b) > MAX_KOPREGELS) b++;
    return b;
  });
  // Spreadsheet programs do not refit a row's height when they open a file, so every row that
  // wraps (the header; every row of a `terugloop` sheet) gets its height here.
  const hoogte = (rij: CellObject[]): { hpt: number } => {
    let regels = 1;
    rij.forEach((c, k) => {
      if (c.t === 's') regels = Math.max(regels, aantalRegels(String(c.v), inhoud[k]!));
    });
    return { hpt: REGELHOOGTE_PT * regels };
  };
  const sheet: WorkSheet = Object.assign(cellen, {
    '!ref': `A1:${laatste}`,
    // Room for the autofilter button beside the title.
    '!cols': inhoud.map((b) => ({ wch: b + (spec.filter ? 4 : 1) })),
    '!rows': spec.terugloop ? cellen.map(hoogte) : [hoogte(cellen[0]!)],
    ...(spec.filter ? { '!autofilter': { ref: `A1:${laatste}` } } : {}),
  });
  return { naam: spec.naam, sheet, terugloop: spec.terugloop, rijen: cellen.length - 1 };
}

/**
 * The styles SheetJS's community edition does not write (its writer ignores cell styles): the
 * header's (bold, wrapping) and the wrapping body text's, added to `xl/styles.xml` as SheetJS wrote
 * it. Returns the new style indices.
 */
function voegStijlenToe(stijlen: string): { xml: string; kop: number; terugloop: number } {
  const fonts = /<fonts count="(\d+)">(<font>)([\s\S]*?<\/font>)([\s\S]*?)<\/fonts>/.exec(stijlen);
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(stijlen);
  if (!fonts || !xfs) throw new Error('xl/styles.xml van SheetJS heeft niet de verwachte vorm (fonts, cellXfs).');
  const vetFont = Number(fonts[1]);
  const kop = Number(xfs[1]);
  const xml = stijlen
    .replace(fonts[0], `<fonts count="${vetFont + 1}">${fonts[2]}${fonts[3]}${fonts[4]}<font><b/>${fonts[3]}</fonts>`)
    .replace(xfs[0], `<cellXfs count="${kop + 2}">${xfs[2]}`
      + `<xf numFmtId="0" fontId="${vetFont}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
      + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
      + '</cellXfs>');
  return { xml, kop, terugloop: kop + 1 };
}

const BEVROREN_KOP = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
/** Wide tables print across rather than down: A4 landscape (and the header on every page, `Print_Titles`). */
const LIGGEND = '<pageSetup paperSize="9" orientation="landscape"/>';

/**
 * One sheet's XML as SheetJS wrote it, with the header row frozen, bold and wrapping, the page
 * landscape and, where asked, the other text cells wrapping. Only the first row and the tail are
 * touched in a big sheet, so the rest of its tens of megabytes is copied once, not searched.
 */
function maakOp(xml: string, stijl: { kop: number; terugloop: number | null }): string {
  const view = /<sheetView([^>]*)\/>/.exec(xml);
  const kopStart = xml.search(/<row r="1"[ >]/);
  const kopEinde = xml.indexOf('</row>', kopStart);
  // pageSetup comes after the autofilter and before ignoredErrors, which SheetJS always writes.
  const paginaPlek = xml.lastIndexOf('<ignoredErrors');
  if (!view || kopStart < 0 || kopEinde < 0 || paginaPlek < kopEinde) throw new Error('Een werkblad van SheetJS heeft niet de verwachte vorm (sheetView, rij 1, ignoredErrors).');
  // Cells without a style of their own: a date or number-as-text cell keeps its format.
  const zonderStijl = /<c r="([A-Z]+\d+)"(?= t=|>)/g;
  const kopregel = xml.slice(kopStart, kopEinde).replace(zonderStijl, `<c r="$1" s="${stijl.kop}"`);
  const rijen = xml.slice(kopEinde, paginaPlek);
  const rest = stijl.terugloop === null ? rijen : rijen.replace(zonderStijl, `<c r="$1" s="${stijl.terugloop}"`);
  const voor = xml.slice(0, kopStart).replace(view[0], `<sheetView${view[1]}>${BEVROREN_KOP}</sheetView>`);
  return voor + kopregel + rest + LIGGEND + xml.slice(paginaPlek);
}

/**
 * Writes the sheets as one XLSX: SheetJS writes the cells, then the package is opened again with
 * jszip to add what SheetJS cannot (bold frozen header, wrapping, page setup) and compressed once.
 */
export async function schrijfWerkboek(bladen: readonly Blad[]): Promise<Buffer> {
  const boek: WorkBook & { SSF: Record<number, string> } = {
    SheetNames: [],
    Sheets: {},
    SSF: { ...NUMMER_FORMATEN },
    Workbook: { Names: bladen.map((b, i) => ({ Name: '_xlnm.Print_Titles', Sheet: i, Ref: `'${b.naam.replaceAll("'", "''")}'!$1:$1` })) },
  };
  for (const b of bladen) utils.book_append_sheet(boek, b.sheet, b.naam);
  const ruw = write(boek, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false }) as Buffer;
  const zip = await JSZip.loadAsync(ruw);
  const stijlen = voegStijlenToe(await zip.file('xl/styles.xml')!.async('string'));
  zip.file('xl/styles.xml', stijlen.xml);
  for (const [i, b] of bladen.entries()) {
    const pad = `xl/worksheets/sheet${i + 1}.xml`;
    zip.file(pad, maakOp(await zip.file(pad)!.async('string'), { kop: stijlen.kop, terugloop: b.terugloop ? stijlen.terugloop : null }));
  }
  // Level 1: jszip deflates in JavaScript, and for 100,000 rows level 6 takes seconds longer for a file a third smaller.
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}

// --- The sheets of each file -------------------------------------------------------------------

/** A row of a DUO CSV after reading: the texts, with the date columns already ISO dates (or null). */
export type CsvRij = readonly (string | null)[];

const tekstKolom = (titel: string, index: number, soort: Celsoort = 'tekst', maxBreedte?: number): Kolom<CsvRij> =>
  ({ titel, soort, waarde: (r) => r[index] ?? null, ...(maxBreedte === undefined ? {} : { maxBreedte }) });

/** R-DL-3, legend E (§4.4): the legend's words, which differ from the person screen's Man/Vrouw. */
const GESLACHT_LEGENDA: Record<string, string> = { 0: 'Onbekend', 1: 'Mannelijk', 2: 'Vrouwelijk' };
const JA_NEE: Record<string, string> = { J: toonJaNee('J'), N: toonJaNee('N') };
const FACTUUR_AANWEZIG: Record<string, string> = { 'N.v.t.': toonFactuurAanwezig('NVT'), J: toonFactuurAanwezig('J'), N: toonFactuurAanwezig('N') };
const FACTUUR_STATUS: Record<string, string> = Object.fromEntries(Object.entries(FACTUUR_STATUSSEN));

/** A code column shown as its meaning; a code the legend does not know stays as it is. */
const codeKolom = (titel: string, index: number, betekenis: Record<string, string>): Kolom<CsvRij> => ({
  titel,
  soort: 'tekst',
  waarde: (r) => {
    const code = r[index] ?? null;
    return code === null ? null : (betekenis[code] ?? code);
  },
});

/** The columns of the PVT extract holding a date (R-DL-3), by name. */
export const PVT_DATUMKOLOMMEN = [
  'Geboortedatum', 'Datum start PVT-plicht', 'Datum einde PVT-plicht', 'Datum start deelname PV-traject', 'Datum einde deelname PV-traject',
  'Datum voldaan PVT-plicht', 'Factuurdatum',
] as const;

/**
 * The raw codes kept beside their meaning, after column V so that A–V stay the legend's (and the
 * handbook's "kolom P en Q") letters.
 */
const PVT_CODEKOLOMMEN = [
  { titel: 'Geslacht (code)', van: 'Geslacht' },
  { titel: 'Indicatie status factuur (code)', van: 'Indicatie status factuur' },
] as const;

/** R-DL-3: the PVT extract, A–V as the legend, codes as their meaning, then the raw codes. */
export function pvtBlad(rijen: readonly CsvRij[]): Blad {
  const betekenis: Record<string, Record<string, string>> = {
    'Geslacht': GESLACHT_LEGENDA,
    'PVT-plichtig': JA_NEE,
    'Recht op maatschappelijke begeleiding': JA_NEE,
    'MB gemeld bij BZK': JA_NEE,
    'Factuur aanwezig': FACTUUR_AANWEZIG,
    'Indicatie status factuur': FACTUUR_STATUS,
  };
  const nummers = new Set(['BSN', 'Factuurnummer', 'Debiteurnummer']);
  const datums = new Set<string>(PVT_DATUMKOLOMMEN);
  const kolommen = PVT_EXTRACT_KOLOMMEN.map((titel, i): Kolom<CsvRij> => {
    const codes = betekenis[titel];
    if (codes) return codeKolom(titel, i, codes);
    return tekstKolom(titel, i, nummers.has(titel) ? 'nummer' : datums.has(titel) ? 'datum' : 'tekst');
  });
  for (const c of PVT_CODEKOLOMMEN) kolommen.push(tekstKolom(c.titel, PVT_EXTRACT_KOLOMMEN.indexOf(c.van)));
  return maakBlad({ naam: 'PVT extract', kolommen, rijen, filter: true, terugloop: false });
}

/** R-DL-4: the MB year file; the gemeentecode is a number with a leading zero too. */
export function mbBlad(jaar: number, rijen: readonly CsvRij[]): Blad {
  const nummers = new Set(['Gemeentecode', 'BSN']);
  const kolommen = MB_BESTAND_KOLOMMEN.map((titel, i) => tekstKolom(titel, i, nummers.has(titel) ? 'nummer' : 'tekst'));
  return maakBlad({ naam: `MB ${jaar}`, kolommen, rijen, filter: true, terugloop: false });
}

/** R-SIG-7: all signals of the gemeente; code and description are both columns already. */
export function signaalExportBlad(rijen: readonly CsvRij[]): Blad {
  const kolommen = SIGNAAL_EXPORT_KOLOMMEN.map((titel, i) => tekstKolom(titel, i, titel === 'BSN' ? 'nummer' : titel === 'Datum signaal' ? 'datum' : 'tekst', 80));
  return maakBlad({ naam: 'Signalen', kolommen, rijen, filter: true, terugloop: false });
}

/**
 * The legend of §4.4 as the zip holds it, plus a line for each column this workbook adds, so that
 * every column of the extract is explained.
 */
export function legendaBlad(rijen: readonly CsvRij[]): Blad {
  const extra = PVT_CODEKOLOMMEN.map((c, i): CsvRij => {
    const bron = rijen.find((r) => r[1] === c.van);
    const van = kolomLetter(PVT_EXTRACT_KOLOMMEN.indexOf(c.van));
    return [kolomLetter(PVT_EXTRACT_KOLOMMEN.length + i), c.titel, `De code van kolom ${van} (${c.van}) zoals DUO die levert.`, bron?.[3] ?? null, bron?.[4] ?? null];
  });
  // Together within a landscape page: the long texts wrap.
  const breedte = [6, 22, 45, 28, 9];
  const kolommen = LEGENDA_KOLOMMEN.map((titel, i) => tekstKolom(titel, i, 'tekst', breedte[i]));
  return maakBlad({ naam: 'Legenda', kolommen, rijen: [...rijen, ...extra], filter: false, terugloop: true });
}

/** R-DL-2: the disclaimer, its first line as the header. */
export function disclaimerBlad(tekst: string): Blad {
  const [titel = 'Disclaimer', ...regels] = tekst.split(/\r?\n/);
  return maakBlad({ naam: 'Disclaimer', kolommen: [{ titel, soort: 'tekst', waarde: (r: string) => r, maxBreedte: 100 }], rijen: regels, filter: false, terugloop: true });
}

/** R-ZP-5: "Gevonden personen", every row of the search, as the screen shows the columns. */
export function personenBlad(rijen: Iterable<PersoonInLijst>): Blad {
  const kolommen = PERSONEN_KOLOMMEN.map(({ kolom, titel }): Kolom<PersoonInLijst> => {
    switch (kolom) {
      case 'bsn':
        return { titel, soort: 'nummer', waarde: (p) => p.bsn };
      case 'geboortedatum':
        return { titel, soort: 'datum', waarde: (p) => p.geboortedatum };
      case 'pvtPlichtig':
      case 'voldaan':
      case 'rechtOpMb':
      case 'signaalAanwezig':
        return { titel, soort: 'tekst', waarde: (p) => toonJaNee(p[kolom]) };
      case 'factuurAanwezig':
        return { titel, soort: 'tekst', waarde: (p) => toonFactuurAanwezig(p.factuurAanwezig) };
      case 'voornaam':
      case 'achternaam':
        return { titel, soort: 'tekst', waarde: (p) => p[kolom] };
    }
  });
  return maakBlad({ naam: 'Gevonden personen', kolommen, rijen, filter: true, terugloop: false });
}

/** R-SIG-5: the signals found, as the screen shows the columns (code and its description). */
export function signalenBlad(rijen: Iterable<SignaalInLijst>): Blad {
  const kolommen = SIGNAAL_KOLOMMEN.map(({ kolom, titel }): Kolom<SignaalInLijst> => {
    switch (kolom) {
      case 'status':
        return { titel, soort: 'tekst', waarde: (s) => SIGNAAL_STATUS_TEKST[s.status] };
      case 'bsn':
        return { titel, soort: 'nummer', waarde: (s) => s.bsn };
      case 'achternaam':
        return { titel, soort: 'tekst', waarde: (s) => s.achternaam };
      case 'code':
        return { titel, soort: 'tekst', waarde: (s) => s.code };
      case 'omschrijving':
        return { titel, soort: 'tekst', waarde: (s) => omschrijvingInLijst(s.code), maxBreedte: 80 };
      case 'datum':
        return { titel, soort: 'datum', waarde: (s) => s.datum };
    }
  });
  return maakBlad({ naam: 'Gevonden signalen', kolommen, rijen, filter: true, terugloop: false });
}
