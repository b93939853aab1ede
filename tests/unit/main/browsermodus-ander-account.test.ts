import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { STARTBESTAND } from '../../../main/host/startbestand';
import { wachtTot } from '../../helpers/wachten';

// Its tests start Node processes (tsx, a CLI): seconds each on a loaded machine, past a unit test's 10 s.
vi.setConfig({ testTimeout: 60_000 });

/**
 * Issue 12, finding 1: another account on the same machine must not get into browser mode. The
 * real host (main/host/cli.ts, with --open, as npm run web starts it) runs as root, its opener is a
 * stand-in that stays alive (so it shows in `ps`), and a script running as `nobody` tries every
 * way in: ps, /proc/*\/cmdline and environ, the start file, and the socket with a forged Origin.
 * The tests run as root (the project's CI does), which is what lets this one switch to `nobody`.
 */

const basis = mkdtempSync(join(tmpdir(), 'pib-ander-account-'));
const data = join(basis, 'data');
let host: ChildProcess;
let link = '';

// Plain Node, no packages: nobody cannot be assumed to read the project's node_modules.
const AANVALLER = String.raw`
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

const opdracht = JSON.parse(readFileSync(0, 'utf8'));
let gelezen = execFileSync('ps', ['-eo', 'args', '-ww'], { encoding: 'utf8' });
let leesbaar = 0;
for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
  for (const deel of ['cmdline', 'environ']) {
    try {
      gelezen += '\n' + readFileSync('/proc/' + pid + '/' + deel, 'latin1');
      leesbaar++;
    } catch {}
  }
}
let startbestand;
try {
  startbestand = readFileSync(opdracht.startbestand, 'utf8');
} catch (fout) {
  startbestand = fout.code;
}
gelezen += '\n' + startbestand;
const gevonden = [...gelezen.matchAll(/sleutel=([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
function probeer(sleutel, origin, hostnaam) {
  return new Promise((klaar) => {
    const s = connect(opdracht.poort, '127.0.0.1', () => {
      s.write('GET /ipc HTTP/1.1\r\nHost: ' + hostnaam + '\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n'
        + 'Sec-WebSocket-Key: ' + randomBytes(16).toString('base64') + '\r\nSec-WebSocket-Protocol: pib, sleutel.' + sleutel + '\r\nOrigin: ' + origin + '\r\n\r\n');
    });
    s.once('data', (d) => {
      klaar(Number(/^HTTP\/1\.1 (\d+)/.exec(String(d))?.[1] ?? 0));
      s.destroy();
    });
    s.on('error', () => klaar(-1));
  });
}
const origin = 'http://127.0.0.1:' + opdracht.poort;
const hostnaam = '127.0.0.1:' + opdracht.poort;
const pogingen = [];
for (const sleutel of [...gevonden, opdracht.gestolen, '']) pogingen.push({ sleutel, status: await probeer(sleutel, origin, hostnaam) });
pogingen.push({ sleutel: 'controle', status: await probeer(opdracht.controle, origin, hostnaam) });
process.stdout.write(JSON.stringify({ uid: process.getuid(), gelezen, leesbaar, startbestand, pogingen }));
`;

beforeAll(async () => {
  // Folders others may pass through, so that only the start file's own mode keeps it private.
  chmodSync(basis, 0o755);
  mkdirSync(data, { mode: 0o755 });
  const bin = join(basis, 'bin');
  mkdirSync(bin, { mode: 0o755 });
  // The opener the host calls: it writes down what it was given and stays alive, visible to ps.
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$*" > '${join(basis, 'opener.txt')}'\nexec sleep 60\n`, { mode: 0o755 });
  const renderer = join(basis, 'renderer');
  mkdirSync(renderer, { mode: 0o755 });
  writeFileSync(join(renderer, 'index.html'), '<div id="app"></div>');
  writeFileSync(join(basis, 'aanvaller.mjs'), AANVALLER, { mode: 0o644 });
  host = spawn(process.execPath, ['--import', 'tsx', resolve('main/host/cli.ts'), '--isi', 'http://127.0.0.1:9', '--renderer', renderer, '--open'], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PIB_DATA: data, PIB_DOWNLOADS: join(basis, 'downloads') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  link = await new Promise<string>((klaar, faal) => {
    let uit = '';
    const tijd = setTimeout(() => faal(new Error(`de host startte niet:\n${uit}`)), 60_000);
    host.stdout!.on('data', (d) => {
      uit += String(d);
      const m = /Browsermodus: open (http:\/\/\S+)/.exec(uit);
      if (m) {
        clearTimeout(tijd);
        klaar(m[1]!);
      }
    });
    host.stderr!.on('data', (d) => (uit += String(d)));
  });
  const opener = join(basis, 'opener.txt');
  await wachtTot(() => existsSync(opener), { elkeMs: 50, hoogstensMs: 10_000, melding: 'de host schreef geen opener.txt' });
}, 90_000);

afterAll(() => {
  host.kill();
  // The stand-in opener: the one `sleep` this test started, found by the file it was given.
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8') === 'sleep\u000060\u0000' && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`PIB_DATA=${data}`)) process.kill(Number(pid));
    } catch {
      // A process that ended meanwhile.
    }
  }
});

