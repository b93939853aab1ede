import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { kanalen } from '../../shared/ipc';
import { maakDiensten } from '../diensten';
import { metNonce, rendererCsp } from '../csp';
import { verwerkAanroep } from '../ipc/verwerker';
import { IsiClient } from '../isi/client';
import { electronPlatform } from '../platform/electron';
import { APP_ORIGIN, APP_SCHEME, isEigenUrl, vensterOpties } from './venster';

const SOORTEN: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const isiUrl = process.env.PIB_ISI_URL;
if (!isiUrl) {
  process.stderr.write('PIB_ISI_URL ontbreekt: start de app met npm start.\n');
  app.exit(2);
}

app.enableSandbox();

app.whenReady().then(() => {
  const rendererMap = join(__dirname, '..', 'renderer');
  // The app's pages come from its own files through its own scheme, never from a remote URL.
  protocol.handle(APP_SCHEME, (verzoek) => {
    const pad = decodeURIComponent(new URL(verzoek.url).pathname);
    const bestand = normalize(join(rendererMap, pad));
    if (bestand.startsWith(rendererMap + sep) && existsSync(bestand) && extname(bestand) !== '.html') {
      return new Response(readFileSync(bestand), { headers: { 'Content-Type': SOORTEN[extname(bestand)] ?? 'application/octet-stream' } });
    }
    const nonce = randomBytes(16).toString('base64');
    return new Response(metNonce(readFileSync(join(rendererMap, 'index.html'), 'utf8'), nonce), {
      headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': rendererCsp(nonce) },
    });
  });

  session.defaultSession.setPermissionRequestHandler((_wc, _permissie, antwoord) => antwoord(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const diensten = maakDiensten({ isi: new IsiClient(isiUrl!), platform: electronPlatform(), info: { versie: app.getVersion(), modus: 'electron', demo: process.env.PIB_DEMO === '1' } });
  for (const naam of kanalen()) {
    ipcMain.handle(naam, (event, args) => {
      // Only the app's own top frame may call main.
      if (!event.senderFrame || event.senderFrame.parent !== null || !isEigenUrl(event.senderFrame.url)) {
        return { ok: false, probleem: { type: 'urn:pib:probleem:geweigerd', title: 'Geweigerd', status: 403, code: 'AFZENDER_GEWEIGERD', detail: 'Deze aanroep komt niet van de applicatie zelf.' } };
      }
      return verwerkAanroep(diensten, naam, args);
    });
  }

  const venster = new BrowserWindow(vensterOpties(join(__dirname, '..', 'preload', 'preload.cjs')));
  venster.webContents.on('will-navigate', (e, url) => {
    if (!isEigenUrl(url)) e.preventDefault();
  });
  venster.webContents.on('will-redirect', (e, url) => {
    if (!isEigenUrl(url)) e.preventDefault();
  });
  venster.webContents.on('will-attach-webview', (e) => e.preventDefault());
  venster.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://duo.nl/')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  venster.once('ready-to-show', () => venster.show());
  void venster.loadURL(`${APP_ORIGIN}/`);
});

app.on('window-all-closed', () => app.quit());
