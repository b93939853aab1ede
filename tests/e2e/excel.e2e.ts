import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { isi, isiSessie, kiesGemeente, openOnderdeel } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';

/** The first sheet of a workbook the app wrote, read back as the cells hold it (SheetJS may only write, see main/files). */
async function leesWerkboek(pad: string): Promise<{ bladen: string[]; rijen: number; kolom(letter: string): { tekst: boolean; waarde: string }[] }> {
  const zip = await JSZip.loadAsync(readFileSync(pad));
  const bladen = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
  const gedeeld = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const cellen = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/g)];
  const rijen = Math.max(...cellen.map((c) => Number(c[2])));
  return {
    bladen,
    rijen,
    kolom: (letter) => cellen
      .filter((c) => c[1] === letter && c[2] !== '1')
      .map((c) => {
        const tekst = /t="s"/.test(c[3]!);
        return { tekst, waarde: tekst ? gedeeld[Number(c[4])]! : c[4]! };
      }),
  };
}

/** "Openen in Excel" done: the notice, and the path it names. */
async function geopendBestand(page: Page, binnen = page.locator('body')): Promise<string> {
  const melding = binnen.getByTestId('excel-gelukt');
  await expect(melding).toBeVisible({ timeout: 30_000 });
  // Opened or not depends on the machine (a desktop with a spreadsheet program, or none): either way it says so.
  await expect(melding.getByTestId('excel-geopend').or(binnen.getByTestId('excel-niet-geopend'))).toBeVisible();
  return (await melding.getByTestId('excel-pad').textContent())!.trim();
}

