import { beforeAll, describe, expect, it } from 'vitest';
import { converteerSignaalExport, converteerZip } from '../../../../main/files/converteer';
import { bewaarBestand } from '../../../../main/files/opslag';
import type { ZipGrenzen } from '../../../../main/files/zip';
import { schrijfCsv } from '../../../../shared/formats/csv';
import { DISCLAIMER, legendaRijen, LEGENDA_KOLOMMEN, MB_BESTAND_KOLOMMEN, PVT_EXTRACT_KOLOMMEN, SIGNAAL_EXPORT_KOLOMMEN } from '../../../../shared/rules/bestanden';
import type { BestandProbleemCode } from '../../../../main/files/fout';
import { bomVermelding, inhoudVan, legeMap, maakZip, verwachtBestandFout, vermelding, type Vermelding } from './hulp';

/**
 * Issue #5: every bad download gives its Dutch error and writes nothing. Each case runs the way a
 * download goes in the app: convert in memory, then save; the folder must stay empty.
 */

const CSV_NAAM = 'isi_pvt_0014_20250301.csv';
const PVT_RIJ = ['012345611', 'Nora', '', 'Nul', '2', '05-01-1990', 'Groningen', '', 'J', '01-06-2023', '31-05-2024', '', '', '', '', 'J', 'J', 'N.v.t.', '', '', '', ''];
const pvtCsv = (rijen: string[][] = [PVT_RIJ], kop: readonly string[] = PVT_EXTRACT_KOLOMMEN): string => schrijfCsv(kop, rijen);
const legenda = (): Vermelding => vermelding('legenda.csv', schrijfCsv(LEGENDA_KOLOMMEN, legendaRijen()));
const disclaimer = (): Vermelding => vermelding('disclaimer.txt', DISCLAIMER);
const goedeZip = (csv: Vermelding = vermelding(CSV_NAAM, pvtCsv())): Buffer => maakZip([csv, legenda(), disclaimer()]);

async function verwachtGeweigerd(
  zip: Buffer, code: BestandProbleemCode, bevat: RegExp, opties: { bestandsnaam?: string; grenzen?: ZipGrenzen } = {},
): Promise<void> {
  const map = legeMap('pib-files-downloads-');
  const download = converteerZip(zip, opties.bestandsnaam ?? 'isi_pvt.zip', { gc: '0014', ...(opties.grenzen ? { grenzen: opties.grenzen } : {}) })
    .then((w) => bewaarBestand(map, w.bestandsnaam, w.data));
  await verwachtBestandFout(download, code, bevat);
  expect(inhoudVan(map)).toEqual([]);
}

describe('a good hand-made zip converts (the baseline of the cases below)', () => {
  it('R-DL-1: CSV with gemeentecode and date, legend and disclaimer: a workbook of one row', async () => {
    const map = legeMap('pib-files-downloads-');
    const w = await converteerZip(goedeZip(), 'isi_pvt.zip', { gc: '0014' });
    expect(w.rijen).toBe(1);
    expect(inhoudVan(map)).toEqual([]);
    await bewaarBestand(map, w.bestandsnaam, w.data);
    expect(inhoudVan(map)).toEqual(['isi_pvt_0014_20250301.xlsx']);
  });
});

