import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { controleerToegankelijkheid, schermafdruk, startProces } from './omgeving';

// Issue #11: the Instellingen screen of a machine where the organisation manages some settings
// (PIB_BELEID, the same reader as the registry, profiles and /etc) and the user set one of their own.
let host: ChildProcess;
let appUrl: string;
let data: string;
let beleid: string;

test.beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'pib-data-'));
  beleid = join(mkdtempSync(join(tmpdir(), 'pib-beleid-')), 'beleid.json');
  // isiUrl is machine-only: the organisation's address wins over --isi (what npm start would pass).
  writeFileSync(beleid, JSON.stringify({ isiUrl: 'http://127.0.0.1:9', vergrendelNaMinuten: 10, cacheBijUitloggen: 'wissen', updateModus: 'melden', updateUrl: 'https://updates.gemeente.example/pib/', inhoudBeschermen: true }));
  writeFileSync(join(data, 'config.json'), JSON.stringify({ syncIntervalMinuten: 15 }));
  const gestart = await startProces(['main/host/cli.ts', '--isi', 'http://127.0.0.1:8', '--port', '0'], /Browsermodus: open (http:\/\/\S+)/, {
    PIB_DATA: data, PIB_BELEID: beleid, PIB_DOWNLOADS: mkdtempSync(join(tmpdir(), 'pib-downloads-')),
  });
  host = gestart.proces;
  appUrl = gestart.url;
});

test.afterAll(() => {
  host.kill();
});

test('Instellingen: managed settings locked with their source, the user\'s own editable and saved to config.json, by keyboard', async ({ page }) => {
  // Two axe scans of a long page and three saves: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  // Reachable before login, from every screen, by keyboard.
  await page.getByTestId('naar-instellingen').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Instellingen', level: 1 })).toBeVisible();

  await expect(page.getByTestId('isi-adres')).toHaveText('http://127.0.0.1:9');
  await expect(page.getByTestId('herkomst-isiUrl')).toHaveText(`Beheerd door uw organisatie (${beleid})`);
  await expect(page.getByTestId('instelling-isiUrl').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByTestId('versie')).toContainText('browsermodus');
  await expect(page.getByTestId('update-stand')).toContainText('Niet beschikbaar');

  const beheerd = page.getByTestId('instelling-vergrendelNaMinuten');
  await expect(beheerd).toHaveAttribute('data-herkomst', 'organisatie');
  await expect(page.getByTestId('herkomst-vergrendelNaMinuten')).toHaveText(`Beheerd door uw organisatie (${beleid})`);
  await expect(page.getByTestId('waarde-vergrendelNaMinuten')).toHaveText('Waarde: 10');
  await expect(beheerd.getByRole('textbox')).toHaveCount(0);
  await expect(beheerd.getByRole('spinbutton')).toHaveCount(0);
  await expect(page.getByTestId('waarde-cacheBijUitloggen')).toHaveText('Waarde: Wissen');
  await expect(page.getByTestId('waarde-inhoudBeschermen')).toHaveText('Waarde: Aan');
  // A machine-only key at its default: shown, not editable, not managed.
  await expect(page.getByTestId('herkomst-devtoolsToestaan')).toHaveText('Standaardwaarde');
  await expect(page.getByTestId('waarde-devtoolsToestaan')).toHaveText('Waarde: Uit');

  await expect(page.getByTestId('herkomst-syncIntervalMinuten')).toHaveText('Door u ingesteld');
  await expect(page.getByTestId('herkomst-wissenNaDagenZonderSync')).toHaveText('Standaardwaarde');
  await controleerToegankelijkheid(page, 'Instellingen');

  // A wrong value is refused at its field, and what was typed stays.
  const veld = page.getByTestId('veld-syncIntervalMinuten').getByRole('spinbutton');
  await expect(veld).toHaveValue('15');
  await veld.focus();
  await veld.fill('0');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('veld-syncIntervalMinuten')).toContainText('Synchroniseren elke minuten: moet een geheel getal van 1 tot en met 1440 zijn. De instelling is niet opgeslagen.');
  await expect(veld).toHaveValue('0');
  expect(JSON.parse(readFileSync(join(data, 'config.json'), 'utf8'))).toEqual({ syncIntervalMinuten: 15 });
  await controleerToegankelijkheid(page, 'Instellingen met een fout');

  await veld.fill('30');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('herstart-nodig')).toBeVisible();
  expect(JSON.parse(readFileSync(join(data, 'config.json'), 'utf8'))).toEqual({ syncIntervalMinuten: 30 });

  // A user key not yet set, saved by keyboard too.
  const wissen = page.getByTestId('veld-wissenNaDagenZonderSync').getByRole('spinbutton');
  await wissen.focus();
  await wissen.fill('7');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('herkomst-wissenNaDagenZonderSync')).toHaveText('Door u ingesteld');
  expect(JSON.parse(readFileSync(join(data, 'config.json'), 'utf8'))).toEqual({ syncIntervalMinuten: 30, wissenNaDagenZonderSync: 7 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await schermafdruk(page, 'instellingen');
});
