import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Platform } from './platform';

/** Plain Node (browser mode, tests): folders from the environment or the home folder. */
export function nodePlatform(opties: { downloadMap?: string; dataMap?: string } = {}): Platform {
  const download = opties.downloadMap ?? process.env.PIB_DOWNLOADS ?? join(homedir(), 'Downloads');
  const data = opties.dataMap ?? process.env.PIB_DATA ?? join(homedir(), '.portal-inburgering');
  return {
    naam: 'node',
    downloadMap: () => (mkdirSync(download, { recursive: true }), download),
    dataMap: () => (mkdirSync(data, { recursive: true }), data),
    openPad: async (pad) => {
      const opener = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
      await new Promise<void>((klaar) => {
        const p = spawn(opener, [pad], { stdio: 'ignore', detached: true });
        p.on('error', () => klaar());
        p.on('spawn', () => {
          p.unref();
          klaar();
        });
      });
    },
  };
}
