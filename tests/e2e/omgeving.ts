import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as basis, expect, type Page } from '@playwright/test';
import { leesStartUrl } from '../../main/host/startbestand';
import { volgendeTotpCode } from '../helpers/totp';
import { isiKlok } from './isi-klok';

export const VANDAAG = '2025-03-01';

/** Starts a Node program of the project and waits for the line that names its URL. */
export function startProces(args: string[], patroon: RegExp, env: NodeJS.ProcessEnv = {}): Promise<{ proces: ChildProcess; url: string }> {
  return new Promise((klaar, faal) => {
    const proces = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let uit = '';
    const tijd = setTimeout(() => faal(new Error(`Geen start binnen 60 s: ${args.join(' ')}\n${uit}`)), 60_000);
    proces.stdout!.on('data', (d) => {
      uit += String(d);
      const m = patroon.exec(uit);
      if (m) {
        clearTimeout(tijd);
        klaar({ proces, url: m[1]! });
      }
    });
    proces.stderr!.on('data', (d) => (uit += String(d)));
    proces.on('exit', (code) => faal(new Error(`${args.join(' ')} stopte (${code}):\n${uit}`)));
  });
}

export interface Omgeving {
  isiUrl: string;
  /** A link that opens the app once (the host's start file, read anew each time). */
  readonly appUrl: string;
  downloads: string;
}

/**
 * Per worker: a real reference server (demo data, in-memory SQLite, fixed date) and the
 * plain-Node host serving the built renderer, both on free loopback ports, stopped after.
 */
export const test = basis.extend<{ inloggen: (gebruiker: 'demo-muteren' | 'demo-raadplegen') => Promise<void>; uitgelogd: void }, { omgeving: Omgeving }>({
  omgeving: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, gebruik) => {
      const downloads = mkdtempSync(join(tmpdir(), 'pib-downloads-'));
      const server = await startProces(['server/cli.ts', '--demo', '--db', ':memory:', '--port', '0', '--vandaag', VANDAAG, '--stil'], /luistert op (http:\/\/\S+)/);
      const data = mkdtempSync(join(tmpdir(), 'pib-data-'));
      const host = await startProces(['main/host/cli.ts', '--isi', server.url, '--port', '0', '--demo'], /Browsermodus: open (http:\/\/\S+)/, { PIB_DOWNLOADS: downloads, PIB_DATA: data });
      await gebruik({
        isiUrl: server.url, downloads,
        get appUrl() {
          return leesStartUrl(data);
        },
      });
      host.proces.kill();
      server.proces.kill();
    },
    { scope: 'worker' },
  ],
  // Main (here: the host) holds one session for the whole app, as the desktop app does: every test
  // starts logged out.
  uitgelogd: [
    async ({ page, omgeving }, gebruik) => {
      await page.goto(omgeving.appUrl);
      const uit = page.getByRole('button', { name: 'Uitloggen' });
      await expect(uit.or(page.getByRole('heading', { name: 'Inloggen' }))).toBeVisible();
      if (await uit.isVisible()) await logUit(page);
      await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
      await gebruik();
    },
    { auto: true },
  ],
  inloggen: async ({ page, omgeving }, gebruik) => {
    await gebruik((gebruiker) => logIn(page, omgeving.appUrl, gebruiker, omgeving.isiUrl));
  },
});

/** Logs a demo user in through the login screen (with the next TOTP code ISI at `isiUrl` accepts) and waits for the start screen. */
export async function logIn(page: Page, appUrl: string, gebruiker: 'demo-muteren' | 'demo-raadplegen', isiUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Gebruikersnaam').fill(gebruiker);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByLabel('Verificatiecode').fill(await volgendeTotpCode('JBSWY3DPEHPK3PXP', `${isiUrl}|${gebruiker}`, isiKlok(isiUrl)));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inburgering' })).toBeVisible();
}

/**
 * "Uitloggen", and when the app asks what to do with the data on this computer, keep them
 * (or wipe them). Without a cache the app asks nothing.
 */
export async function logUit(page: Page, keuze: 'bewaren' | 'wissen' = 'bewaren'): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  const inloggen = page.getByRole('heading', { name: 'Inloggen' });
  const vraag = page.getByTestId('uitloggen-vraag');
  await expect(inloggen.or(vraag)).toBeVisible();
  if (await vraag.isVisible()) await page.getByTestId(keuze === 'bewaren' ? 'uitloggen-bewaren' : 'uitloggen-wissen').click();
  await expect(inloggen).toBeVisible();
}

/** WCAG 2.1 A/AA with axe-core: no serious or critical finding on the screen as it is now. */
export async function controleerToegankelijkheid(page: Page, scherm: string): Promise<void> {
  // A message fading in is half transparent for a moment: judge the screen once it stands still.
  // (Endless ones, such as a spinner, are not waited for; nor longer than five seconds.)
  await page
    .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const uitkomst = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const ernstig = uitkomst.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(ernstig.map((v) => `${scherm}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A screenshot of a screen for the closing note and the README, under test-results/schermen. */
export async function schermafdruk(page: Page, naam: string): Promise<void> {
  await page.screenshot({ path: `test-results/schermen/${naam}.png`, fullPage: true });
}

export { expect };
