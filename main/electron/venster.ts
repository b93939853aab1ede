import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'pib';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Electron's security checklist as window options: isolated, sandboxed, no Node in the page. */
export function vensterOpties(preloadPad: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Portal Inburgering',
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPad,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.PIB_DEVTOOLS === '1',
    },
  };
}

/** Only the app's own pages: every other URL is neither navigated to nor opened. */
export function isEigenUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
