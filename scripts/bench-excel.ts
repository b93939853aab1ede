// Conversion of a PVT extract to a workbook (main/files) at the size of a large gemeente, and a
// screenshot of a workbook as LibreOffice renders it. Asserts nothing; prints figures.
// Usage: node --expose-gc --import tsx scripts/bench-excel.ts [--rijen 100000] [--geen-scherm]
// (`npx tsx scripts/bench-excel.ts` works too; without --expose-gc the baseline is less exact.)
// The screenshot needs LibreOffice Calc and Draw (its PNG export), and Carlito (metrically Calibri,
// the workbook's font) to render as Excel would: apt-get install -y libreoffice-calc libreoffice-draw fonts-crosextra-carlito.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { converteerZip } from '../main/files/converteer';
import { totpCode } from '../server/auth/totp';
import { maakIsi } from '../server/start';
import { schrijfCsv } from '../shared/formats/csv';
import { plusDagen, plusMaanden } from '../shared/datum';
import {
  csvNaamInZip, DISCLAIMER, DISCLAIMER_BESTANDSNAAM, legendaRijen, LEGENDA_BESTANDSNAAM, LEGENDA_KOLOMMEN, pvtExtractRij, PVT_EXTRACT_KOLOMMEN,
  type PvtExtractPersoon,
} from '../shared/rules/bestanden';
import { REDEN_CODES } from '../shared/rules/pvt';

const { values } = parseArgs({ options: { rijen: { type: 'string', default: '100000' }, 'geen-scherm': { type: 'boolean', default: false } } });
const aantal = Number(values.rijen);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A small deterministic generator, so that every run converts the same file. */
function willekeur(zaad: number): () => number {
  let a = zaad;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const kans = willekeur(2025);
const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(kans() * lijst.length)]!;

