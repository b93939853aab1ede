import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { beslis, leesSysteem, type Systeem } from '../../../scripts/systeemeisen';

// Its tests start Node processes (tsx, a CLI): seconds each on a loaded machine, past a unit test's 10 s.
vi.setConfig({ testTimeout: 60_000 });

/** `npm test`'s pretest: the decision from an injected system, never by uninstalling anything. */
const alles: Systeem = { root: true, debian: true, eigenChromium: null, chromiumAanwezig: true, sofficeAanwezig: true };

describe('pretest: what npm test does about Chromium and LibreOffice', () => {
  it.each<[string, Partial<Systeem>]>([
    ['root on Debian', {}],
    ['an ordinary user elsewhere', { root: false, debian: false }],
    ['with its own Chromium', { eigenChromium: '/opt/chrome/chrome' }],
  ])('everything there: goes ahead (%s)', (_, s) => {
    expect(beslis({ ...alles, ...s })).toEqual({ soort: 'klaar' });
  });

  it.each<[Partial<Systeem>, string[]]>([
    [{ chromiumAanwezig: false, sofficeAanwezig: false }, ['chromium', 'libreoffice-calc']],
    [{ chromiumAanwezig: false }, ['chromium']],
    [{ sofficeAanwezig: false }, ['libreoffice-calc']],
    [{ eigenChromium: '/opt/chrome/chrome', sofficeAanwezig: false }, ['libreoffice-calc']],
  ])('root on Debian installs only what is missing: %o → %o', (s, pakketten) => {
    expect(beslis({ ...alles, ...s })).toEqual({ soort: 'installeer', pakketten });
  });

  it('PIB_CHROMIUM pointing at nothing stops, even as root on Debian: installing Debian\'s Chromium would not help', () => {
    const b = beslis({ ...alles, eigenChromium: '/opt/weg/chrome', chromiumAanwezig: false });
    expect(b.soort).toBe('stop');
    expect(b.soort === 'stop' && b.melding).toContain('PIB_CHROMIUM=/opt/weg/chrome');
  });

  it('not root on Debian: stops at once, naming the packages, the PIB_CHROMIUM override and how to get them installed', () => {
    const b = beslis({ ...alles, root: false, chromiumAanwezig: false, sofficeAanwezig: false });
    expect(b.soort).toBe('stop');
    const melding = b.soort === 'stop' ? b.melding : '';
    expect(melding).toContain('apt-get install -y chromium');
    expect(melding).toContain('apt-get install -y libreoffice-calc');
    expect(melding).toContain('PIB_CHROMIUM');
    expect(melding).toContain('as root');
  });

  it('not Debian, even as root: stops, naming only what is missing', () => {
    const b = beslis({ ...alles, debian: false, sofficeAanwezig: false });
    expect(b.soort).toBe('stop');
    const melding = b.soort === 'stop' ? b.melding : '';
    expect(melding).toContain('LibreOffice Calc');
    expect(melding).toContain('not Debian');
    expect(melding).not.toContain('Chromium');
  });
});

const map = await mkdtemp(join(tmpdir(), 'systeemeisen-'));
afterAll(() => rm(map, { recursive: true, force: true }));

describe('pretest: reading the system', () => {
  const programma = async (naam: string) => {
    const pad = join(map, naam);
    await writeFile(pad, '#!/bin/sh\nexit 0\n');
    await chmod(pad, 0o755);
    return pad;
  };

  it('finds an executable PIB_CHROMIUM and soffice on the PATH, and misses them where they are not', async () => {
    const chrome = await programma('chrome');
    await programma('soffice');
    expect(leesSysteem({ PIB_CHROMIUM: chrome, PATH: map })).toMatchObject({ eigenChromium: chrome, chromiumAanwezig: true, sofficeAanwezig: true });
    expect(leesSysteem({ PIB_CHROMIUM: join(map, 'weg'), PATH: join(map, 'leeg') })).toMatchObject({ chromiumAanwezig: false, sofficeAanwezig: false });
    await writeFile(join(map, 'niet-uitvoerbaar'), '');
    expect(leesSysteem({ PIB_CHROMIUM: join(map, 'niet-uitvoerbaar'), PATH: map }).chromiumAanwezig).toBe(false);
  });

  it('the script itself stops with exit 1 and the message alone, no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/systeemeisen.ts'], { encoding: 'utf8', env: { ...process.env, PIB_CHROMIUM: join(map, 'weg') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`PIB_CHROMIUM=${join(map, 'weg')}`);
    expect(r.stderr).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
