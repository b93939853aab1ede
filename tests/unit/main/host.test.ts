import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { maakDiensten } from '../../../main/diensten';
import { startHost, type Host } from '../../../main/host/host';
import { MAX_HERVERBINDGEHEIMEN } from '../../../main/host/toegangsgeheimen';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';

const GEHEIM = 'test-geheim-van-deze-run';

// A stand-in ISI that only counts what reaches it and lets anyone log in.
let isiVerzoeken: string[] = [];
let isi: Server;
let host: Host;
const basis = mkdtempSync(join(tmpdir(), 'pib-host-'));

beforeAll(async () => {
  isi = createServer((req, res) => {
    isiVerzoeken.push(`${req.method} ${req.url}`);
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 't', verlooptOp: '2025-03-01T12:00:00Z', gebruiker: { gebruikersnaam: 'demo-muteren', naam: 'Demo', rollen: ['WI2013'], gemeenten: [] } }));
  });
  await new Promise<void>((klaar) => isi.listen(0, '127.0.0.1', klaar));
  const rendererMap = join(basis, 'renderer');
  mkdirSync(join(rendererMap, 'assets'), { recursive: true });
  writeFileSync(join(rendererMap, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><div id="app"></div>');
  writeFileSync(join(rendererMap, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(basis, 'geheim.txt'), 'GEHEIM-BUITEN-DE-RENDERER');
  const platform = nodePlatform({ downloadMap: join(basis, 'downloads'), dataMap: join(basis, 'data') });
  const kluis = maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() });
  const diensten = maakDiensten({ isi: new IsiClient(`http://127.0.0.1:${(isi.address() as { port: number }).port}`), platform, policy: STANDAARD_POLICY, kluis, info: { versie: 't', modus: 'browser', demo: false } });
  host = await startHost({ diensten, rendererMap, geheim: GEHEIM, dataMap: platform.dataMap() });
});

afterAll(async () => {
  await host.stop();
  await new Promise((klaar) => isi.close(klaar));
});

/** The host's current start secret (it changes each time one is used). */
const startsleutel = () => new URL(host.toegangsUrl).hash.slice('#sleutel='.length);

/** The next message on the socket, parsed. */
function volgendBericht(ws: WebSocket): Promise<any> {
  return new Promise((klaar) => ws.once('message', (data) => klaar(JSON.parse(String(data)))));
}

/**
 * Opens the IPC socket as a page would; resolves with the open socket (and the reconnection secret
 * it was sent first) or the refusal's status.
 */