const sleutelUit = (url: string) => new URL(url).hash.slice('#sleutel='.length);

describe('browser mode against another local account (issue 12, finding 1)', () => {
  it('opens the browser on the start file, so no process argument or environment names the secret', () => {
    const startbestand = join(data, STARTBESTAND);
    expect(readFileSync(join(basis, 'opener.txt'), 'utf8')).toBe(startbestand);
    expect(statSync(startbestand).mode & 0o777).toBe(0o600);
    const sleutel = sleutelUit(link);
    expect(sleutel.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(startbestand, 'utf8')).toContain(sleutel);
    // Root sees every process: not one carries the secret in its arguments or environment.
    const dragers: string[] = [];
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      for (const deel of ['cmdline', 'environ']) {
        try {
          if (readFileSync(`/proc/${pid}/${deel}`, 'latin1').includes(sleutel)) dragers.push(`${pid}/${deel}`);
        } catch {
          // A process that ended meanwhile.
        }
      }
    }
    expect(dragers).toEqual([]);
  });

  it('gives nobody no secret, and no way in with a forged Origin, not even with a spent secret', async () => {
    const port = Number(new URL(link).port);
    // The owner's browser uses the link; its socket is sent the secret for its next connection.
    const gestolen = sleutelUit(link);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`, ['pib', `sleutel.${gestolen}`], { origin: `http://127.0.0.1:${port}` });
    const controle = await new Promise<string>((klaar, faal) => {
      ws.once('message', (d) => klaar(JSON.parse(String(d)).sleutel));
      ws.once('error', faal);
    });
    const huidig = sleutelUit(readFileSync(join(data, STARTBESTAND), 'utf8').match(/url=([^"]+)"/)![1]!);
    // The secrets go in on stdin: an argument would be the very leak this test looks for.
    const aanval = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(basis, 'aanvaller.mjs')], {
      input: JSON.stringify({ poort: port, startbestand: join(data, STARTBESTAND), gestolen, controle }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    expect(aanval.status, aanval.stderr).toBe(0);
    const uitkomst = JSON.parse(aanval.stdout) as { uid: number; gelezen: string; leesbaar: number; startbestand: string; pogingen: { sleutel: string; status: number }[] };
    expect(uitkomst.uid).not.toBe(0);
    // It did look: ps and the readable parts of /proc (its own processes at least).
    expect(uitkomst.gelezen).toContain('aanvaller.mjs');
    expect(uitkomst.leesbaar).toBeGreaterThan(0);
    expect(uitkomst.startbestand).toBe('EACCES');
    expect(uitkomst.gelezen).not.toContain(huidig);
    expect(uitkomst.gelezen).not.toContain(controle);
    // Every secret it found (none) or was handed (the spent one), with the owner's Origin forged: refused.
    const geweigerd = uitkomst.pogingen.filter((p) => p.sleutel !== 'controle');
    expect(geweigerd.map((p) => p.status)).toEqual(geweigerd.map(() => 403));
    expect(geweigerd.map((p) => p.sleutel)).toContain(gestolen);
    // The control: the same attempt with a secret that is still valid gets in, so the refusals
    // above are the host's doing, not a network that keeps nobody out.
    expect(uitkomst.pogingen.find((p) => p.sleutel === 'controle')!.status).toBe(101);
    ws.terminate();
  }, 60_000);
});
