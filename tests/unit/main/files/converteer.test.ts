import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { converteerSignaalExport, converteerZip, schrijfLijst } from '../../../../main/files/converteer';
import { kolomLetter } from '../../../../main/files/csv';
import { excelDatum } from '../../../../main/files/werkboek';
import { PVT_EXTRACT_KOLOMMEN } from '../../../../shared/rules/bestanden';
import type { PersoonInLijst, SignaalInLijst } from '../../../../shared/schemas/api';
import { startTestServer } from '../../../helpers/isi';
import { gebeurtenis, haalBytes, maakPersoon, zoekAlles } from '../../server/hulp';
import { leesWerkboek, serieelNaarNl, type GelezenBlad, type GelezenWerkboek } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01' });

/** Leading zeros that a spreadsheet program would drop from a number. */
const NUL_VOOROP = '012345611';
const TWEE_NULLEN = '001234560';

let token = '';
let pvtZip: Buffer;
let pvtCsv: string[][];

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  // Made before the day's files are first asked for, so they are in today's files.
  await maakPersoon(isi, token, {
    gemeentecode: '0014', bsn: NUL_VOOROP, voornamen: 'Nora', achternaam: 'Nul; "voorop"', geslacht: 2, geboortedatum: '1990-01-05',
    gemeenteEersteVestiging: '0014', datumStartPvtPlicht: '2023-06-01', datumEindePvtPlicht: '2024-05-31', redenNietVoldaan: 'ZIEKTE',
    rechtOpMb: 'J', datumMbGemeldBijBzk: '2021-02-11',
  });
  await maakPersoon(isi, token, { gemeentecode: '0014', bsn: TWEE_NULLEN, voornamen: 'Otto', achternaam: 'Tweenul', geslacht: 1, geboortedatum: '1988-12-31' });
  // DUO confirms the right it had: the signal SS610 for the export, the data unchanged.
  await gebeurtenis(isi, token, { type: 'MB_RECHT_GEWIJZIGD', bsn: NUL_VOOROP, rechtOpMb: 'J' });
  pvtZip = (await haalBytes(isi, '/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', token)).bytes;
  const bron = await JSZip.loadAsync(pvtZip);
  pvtCsv = parse(await bron.file('isi_pvt_0014_20250301.csv')!.async('nodebuffer'), { bom: true, delimiter: ';' });
});