// Issue #5: every extract and list opens directly, correctly, in Excel; R-DL-2 in practice.
test.describe('openen in Excel', () => {
  test('Downloaden bestanden: the PVT extract as a workbook (BSN as text), the browser\'s one-time link, and R-DL-2\'s list', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '17. Downloaden bestanden');
    await page.getByRole('button', { name: 'isi_pvt.zip openen in Excel' }).click();
    const pad = await geopendBestand(page);
    expect(pad.startsWith(omgeving.downloads)).toBe(true);
    expect(basename(pad)).toMatch(/^isi_pvt_0014_\d{8}( \(\d+\))?\.xlsx$/);
    await expect(page.getByTestId('excel-gelukt')).toContainText('GELUKT - Download gereed');

    // The workbook: the extract, the legend and the disclaimer; every BSN text with its nine digits,
    // exactly the BSNs of ISI's CSV.
    const wb = await leesWerkboek(pad);
    expect(wb.bladen).toEqual(['PVT extract', 'Legenda', 'Disclaimer']);
    const bsns = wb.kolom('A');
    expect(bsns.every((c) => c.tekst && /^\d{9}$/.test(c.waarde))).toBe(true);
    const token = await isiSessie(omgeving.isiUrl);
    const zip = await fetch(`${omgeving.isiUrl}/api/v1/gemeenten/0014/bestanden/isi_pvt.zip`, { headers: { authorization: `Bearer ${token}` } });
    const bron = await JSZip.loadAsync(Buffer.from(await zip.arrayBuffer()));
    const csv = await bron.file(/^isi_pvt_0014_\d{8}\.csv$/)[0]!.async('string');
    const csvBsns = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((r) => r.split(';')[0]);
    expect(bsns.map((c) => c.waarde)).toEqual(csvBsns);
    await expect(page.getByTestId('excel-gelukt')).toContainText(`(${csvBsns.length} rijen)`);

    // R-DL-2: the workbook is in the list of files on this computer.
    const sectie = page.getByTestId('op-deze-computer');
    await expect(sectie.locator(`[data-pad="${pad}"]`)).toContainText('vandaag bewaard');
    await controleerToegankelijkheid(page, 'downloaden-bestanden-excel');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '31-openen-in-excel');

    // Browser mode: the browser offers the same file, once.
    const link = page.getByTestId('excel-download');
    const url = await link.getAttribute('href');
    expect(url).toMatch(/^\/download\/[0-9a-f]{32}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(basename(pad));
    expect(readFileSync((await download.path())!).equals(readFileSync(pad))).toBe(true);
    expect((await page.request.get(new URL(url!, page.url()).href)).status()).toBe(404);

    // Deleted on request: gone from the disk and from the list.
    await sectie.locator(`[data-pad="${pad}"]`).getByRole('checkbox').check();
    await sectie.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(sectie.getByTestId('verwijderd')).toHaveText('1 bestand is verwijderd.');
    await expect(sectie.locator(`[data-pad="${pad}"]`)).toHaveCount(0);
    expect(existsSync(pad)).toBe(false);
  });

  test('Gevonden personen: every person of the search, in the order of the list', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
    await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
    await page.getByTestId('criterium-pvtPlichtig').getByLabel('Ja').check();
    await page.getByTestId('zoek-overig').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gevonden personen' })).toBeVisible();
    await page.getByTestId('sorteer-achternaam').click();
    await page.getByTestId('sorteer-achternaam').click();
    await expect(page.getByTestId('kolom-achternaam')).toHaveAttribute('aria-sort', 'descending');
    const totaal = Number(/Er zijn (\d+) personen gevonden/.exec((await page.getByTestId('aantal-gevonden').textContent())!)![1]);
    expect(totaal).toBeGreaterThan(500);
    const opScherm = await page.getByTestId('resultaten').getByTestId('cel-bsn').allInnerTexts();

    await page.getByTestId('openen-in-excel').click();
    const pad = await geopendBestand(page);
    expect(pad.startsWith(omgeving.downloads)).toBe(true);
    const wb = await leesWerkboek(pad);
    expect(wb.bladen).toEqual(['Gevonden personen']);
    expect(wb.rijen - 1).toBe(totaal);
    const bsns = wb.kolom('A');
    expect(bsns.every((c) => c.tekst && /^\d{9}$/.test(c.waarde))).toBe(true);
    expect(bsns.slice(0, opScherm.length).map((c) => c.waarde)).toEqual(opScherm);
    await controleerToegankelijkheid(page, 'gevonden-personen-excel');
  });

  test('Selecteren signalen: "Toon deze signalen" in Excel, and all signals (R-SIG-7) beside it', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '11. Raadplegen en muteren signalen 2013');
    await page.getByTestId('toon-openstaand').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Selecteren signalen WI2013' })).toBeVisible();
    await page.getByTestId('sorteer-datum').click();
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Datum signaal');
    const isoDatums = async () => (await page.getByTestId('kolom-datum').allInnerTexts()).map((d) => d.trim().split('-').reverse().join('-'));
    await expect.poll(async () => { const d = await isoDatums(); return d.join() === [...d].sort().join(); }).toBe(true);
    const totaal = Number(/Er (?:zijn|is) (\d+) signa/.exec((await page.getByTestId('aantal-gevonden').textContent())!)![1]);
    const opScherm = await page.getByTestId('kolom-bsn').allInnerTexts();

    const lijst = page.getByRole('button', { name: 'Gevonden signalen openen in Excel' });
    await lijst.click();
    const pad = await geopendBestand(page, lijst.locator('..'));
    const wb = await leesWerkboek(pad);
    expect(wb.bladen).toEqual(['Gevonden signalen']);
    expect(wb.rijen - 1).toBe(totaal);
    expect(new Set(wb.kolom('A').map((c) => c.waarde))).toEqual(new Set(['Nieuw', 'In behandeling']));
    expect(wb.kolom('B').slice(0, opScherm.length).map((c) => c.waarde)).toEqual(opScherm.map((b) => b.trim()));

    // R-SIG-7 as a workbook: every signal of the gemeente, whatever its status.
    const alle = page.getByTestId('alle-signalen-in-excel');
    await alle.click();
    const alleMelding = page.locator('.download-alle');
    const padAlle = await geopendBestand(page, alleMelding);
    await expect(alleMelding.getByTestId('excel-gelukt')).toContainText('GELUKT - Download gereed - Alle signalen zijn succesvol gedownload');
    const token = await isiSessie(omgeving.isiUrl);
    const csv = (await isi<string>(omgeving.isiUrl, token, 'GET', '/api/v1/gemeenten/0014/signalen/export')).body;
    const wbAlle = await leesWerkboek(padAlle);
    expect(wbAlle.bladen).toEqual(['Signalen']);
    expect(wbAlle.rijen - 1).toBe(csv.replace(/^\uFEFF/, '').trim().split('\r\n').length - 1);
    await controleerToegankelijkheid(page, 'selecteren-signalen-excel');

    // Both are in R-DL-2's list, and go when deleted together.
    await page.getByRole('link', { name: 'Portal Inburgering' }).click();
    await openOnderdeel(page, '17. Downloaden bestanden');
    const sectie = page.getByTestId('op-deze-computer');
    for (const p of [pad, padAlle]) await sectie.locator(`[data-pad="${p}"]`).getByRole('checkbox').check();
    await sectie.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(sectie.getByTestId('verwijderd')).toHaveText('2 bestanden zijn verwijderd.');
    expect(existsSync(pad) || existsSync(padAlle)).toBe(false);
    await controleerToegankelijkheid(page, 'bestanden-op-deze-computer');
  });
});
