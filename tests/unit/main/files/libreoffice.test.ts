import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { converteerSignaalExport, converteerZip, schrijfLijst, type Werkboekbestand } from '../../../../main/files/converteer';
import type { PersoonInLijst } from '../../../../shared/schemas/api';
import { startTestServer } from '../../../helpers/isi';
import { haalBytes, maakPersoon, zoekAlles } from '../../server/hulp';
import { legeMap, soffice, sofficeAanwezig, vereisSoffice } from './hulp';

/**
 * Issue #5: the round trip through a real spreadsheet program. LibreOffice (headless) opens the
 * workbooks main/files wrote and saves their first sheet as CSV, cells as it shows them; that must
 * be the server's CSV again: every BSN with its leading zeros, every date as dd-mm-jjjj, every row.
 * Without LibreOffice this fails, it does not skip: CI installs it (.ci/run).
 */

const isi = await startTestServer({ vandaag: '2025-03-01' });

const BSNS_MET_NULLEN = ['012345611', '001234560', '012345623'];
/** LibreOffice's CSV filter: `;`, `"`, UTF-8 (76), from line 1; then the export tokens: not every text quoted, … , cells as shown. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true';

const leesCsvBytes = (bytes: Buffer): string[][] => parse(bytes, { bom: true, delimiter: ';', relax_column_count: false });

/** The readable values the workbook shows for the PVT extract's codes (R-DL-3, legend of §4.4), written out independently here. */
const GESLACHT: Record<string, string> = { 0: 'Onbekend', 1: 'Mannelijk', 2: 'Vrouwelijk' };
const JN: Record<string, string> = { '': '', J: 'Ja', N: 'Nee' };
const AANWEZIG: Record<string, string> = { 'N.v.t.': 'N.v.t.', J: 'Ja', N: 'Nee' };
const STATUS: Record<string, string> = { '': '', 1: 'Factuur afgewezen', 2: 'Factuur opgenomen', 3: 'Aanvraag lening nog in behandeling', 4: 'Factuur vrijgegeven', 5: 'Factuur betaald', 6: 'Factuur geweigerd' };

function zoalsGetoond(bron: readonly string[]): string[] {
  const r = [...bron];
  r[4] = GESLACHT[bron[4]!]!;
  for (const i of [8, 15, 16]) r[i] = JN[bron[i]!]!;
  r[17] = AANWEZIG[bron[17]!]!;
  r[21] = STATUS[bron[21]!]!;
  return [...r, bron[4]!, bron[21]!];
}

