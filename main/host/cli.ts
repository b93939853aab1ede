import { spawn } from 'node:child_process';
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

const { values } = parseArgs({
  options: {
    isi: { type: 'string' },
    port: { type: 'string', default: '0' },
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
process.stderr.write(`Let op: in browsermodus staan de sleutels van de lokale gegevens onbeschermd in de datamap (opslag "${platform.geheimen.backend()}"): alleen voor ontwikkeling en tests.\n`);
// What "Openen in Excel" saves is opened on this machine and offered to the browser as a download too.
const downloads = eenmaligeDownloads();
const diensten = maakDiensten({
  isi: new IsiClient(values.isi), platform, policy, kluis, aanbieden: downloads.bied,
  info: { versie: process.env.npm_package_version ?? '0.0.0', modus: 'browser', demo: values.demo },
});
const host = await startHost({ diensten, rendererMap: resolve(values.renderer), port: Number(values.port), downloads });
process.stdout.write(`Browsermodus: open ${host.sleutelUrl}\n`);
if (values.open) {
  const opener = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  spawn(opener, [host.sleutelUrl], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
const stop = async () => {
  await host.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