function verwachtKop(blad: GelezenBlad, wb: GelezenWerkboek, titels: readonly string[], opties: { filter: boolean }): void {
  expect(blad.rij(1)).toEqual(titels);
  for (const [i] of titels.entries()) {
    const c = blad.cellen.get(`${kolomLetter(i)}1`)!;
    expect(wb.stijl(c.s), `header ${titels[i]} bold and wrapping`).toMatchObject({ vet: true, terugloop: true });
  }
  // The wrapped header has a height of its own (whole lines of 16 pt), as no spreadsheet program refits it on opening.
  expect(Number(/<row r="1" ht="(\d+)" customHeight="1">/.exec(blad.xml)?.[1]) % 16).toBe(0);
  expect(blad.xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  expect(blad.xml).toContain('<pageSetup paperSize="9" orientation="landscape"/><ignoredErrors>');
  expect(wb.workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${wb.bladen.indexOf(blad)}">&apos;${blad.naam}&apos;!$1:$1</definedName>`);
  if (opties.filter) expect(blad.xml).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${blad.aantalRijen}"/>`));
  else expect(blad.xml).not.toContain('<autoFilter');
  expect(blad.xml).toMatch(/<cols>(<col [^>]*width="[\d.]+" customWidth="1"\/>)+<\/cols>/);
}

describe('dates as Excel counts them', () => {
  it('excelDatum: the serial day number from 30-12-1899, in UTC whatever the time zone', () => {
    expect(excelDatum('1900-03-01')).toBe(61);
    expect(excelDatum('1991-12-24')).toBe(33596);
    expect(excelDatum('2025-03-01')).toBe(45717);
    expect(excelDatum('2000-02-29')).toBe(36585);
    expect(serieelNaarNl(String(excelDatum('2024-10-27')))).toBe('27-10-2024');
  });
});

describe('the PVT extract as a workbook (R-DL-3, R-DL-2)', () => {
  let wb: GelezenWerkboek;
  let pvt: GelezenBlad;
  let bestandsnaam = '';
  let rijen = 0;

  beforeAll(async () => {
    const uit = await converteerZip(pvtZip, 'isi_pvt.zip', { gc: '0014' });
    ({ bestandsnaam, rijen } = uit);
    wb = await leesWerkboek(uit.data);
    pvt = wb.blad('PVT extract');
  });

  it('R-DL-1: named after the CSV inside, with the gemeentecode and the file\'s date; one row per CSV row', () => {
    expect(bestandsnaam).toBe('isi_pvt_0014_20250301.xlsx');
    expect(rijen).toBe(pvtCsv.length - 1);
    expect(pvt.aantalRijen).toBe(pvtCsv.length);
    expect(wb.bladen.map((b) => b.naam)).toEqual(['PVT extract', 'Legenda', 'Disclaimer']);
  });

  it('R-DL-3: columns A–V as the legend, then the raw codes; header bold, frozen, with autofilter and widths', () => {
    verwachtKop(pvt, wb, [...PVT_EXTRACT_KOLOMMEN, 'Geslacht (code)', 'Indicatie status factuur (code)'], { filter: true });
    expect(wb.workbookXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;PVT extract&apos;!A1:X${pvt.aantalRijen}</definedName>`);
  });

  it('R-DL-3, R-BSN-1: every BSN is a text cell keeping its leading zeros, formatted as text', () => {
    const bsns = new Map<string, number>();
    for (let r = 2; r <= pvt.aantalRijen; r++) {
      const c = pvt.cellen.get(`A${r}`)!;
      expect(c.t).toBe('s');
      expect(wb.stijl(c.s).formaat).toBe('@');
      expect(c.v).toMatch(/^\d{9}$/);
      bsns.set(c.v, r);
    }
    expect(bsns.has(NUL_VOOROP)).toBe(true);
    expect(bsns.has(TWEE_NULLEN)).toBe(true);
    expect([...bsns.keys()]).toEqual(pvtCsv.slice(1).map((r) => r[0]));
  });

  it('R-DL-3: every date is a number cell formatted dd-mm-yyyy holding the CSV\'s date', () => {
    const datumKolommen = ['F', 'J', 'K', 'L', 'M', 'N', 'T'];
    let gezien = 0;
    for (let r = 2; r <= pvt.aantalRijen; r++) {
      const bron = pvtCsv[r - 1]!;
      for (const k of datumKolommen) {
        const c = pvt.cellen.get(`${k}${r}`);
        const verwacht = bron[k.charCodeAt(0) - 65]!;
        if (verwacht === '') {
          expect(c, `${k}${r} empty`).toBeUndefined();
          continue;
        }
        expect(c!.t, `${k}${r}`).toBeNull();
        expect(wb.stijl(c!.s).formaat).toBe('dd-mm-yyyy');
        expect(serieelNaarNl(c!.v)).toBe(verwacht);
        gezien++;
      }
    }
    expect(gezien).toBeGreaterThan(pvt.aantalRijen);
  });

  it('R-DL-3: codes read as the legend\'s meaning, the raw geslacht and factuur status kept in W and X', () => {
    const rijVan = (bsn: string): number => Number([...pvt.cellen.entries()].find(([k, c]) => /^A\d+$/.test(k) && c.v === bsn)![0].slice(1));
    const f = rijVan('604269602');
    const factuur = pvt.rij(f);
    expect(factuur.slice(0, 5)).toEqual(['604269602', 'Test', '', 'Ycobtstbbstbucabmsubgicacob', 'Mannelijk']);
    expect(factuur[8]).toBe('Ja');
    expect(factuur.slice(15, 19)).toEqual(['Nee', 'Nee', 'Ja', '155441']);
    expect(serieelNaarNl(factuur[19]!)).toBe('04-11-2019');
    expect(factuur.slice(20)).toEqual(['', 'Factuur opgenomen', '1', '2']);
    expect(wb.stijl(pvt.cellen.get(`S${f}`)!.s).formaat).toBe('@');
    const nul = pvt.rij(rijVan(NUL_VOOROP));
    expect(nul.slice(0, 5)).toEqual([NUL_VOOROP, 'Nora', '', 'Nul; "voorop"', 'Vrouwelijk']);
    expect(nul[14]).toBe('Bijzondere omstandigheden - Ziekte');
    expect(nul.slice(15, 18)).toEqual(['Ja', 'Ja', 'N.v.t.']);
    expect(nul.slice(21)).toEqual(['', '2', '']);
  });

  it('R-DL-3: the Legenda sheet holds the legend of §4.4 (A–V) and explains W and X', () => {
    const legenda = wb.blad('Legenda');
    verwachtKop(legenda, wb, ['Kolom', 'Naam', 'Definitie', 'Mogelijke waarden', 'Herkomst'], { filter: false });
    const kolommen = Array.from({ length: legenda.aantalRijen - 1 }, (_, i) => legenda.rij(i + 2));
    expect(kolommen.map((r) => r[0])).toEqual('ABCDEFGHIJKLMNOPQRSTUVWX'.split(''));
    expect(kolommen.map((r) => r[1])).toEqual([...PVT_EXTRACT_KOLOMMEN, 'Geslacht (code)', 'Indicatie status factuur (code)']);
    expect(kolommen[4]![3]).toBe('0 = Onbekend, 1 = Mannelijk, 2 = Vrouwelijk');
    expect(kolommen[22]![2]).toBe('De code van kolom E (Geslacht) zoals DUO die levert.');
    expect(kolommen[22]![3]).toBe(kolommen[4]![3]);
    expect(kolommen[23]![3]).toContain("2 = 'Factuur opgenomen'");
    // Long texts wrap in the body, each row as high as its longest text needs (no program refits it on opening).
    expect(wb.stijl(legenda.cellen.get('C2')!.s).terugloop).toBe(true);
    const hoogten = [...legenda.xml.matchAll(/<row r="\d+"(?: ht="(\d+)" customHeight="1")?>/g)].map((m) => Number(m[1]));
    expect(hoogten).toHaveLength(legenda.aantalRijen);
    for (const h of hoogten) expect(h % 16).toBe(0);
    // O lists the eight reasons of R-PVT-4.
    expect(hoogten[15]).toBeGreaterThanOrEqual(8 * 16);
  });

  it('R-DL-2: the Disclaimer sheet holds the disclaimer of the zip', () => {
    const d = wb.blad('Disclaimer');
    expect(d.rij(1)).toEqual(['Disclaimer']);
    expect(wb.stijl(d.cellen.get('A1')!.s).vet).toBe(true);
    const tekst = Array.from({ length: d.aantalRijen - 1 }, (_, i) => d.rij(i + 2)[0]).join('\n');
    expect(tekst).toContain('meest recente versie');
    expect(tekst).toContain('vernietigen');
    expect(tekst).toContain('uitvoering van de Wet inburgering');
    expect(wb.stijl(d.cellen.get('A3')!.s).terugloop).toBe(true);
  });
});

describe('the MB year file as a workbook (R-DL-4)', () => {
  it('R-DL-4: Gemeentecode and BSN as text with their zeros, the disclaimer beside it, no legend', async () => {
    const zip = (await haalBytes(isi, '/api/v1/gemeenten/0014/bestanden/maatschappelijke_begeleiding_2021.zip', token)).bytes;
    const uit = await converteerZip(zip, 'maatschappelijke_begeleiding_2021.zip', { gc: '0014' });
    expect(uit.bestandsnaam).toBe('maatschappelijke_begeleiding_2021_0014_20250301.xlsx');
    const wb = await leesWerkboek(uit.data);
    expect(wb.bladen.map((b) => b.naam)).toEqual(['MB 2021', 'Disclaimer']);
    const mb = wb.blad('MB 2021');
    verwachtKop(mb, wb, ['Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam'], { filter: true });
    expect(uit.rijen).toBe(mb.aantalRijen - 1);
    const rijen = Array.from({ length: mb.aantalRijen - 1 }, (_, i) => mb.rij(i + 2));
    expect(rijen).toContainEqual(['0014', 'Groningen', NUL_VOOROP, 'Nul; "voorop"', 'Nora']);
    for (let r = 2; r <= mb.aantalRijen; r++) {
      for (const k of ['A', 'C']) {
        const c = mb.cellen.get(`${k}${r}`)!;
        expect(c.t).toBe('s');
        expect(wb.stijl(c.s).formaat).toBe('@');
      }
    }
  });
});

describe('the signal export as a workbook (R-SIG-7)', () => {
  it('R-SIG-7: all signals, BSN as text, the date a date cell, code and description both kept', async () => {
    const r = await haalBytes(isi, '/api/v1/gemeenten/0014/signalen/export', token);
    expect(r.status).toBe(200);
    const uit = await converteerSignaalExport(r.bytes, { gc: '0014', datum: '2025-03-01' });
    expect(uit.bestandsnaam).toBe('signalen_0014_20250301.xlsx');
    const bron: string[][] = parse(r.bytes, { bom: true, delimiter: ';' });
    expect(uit.rijen).toBe(bron.length - 1);
    const wb = await leesWerkboek(uit.data);
    expect(wb.bladen.map((b) => b.naam)).toEqual(['Signalen']);
    const s = wb.blad('Signalen');
    verwachtKop(s, wb, ['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal'], { filter: true });
    const rijen = Array.from({ length: s.aantalRijen - 1 }, (_, i) => s.rij(i + 2));
    const nul = rijen.find((x) => x[1] === NUL_VOOROP && x[3] === 'SS610')!;
    expect(nul.slice(0, 5)).toEqual(['Nieuw', NUL_VOOROP, 'Nul; "voorop"', 'SS610', 'Recht op maatschappelijke begeleiding van persoon is gewijzigd.']);
    expect(serieelNaarNl(nul[5]!)).toBe('01-03-2025');
    const datum = s.cellen.get('F2')!;
    expect(datum.t).toBeNull();
    expect(wb.stijl(datum.s).formaat).toBe('dd-mm-yyyy');
  });
});

describe('result lists as workbooks ("Openen in Excel", R-ZP-5, R-SIG-5)', () => {
  it('R-ZP-5: every person found, columns as the screen shows them', async () => {
    const { items } = await zoekAlles<PersoonInLijst>(isi, token, '/api/v1/gemeenten/0014/personen/_zoek', { verblijf: 'WOONACHTIG' });
    // More than one page of the search: the workbook holds them all.
    expect(items.length).toBeGreaterThan(500);
    const uit = await schrijfLijst('personen', items, { gc: '0014', datum: '2025-03-01' });
    expect(uit.bestandsnaam).toBe('gevonden_personen_0014_20250301.xlsx');
    expect(uit.rijen).toBe(items.length);
    const wb = await leesWerkboek(uit.data);
    const blad = wb.blad('Gevonden personen');
    verwachtKop(blad, wb, ['BSN', 'Voornaam', 'Achternaam', 'Geboortedatum', 'PVT-plichtig', 'Voldaan aan PVT-plicht', 'Recht op maatschappelijke begeleiding', 'Factuur aanwezig', 'Signaal aanwezig'], { filter: true });
    const r = items.findIndex((p) => p.bsn === NUL_VOOROP) + 2;
    expect(r).toBeGreaterThan(1);
    const rij = blad.rij(r);
    expect(rij.slice(0, 3)).toEqual([NUL_VOOROP, 'Nora', 'Nul; "voorop"']);
    expect(serieelNaarNl(rij[3]!)).toBe('05-01-1990');
    expect(rij.slice(4)).toEqual(['Ja', 'Nee', 'Ja', 'N.v.t.', 'Ja']);
    expect(blad.cellen.get(`A${r}`)!.t).toBe('s');
    expect(wb.stijl(blad.cellen.get(`D${r}`)!.s).formaat).toBe('dd-mm-yyyy');
  });

  it('R-SIG-5: every signal found, with status text, code and the list\'s description', async () => {
    const { items } = await zoekAlles<SignaalInLijst>(isi, token, '/api/v1/gemeenten/0014/signalen/_zoek', {});
    const uit = await schrijfLijst('signalen', items, { gc: '0014', datum: '2025-03-01' });
    expect(uit.bestandsnaam).toBe('gevonden_signalen_0014_20250301.xlsx');
    const wb = await leesWerkboek(uit.data);
    const blad = wb.blad('Gevonden signalen');
    verwachtKop(blad, wb, ['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal'], { filter: true });
    expect(blad.aantalRijen - 1).toBe(items.length);
    const ss601 = items.findIndex((s) => s.code === 'SS601');
    expect(ss601).toBeGreaterThanOrEqual(0);
    expect(blad.rij(ss601 + 2)[4]).toBe('Persoon is PVT-plichtig');
  });

  it('an empty list is a workbook with only the header', async () => {
    const uit = await schrijfLijst('personen', [], { gc: '0034', datum: '2025-03-01' });
    expect(uit.rijen).toBe(0);
    const wb = await leesWerkboek(uit.data);
    expect(wb.blad('Gevonden personen').aantalRijen).toBe(1);
  });
});
