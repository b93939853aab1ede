import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { kanalen } from '../../shared/ipc';
import { startProces, VANDAAG } from './omgeving';

const ROOT = join(import.meta.dirname, '..', '..');

/** The binary the electron package installs; absent where it could not be downloaded. */
function electronBinary(): string | null {
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const binaryExists = binary !== null;

// What a sandboxed preload may require (Electron's "Process Sandboxing"); anything else throws
// there and the page would get no window.pib at all.
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

test('the built preload requires nothing a sandboxed preload cannot', () => {
  const preload = readFileSync(join(ROOT, 'out', 'preload', 'preload.cjs'), 'utf8');
  const vereist = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  expect(vereist).toContain('electron');
  expect(vereist.filter((m) => !SANDBOX_MODULES.has(m))).toEqual([]);
});

test.describe('Electron', () => {
  test.skip(!binaryExists, 'Electron-binary ontbreekt op deze machine (kan hier niet worden gedownload); de Electron-rooktest draait alleen waar Electron is geïnstalleerd. De renderer wordt getest in Chromium via de browsermodus.');

  test('the app starts on the login screen with exactly the contract as window.pib and no Node in the page', async () => {
    const server = await startProces(['server/cli.ts', '--demo', '--db', ':memory:', '--port', '0', '--vandaag', VANDAAG, '--stil'], /luistert op (http:\/\/\S+)/);
    // As npm start runs it: the project folder, whose package.json names out/main/main.js.
    const app = await electron.launch({ executablePath: binary!, args: [ROOT], cwd: ROOT, env: { ...process.env, PIB_ISI_URL: server.url, PIB_DEMO: '1' } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
      expect(page.url()).toMatch(/^pib:\/\/app\//);
      // The page's globals, typed loosely: this tree type-checks without the DOM library.
      const blootgesteld = await page.evaluate(() => {
        const pib = (globalThis as unknown as { pib: Record<string, Record<string, unknown>> }).pib;
        return Object.entries(pib).flatMap(([domein, calls]) => Object.keys(calls).map((call) => `${domein}.${call}`));
      });
      expect(blootgesteld.sort()).toEqual([...kanalen()].sort());
      expect(await page.evaluate(() => ['require', 'process', 'module', 'Buffer'].map((naam) => typeof (globalThis as Record<string, unknown>)[naam]))).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
      const info = await page.evaluate(() => (globalThis as unknown as { pib: { app: { info: (a: object) => Promise<unknown> } } }).pib.app.info({}));
      expect(info).toMatchObject({ ok: true, waarde: { modus: 'electron', isiUrl: server.url, demo: true } });
    } finally {
      await app.close();
      server.proces.kill();
    }
  });
});
