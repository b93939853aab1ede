import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { ConfigFout } from '../config';
import { maakDiensten } from '../diensten';
import { IsiClient } from '../isi/client';
import { bewaakOuder, ouderPid } from '../ouderbewaking';
import { electronPlatform } from '../platform/electron';
import { leesPolicy } from '../policy/beleid';
import type { Policy } from '../policy/sleutels';
import { maakKluis } from '../vault/kluis';
import { beveiligSessie, beveiligVenster, maakProtocolHandler, registreerIpc } from './beveiliging';
import { APP_ORIGIN, APP_SCHEME, vensterOpties } from './venster';

// The Electron entry: only wiring. What it wires is in beveiliging.ts and venster.ts, where the
// unit tests check it against a mocked Electron (the binary cannot be installed everywhere).

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const isiUrl = process.env.PIB_ISI_URL;
if (!isiUrl) {
  process.stderr.write('PIB_ISI_URL ontbreekt: start de app met npm start.\n');
  app.exit(2);
}

// Read before anything starts: a policy IT got wrong stops the app rather than being half applied.
let policy: Policy | null = null;
try {
  policy = leesPolicy(app.getPath('userData'));
} catch (fout) {
  if (!(fout instanceof ConfigFout)) throw fout;
  dialog.showErrorBox('Portal Inburgering kan niet starten', fout.message);
  app.exit(2);
}

app.enableSandbox();
app.on('web-contents-created', (_e, wc) => beveiligVenster(wc));

const ouder = ouderPid();
if (ouder !== null) bewaakOuder(ouder, () => app.quit());

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, maakProtocolHandler(join(__dirname, '..', 'renderer')));
  beveiligSessie(session.defaultSession);
  const platform = electronPlatform({ zwakkeSleutelopslagToestaan: policy!.zwakkeSleutelopslagToestaan });
  const kluis = maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() });
  registreerIpc(ipcMain, maakDiensten({ isi: new IsiClient(isiUrl!), platform, policy: policy!, kluis, info: { versie: app.getVersion(), modus: 'electron', demo: process.env.PIB_DEMO === '1' } }));

  const venster = new BrowserWindow(vensterOpties(join(__dirname, '..', 'preload', 'preload.cjs')));
  venster.once('ready-to-show', () => venster.show());
  void venster.loadURL(`${APP_ORIGIN}/`);
});

app.on('window-all-closed', () => app.quit());
