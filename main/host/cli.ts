import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigFout } from '../config';
import { maakDiensten } from '../diensten';
import { IsiClient } from '../isi/client';
import { nodePlatform } from '../platform/node';
import { leesPolicy } from '../policy/beleid';
import type { Policy } from '../policy/sleutels';
import { maakKluis } from '../vault/kluis';
import { eenmaligeDownloads } from './downloads';
import { startHost } from './host';
import { leesPoort, onthoudPoort } from './startbestand';

const { values } = parseArgs({
  options: {
    isi: { type: 'string' },
    // Without --port: the port of the last run for this data folder (leesPoort), so the origin and
    // with it the browser's IndexedDB cache stay the same between runs.
    port: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    open: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
  },
});
if (!values.isi) {
  process.stderr.write('Geef --isi URL (de ISI-server waarmee de app praat).\n');
  process.exit(2);
}
const platform = nodePlatform();
let policy: Policy;
try {
  policy = leesPolicy(platform.dataMap());
} catch (fout) {
  if (!(fout instanceof ConfigFout)) throw fout;
  process.stderr.write(`${fout.message}\n`);
  process.exit(2);
}
const kluis = maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() });
// Retention before anyone logs in: the keys of caches not synced for N days go (issue 12, finding 7).
const vernietigd = await kluis.ruimOp(policy.wissenNaDagenZonderSync);
if (vernietigd > 0) process.stderr.write(`${vernietigd} sleutel(s) van lokale gegevens die ${policy.wissenNaDagenZonderSync} dagen niet zijn bijgewerkt, zijn vernietigd.\n`);
process.stderr.write(`Let op: in browsermodus staan de sleutels van de lokale gegevens onbeschermd in de datamap (opslag "${platform.geheimen.backend()}"): alleen voor ontwikkeling en tests.\n`);
// What "Openen in Excel" saves is opened on this machine and offered to the browser as a download too.
const downloads = eenmaligeDownloads();
const diensten = maakDiensten({
  isi: new IsiClient(values.isi), platform, policy, kluis, aanbieden: downloads.bied,
  info: { versie: process.env.npm_package_version ?? '0.0.0', modus: 'browser', demo: values.demo },
});
const dataMap = platform.dataMap();
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
process.stdout.write(`Browsermodus: open ${host.sleutelUrl}\n`);
process.stdout.write(`Of open het startbestand ${host.startbestand}. Een link werkt één keer; het startbestand heeft altijd een nieuwe.\n`);
if (values.open && host.startbestand) {
  platform.openPad(host.startbestand).catch(() => undefined);
}
const stop = async () => {
  await host.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
