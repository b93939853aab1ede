/**
 * `npm test`'s first step (`pretest`): the system programs the tests need besides Node. The
 * end-to-end tests run Debian's Chromium (or the one `PIB_CHROMIUM` names), as Playwright cannot
 * download its own browsers on the build machines; the workbook tests
 * make a round trip through LibreOffice Calc (`soffice`). As root on Debian what is missing is
 * installed with apt-get; anywhere else the run stops at once with one message saying what to
 * install, instead of a launch error twenty minutes in.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const STANDAARD_CHROMIUM = '/usr/bin/chromium';

export interface Systeem {
  root: boolean;
  debian: boolean;
  /** The value of PIB_CHROMIUM, when set. */
  eigenChromium: string | null;
  chromiumAanwezig: boolean;
  sofficeAanwezig: boolean;
}

export type Besluit =
  | { soort: 'klaar' }
  | { soort: 'installeer'; pakketten: string[] }
  | { soort: 'stop'; melding: string };

/** What to do about the system, from what is there: nothing, install with apt-get, or stop. */
export function beslis(s: Systeem): Besluit {
  if (s.chromiumAanwezig && s.sofficeAanwezig) return { soort: 'klaar' };
  // Installing Debian's Chromium does not help when PIB_CHROMIUM points elsewhere.
  const installeerbaar = s.root && s.debian && (s.chromiumAanwezig || s.eigenChromium === null);
  if (installeerbaar) {
    return { soort: 'installeer', pakketten: [...(s.chromiumAanwezig ? [] : ['chromium']), ...(s.sofficeAanwezig ? [] : ['libreoffice-calc'])] };
  }
  const ontbreekt = [
    ...(s.chromiumAanwezig ? [] : [s.eigenChromium === null
      ? `Chromium at ${STANDAARD_CHROMIUM} (Debian: apt-get install -y chromium), or set PIB_CHROMIUM to the path of a Chromium or Chrome executable`
      : `Chromium at PIB_CHROMIUM=${s.eigenChromium}: nothing executable there; point PIB_CHROMIUM at a Chromium or Chrome executable, or unset it to use ${STANDAARD_CHROMIUM} (Debian: apt-get install -y chromium)`]),
    ...(s.sofficeAanwezig ? [] : ['LibreOffice Calc, with soffice on the PATH (Debian: apt-get install -y libreoffice-calc)']),
  ];
  const waarom = s.root && s.debian ? '' : s.debian ? ' (run npm test as root to have them installed)' : ' (not Debian: install them yourself)';
  return { soort: 'stop', melding: `npm test needs programs that are missing${waarom}:\n${ontbreekt.map((o) => `  - ${o}`).join('\n')}` };
}

function uitvoerbaar(pad: string): boolean {
  try {
    accessSync(pad, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function leesSysteem(env: NodeJS.ProcessEnv = process.env): Systeem {
  const eigenChromium = env.PIB_CHROMIUM?.trim() || null;
  return {
    root: process.getuid?.() === 0,
    debian: existsSync('/etc/debian_version'),
    eigenChromium,
    chromiumAanwezig: uitvoerbaar(eigenChromium ?? STANDAARD_CHROMIUM),
    sofficeAanwezig: (env.PATH ?? '').split(delimiter).filter(Boolean).some((map) => uitvoerbaar(join(map, 'soffice'))),
  };
}

function aptGet(argumenten: string[]): void {
  const r = spawnSync('apt-get', argumenten, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`apt-get ${argumenten.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

function main(): void {
  const besluit = beslis(leesSysteem());
  if (besluit.soort === 'installeer') {
    process.stdout.write(`Installing what npm test needs: ${besluit.pakketten.join(', ')}\n`);
    aptGet(['update', '-q']);
    aptGet(['install', '-y', '-q', ...besluit.pakketten]);
    const daarna = beslis(leesSysteem());
    if (daarna.soort !== 'klaar') {
      process.stderr.write(`${daarna.soort === 'stop' ? daarna.melding : `Still missing after apt-get: ${daarna.pakketten.join(', ')}`}\n`);
      process.exit(1);
    }
  } else if (besluit.soort === 'stop') {
    process.stderr.write(`${besluit.melding}\n`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
