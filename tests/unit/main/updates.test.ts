import { EventEmitter } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpExecutor } from 'builder-util-runtime';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNieuwer, maakBijwerker, naFeed, type Updater, waaromNietNu } from '../../../main/update/bijwerker';

// IT's update server: a real HTTP server with electron-builder's channel files. What is read from
// it goes through electron-updater's own GenericProvider; only the download and the install, which
// need a packaged Electron app, stand in behind electron-updater's interface.
const LATEST = `version: 0.2.0
files:
  - url: Portal Inburgering-0.2.0-win-x64-setup.exe
    sha512: ${'A'.repeat(86)}==
    size: 91234567
path: Portal Inburgering-0.2.0-win-x64-setup.exe
sha512: ${'A'.repeat(86)}==
releaseDate: '2026-11-30T10:00:00.000Z'
`;
let server: Server;
let feed: string;
const gevraagd: string[] = [];
let kapot = false;

/** Electron's HTTP executor needs Electron's net module; its base class over Node's http reads the same feed. */
class NodeExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(opties: object, terug: (antwoord: unknown) => void) {
    return request(opties, terug);
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    gevraagd.push(req.url!.split('?')[0]!);
    if (kapot) return void res.writeHead(200, { 'Content-Type': 'text/yaml' }).end('version: [niet af');
    if (req.url!.startsWith('/pib/latest.yml') || req.url!.startsWith('/pib/latest-linux.yml')) return void res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(LATEST);
    res.writeHead(404).end();
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pib/`;
});
afterAll(() => server.close());

/** electron-updater's AppUpdater as far as the app uses it: the feed through its GenericProvider. */
function updater(platform: 'win32' | 'linux' = 'win32'): Updater & { downloads: number; emitter: EventEmitter } {
  const emitter = new EventEmitter();
  let url = '';
  const u = {
    autoDownload: true, autoInstallOnAppQuit: true, downloads: 0, emitter,
    setFeedURL: (o: { url: string }) => (url = o.url),
    checkForUpdates: async () => {
      const provider = new GenericProvider({ provider: 'generic', url }, { channel: null, isAddNoCacheQuery: true } as never, { executor: new NodeExecutor() as never, isUseMultipleRangeRequest: false, platform });
      return { updateInfo: await provider.getLatestVersion() };
    },
    downloadUpdate: async () => {
      u.downloads++;
      emitter.emit('update-downloaded', { version: '0.2.0' });
      return [];
    },
    on: (naam: string, f: (...a: any[]) => void) => emitter.on(naam, f),
  };
  return u as never;
}

describe('the decision', () => {
  it('never during a sync or with unsent changes', () => {
    expect(waaromNietNu({ syncBezig: false, onverzonden: 0 })).toBeNull();
    expect(waaromNietNu({ syncBezig: true, onverzonden: 0 })).toBe('De app synchroniseert nu; de update wacht tot dat klaar is.');
    expect(waaromNietNu({ syncBezig: false, onverzonden: 1 })).toBe('Eén wijziging is nog niet naar DUO verstuurd; de update wacht tot alles is verstuurd.');
    expect(waaromNietNu({ syncBezig: false, onverzonden: 3 })).toMatch(/^3 wijzigingen zijn/);
  });

  it('"melden" tells, "automatisch" fetches when nothing is under way, an older or equal version is nothing', () => {
    const vrij = { syncBezig: false, onverzonden: 0 };
    expect(naFeed('melden', '0.1.0', '0.2.0', vrij)).toMatchObject({ stand: { status: 'beschikbaar', versie: '0.2.0' }, downloaden: false });
    expect(naFeed('automatisch', '0.1.0', '0.2.0', vrij)).toMatchObject({ stand: { status: 'beschikbaar' }, downloaden: true });
    expect(naFeed('automatisch', '0.1.0', '0.2.0', { syncBezig: false, onverzonden: 2 })).toMatchObject({ stand: { status: 'uitgesteld' }, downloaden: false });
    expect(naFeed('automatisch', '0.2.0', '0.2.0', vrij)).toEqual({ stand: { status: 'actueel' }, downloaden: false });
    expect(naFeed('automatisch', '0.3.0', '0.2.0', vrij).downloaden).toBe(false);
    expect(naFeed('uit', '0.1.0', '9.0.0', vrij)).toEqual({ stand: { status: 'uit' }, downloaden: false });
  });

  it('compares versions as numbers, a pre-release before its release', () => {
    expect(isNieuwer('0.10.0', '0.9.0')).toBe(true);
    expect(isNieuwer('1.0.0', '1.0.0-beta.1')).toBe(true);
    expect(isNieuwer('1.0.0-beta.1', '1.0.0')).toBe(false);
    expect(isNieuwer('0.1.0', '0.1.0')).toBe(false);
  });
});

describe('against IT\'s update server', () => {
  it('off by default: nothing is asked of any server', async () => {
    gevraagd.length = 0;
    const u = updater();
    const b = maakBijwerker({ modus: 'uit', updateUrl: feed, versie: '0.1.0', updater: u });
    await b.zoek();
    expect(b.stand()).toEqual({ status: 'uit' });
    expect(gevraagd).toEqual([]);
    b.stop();
  });

  it('"melden": reads latest.yml and reports the new version, fetching nothing', async () => {
    gevraagd.length = 0;
    const u = updater();
    const b = maakBijwerker({ modus: 'melden', updateUrl: feed, versie: '0.1.0', updater: u });
    await b.zoek();
    expect(gevraagd).toEqual(['/pib/latest.yml']);
    expect(b.stand()).toMatchObject({ status: 'beschikbaar', versie: '0.2.0' });
    expect(u.downloads).toBe(0);
    expect(u.autoInstallOnAppQuit).toBe(false);
    b.stop();
  });

  it('Linux reads its own channel file', async () => {
    gevraagd.length = 0;
    const b = maakBijwerker({ modus: 'melden', updateUrl: feed, versie: '0.1.0', updater: updater('linux') });
    await b.zoek();
    expect(gevraagd).toEqual(['/pib/latest-linux.yml']);
    b.stop();
  });

  it('"automatisch": waits for unsent changes, then fetches, and installs on quit only while nothing is under way', async () => {
    const u = updater();
    const b = maakBijwerker({ modus: 'automatisch', updateUrl: feed, versie: '0.1.0', updater: u });
    b.bezigheid({ syncBezig: false, onverzonden: 2 });
    await b.zoek();
    expect(b.stand()).toMatchObject({ status: 'uitgesteld', versie: '0.2.0' });
    expect(u.downloads).toBe(0);

    b.bezigheid({ syncBezig: false, onverzonden: 0 });
    await expect.poll(() => b.stand().status).toBe('gedownload');
    expect(u.downloads).toBe(1);
    expect(u.autoInstallOnAppQuit).toBe(true);

    // A sync starts: quitting now would not install; when it ends, it would again.
    b.bezigheid({ syncBezig: true, onverzonden: 0 });
    expect(u.autoInstallOnAppQuit).toBe(false);
    b.bezigheid({ syncBezig: false, onverzonden: 0 });
    expect(u.autoInstallOnAppQuit).toBe(true);
    expect(u.autoDownload).toBe(false);
    b.stop();
  });

  it('during a sync the feed is not even read', async () => {
    gevraagd.length = 0;
    const b = maakBijwerker({ modus: 'automatisch', updateUrl: feed, versie: '0.1.0', updater: updater() });
    b.bezigheid({ syncBezig: true, onverzonden: 0 });
    await b.zoek();
    expect(gevraagd).toEqual([]);
    b.stop();
  });

  it('a feed that is no YAML or a server that is not there: an error state with the reason, and the app goes on', async () => {
    kapot = true;
    try {
      const b = maakBijwerker({ modus: 'melden', updateUrl: feed, versie: '0.1.0', updater: updater() });
      await b.zoek();
      expect(b.stand()).toMatchObject({ status: 'fout', melding: expect.stringMatching(/^De updateserver gaf geen bruikbaar antwoord \(.+\); de app probeert het later opnieuw$/) });
      b.stop();
    } finally {
      kapot = false;
    }
    const weg = maakBijwerker({ modus: 'melden', updateUrl: `${feed}bestaat-niet/`, versie: '0.1.0', updater: updater() });
    await weg.zoek();
    expect(weg.stand().status).toBe('fout');
    weg.stop();
  });

  it('without an updater (a development build, browser mode) it says so', () => {
    expect(maakBijwerker({ modus: 'automatisch', updateUrl: feed, versie: '0.1.0', updater: null }).stand()).toEqual({ status: 'niet-beschikbaar', melding: 'Alleen een geïnstalleerde app werkt zichzelf bij' });
  });
});