describe('zip bombs', () => {
  let nullen: Vermelding;
  beforeAll(async () => {
    // 300 MB of zeros deflate to about 300 KB: far over the 256 MB cap.
    nullen = await bomVermelding(CSV_NAAM, 300);
    expect(nullen.gedeflate.length).toBeLessThan(1024 * 1024);
  }, 60_000);

  it('an entry whose size is over the cap is refused before anything is inflated', async () => {
    const start = performance.now();
    await verwachtGeweigerd(maakZip([nullen, legenda(), disclaimer()]), 'ZIP_TE_GROOT', /uitgepakt groter dan 256 MB/);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('a lying size header (claims 1,000 bytes, inflates to 300 MB) is stopped while inflating', async () => {
    const leugen = { ...nullen, opgegeven: 1000 };
    const voor = process.memoryUsage().rss;
    const start = performance.now();
    await verwachtGeweigerd(maakZip([leugen, legenda(), disclaimer()]), 'ZIP_GROOTTE_KLOPT_NIET', /groter dan het zipbestand opgeeft; het bestand is beschadigd of gemanipuleerd/);
    // Stopped at the first chunk past the claim: neither the time nor the memory of 300 MB.
    expect(performance.now() - start).toBeLessThan(3000);
    expect(process.memoryUsage().rss - voor).toBeLessThan(100 * 1024 * 1024);
  });

  it('the cap counts all entries together, and can be set lower', async () => {
    await verwachtGeweigerd(goedeZip(), 'ZIP_TE_GROOT', /uitgepakt groter dan 0 MB/, { grenzen: { maxBestanden: 16, maxBytesUitgepakt: 2000 } });
  });

  it('too many entries are refused before jszip reads the directory', async () => {
    const veel = Array.from({ length: 17 }, (_, i) => vermelding(`x${i}.txt`, 'x'));
    await verwachtGeweigerd(maakZip(veel), 'ZIP_TE_VEEL_BESTANDEN', /bevat 17 bestanden; een bestand van DUO bevat er ten hoogste 3/);
  });
});

describe('entries with a path (zip slip) and other entries that do not belong', () => {
  for (const naam of ['../isi_pvt_0014_20250301.csv', '../../x.csv', '/etc/x', 'a/b.csv', '..\\x.csv', 'a\\b.csv', 'C:x.csv']) {
    it(`refuses an entry named ${JSON.stringify(naam)}`, async () => {
      await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding(naam, 'x')]), 'ZIP_PAD_IN_NAAM', new RegExp(`een pad in de naam \\('${naam.replace(/[.\\/]/g, '\\$&')}'\\)`));
    });
  }

  it('refuses a folder entry', async () => {
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding('map/', '')]), 'ZIP_MAP', /bevat een map \('map\/'\)/);
  });

  it('refuses an extra entry, naming it and what is expected', async () => {
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), legenda(), disclaimer(), vermelding('extra.exe', 'MZ')]), 'ZIP_ONVERWACHT_BESTAND',
      /onverwacht bestand \('extra\.exe'\); verwacht zijn alleen 'isi_pvt_0014_<datum>\.csv', 'legenda\.csv', 'disclaimer\.txt'/);
    // Two data CSVs: the second does not belong either.
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding('isi_pvt_0014_20250302.csv', pvtCsv())]), 'ZIP_ONVERWACHT_BESTAND', /'isi_pvt_0014_20250302\.csv'/);
  });

  it('R-DL-4: an MB zip has no legend: a legenda.csv in it does not belong', async () => {
    const zip = maakZip([vermelding('maatschappelijke_begeleiding_2021_0014_20250301.csv', schrijfCsv(MB_BESTAND_KOLOMMEN, [])), legenda(), disclaimer()]);
    await verwachtGeweigerd(zip, 'ZIP_ONVERWACHT_BESTAND', /'legenda\.csv'/, { bestandsnaam: 'maatschappelijke_begeleiding_2021.zip' });
  });

  it('refuses two entries of one name', async () => {
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), legenda(), legenda()]), 'ZIP_DUBBEL_BESTAND', /bevat twee bestanden met de naam 'legenda\.csv'/);
  });

  it('R-GEM-1: refuses the file of another gemeente', async () => {
    await verwachtGeweigerd(goedeZip(vermelding('isi_pvt_0034_20250301.csv', pvtCsv())), 'ZIP_ANDERE_GEMEENTE', /van gemeente 0034, niet van de gekozen gemeente 0014/);
  });

  it('refuses a zip without its CSV, an empty zip, and what is no zip at all', async () => {
    await verwachtGeweigerd(maakZip([legenda(), disclaimer()]), 'ZIP_CSV_ONTBREEKT', /bevat geen CSV-bestand van gemeente 0014/);
    await verwachtGeweigerd(maakZip([]), 'ZIP_LEEG', /'isi_pvt\.zip' is leeg/);
    await verwachtGeweigerd(Buffer.from('<html>Onderhoud</html>'), 'GEEN_ZIP', /geen geldig zipbestand/);
    const goed = goedeZip();
    await verwachtGeweigerd(goed.subarray(0, goed.length - 30), 'GEEN_ZIP', /geen geldig zipbestand/);
    // Deflate data that does not inflate: the directory is fine, the entry is not.
    const kapot = vermelding(CSV_NAAM, pvtCsv());
    await verwachtGeweigerd(maakZip([{ ...kapot, gedeflate: Buffer.alloc(kapot.gedeflate.length, 0xff) }]), 'GEEN_ZIP', /kan niet worden uitgepakt; het zipbestand is beschadigd/);
    // A size header that lies the other way (more than the entry holds) is damage too.
    await verwachtGeweigerd(maakZip([{ ...kapot, opgegeven: kapot.opgegeven + 1000 }]), 'GEEN_ZIP', /kan niet worden uitgepakt/);
  });

  it('refuses a name that is not a file of "Downloaden bestanden"', async () => {
    await verwachtGeweigerd(goedeZip(), 'ONGELDIGE_BESTANDSNAAM', /'geheim\.zip' is geen bestand van 'Downloaden bestanden'/, { bestandsnaam: 'geheim.zip' });
  });
});

