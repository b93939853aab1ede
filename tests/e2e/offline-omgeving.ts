import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as basis } from '@playwright/test';
import { leesStartUrl } from '../../main/host/startbestand';
import { startStoringsproxy, type Storingsproxy } from '../helpers/storingsproxy';
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

/** The proxy between host and ISI (tests/helpers/storingsproxy.ts): holds writes' answers, injects faults. */
export type Tussenstation = Storingsproxy;

export interface OfflineOmgeving {
  isiUrl: string;
  /** ISI's database file, to count what ISI holds where no route lists it. */
  isiDb: string;
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
    const station = await startStoringsproxy(isiUrl);
    const omgeving: OfflineOmgeving = {
      isiUrl,
      isiDb: dbPad,
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
