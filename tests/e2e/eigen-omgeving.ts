import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { test as basis } from '@playwright/test';
import { leesStartUrl } from '../../main/host/startbestand';
import { startProces, VANDAAG } from './omgeving';

export interface EigenOmgeving {
  isiUrl: string;
  /** A link that opens the app once (the host's start file, read anew each time). */
  readonly appUrl: string;
  /** Stops the reference server as a dropped network would: the host and the page stay up. */
  stopIsi(): Promise<void>;
}

function stop(proces: ChildProcess): Promise<void> {
  if (proces.exitCode !== null || proces.signalCode !== null) return Promise.resolve();
  return new Promise((klaar) => {
    proces.once('exit', () => klaar());
    proces.kill();
  });
}

/**
 * A reference server and host for one test alone, for tests that take ISI away: the shared
 * environment of omgeving.ts serves every other test of the worker and must stay up.
 */
export const test = basis.extend<{ eigenOmgeving: EigenOmgeving }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  eigenOmgeving: async ({}, gebruik) => {
    const server = await startProces(['server/cli.ts', '--demo', '--db', ':memory:', '--port', '0', '--vandaag', VANDAAG, '--stil'], /luistert op (http:\/\/\S+)/);
    const data = mkdtempSync(join(tmpdir(), 'pib-data-'));
    const host = await startProces(['main/host/cli.ts', '--isi', server.url, '--port', '0', '--demo'], /Browsermodus: open (http:\/\/\S+)/, {
      PIB_DOWNLOADS: mkdtempSync(join(tmpdir(), 'pib-downloads-')), PIB_DATA: data,
    });
    await gebruik({
      isiUrl: server.url, stopIsi: () => stop(server.proces),
      get appUrl() {
        return leesStartUrl(data);
      },
    });
    await Promise.all([stop(host.proces), stop(server.proces)]);
  },
});

export { expect } from '@playwright/test';
