import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { shell, type IpcMain, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { kanalen, type Uitkomst } from '../../shared/ipc';
import type { Diensten } from '../diensten';
import { metNonce, rendererCsp } from '../csp';
import { verwerkAanroep } from '../ipc/verwerker';
import { isEigenUrl } from './venster';
import { probleem } from '../../shared/probleem';

const SOORTEN: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json',
};

/** The one page of DUO's site the app links to (the handbook, contact); it opens in the user's browser. */
const DUO_SITE = 'https://duo.nl/';

export const AFZENDER_GEWEIGERD: Uitkomst<never> = {
  ok: false,
  probleem: probleem({ status: 403, code: 'AFZENDER_GEWEIGERD', title: 'Geweigerd', detail: 'Deze aanroep komt niet van de applicatie zelf en is geweigerd.' }),
};

/** The app asks for no device, location, notification or clipboard permission: every request is refused. */
export function beveiligSessie(sessie: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  sessie.setPermissionRequestHandler((_wc, _permissie, antwoord) => antwoord(false));
  sessie.setPermissionCheckHandler(() => false);
}

/**
 * Every web contents of the app stays on the app's own pages: no navigation or redirect away, no
 * webview, no new window. DUO's public site opens in the user's own browser, nothing else does.
 */
export function beveiligVenster(wc: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  wc.on('will-navigate', (e, url) => {
    if (!isEigenUrl(url)) e.preventDefault();
  });
  wc.on('will-redirect', (e, url) => {
    if (!isEigenUrl(url)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (url.startsWith(DUO_SITE)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * One handler per call of the contract. Only the app's own top frame may call main: a subframe,
 * another origin or a frame that is already gone gets a typed refusal and the service is never run.
 */
export function registreerIpc(ipcMain: Pick<IpcMain, 'handle'>, diensten: Diensten): void {
  for (const naam of kanalen()) {
    ipcMain.handle(naam, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, args: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isEigenUrl(frame.url)) return AFZENDER_GEWEIGERD;
      return verwerkAanroep(diensten, naam, args);
    });
  }
}

/**
 * The app's pages come from its own files through its own scheme, never from a remote URL. Every
 * route is the one page, served with a fresh nonce for Vuetify's style sheet; a file outside the
 * renderer folder is never served, whatever the path spells.
 */
export function maakProtocolHandler(rendererMap: string): (verzoek: { url: string }) => Response {
  const map = resolve(rendererMap);
  const niet = (status: number) => new Response('Niet gevonden', { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return (verzoek) => {
    let pad: string;
    try {
      pad = decodeURIComponent(new URL(verzoek.url).pathname);
    } catch {
      return niet(400);
    }
    const bestand = normalize(join(map, pad));
    if (bestand.startsWith(map + sep) && extname(bestand) !== '.html' && existsSync(bestand) && statSync(bestand).isFile()) {
      return new Response(readFileSync(bestand), { headers: { 'Content-Type': SOORTEN[extname(bestand)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' } });
    }
    if (extname(pad) !== '' && pad !== '/index.html') return niet(404);
    const nonce = randomBytes(16).toString('base64');
    return new Response(metNonce(readFileSync(join(map, 'index.html'), 'utf8'), nonce), {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': rendererCsp(nonce) },
    });
  };
}