function verbind(opties: { pad?: string; origin?: string | null; protocollen?: string[]; hostnaam?: string } = {}): Promise<WebSocket | number> {
  const origin = opties.origin === undefined ? host.url : opties.origin;
  const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}${opties.pad ?? '/ipc'}`, opties.protocollen ?? ['pib', `sleutel.${startsleutel()}`], {
    ...(origin ? { origin } : {}), ...(opties.hostnaam ? { headers: { host: opties.hostnaam } } : {}),
  });
  const eerste = volgendBericht(ws);
  return new Promise((klaar) => {
    ws.on('open', () => {
      herverbindsleutels.set(ws, eerste.then((b) => b.sleutel as string));
      klaar(ws);
    });
    ws.on('unexpected-response', (_req, res) => klaar(res.statusCode ?? 0));
    ws.on('error', () => klaar(-1));
  });
}
const herverbindsleutels = new WeakMap<WebSocket, Promise<string>>();

async function open(): Promise<WebSocket> {
  const ws = await verbind();
  if (typeof ws === 'number') throw new Error(`geweigerd: ${ws}`);
  return ws;
}

let volgende = 1;
/** One call over the socket; resolves with the answer, or null when none comes within the wait. */
function roep(ws: WebSocket, kanaal: unknown, args: unknown, wachtMs = 2_000): Promise<any> {
  const id = volgende++;
  return stuur(ws, JSON.stringify({ id, kanaal, args }), id, wachtMs);
}

function stuur(ws: WebSocket, ruw: string, id: number | null, wachtMs: number): Promise<any> {
  return new Promise((klaar) => {
    const luister = (data: unknown) => {
      const antwoord = JSON.parse(String(data));
      if (antwoord.id !== id) return;
      beeindig(antwoord.uitkomst);
    };
    const beeindig = (waarde: unknown) => {
      clearTimeout(tijd);
      ws.off('message', luister);
      klaar(waarde);
    };
    const tijd = setTimeout(() => beeindig(null), wachtMs);
    ws.on('message', luister);
    ws.send(ruw);
  });
}

/** A raw GET: the path goes out exactly as written, not normalised as fetch would. */
function haal(pad: string, methode = 'GET', hostnaam?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; tekst: string }> {
  return new Promise((klaar, faal) => {
    const url = new URL(host.url);
    const req = request({ host: url.hostname, port: url.port, path: pad, method: methode, ...(hostnaam === undefined ? {} : { headers: { host: hostnaam } }) }, (res) => {
      let tekst = '';
      res.on('data', (d) => (tekst += String(d)));
      res.on('end', () => klaar({ status: res.statusCode ?? 0, headers: res.headers, tekst }));
    });
    req.on('error', faal);
    req.end();
  });
}

describe('the IPC socket of the host', () => {
  // Functions, because the host's URL is known only once it listens.
  it.each<[string, () => Parameters<typeof verbind>[0]]>([
    ['without the secret', () => ({ protocollen: ['pib'] })],
    ['without any subprotocol', () => ({ protocollen: [] })],
    ['with a wrong secret', () => ({ protocollen: ['pib', 'sleutel.raden'] })],
    ['with the secret cut short', () => ({ protocollen: ['pib', `sleutel.${startsleutel().slice(0, -1)}`] })],
    ['with the secret but without the pib protocol', () => ({ protocollen: [`sleutel.${startsleutel()}`] })],
    ['for another host name (DNS rebinding)', () => ({ hostnaam: `evil.example:${new URL(host.url).port}` })],
    ['for a loopback name on another port', () => ({ hostnaam: '127.0.0.1:1' })],
    ['from another origin', () => ({ origin: 'http://evil.example' })],
    ['from localhost instead of 127.0.0.1', () => ({ origin: host.url.replace('127.0.0.1', 'localhost') })],
    ['without an Origin', () => ({ origin: null })],
    ['on another path', () => ({ pad: '/' })],
    ['on a path with a query', () => ({ pad: '/ipc?x=1' })],
    ['on a longer path', () => ({ pad: '/ipc/extra' })],
  ])('is refused %s', async (_wat, opties) => {
    const uitkomst = await verbind(opties());
    if (typeof uitkomst !== 'number') uitkomst.terminate();
    expect(uitkomst).toBe(403);
  });

  it('is opened with the secret from the host\'s own origin, and answers', async () => {
    const ws = await open();
    expect(ws.protocol).toBe('pib');
    expect(await roep(ws, 'sessie.huidig', {})).toEqual({ ok: true, waarde: null });
    // No cache key without a logged-in user.
    expect(await roep(ws, 'cache.sleutel', {})).toMatchObject({ ok: false, probleem: { status: 401, code: 'NIET_INGELOGD' } });
    ws.terminate();
  });

  it('never passes a call of the wrong shape or an unknown channel on to ISI', async () => {
    const ws = await open();
    isiVerzoeken = [];
    const onzin: [unknown, unknown][] = [
      ['sessie.inloggen', { gebruikersnaam: 'demo' }], ['sessie.inloggen', 'demo'], ['personen.zoek', { gc: '0014', vraag: { bsn: 1 }, extra: 1 }],
      ['wet.bepaal', { gc: '../../beheer', bsn: '1' }], ['bestanden.download', { gc: '0014', bestandsnaam: '../../etc/passwd' }],
      ['uitgaand.verstuur', { idempotencyKey: 'x', wijziging: { soort: 'SIGNAALSTATUS', gc: '0014', ids: [], status: 'NIEUW' } }],
      ['uitgaand.verstuur', { idempotencyKey: '00000000-0000-4000-8000-000000000000', wijziging: { soort: 'ONBEKEND', gc: '0014' } }],
      ['sync.pagina', { gc: '0014', cursor: 'x'.repeat(2001) }], ['cache.vergeet', { gebruikersnaam: '' }],
      ['signalen.wijzigStatus', { gc: '0014', ids: [], status: 'IN_BEHANDELING', idempotencyKey: 'x' }], ['personen.verwijderAlles', {}], ['constructor.name', {}],
    ];
    for (const [kanaal, args] of onzin) {
      const uitkomst = await roep(ws, kanaal, args);
      expect(uitkomst, String(kanaal)).toMatchObject({ ok: false, probleem: { status: 400 } });
      expect(['ONGELDIGE_AANROEP', 'ONBEKENDE_AANROEP']).toContain(uitkomst.probleem.code);
    }
    expect(isiVerzoeken).toEqual([]);
    // The counter does count: a login of the right shape reaches ISI once, then asks ISI's date.
    expect(await roep(ws, 'sessie.inloggen', { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '123456' })).toMatchObject({ ok: true });
    expect(isiVerzoeken).toEqual(['POST /api/v1/sessies', 'GET /api/v1/status']);
    ws.terminate();
  });

  it('answers a message that is no call with a typed problem, and keeps answering', async () => {
    const ws = await open();
    const ongeldig = { ok: false, probleem: { status: 400, code: 'ONGELDIG_BERICHT', detail: expect.stringContaining('Herlaad de pagina') } };
    for (const ruw of ['geen json', '{"id": "een", "kanaal": "app.info"}', '[]', 'null']) {
      expect(await stuur(ws, ruw, null, 2_000), ruw).toMatchObject(ongeldig);
    }
    // A readable id gets its answer under that id, so the caller's promise settles (issue 10).
    for (const [id, ruw] of [[1, JSON.stringify({ id: 1, kanaal: 'x'.repeat(101), args: {} })], [2, '{"id": 2, "kanaal": 42}'], [3, '{"id": 3}']] as const) {
      expect(await stuur(ws, ruw, id, 2_000), ruw).toMatchObject(ongeldig);
    }
    expect(await roep(ws, 'app.info', {})).toMatchObject({ ok: true, waarde: { modus: 'browser', beleid: { vergrendelNaMinuten: 15, cacheBijUitloggen: 'vragen' } } });
    ws.terminate();
  });
});

describe('the secrets of the IPC socket (issue 12, finding 1)', () => {
  it('opens one socket per secret: the start secret is spent, and the start file (0600) gets a new one', async () => {
    const startbestand = host.startbestand!;
    expect(statSync(startbestand).mode & 0o777).toBe(0o600);
    const eerst = startsleutel();
    expect(readFileSync(startbestand, 'utf8')).toContain(`${host.url}/#sleutel=${eerst}`);
    const ws = await open();
    expect(await roep(ws, 'sessie.huidig', {})).toMatchObject({ ok: true });
    expect(startsleutel()).not.toBe(eerst);
    expect(readFileSync(startbestand, 'utf8')).toContain(`#sleutel=${startsleutel()}`);
    expect(readFileSync(startbestand, 'utf8')).not.toContain(eerst);
    expect(statSync(startbestand).mode & 0o777).toBe(0o600);
    // The spent secret opens nothing, not even with the right origin, and not while its socket is open.
    expect(await verbind({ protocollen: ['pib', `sleutel.${eerst}`] })).toBe(403);
    ws.terminate();
    expect(await verbind({ protocollen: ['pib', `sleutel.${eerst}`] })).toBe(403);
  });

  it('sends each socket the secret for its next connection (a reload), which works once too', async () => {
    const ws = await open();
    const volgende = await herverbindsleutels.get(ws)!;
    ws.terminate();
    const herladen = await verbind({ protocollen: ['pib', `sleutel.${volgende}`] });
    if (typeof herladen === 'number') throw new Error(`geweigerd: ${herladen}`);
    expect(await roep(herladen, 'sessie.huidig', {})).toMatchObject({ ok: true });
    const daarna = await herverbindsleutels.get(herladen)!;
    expect(daarna).not.toBe(volgende);
    expect(await verbind({ protocollen: ['pib', `sleutel.${volgende}`] })).toBe(403);
    herladen.terminate();
  });

  it(`keeps at most ${MAX_HERVERBINDGEHEIMEN} unused reconnection secrets, dropping the oldest`, async () => {
    const sleutels: string[] = [];
    for (let i = 0; i <= MAX_HERVERBINDGEHEIMEN; i++) {
      const ws = await open();
      sleutels.push(await herverbindsleutels.get(ws)!);
      ws.terminate();
    }
    expect(await verbind({ protocollen: ['pib', `sleutel.${sleutels[0]}`] })).toBe(403);
    const nieuwste = await verbind({ protocollen: ['pib', `sleutel.${sleutels.at(-1)}`] });
    expect(typeof nieuwste).not.toBe('number');
    if (typeof nieuwste !== 'number') nieuwste.terminate();
  });
});

