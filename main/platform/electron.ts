import { app, shell } from 'electron';
import type { Platform } from './platform';

/** The desktop app's platform: the OS's own folders and default applications. */
export function electronPlatform(): Platform {
  return {
    naam: 'electron',
    downloadMap: () => app.getPath('downloads'),
    dataMap: () => app.getPath('userData'),
    openPad: async (pad) => {
      const fout = await shell.openPath(pad);
      if (fout) throw new Error(fout);
    },
  };
}
