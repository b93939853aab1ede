import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { ConfigFout } from '../config';
import { maakDiensten } from '../diensten';
import { IsiClient } from '../isi/client';
import { type Logboek, logboekVolgensBeleid, maakLogboek, zetLogboek } from '../log/logboek';
import { bewaakOuder, ouderPid } from '../ouderbewaking';
import { electronPlatform } from '../platform/electron';
import { type GelezenBeleid, leesBeleid } from '../policy/beleid';
import { kiesIsiUrl } from '../policy/isiadres';
import { isiVerbinding } from '../policy/netwerk';
import { maakBijwerker } from '../update/bijwerker';
import { maakKluis } from '../vault/kluis';
import { registreerIpc } from '../ipc/registreer';
import { beveiligSessie, beveiligVenster, maakProtocolHandler } from './beveiliging';
import { APP_ORIGIN, APP_SCHEME, devtoolsToegestaan, pasVensterbeleidToe, vensterOpties } from './venster';

// The Electron entry: only wiring. What it wires is in beveiliging.ts, venster.ts and main/policy,
// where the unit tests check it (the Electron binary cannot be installed everywhere).

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const MELDING_START_MISLUKT = 'Er ging iets mis bij het starten van Portal Inburgering. Start de app opnieuw; lukt het dan nog niet, neem dan contact op met uw beheerder en noem het tijdstip (de oorzaak staat in het logbestand).';

/** Stops before anything starts: a policy IT got wrong stops the app rather than being half applied. */
function stop(fout: ConfigFout, log: Logboek): never {
  log.error({ bron: 'beleid' }, fout.message);
  dialog.showErrorBox('Portal Inburgering kan niet starten', fout.message);
  app.exit(2);
  process.exit(2);
}

const dataMap = app.getPath('userData');
let gelezen: GelezenBeleid;
let isi: { isiUrl: string; demo: boolean };
let log: Logboek;
try {
  gelezen = leesBeleid(dataMap);
  log = logboekVolgensBeleid(gelezen.policy, app.getPath('logs'));
  isi = kiesIsiUrl(gelezen, { env: process.env, verpakt: app.isPackaged });
} catch (fout) {
  if (!(fout instanceof ConfigFout)) throw fout;
  stop(fout, maakLogboek({ map: app.getPath('logs'), niveau: 'fout' }));
}
const policy = gelezen.policy;
zetLogboek(log);
log.info({ versie: app.getVersion(), isiUrl: isi.isiUrl, herkomst: gelezen.herkomst }, 'gestart');

app.enableSandbox();
app.on('web-contents-created', (_e, wc) => beveiligVenster(wc));

const ouder = ouderPid();
if (ouder !== null) bewaakOuder(ouder, () => app.quit());

app.whenReady().then(async () => {
  protocol.handle(APP_SCHEME, maakProtocolHandler(join(__dirname, '..', 'renderer')));
  beveiligSessie(session.defaultSession);
  const verbinding = await isiVerbinding(policy, isi.isiUrl, { systeemProxy: (url) => session.defaultSession.resolveProxy(url) });
  log.info({ proxy: verbinding.proxy, extraCa: Boolean(policy.extraCaCertificaten) }, 'verbinding met ISI');
  // The one window, made below once main's services are registered; "Opslaan als PDF" prints it.
  let venster: BrowserWindow | null = null;
  const platform = electronPlatform({ zwakkeSleutelopslagToestaan: policy.zwakkeSleutelopslagToestaan, venster: () => venster?.webContents ?? null });
  const kluis = maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() });
  // Retention before anyone logs in: the keys of caches not synced for N days go (issue 12, finding 7).
  log.info({ vernietigd: await kluis.ruimOp(policy.wissenNaDagenZonderSync), dagen: policy.wissenNaDagenZonderSync }, 'bewaartermijn cachesleutels');
  // electron-updater is loaded only where it can work: an installed app whose policy turns updates on.
  const updater = policy.updateModus !== 'uit' && app.isPackaged ? (await import('electron-updater')).autoUpdater : null;
  const bijwerker = maakBijwerker({ modus: policy.updateModus, updateUrl: policy.updateUrl, versie: app.getVersion(), updater, log });
  registreerIpc(ipcMain, maakDiensten({
    isi: new IsiClient(isi.isiUrl, { httpsAgent: verbinding.httpsAgent }), platform, policy, kluis,
    info: { versie: app.getVersion(), modus: 'electron', demo: isi.demo },
    update: bijwerker.stand, bezigheid: bijwerker.bezigheid,
  }));
  void bijwerker.zoek();

  const hoofdvenster = new BrowserWindow(vensterOpties(join(__dirname, '..', 'preload', 'preload.cjs'), { devtools: devtoolsToegestaan(policy, { verpakt: app.isPackaged }) }));
  venster = hoofdvenster;
  pasVensterbeleidToe(hoofdvenster, policy);
  hoofdvenster.once('ready-to-show', () => hoofdvenster.show());
  void hoofdvenster.loadURL(`${APP_ORIGIN}/`);
}).catch((fout: unknown) => {
  // The cause with its stack in the log (masked there); the dialog says what to do, not the internals.
  log.fatal({ err: fout }, 'de app kon niet starten');
  dialog.showErrorBox('Portal Inburgering kan niet starten', MELDING_START_MISLUKT);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