describe('round trip through LibreOffice (issue #5)', () => {
  const werkmap = legeMap('pib-files-lo-');
  const uit = legeMap('pib-files-lo-uit-');
  let pvtBron: string[][];
  let mbBron: string[][];
  let signalenBron: string[][];
  let personen: PersoonInLijst[];
  const terug = new Map<string, string[][]>();

  beforeAll(async () => {
    const token = await isi.login('demo-muteren');
    for (const [i, bsn] of BSNS_MET_NULLEN.entries()) {
      await maakPersoon(isi, token, {
        gemeentecode: '0014', bsn, voornamen: ['Nora', 'Otto', 'Pien'][i], achternaam: ['Nul; "voorop"', 'Tweenul', 'Nul'][i], geslacht: i % 3, geboortedatum: ['1990-01-05', '1988-12-31', '2000-02-29'][i],
        gemeenteEersteVestiging: '0014', rechtOpMb: 'J', datumMbGemeldBijBzk: '2021-02-11',
      });
    }
    const pvtZip = (await haalBytes(isi, '/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', token)).bytes;
    const mbZip = (await haalBytes(isi, '/api/v1/gemeenten/0014/bestanden/maatschappelijke_begeleiding_2021.zip', token)).bytes;
    const export_ = (await haalBytes(isi, '/api/v1/gemeenten/0014/signalen/export', token)).bytes;
    pvtBron = leesCsvBytes(await (await JSZip.loadAsync(pvtZip)).file('isi_pvt_0014_20250301.csv')!.async('nodebuffer'));
    mbBron = leesCsvBytes(await (await JSZip.loadAsync(mbZip)).file('maatschappelijke_begeleiding_2021_0014_20250301.csv')!.async('nodebuffer'));
    signalenBron = leesCsvBytes(export_);
    personen = (await zoekAlles<PersoonInLijst>(isi, token, '/api/v1/gemeenten/0014/personen/_zoek', { verblijf: 'WOONACHTIG' })).items;

    const boeken: Werkboekbestand[] = [
      await converteerZip(pvtZip, 'isi_pvt.zip', { gc: '0014' }),
      await converteerZip(mbZip, 'maatschappelijke_begeleiding_2021.zip', { gc: '0014' }),
      await converteerSignaalExport(export_, { gc: '0014', datum: '2025-03-01' }),
      await schrijfLijst('personen', personen, { gc: '0014', datum: '2025-03-01' }),
    ];
    for (const b of boeken) writeFileSync(join(werkmap, b.bestandsnaam), b.data);
    // Without LibreOffice each test fails on its own (vereisSoffice), rather than the suite being reported as skipped.
    if (!sofficeAanwezig()) return;
    soffice(['--convert-to', CSV_FILTER, ...boeken.map((b) => join(werkmap, b.bestandsnaam))], uit);
    for (const b of boeken) terug.set(b.bestandsnaam, leesCsvBytes(readFileSync(join(uit, b.bestandsnaam.replace(/\.xlsx$/, '.csv')))));
  }, 240_000);

  it('R-DL-3: the PVT extract comes back row for row: BSNs with leading zeros, dates dd-mm-jjjj, codes as their meaning plus the raw codes', () => {
    vereisSoffice();
    const lo = terug.get('isi_pvt_0014_20250301.xlsx')!;
    expect(lo).toHaveLength(pvtBron.length);
    expect(lo[0]).toEqual([...pvtBron[0]!, 'Geslacht (code)', 'Indicatie status factuur (code)']);
    const bsns = lo.slice(1).map((r) => r[0]);
    for (const bsn of BSNS_MET_NULLEN) expect(bsns).toContain(bsn);
    expect(bsns).toEqual(pvtBron.slice(1).map((r) => r[0]));
    for (const [i, r] of pvtBron.slice(1).entries()) expect(lo[i + 1], `row ${i + 2}`).toEqual(zoalsGetoond(r));
    // The dates are shown as the server wrote them, not as serial numbers or ISO dates.
    const datums = lo.slice(1).flatMap((r) => [5, 9, 10, 11, 12, 13, 19].map((k) => r[k]!)).filter((d) => d !== '');
    expect(datums.length).toBeGreaterThan(lo.length);
    for (const d of datums) expect(d).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  });

  it('R-DL-4: the MB file comes back exactly, gemeentecode and BSN with their zeros', () => {
    vereisSoffice();
    const lo = terug.get('maatschappelijke_begeleiding_2021_0014_20250301.xlsx')!;
    expect(lo).toEqual(mbBron);
    expect(lo.filter((r) => BSNS_MET_NULLEN.includes(r[2]!)).map((r) => r[0])).toEqual(['0014', '0014', '0014']);
  });

  it('R-SIG-7: the signal export comes back exactly', () => {
    vereisSoffice();
    const lo = terug.get('signalen_0014_20250301.xlsx')!;
    expect(lo.length).toBeGreaterThan(10);
    expect(lo).toEqual(signalenBron);
  });

  it('R-ZP-5: the person result list comes back with every row, BSN and birth date as the screen shows them', () => {
    vereisSoffice();
    const lo = terug.get('gevonden_personen_0014_20250301.xlsx')!;
    expect(lo).toHaveLength(personen.length + 1);
    for (const bsn of BSNS_MET_NULLEN) {
      const p = personen.find((x) => x.bsn === bsn)!;
      const r = lo.find((x) => x[0] === bsn)!;
      expect(r.slice(0, 4)).toEqual([bsn, p.voornaam, p.achternaam, p.geboortedatum.split('-').reverse().join('-')]);
    }
    expect(lo.find((x) => x[0] === '012345623')![3]).toBe('29-02-2000');
  });
});
