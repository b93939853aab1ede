import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { isi, isiSessie, kiesGemeente, openOnderdeel } from './isi-direct';
import { controleerToegankelijkheid, expect, schermafdruk, test } from './omgeving';

type Bestand = { omschrijving: string; datum: string; bestandsnaam: string };
const toon = (iso: string) => iso.split('-').reverse().join('-');

// Handbook §3.10 (Downloaden bestand), §4.3, §4.4.
test.describe('downloaden bestanden', () => {
  test('R-DL-2, R-DL-1: the notices, and the files of the chosen gemeente with Omschrijving, Datum and Bestandsnaam', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '17. Downloaden bestanden');
    await expect(page.getByRole('heading', { level: 1, name: 'Downloaden' })).toBeVisible();
    const disclaimer = page.getByTestId('disclaimer');
    await expect(disclaimer).toContainText('Controleer bij gebruik van de bestanden altijd of u met de meest recente versie werkt.');
    await expect(disclaimer).toContainText('oneigenlijk gebruik van de gegevens uit deze bestanden te voorkomen');
    await expect(disclaimer).toContainText('na afloop van de analyse te vernietigen');
    await expect(disclaimer).toContainText('andere doeleinden dan de uitvoering van de Wet inburgering is niet toegestaan');

    const token = await isiSessie(omgeving.isiUrl);
    const { body } = await isi<Bestand[]>(omgeving.isiUrl, token, 'GET', '/api/v1/gemeenten/0014/bestanden');
    expect(body.map((b) => b.bestandsnaam)).toContain('isi_pvt.zip');
    const rijen = page.getByTestId('bestand-rij');
    await expect(rijen).toHaveCount(body.length);
    for (const [i, b] of body.entries()) {
      await expect(rijen.nth(i).locator('td')).toHaveText([b.omschrijving, toon(b.datum), b.bestandsnaam]);
    }
    await controleerToegankelijkheid(page, 'downloaden-bestanden');
    await page.evaluate('window.scrollTo(0, 0)');
    await schermafdruk(page, '22-downloaden-bestanden');
  });

  test('R-DL-1: clicking a file name saves the zip in Downloads; inside, the CSV names the gemeentecode', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-muteren');
    await kiesGemeente(page, 'Groningen');
    await openOnderdeel(page, '17. Downloaden bestanden');
    await page.getByRole('button', { name: 'isi_pvt.zip', exact: true }).click();
    await expect(page.getByTestId('download-gelukt')).toBeVisible();
    const pad = (await page.getByTestId('download-pad').textContent())!.trim();
    expect(pad.startsWith(omgeving.downloads)).toBe(true);
    const inhoud = readFileSync(pad);
    expect(inhoud.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const zip = await JSZip.loadAsync(inhoud);
    const namen = Object.keys(zip.files);
    const csv = namen.find((n) => n.startsWith('isi_pvt_0014_') && n.endsWith('.csv'));
    expect(csv, namen.join(', ')).toBeDefined();
    const tekst = await zip.file(csv!)!.async('string');
    expect(tekst.replace(/^\uFEFF/, '').startsWith('BSN;Voornamen;Voorvoegsels;Achternaam;')).toBe(true);
    await controleerToegankelijkheid(page, 'downloaden-bestanden-gelukt');
  });

  test('R-ROL-2: demo-raadplegen downloads files too', async ({ page, inloggen, omgeving }) => {
    await inloggen('demo-raadplegen');
    await openOnderdeel(page, '17. Downloaden bestanden');
    await expect(page.getByTestId('bestand-rij').first()).toBeVisible();
    // The file name itself (beside it: "openen in Excel").
    await page.getByTestId('bestand-rij').last().getByRole('button', { name: /\.zip$/ }).click();
    await expect(page.getByTestId('download-gelukt')).toBeVisible();
    const pad = (await page.getByTestId('download-pad').textContent())!.trim();
    expect(pad.startsWith(omgeving.downloads)).toBe(true);
    expect(readFileSync(pad).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
