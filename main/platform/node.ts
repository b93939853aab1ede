import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Geheimen, Platform } from './platform';

/** Plain Node (browser mode, tests): folders from the environment or the home folder. */
export function nodePlatform(opties: { downloadMap?: string; dataMap?: string } = {}): Platform {
  const download = opties.downloadMap ?? process.env.PIB_DOWNLOADS ?? join(homedir(), 'Downloads');
  const data = opties.dataMap ?? process.env.PIB_DATA ?? join(homedir(), '.portal-inburgering');
  const dataMap = () => (mkdirSync(data, { recursive: true }), data);
  return {
    naam: 'node',
    downloadMap: () => (mkdirSync(download, { recursive: true }), download),
    dataMap,
    openPad: (pad) => openMetStandaardprogramma(pad),
    geheimen: ontwikkelGeheimen(dataMap),
  };
}

/** How long an opener may take to say it failed; one still running then runs the application itself. */
const OPENEN_WACHT_MS = 1_500;

/**
 * Opens a file as a double click would, and throws when that did not work (no opener, no
 * application for the file, no desktop), as Electron's `shell.openPath` does. `open` and
 * `xdg-open` exit 0 once they handed the file over; `xdg-open` on a bare desktop may run the
 * application in the foreground instead, so an opener still running after a moment counts as
 * opened. `explorer` exits 1 even when it opened the file: there, starting it is all one can know.
 */
function openMetStandaardprogramma(pad: string): Promise<void> {
  const systeem = process.platform;
  const opener = systeem === 'win32' ? 'explorer' : systeem === 'darwin' ? 'open' : 'xdg-open';
  return new Promise((klaar, faal) => {
    const p = spawn(opener, [pad], { stdio: 'ignore', detached: true });
    const wacht = setTimeout(() => {
      p.unref();
      klaar();
    }, OPENEN_WACHT_MS);
    p.on('error', (fout) => {
      clearTimeout(wacht);
      faal(fout);
    });
    p.on('exit', (code) => {
      clearTimeout(wacht);
      if (code === 0 || systeem === 'win32') klaar();
      else faal(new Error(`${opener} kon '${pad}' niet openen (code ${code}).`));
    });
  });
}

export const ONTWIKKELSLEUTEL_BESTAND = 'sleutelopslag.alleen-ontwikkeling.json';

/**
 * Plain Node has no OS key store to ask. Browser mode and the tests still need the vault, so the
 * wrapping key lies in a file beside what it wraps, and says so: it keeps nothing from anyone
 * who can read the data folder. The desktop app never uses this (main/platform/electron.ts).
 */
export function ontwikkelGeheimen(dataMap: () => string): Geheimen {
  function hoofdsleutel(): Buffer {
    const pad = join(dataMap(), ONTWIKKELSLEUTEL_BESTAND);
    if (existsSync(pad)) return Buffer.from((JSON.parse(readFileSync(pad, 'utf8')) as { sleutel: string }).sleutel, 'base64');
    const sleutel = randomBytes(32);
    const inhoud = {
      'let op': 'Alleen voor ontwikkeling en tests (browsermodus). Deze sleutel staat onbeschermd naast de cachesleutels die hij versleutelt en beschermt ze dus tegen niemand. De desktopapp gebruikt de sleutelopslag van het besturingssysteem.',
      sleutel: sleutel.toString('base64'),
    };
    // 'wx': two processes starting at once keep the first one's key, never overwrite it.
    try {
      writeFileSync(pad, `${JSON.stringify(inhoud, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    } catch (fout) {
      if ((fout as NodeJS.ErrnoException).code === 'EEXIST') return hoofdsleutel();
      throw fout;
    }
    return sleutel;
  }
  return {
    backend: () => 'alleen-ontwikkeling',
    bezwaar: async () => null,
    versleutel: async (data) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', hoofdsleutel(), iv);
      const tekst = Buffer.concat([cipher.update(data), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), tekst]);
    },
    ontsleutel: async (data) => {
      const decipher = createDecipheriv('aes-256-gcm', hoofdsleutel(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}