/** The n-th nine-digit number from `start` that passes the elfproef (R-BSN-1); small starts keep leading zeros. */
function* bsns(start: number): Generator<string> {
  for (let n = start; ; n++) {
    const bsn = String(n).padStart(9, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(bsn[i]);
    if ((som - Number(bsn[8])) % 11 === 0) yield bsn;
  }
}

const VOORNAMEN = ['Mohammed', 'Fatima', 'Olena', 'Ahmad', 'Aya', 'Yusuf', 'Maryam', 'Dmytro', 'Sara', 'Tesfay', 'Amina', 'Omar', 'Natalia Anna', 'Ali Reza'];
const VOORVOEGSELS = [null, null, null, null, 'el', 'van', 'de', 'van der', 'al'];
const ACHTERNAMEN = ['Haddad', 'Kovalenko', 'Tesfamariam', 'Rahimi', 'Yilmaz', 'Mansour', 'Shevchenko', 'Berhane', 'Hosseini', 'Ibrahim', 'Kaya; "de Oude"', 'Abdi'];
const GEMEENTEN = [{ naam: 'Groningen' }, { naam: 'Almere' }, { naam: 'Amsterdam' }, { naam: 'Utrecht' }, { naam: "'s-Hertogenbosch" }];

function persoon(bsn: string): PvtExtractPersoon {
  const start = plusDagen('2019-01-01', Math.floor(kans() * 2200));
  const plichtig = kies(['J', 'J', 'J', 'N', null] as const);
  const voldaan = plichtig === 'J' && kans() < 0.6 ? plusDagen(start, Math.floor(kans() * 300)) : null;
  const reden = plichtig === 'J' && voldaan === null && kans() < 0.3 ? kies(REDEN_CODES) : null;
  const lening = kans() < 0.25;
  const rechtOpMb = kies(['J', 'N', null] as const);
  return {
    bsn,
    voornamen: kies(VOORNAMEN),
    voorvoegsels: kies(VOORVOEGSELS),
    achternaam: kies(ACHTERNAMEN),
    geslacht: kies([0, 1, 1, 2, 2] as const),
    geboortedatum: plusDagen('1955-01-01', Math.floor(kans() * 18000)),
    gemeenteEersteVestiging: kies(GEMEENTEN),
    gemeenteEindePvt: voldaan ? kies(GEMEENTEN) : null,
    pvtPlichtig: plichtig,
    datumStartPvtPlicht: plichtig === 'J' ? start : null,
    datumEindePvtPlicht: plichtig === 'J' ? plusDagen(plusMaanden(start, 12), -1) : null,
    datumStartDeelname: voldaan ? plusDagen(voldaan, -14) : null,
    datumEindeDeelname: voldaan,
    datumVoldaan: voldaan,
    redenNietVoldaan: reden,
    rechtOpMb,
    datumMbGemeldBijBzk: rechtOpMb === 'J' && kans() < 0.5 ? plusDagen(start, 120) : null,
    lening,
    factuur: lening && voldaan && kans() < 0.7
      ? { factuurnummer: `F${Math.floor(kans() * 1e9)}`, factuurdatum: plusDagen(voldaan, 20), debiteurnummer: kans() < 0.5 ? String(Math.floor(kans() * 1e6)).padStart(8, '0') : null, bedrag: 15_000, status: kies([1, 2, 3, 4, 5, 6, null] as const), geaccepteerd: true }
      : null,
  };
}

/** The zip as the reference server makes it (server/domein/bestanden.ts): CSV, legend, disclaimer, DEFLATE level 6. */
async function pvtZip(n: number): Promise<Buffer> {
  const nummers = bsns(1_000_000);
  function* rijen() {
    for (let i = 0; i < n; i++) yield pvtExtractRij(persoon(nummers.next().value!));
  }
  const z = new JSZip();
  z.file(csvNaamInZip('isi_pvt.zip', '0014', '2025-03-01'), schrijfCsv(PVT_EXTRACT_KOLOMMEN, rijen()));
  z.file(LEGENDA_BESTANDSNAAM, schrijfCsv(LEGENDA_KOLOMMEN, legendaRijen()));
  z.file(DISCLAIMER_BESTANDSNAAM, DISCLAIMER);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// --- The bench ---------------------------------------------------------------------------------
const zip = await pvtZip(aantal);
gc?.();
const voor = process.memoryUsage();
const maxRssVoor = process.resourceUsage().maxRSS * 1024;
const t0 = performance.now();
const werkboek = await converteerZip(zip, 'isi_pvt.zip', { gc: '0014' });
const ms = performance.now() - t0;
const maxRssNa = process.resourceUsage().maxRSS * 1024;
console.log(`PVT extract: ${werkboek.rijen.toLocaleString('nl-NL')} rijen, zip ${mb(zip.length)} → ${werkboek.bestandsnaam} ${mb(werkboek.data.length)}`);
console.log(`conversie (unzip, CSV lezen, werkboek schrijven en opmaken): ${(ms / 1000).toFixed(1)} s`);
console.log(`geheugen: RSS vóór ${mb(voor.rss)} (heap ${mb(voor.heapUsed)}); piek-RSS van het proces ${mb(maxRssNa)}${maxRssNa > maxRssVoor ? `, dus +${mb(maxRssNa - voor.rss)} door de conversie` : ' (bereikt vóór de conversie)'}${gc ? '' : ' (zonder --expose-gc)'}`);

// --- The screenshot ----------------------------------------------------------------------------
if (!values['geen-scherm']) {
  const map = mkdtempSync(join(tmpdir(), 'pib-werkboek-'));
  const isi = await maakIsi({ db: ':memory:', demo: true, vandaag: '2025-03-01', logStream: { write: () => true } });
  const url = await isi.app.listen({ host: '127.0.0.1', port: 0 });
  const vraag = async (pad: string, token?: string, body?: unknown): Promise<Response> => fetch(url + pad, {
    method: body ? 'POST' : 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const { token } = await (await vraag('/api/v1/sessies', undefined, { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: totpCode('JBSWY3DPEHPK3PXP') })).json() as { token: string };
  // BSNs with leading zeros sort first, so the rendered first page shows them.
  for (const [bsn, voornamen, achternaam, geslacht, geboortedatum] of [['001234560', 'Otto', 'Tweenul', 1, '1988-12-31'], ['012345611', 'Nora', 'Nul', 2, '1990-01-05']] as const) {
    await vraag('/api/v1/simulatie/personen', token, { gemeentecode: '0014', bsn, voornamen, achternaam, geslacht, geboortedatum, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31', rechtOpMb: 'J' });
  }
  const demo = Buffer.from(await (await vraag('/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', token)).arrayBuffer());
  await isi.app.close();
  const boek = await converteerZip(demo, 'isi_pvt.zip', { gc: '0014' });
  const xlsx = join(map, boek.bestandsnaam);
  writeFileSync(xlsx, boek.data);
  const schermen = join('test-results', 'schermen');
  mkdirSync(schermen, { recursive: true });
  for (const soort of ['png', 'pdf']) {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(map, 'profiel')}`, '--headless', '--norestore', '--convert-to', soort, '--outdir', map, xlsx], { encoding: 'utf8' });
    const uit = join(map, boek.bestandsnaam.replace(/\.xlsx$/, `.${soort}`));
    if (r.error || r.status !== 0 || r.stderr.includes('Error')) {
      console.error(`LibreOffice kon ${soort.toUpperCase()} niet maken${r.error ? ' (soffice ontbreekt)' : ''}: ${(r.stderr || r.error?.message) ?? ''}`.trim());
      console.error('Installeer LibreOffice: apt-get install -y libreoffice-calc libreoffice-draw (Draw levert de PNG-export).');
      process.exitCode = 1;
      continue;
    }
    const doel = join(schermen, `30-werkboek-libreoffice.${soort}`);
    copyFileSync(uit, doel);
    console.log(`${soort === 'png' ? 'schermafdruk (eerste pagina)' : 'alle pagina\'s en bladen'}: ${doel}`);
  }
  rmSync(map, { recursive: true, force: true });
}
