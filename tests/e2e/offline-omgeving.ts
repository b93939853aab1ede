import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as basis } from '@playwright/test';
import { leesStartUrl } from '../../main/host/startbestand';
import { herstelIsiKlok } from './isi-klok';
import { startProces, VANDAAG } from './omgeving';

/** A free loopback port, so a program can be stopped and started again at the same address (same origin, same IndexedDB). */
export function vrijePoort(): Promise<number> {
  return new Promise((klaar, faal) => {
    const s = netServer();
    s.once('error', faal);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => klaar(port));
    });
  });
}

function stop(proces: ChildProcess, signaal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proces.exitCode !== null || proces.signalCode !== null) return Promise.resolve();
  return new Promise((klaar) => {
    proces.once('exit', () => klaar());
    proces.kill(signaal);
  });
}

/**
 * A hold on the way to ISI: requests pass through to the server, but while `vasthouden` is on,
 * the server's answer to a write is kept back, so a test can kill the host after ISI did the work
 * and before the app heard of it.
 */
export interface Tussenstation {
  url: string;
  vasthouden: boolean;
  /** Resolves when a held write has reached ISI and been answered there. */
  vastgehouden(): Promise<{ methode: string; pad: string; status: number }>;
  stop(): Promise<void>;
}

export async function startTussenstation(isiUrl: string): Promise<Tussenstation> {
  const doel = new URL(isiUrl);
  const wachtenden: ((x: { methode: string; pad: string; status: number }) => void)[] = [];
  const gehouden: { methode: string; pad: string; status: number }[] = [];
  const station: Tussenstation = {
    url: '',
    vasthouden: false,
    vastgehouden: () => new Promise((klaar) => (gehouden.length ? klaar(gehouden.shift()!) : wachtenden.push(klaar))),
    stop: () => new Promise((klaar) => {
      server.closeAllConnections();
      server.close(() => klaar());
    }),
  };
  const server: Server = createServer((req, res) => {
    const uit = request({ host: doel.hostname, port: doel.port, method: req.method, path: req.url, headers: req.headers }, (antwoord) => {
      const schrijft = req.method !== 'GET';
      if (station.vasthouden && schrijft) {
        antwoord.resume();
        const x = { methode: req.method!, pad: req.url!, status: antwoord.statusCode ?? 0 };
        const w = wachtenden.shift();
        if (w) w(x);
        else gehouden.push(x);
        return;
      }
      res.writeHead(antwoord.statusCode ?? 502, antwoord.headers);
      antwoord.pipe(res);
    });
    uit.on('error', () => res.destroy());
    req.pipe(uit);
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', () => klaar()));
  station.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return station;
}

export interface OfflineOmgeving {
  isiUrl: string;
  /** A link that opens the app once (the host's start file, read anew each time; new when the host starts again). */
  readonly appUrl: string;
  /** The Chromium profile of this test's browser, to look at what the app left on disk. */
  profiel: string;
  /** Between host and ISI; passes everything on until a test holds writes. */
  station: Tussenstation;
  /** Stops ISI as a dropped network would; the host and the page stay up. */
  stopIsi(): Promise<void>;
  /** ISI back, with the same database and at the same address. */
  startIsi(): Promise<void>;
  /** The host dies (SIGKILL: no clean-up), as a crash of the app would. */
  doodHost(): Promise<void>;
  /** The host again, at the port it remembered in its data folder (same origin, so the same IndexedDB), with a new secret. */
  startHost(): Promise<void>;
}

/**
 * For the offline tests: ISI on a database file (so it can stop and start with its data) and a
 * host that can be killed and started again, both at fixed loopback addresses, with a station
 * between them. `beleid` is the machine policy the host reads.
 */
export const test = basis.extend<{ beleid: Record<string, unknown>; werkplek: OfflineOmgeving }>({
  beleid: [{}, { option: true }],
  werkplek: async ({ beleid }, gebruik) => {
    const map = mkdtempSync(join(tmpdir(), 'pib-offline-'));
    const beleidPad = join(map, 'beleid.json');
    writeFileSync(beleidPad, JSON.stringify(beleid));
    const isiPoort = await vrijePoort();
    const data = join(map, 'data');
    const dbPad = join(map, 'isi.db');
    let isi: ChildProcess | null = null;
    let host: ChildProcess | null = null;
    let hostUrl = '';
    const isiUrl = `http://127.0.0.1:${isiPoort}`;
    const station = await startTussenstation(isiUrl);
    const omgeving: OfflineOmgeving = {
      isiUrl,
      station,
      get appUrl() {
        return leesStartUrl(data);
      },
      profiel: join(map, 'chromium'),
      stopIsi: async () => {
        if (isi) await stop(isi);
        isi = null;
      },
      startIsi: async () => {
        isi = (await startProces(['server/cli.ts', '--demo', '--db', dbPad, '--port', String(isiPoort), '--vandaag', VANDAAG, '--stil'], /luistert op (http:\/\/\S+)/)).proces;
        // The TOTP steps used so far are in the database; the clock's lead that let them be used is not.
        await herstelIsiKlok(isiUrl);
      },
      doodHost: async () => {
        if (host) await stop(host, 'SIGKILL');
        host = null;
      },
      startHost: async () => {
        // No --port: the host takes the port it remembered for this data folder, as npm run web does.
        const h = await startProces(['main/host/cli.ts', '--isi', station.url, '--demo'], /Browsermodus: open (http:\/\/\S+)/, {
          PIB_DOWNLOADS: join(map, 'downloads'), PIB_DATA: data, PIB_BELEID: beleidPad,
        });
        host = h.proces;
        const origin = new URL(h.url).origin;
        if (hostUrl && origin !== hostUrl) throw new Error(`De host kwam terug op ${origin} in plaats van ${hostUrl}: de browsercache hoort bij het adres.`);
        hostUrl = origin;
      },
    };
    await omgeving.startIsi();
    await omgeving.startHost();
    await gebruik(omgeving);
    await Promise.all([host ? stop(host) : undefined, isi ? stop(isi) : undefined, station.stop()]);
  },
});

export { expect } from '@playwright/test';