describe('bad CSV inside a good zip', () => {
  it('R-DL-3: a wrong header, naming the renamed, missing and extra columns', async () => {
    const hernoemd = PVT_EXTRACT_KOLOMMEN.map((k) => (k === 'BSN' ? 'Burgerservicenummer' : k));
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, pvtCsv([], hernoemd))), 'CSV_KOP', /kolom A heet 'Burgerservicenummer' in plaats van 'BSN'/);
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, pvtCsv([], PVT_EXTRACT_KOLOMMEN.slice(0, 21)))), 'CSV_KOP', /de kolom 'Indicatie status factuur' ontbreekt/);
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, pvtCsv([], [...PVT_EXTRACT_KOLOMMEN, 'Telefoonnummer']))), 'CSV_KOP', /de kolom 'Telefoonnummer' hoort er niet in/);
  });

  it('a wrong legend header', async () => {
    const zip = maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding('legenda.csv', schrijfCsv(['Kolom', 'Naam'], [])), disclaimer()]);
    await verwachtGeweigerd(zip, 'CSV_KOP', /De kopregel van 'legenda\.csv'/);
  });

  it('a wrong encoding: latin-1 bytes', async () => {
    const latin1 = Buffer.from(pvtCsv([PVT_RIJ.map((v, i) => (i === 1 ? 'Zoë' : v))]), 'latin1');
    await verwachtGeweigerd(goedeZip({ ...vermelding(CSV_NAAM, latin1) }), 'BESTAND_CODERING', /'isi_pvt_0014_20250301\.csv' is niet in UTF-8/);
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding('disclaimer.txt', Buffer.from('Gebruik alleen voor de Wet inburgering – © DUO', 'latin1'))]), 'BESTAND_CODERING', /'disclaimer\.txt'/);
  });

  it('an empty CSV, an empty disclaimer', async () => {
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, '')), 'BESTAND_LEEG', /'isi_pvt_0014_20250301\.csv' is leeg/);
    await verwachtGeweigerd(maakZip([vermelding(CSV_NAAM, pvtCsv()), vermelding('disclaimer.txt', '\uFEFF')]), 'BESTAND_LEEG', /'disclaimer\.txt' is leeg/);
  });

  it('a date that is no date, naming row and column', async () => {
    const rij = PVT_RIJ.map((v, i) => (i === 5 ? '1990-01-05' : v));
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, pvtCsv([PVT_RIJ, rij]))), 'CSV_WAARDE', /^Rij 3 van 'isi_pvt_0014_20250301\.csv': '1990-01-05' in kolom 'Geboortedatum' is geen datum/);
  });

  it('a row with a field too few', async () => {
    await verwachtGeweigerd(goedeZip(vermelding(CSV_NAAM, pvtCsv([PVT_RIJ, PVT_RIJ.slice(1)]))), 'CSV_ONLEESBAAR', /^Regel 3 van 'isi_pvt_0014_20250301\.csv' heeft 21 velden in plaats van 22/);
  });

  it('R-SIG-7: the signal export with a wrong header or encoding', async () => {
    const map = legeMap('pib-files-downloads-');
    const kop = SIGNAAL_EXPORT_KOLOMMEN.map((k) => (k === 'Datum signaal' ? 'Datum' : k));
    await verwachtBestandFout(converteerSignaalExport(Buffer.from(schrijfCsv(kop, [])), { gc: '0014', datum: '2025-03-01' }), 'CSV_KOP', /'signalen_0014_20250301\.csv'.*kolom F heet 'Datum' in plaats van 'Datum signaal'/);
    await verwachtBestandFout(converteerSignaalExport(Buffer.from(schrijfCsv(SIGNAAL_EXPORT_KOLOMMEN, [['Nieuw', '012345611', 'Zoë', 'SS601', 'x', '01-03-2025']]), 'latin1'), { gc: '0014', datum: '2025-03-01' }), 'BESTAND_CODERING');
    await verwachtBestandFout(converteerSignaalExport(Buffer.from(''), { gc: '0014', datum: '2025-03-01' }), 'BESTAND_LEEG');
    await verwachtBestandFout(converteerSignaalExport(Buffer.from(schrijfCsv(SIGNAAL_EXPORT_KOLOMMEN, [])), { gc: '../x', datum: '2025-03-01' }), 'ONGELDIGE_BESTANDSNAAM');
    expect(inhoudVan(map)).toEqual([]);
  });
});
