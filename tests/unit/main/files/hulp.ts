import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, expect } from 'vitest';
import { BestandFout, type BestandProbleemCode } from '../../../../main/files/fout';

/** Shared helpers of the tests of main/files (not a test file itself). */

const CRC_TABEL = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABEL[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry of a hand-made zip: its (raw) name, deflated data, CRC and the uncompressed size its headers claim. */
export interface Vermelding {
  naam: string;
  gedeflate: Buffer;
  crc: number;
  opgegeven: number;
}

export function vermelding(naam: string, inhoud: string | Uint8Array): Vermelding {
  const bytes = typeof inhoud === 'string' ? Buffer.from(inhoud, 'utf8') : Buffer.from(inhoud);
  return { naam, gedeflate: deflateRawSync(bytes), crc: crc32(bytes), opgegeven: bytes.length };
}

/**
 * A zip bomb entry: `mb` megabytes of zeros, deflated as a stream (so the test never holds them),
 * claiming `opgegeven` bytes (the truth unless a lying header is wanted). Its CRC is not computed:
 * nothing should get far enough to check it.
 */
export async function bomVermelding(naam: string, mb: number, opgegeven = mb * 1024 * 1024): Promise<Vermelding> {
  const deflate = createDeflateRaw({ level: 9 });
  const stukken: Buffer[] = [];
  deflate.on('data', (s: Buffer) => stukken.push(s));
  const klaar = new Promise((resolve) => deflate.on('end', resolve));
  const mbNullen = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mb; i++) if (!deflate.write(mbNullen)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await klaar;
  return { naam, gedeflate: Buffer.concat(stukken), crc: 0, opgegeven };
}

/**
 * Writes a zip by hand (local headers, central directory, end record), so that a test can put in
 * what jszip would not write: names with paths, two entries of one name, sizes that lie.
 */
export function maakZip(vermeldingen: readonly Vermelding[]): Buffer {
  const delen: Buffer[] = [];
  const centraal: Buffer[] = [];
  let positie = 0;
  for (const v of vermeldingen) {
    const naam = Buffer.from(v.naam, 'utf8');
    const lokaal = Buffer.alloc(30);
    lokaal.writeUInt32LE(0x04034b50, 0);
    lokaal.writeUInt16LE(20, 4);
    lokaal.writeUInt16LE(0x0800, 6);
    lokaal.writeUInt16LE(8, 8);
    lokaal.writeUInt16LE(0x3000, 10);
    lokaal.writeUInt16LE(0x5a61, 12);
    lokaal.writeUInt32LE(v.crc, 14);
    lokaal.writeUInt32LE(v.gedeflate.length, 18);
    lokaal.writeUInt32LE(v.opgegeven, 22);
    lokaal.writeUInt16LE(naam.length, 26);
    lokaal.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(0x3000, 12);
    c.writeUInt16LE(0x5a61, 14);
    c.writeUInt32LE(v.crc, 16);
    c.writeUInt32LE(v.gedeflate.length, 20);
    c.writeUInt32LE(v.opgegeven, 24);
    c.writeUInt16LE(naam.length, 28);
    c.writeUInt32LE(positie, 42);
    centraal.push(c, naam);
    delen.push(lokaal, naam, v.gedeflate);
    positie += lokaal.length + naam.length + v.gedeflate.length;
  }
  const cd = Buffer.concat(centraal);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(vermeldingen.length, 8);
  eind.writeUInt16LE(vermeldingen.length, 10);
  eind.writeUInt32LE(cd.length, 12);
  eind.writeUInt32LE(positie, 16);
  return Buffer.concat([...delen, cd, eind]);
}

/** A few words of which every Dutch sentence of ours holds at least one. */
const NEDERLANDS = /\b(de|het|een|is|niet|van|bestand|zipbestand|download|opnieuw|kolom|regel|rij)\b/i;

/** The call refuses with a BestandFout of `code` whose message is Dutch and names what to do. */
export async function verwachtBestandFout(belofte: Promise<unknown>, code: BestandProbleemCode, bevat?: RegExp): Promise<BestandFout> {
  const fout = await belofte.then(() => null, (f: unknown) => f);
  expect(fout, `expected a BestandFout ${code}`).toBeInstanceOf(BestandFout);
  const f = fout as BestandFout;
  expect(f.code).toBe(code);
  expect(f.probleem).toMatchObject({ code, status: 422, detail: f.message });
  expect(f.message).toMatch(NEDERLANDS);
  if (bevat) expect(f.message).toMatch(bevat);
  return f;
}

/** Temporary folders of this test file, removed after its tests: they hold workbooks with (demo) personal data. */
const mappen: string[] = [];
afterAll(() => {
  for (const map of mappen) rmSync(map, { recursive: true, force: true });
});

export function legeMap(voorvoegsel: string): string {
  const map = mkdtempSync(join(tmpdir(), voorvoegsel));
  mappen.push(map);
  return map;
}

export function inhoudVan(map: string): string[] {
  return readdirSync(map);
}

// --- Reading back the XLSX we wrote (with jszip: SheetJS may not read, see main/files/werkboek.ts) ---

export interface Cel {
  /** The cell's type attribute: `s` shared string, none for a number. */
  t: string | null;
  /** The style index. */
  s: number;
  /** The value: the shared string itself for `t="s"`, else the raw `<v>`. */
  v: string;
}

export interface GelezenBlad {
  naam: string;
  xml: string;
  cellen: Map<string, Cel>;
  /** Rows as arrays of values (as strings), by row number, for comparison. */
  rij(r: number): string[];
  aantalRijen: number;
}

export interface GelezenWerkboek {
  bladen: GelezenBlad[];
  blad(naam: string): GelezenBlad;
  /** Per style index: its number format code ('General' for 0) and whether its font is bold. */
  stijl(s: number): { formaat: string; vet: boolean; terugloop: boolean };
  workbookXml: string;
}

const ontsnap = (x: string): string => x.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const INGEBOUWDE_FORMATEN: Record<number, string> = { 0: 'General', 49: '@' };

export async function leesWerkboek(data: Uint8Array): Promise<GelezenWerkboek> {
  const zip = await JSZip.loadAsync(data);
  const tekst = async (pad: string): Promise<string> => {
    const f = zip.file(pad);
    expect(f, pad).not.toBeNull();
    return f!.async('string');
  };
  const workbookXml = await tekst('xl/workbook.xml');
  const namen = [...workbookXml.matchAll(/<sheet name="([^"]*)"/g)].map((m) => ontsnap(m[1]!));
  const sst = [...(await tekst('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => ontsnap([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const stijlenXml = await tekst('xl/styles.xml');
  const formaten: Record<number, string> = { ...INGEBOUWDE_FORMATEN };
  for (const m of stijlenXml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) formaten[Number(m[1])] = ontsnap(m[2]!);
  const fonts = [.../<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(stijlenXml)![1]!.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!.includes('<b/>'));
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stijlenXml)![1]!.matchAll(/<xf ([^>]*?)(\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => ({
    numFmtId: Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0),
    fontId: Number(/fontId="(\d+)"/.exec(m[1]!)?.[1] ?? 0),
    terugloop: (m[3] ?? '').includes('wrapText="1"'),
  }));
  const bladen: GelezenBlad[] = [];
  for (const [i, naam] of namen.entries()) {
    const xml = await tekst(`xl/worksheets/sheet${i + 1}.xml`);
    const cellen = new Map<string, Cel>();
    let aantalRijen = 0;
    for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(?:<v>([\s\S]*?)<\/v>)?<\/c>)/g)) {
      const attr = m[3]!;
      const t = /t="(\w+)"/.exec(attr)?.[1] ?? null;
      const s = Number(/s="(\d+)"/.exec(attr)?.[1] ?? 0);
      const ruw = ontsnap(m[4] ?? '');
      cellen.set(`${m[1]}${m[2]}`, { t, s, v: t === 's' ? sst[Number(ruw)]! : ruw });
      aantalRijen = Math.max(aantalRijen, Number(m[2]));
    }
    const kolommen = [...new Set([...cellen.keys()].map((k) => /^[A-Z]+/.exec(k)![0]))].sort((a, b) => a.length - b.length || a.localeCompare(b));
    bladen.push({ naam, xml, cellen, aantalRijen, rij: (r) => kolommen.map((k) => cellen.get(`${k}${r}`)?.v ?? '') });
  }
  return {
    bladen,
    workbookXml,
    blad: (naam) => {
      const b = bladen.find((x) => x.naam === naam);
      expect(b, `sheet ${naam}`).toBeDefined();
      return b!;
    },
    stijl: (s) => {
      const xf = xfs[s]!;
      return { formaat: formaten[xf.numFmtId] ?? `#${xf.numFmtId}`, vet: fonts[xf.fontId] ?? false, terugloop: xf.terugloop };
    },
  };
}

