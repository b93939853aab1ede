import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigFout } from '../config';
import { maakDiensten } from '../diensten';
import { IsiClient } from '../isi/client';
import { type Logboek, logboekVolgensBeleid, maakLogboek, zetLogboek } from '../log/logboek';
import { nodePlatform } from '../platform/node';
import { type GelezenBeleid, leesBeleid } from '../policy/beleid';
import { kiesIsiUrl } from '../policy/isiadres';
import { isiVerbinding } from '../policy/netwerk';
import { maakKluis } from '../vault/kluis';
import { eenmaligeDownloads } from './downloads';
import { startHost } from './host';
import { leesPoort, onthoudPoort } from './startbestand';

// Browser mode reads the same configuration as the Electron entry (issue #11): the policy with
// its sources, the log by logNiveau/logMap, ISI's address by kiesIsiUrl, and extraCaCertificaten
// and proxy for main's ISI client. It is never an installed app: an address from the environment
// (PIB_ISI_URL, which npm start sets to the demo server it started) counts unless the
// organisation's policy turns demoServerToestaan off.
const { values } = parseArgs({
  options: {
    // What npm start passes in PIB_ISI_URL and PIB_DEMO, for a developer or a test that starts the host itself.
    isi: { type: 'string' },
    // Without --port: the port of the last run for this data folder (leesPoort), so the origin and
    // with it the browser's IndexedDB cache stay the same between runs.
    port: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    open: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
  },
});
const platform = nodePlatform();
const dataMap = platform.dataMap();
/** Where browser mode logs unless the policy's logMap says otherwise. */
const LOGMAP = join(dataMap, 'logs');
const env = { ...process.env, ...(values.isi ? { PIB_ISI_URL: values.isi } : {}), ...(values.demo ? { PIB_DEMO: '1' } : {}) };

/** Stops before anything starts: a policy IT got wrong stops the host rather than being half applied. */
function stop(fout: ConfigFout, log: Logboek): never {
  log.error({ bron: 'beleid' }, fout.message);
  process.stderr.write(`${fout.message}\n`);
  process.exit(2);
}

let gelezen: GelezenBeleid;
let log: Logboek;
let isi: { isiUrl: string; demo: boolean };
try {
  gelezen = leesBeleid(dataMap);
  log = logboekVolgensBeleid(gelezen.policy, LOGMAP);
  isi = kiesIsiUrl(gelezen, { env, verpakt: false });
} catch (fout) {
  if (!(fout instanceof ConfigFout)) throw fout;
  stop(fout, maakLogboek({ map: LOGMAP, niveau: 'fout' }));
}
const policy = gelezen.policy;
zetLogboek(log);
const versie = process.env.npm_package_version ?? '0.0.0';
log.info({ versie, modus: 'browser', isiUrl: isi.isiUrl, herkomst: gelezen.herkomst }, 'gestart');
let verbinding: Awaited<ReturnType<typeof isiVerbinding>>;
try {
  verbinding = await isiVerbinding(policy, isi.isiUrl);
} catch (fout) {
  stop(new ConfigFout(`De verbinding met ISI kan niet worden ingericht: ${(fout as Error).message}. Controleer extraCaCertificaten en proxy (zie docs/beleid.md).`), log);
}
log.info({ proxy: verbinding.proxy, extraCa: Boolean(policy.extraCaCertificaten) }, 'verbinding met ISI');
const kluis = maakKluis({ geheimen: platform.geheimen, dataMap });
// Retention before anyone logs in: the keys of caches not synced for N days go (issue 12, finding 7).
const vernietigd = await kluis.ruimOp(policy.wissenNaDagenZonderSync);
log.info({ vernietigd, dagen: policy.wissenNaDagenZonderSync }, 'bewaartermijn cachesleutels');
if (vernietigd > 0) process.stderr.write(`${vernietigd} sleutel(s) van lokale gegevens die ${policy.wissenNaDagenZonderSync} dagen niet zijn bijgewerkt, zijn vernietigd.\n`);
process.stderr.write(`Let op: in browsermodus staan de sleutels van de lokale gegevens onbeschermd in de datamap (opslag "${platform.geheimen.backend()}"): alleen voor ontwikkeling en tests.\n`);
// What "Openen in Excel" saves is opened on this machine and offered to the browser as a download too.
const downloads = eenmaligeDownloads();
const diensten = maakDiensten({
  isi: new IsiClient(isi.isiUrl, { httpsAgent: verbinding.httpsAgent }), platform, policy, kluis, aanbieden: downloads.bied,
  info: { versie, modus: 'browser', demo: isi.demo },
});
const vast = values.port !== undefined;
const host = await startHost({
  diensten, rendererMap: resolve(values.renderer), port: vast ? Number(values.port) : (leesPoort(dataMap) ?? 0), poortStrikt: vast, downloads, dataMap,
});
const poort = Number(new URL(host.url).port);
if (host.poortBezet !== null) {
  process.stderr.write(`Poort ${host.poortBezet} (die van de vorige keer) is bezet; de browsermodus gebruikt nu poort ${poort}. De browser bewaart zijn gegevens per adres: wat hij op de oude poort bewaarde, haalt de app opnieuw op bij ISI.\n`);
}
if (!vast) onthoudPoort(dataMap, poort);
// The link goes to this terminal only; the browser is opened on the start file (0600), so the
// secret is never an argument of the opener or the browser, which every local user can read.
process.stdout.write(`Browsermodus: open ${host.toegangsUrl}\n`);
process.stdout.write(`Of open het startbestand ${host.startbestand}. Een link werkt één keer; het startbestand heeft altijd een nieuwe.\n`);
if (values.open && host.startbestand) {
  platform.openPad(host.startbestand).catch(() => undefined);
}
const beeindig = async () => {
  log.info('gestopt');
  await host.stop();
  process.exit(0);
};
// A stop that fails still ends the process, with its cause in the log rather than as an unhandled rejection.
const stopBijSignaal = () => {
  beeindig().catch((fout: unknown) => {
    log.error({ err: fout }, 'stoppen mislukt');
    process.exit(1);
  });
};
process.on('SIGINT', stopBijSignaal);
process.on('SIGTERM', stopBijSignaal);
