// `npm run bench` (second part): the offline cache in the real renderer, in Chromium, against the
// plain-Node host and the reference server. For the demo caseload and for `--personen N` (default
// 100,000 per gemeente): full sync, incremental sync of 1,000 changes, local search and person
// open. Prints a table; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, selectors, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { totpCode } from '../server/auth/totp';
import { maakIsi } from '../server/start';

// As in playwright.config.ts: the app marks its elements with data-test.
selectors.setTestIdAttribute('data-test');
const { values } = parseArgs({ options: { personen: { type: 'string', default: '100000' }, 'alleen-groot': { type: 'boolean', default: false } } });

function startHost(isiUrl: string, map: string): Promise<{ proces: ChildProcess; url: string }> {
  return new Promise((klaar, faal) => {
    const proces = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', '--isi', isiUrl, '--port', '0', '--demo'], {
      env: { ...process.env, PIB_DATA: join(map, 'data'), PIB_DOWNLOADS: join(map, 'downloads') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let uit = '';
    proces.stdout!.on('data', (d) => {
      uit += String(d);
      const m = /Browsermodus: open (http:\/\/\S+)/.exec(uit);
      if (m) klaar({ proces, url: m[1]! });
    });
    proces.on('exit', (code) => faal(new Error(`host stopte (${code})`)));
  });
}

/** Waits until no sync runs and the data carry a (new) time: the app's own machine-readable state. */
async function syncKlaar(page: Page, naLaatste = ''): Promise<void> {
  const balk = page.getByTestId('cachebalk');
  for (;;) {
    const lopend = await balk.getAttribute('data-sync-lopend').catch(() => null);
    const laatste = (await balk.getAttribute('data-laatste-sync').catch(() => null)) ?? '';
    if (lopend === '0' && laatste !== '' && laatste !== naLaatste && (await page.getByTestId('sync-voortgang').count()) === 0) return;
    await page.waitForTimeout(100);
  }
}

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

async function meetSerie(naam: string, n: number, stap: () => Promise<void>): Promise<string> {
  const tijden: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await stap();
    tijden.push(performance.now() - t);
  }
  tijden.sort((a, b) => a - b);
  const r = `${naam.padEnd(56)} mediaan ${tijden[Math.floor(n / 2)]!.toFixed(0).padStart(6)} ms   max ${tijden[n - 1]!.toFixed(0).padStart(6)} ms`;
  console.log(r);
  return r;
}

async function bench(personen: number | undefined): Promise<void> {
  const map = mkdtempSync(join(tmpdir(), 'pib-bench-cache-'));
  const isi = await maakIsi({ db: join(map, 'isi.db'), demo: true, vandaag: '2025-03-01', ...(personen ? { personen } : {}), verzoekenPerMinuut: 10_000_000 });
  const isiUrl = await isi.app.listen({ host: '127.0.0.1', port: 0 });
  const host = await startHost(isiUrl, map);
  const aantal = (gc: string) => (isi.db.prepare("SELECT count(*) AS n FROM persoon_gemeenten pg JOIN personen p ON p.nr = pg.persoon_nr WHERE pg.gemeentecode = ? AND p.wet = 'WI2013' AND p.uitgeschreven = 0").get(gc) as { n: number }).n;
  const signalen = (isi.db.prepare('SELECT count(*) AS n FROM signalen').get() as { n: number }).n;
  console.log(`\n== ${personen ? `--personen ${personen}` : 'demo'}: in de PIB 0014 ${aantal('0014')}, 0034 ${aantal('0034')}; signalen ${signalen}`);

  const browser = await chromium.launch({ executablePath: process.env.PIB_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  try {
    await page.goto(host.url);
    await page.getByLabel('Gebruikersnaam').fill('demo-muteren');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByLabel('Verificatiecode').fill(totpCode('JBSWY3DPEHPK3PXP'));
    let t = performance.now();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await syncKlaar(page);
    console.log(`${'volledige synchronisatie (beide gemeenten), na inloggen'.padEnd(56)} ${ms(t)}`);
    // The changes and searches below are in Groningen.
    await page.getByTestId('gekozen-gemeente').click();
    await page.getByRole('option', { name: 'Groningen' }).click();

    // 1,000 changes at ISI (MB right toggled), then "Nu bijwerken".
    const { token } = (await (await fetch(`${isiUrl}/api/v1/sessies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: totpCode('JBSWY3DPEHPK3PXP') }) })).json()) as { token: string };
    const bsns = (isi.db.prepare("SELECT p.bsn FROM persoon_gemeenten pg JOIN personen p ON p.nr = pg.persoon_nr WHERE pg.gemeentecode = '0014' AND p.wet = 'WI2013' AND p.uitgeschreven = 0 LIMIT 1000").all() as { bsn: string }[]).map((r) => r.bsn);
    for (const bsn of bsns) {
      await fetch(`${isiUrl}/api/v1/simulatie/gebeurtenissen`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'MB_RECHT_GEWIJZIGD', bsn }) });
    }
    const vorige = (await page.getByTestId('cachebalk').getAttribute('data-laatste-sync')) ?? '';
    await page.waitForTimeout(1_100);
    t = performance.now();
    await page.getByTestId('nu-bijwerken').click();
    await syncKlaar(page, vorige);
    console.log(`${`incrementele synchronisatie van ${bsns.length} wijzigingen (Nu bijwerken)`.padEnd(56)} ${ms(t)}`);

    await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
    const eenBsn = bsns[500]!;
    await meetSerie('zoeken op BSN tot het scherm van de persoon', 10, async () => {
      await page.getByRole('link', { name: 'Portal Inburgering' }).click();
      await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
      await page.getByLabel('Burgerservicenummer').fill(eenBsn);
      await page.getByTestId('zoek-bsn').click();
      await page.getByRole('heading', { level: 1, name: 'Persoon' }).waitFor();
    });
    await meetSerie('zoeken PVT-plichtig = Ja tot de lijst (sortering BSN)', 5, async () => {
      await page.getByRole('link', { name: 'Portal Inburgering' }).click();
      await page.getByRole('link', { name: '09. Raadplegen en muteren persoon 2013' }).click();
      await page.getByRole('tab', { name: 'Zoeken met overige velden' }).click();
      await page.getByTestId('criterium-pvtPlichtig').getByLabel('Ja').check();
      await page.getByTestId('zoek-overig').click();
      await page.getByTestId('rij').first().waitFor();
    });
    await meetSerie('sorteren op achternaam (heen en terug)', 4, async () => {
      const eerste = await page.getByTestId('cel-bsn').first().innerText();
      await page.getByTestId('sorteer-achternaam').click();
      while ((await page.getByTestId('cel-bsn').first().innerText()) === eerste) await page.waitForTimeout(20);
    });
    await meetSerie('persoon openen uit de lijst', 10, async () => {
      await page.getByTestId('bsn-link').nth(3).click();
      await page.getByRole('heading', { level: 1, name: 'Persoon' }).waitFor();
      await page.getByTestId('terug').click();
      await page.getByTestId('rij').first().waitFor();
    });
  } finally {
    await browser.close();
    host.proces.kill();
    await isi.app.close();
  }
}

if (!values['alleen-groot']) await bench(undefined);
await bench(Number(values.personen));
