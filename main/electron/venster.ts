import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Policy } from '../../shared/beleid';

export const APP_SCHEME = 'pib';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * Whether the window's DevTools may open: where the organisation allows it (`devtoolsToestaan`),
 * and in a development build also with `PIB_DEVTOOLS=1`; never by the environment in an installed app.
 */
export function devtoolsToegestaan(p: Pick<Policy, 'devtoolsToestaan'>, opties: { verpakt: boolean; env?: NodeJS.ProcessEnv }): boolean {
  return p.devtoolsToestaan || (!opties.verpakt && (opties.env ?? process.env).PIB_DEVTOOLS === '1');
}

/** What the policy asks of the window itself: `inhoudBeschermen` keeps it out of screenshots and recordings. */
export function pasVensterbeleidToe(venster: Pick<BrowserWindow, 'setContentProtection'>, p: Pick<Policy, 'inhoudBeschermen'>): void {
  if (p.inhoudBeschermen) venster.setContentProtection(true);
}

/** Electron's security checklist as window options: isolated, sandboxed, no Node in the page. */
export function vensterOpties(preloadPad: string, opties: { devtools: boolean } = { devtools: false }): BrowserWindowConstructorOptions {
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
      devTools: opties.devtools,
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