describe('the page the host serves', () => {
  it('carries a CSP with a fresh nonce per load and nothing inline for scripts', async () => {
    const nonces: string[] = [];
    for (const pad of ['/', '/', '/personen/12']) {
      const { status, headers, tekst } = await haal(pad);
      expect(status).toBe(200);
      const csp = String(headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      expect(tekst).toContain(`content="${nonce}"`);
      nonces.push(nonce);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain(`connect-src 'self' ${host.url.replace(/^http/, 'ws')}`);
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['cache-control']).toBe('no-store');
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('never names a secret in what it serves', async () => {
    const tekst = (await haal('/')).tekst;
    expect(tekst).not.toContain(GEHEIM);
    expect(tekst).not.toContain(startsleutel());
  });

  it('serves nothing to a request that names it by another host name (DNS rebinding)', async () => {
    for (const naam of ['evil.example', `evil.example:${new URL(host.url).port}`, '127.0.0.1:1']) {
      const { status, tekst } = await haal('/', 'GET', naam);
      expect(status, naam).toBe(421);
      expect(tekst).not.toContain('csp-nonce');
    }
    expect((await haal('/', 'GET', `localhost:${new URL(host.url).port}`)).status).toBe(200);
  });

  it('serves the built files', async () => {
    const { status, headers, tekst } = await haal('/assets/app.js');
    expect(status).toBe(200);
    expect(headers['content-type']).toContain('text/javascript');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(tekst).toBe('export {}');
  });

  it.each(['/../geheim.txt', '/..%2fgeheim.txt', '/%2e%2e/geheim.txt', '/%2e%2e%2fgeheim.txt', '/assets/..%2f..%2fgeheim.txt', '/assets/%2e%2e/%2e%2e/geheim.txt', '/..%5cgeheim.txt', `/${'..%2f'.repeat(12)}etc%2fpasswd`, '/%ff', '/%00', '/geheim.txt%00.js'])(
    'does not leak a file outside the renderer: %s',
    async (pad) => {
      const { status, headers, tekst } = await haal(pad);
      expect(tekst).not.toContain('GEHEIM');
      expect(tekst).not.toContain('root:');
      expect([200, 400, 404]).toContain(status);
      if (status === 200) expect(headers['content-type']).toContain('text/html');
      // And the host is still there afterwards.
      expect((await haal('/')).status).toBe(200);
    },
  );

  it('refuses anything but GET and HEAD', async () => {
    expect((await haal('/', 'POST')).status).toBe(405);
    expect((await haal('/', 'HEAD')).status).toBe(200);
  });
});