/** Excel's serial day number back to dd-mm-jjjj (UTC, as main/files writes it). */
export function serieelNaarNl(serieel: string): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Number(serieel) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

// --- LibreOffice ------------------------------------------------------------------------------

export const SOFFICE_ONTBREEKT = 'LibreOffice (soffice) is not installed: the round trip through a real spreadsheet program needs it. '
  + 'Install it with `apt-get install -y libreoffice-calc` (npm test installs it when run as root on Debian).';

export function sofficeAanwezig(): boolean {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/**
 * Called first in each test that needs LibreOffice: the test fails (never skips) when it is
 * missing, counted as failed: CI installs it, and without it the round trip proves nothing.
 */
export function vereisSoffice(): void {
  if (!sofficeAanwezig()) throw new Error(SOFFICE_ONTBREEKT);
}

/**
 * Runs LibreOffice headless with a private profile (so parallel runs do not share a lock) and
 * returns the files it wrote in `uitMap`.
 */
export function soffice(argumenten: readonly string[], uitMap: string): void {
  const profiel = legeMap('pib-files-lo-profiel-');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profiel}`, '--headless', '--norestore', ...argumenten, '--outdir', uitMap], { encoding: 'utf8', timeout: 180_000 });
  if (r.error || r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.error?.message ?? ''}\n${r.stdout}\n${r.stderr}`);
}
