import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kanalen } from '../../../shared/ipc';
import type { Diensten } from '../../../main/diensten';

// The Electron binary cannot be installed on every machine; what main.ts wires is checked here
// against a stand-in for the one Electron capability these functions call themselves.
const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { beveiligSessie, beveiligVenster, maakProtocolHandler } = await import('../../../main/electron/beveiliging');
const { AFZENDER_GEWEIGERD, registreerIpc } = await import('../../../main/ipc/registreer');
const { APP_ORIGIN, devtoolsToegestaan, isEigenUrl, pasVensterbeleidToe, vensterOpties } = await import('../../../main/electron/venster');

beforeEach(() => openExternal.mockClear());

describe('vensterOpties', () => {
  const web = vensterOpties('/app/preload.cjs').webPreferences!;

  it('isolates and sandboxes the page, with no Node anywhere in it', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.preload).toBe('/app/preload.cjs');
  });

  it('opens developer tools only when asked for explicitly', () => {
    expect(vensterOpties('p').webPreferences!.devTools).toBe(false);
    expect(vensterOpties('p', { devtools: true }).webPreferences!.devTools).toBe(true);
  });

  it('devtoolsToestaan decides in an installed app; PIB_DEVTOOLS counts only in a development build', () => {
    expect(devtoolsToegestaan({ devtoolsToestaan: false }, { verpakt: true, env: { PIB_DEVTOOLS: '1' } })).toBe(false);
    expect(devtoolsToegestaan({ devtoolsToestaan: true }, { verpakt: true, env: {} })).toBe(true);
    expect(devtoolsToegestaan({ devtoolsToestaan: false }, { verpakt: false, env: { PIB_DEVTOOLS: '1' } })).toBe(true);
    expect(devtoolsToegestaan({ devtoolsToestaan: false }, { verpakt: false, env: {} })).toBe(false);
  });

  it('inhoudBeschermen turns on content protection, and only then', () => {
    const venster = { setContentProtection: vi.fn() };
    pasVensterbeleidToe(venster, { inhoudBeschermen: false });
    expect(venster.setContentProtection).not.toHaveBeenCalled();
    pasVensterbeleidToe(venster, { inhoudBeschermen: true });
    expect(venster.setContentProtection).toHaveBeenCalledWith(true);
  });

  it('knows only the app origin as its own', () => {
    expect(isEigenUrl(`${APP_ORIGIN}/personen/1`)).toBe(true);
    for (const vreemd of ['https://duo.nl/', 'pib://app.evil/', 'pib://other/', 'file:///etc/passwd', 'http://app/', 'geen url', '']) {
      expect(isEigenUrl(vreemd), vreemd).toBe(false);
    }
  });
});

type Luisteraar = (e: { preventDefault: () => void }, url: string) => void;

function nepWebContents() {
  const luisteraars = new Map<string, Luisteraar>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const wc = {
    on: vi.fn((naam: string, f: Luisteraar) => luisteraars.set(naam, f)),
    setWindowOpenHandler: vi.fn((f: (d: { url: string }) => { action: string }) => (openHandler = f)),
  };
  beveiligVenster(wc as never);
  const gebeurtenis = (naam: string, url = '') => {
    const e = { preventDefault: vi.fn() };
    luisteraars.get(naam)!(e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { gebeurtenis, open: (url: string) => openHandler!({ url }) };
}

describe('beveiligVenster', () => {
  it('prevents navigating or redirecting to a foreign URL, allows the app its own pages', () => {
    const wc = nepWebContents();
    for (const naam of ['will-navigate', 'will-redirect']) {
      expect(wc.gebeurtenis(naam, 'https://evil.example/'), naam).toBe(true);
      expect(wc.gebeurtenis(naam, 'file:///etc/passwd'), naam).toBe(true);
      expect(wc.gebeurtenis(naam, `${APP_ORIGIN}/signalen`), naam).toBe(false);
    }
  });

  it('never attaches a webview', () => {
    expect(nepWebContents().gebeurtenis('will-attach-webview')).toBe(true);
  });

  it('denies every new window; DUO\'s site opens in the browser, nothing else does', () => {
    const wc = nepWebContents();
    expect(wc.open('https://duo.nl/zakelijk/inburgering')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://duo.nl/zakelijk/inburgering');
    for (const url of ['https://duo.nl.evil.example/', 'http://duo.nl/', 'https://evil.example/?https://duo.nl/', 'file:///etc/passwd', `${APP_ORIGIN}/`]) {
      expect(wc.open(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('beveiligSessie', () => {
  it('refuses every permission request and check', () => {
    const sessie = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    beveiligSessie(sessie as never);
    const verzoek = sessie.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, antwoord: (ja: boolean) => void) => void;
    const controle = sessie.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string) => boolean;
    for (const permissie of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const antwoord = vi.fn();
      verzoek({}, permissie, antwoord);
      expect(antwoord, permissie).toHaveBeenCalledExactlyOnceWith(false);
      expect(controle({}, permissie), permissie).toBe(false);
    }
  });
});

describe('registreerIpc', () => {
  function registreer() {
    const handlers = new Map<string, (event: unknown, args: unknown) => unknown>();
    const dienst = vi.fn(async () => ({ versie: '1', modus: 'electron', isiUrl: 'http://isi', demo: false, beleid: { vergrendelNaMinuten: 15, syncIntervalMinuten: 5, wissenNaDagenZonderSync: 14, cacheBijUitloggen: 'vragen', bestandenBewarenDagen: 30 } }));
    const diensten = { app: { info: dienst } } as unknown as Diensten;
    registreerIpc({ handle: (naam: string, f: (event: unknown, args: unknown) => unknown) => handlers.set(naam, f) } as never, diensten);
    return { handlers, dienst };
  }
  const topFrame = { parent: null, url: `${APP_ORIGIN}/` };

  it('registers exactly the channels of the contract', () => {
    expect([...registreer().handlers.keys()].sort()).toEqual([...kanalen()].sort());
  });

  it('answers the app\'s own top frame', async () => {
    const { handlers, dienst } = registreer();
    const uitkomst = await handlers.get('app.info')!({ senderFrame: topFrame }, {});
    expect(uitkomst).toMatchObject({ ok: true, waarde: { modus: 'electron' } });
    expect(dienst).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a subframe of the app', { senderFrame: { parent: topFrame, url: `${APP_ORIGIN}/` } }],
    ['a frame of another origin', { senderFrame: { parent: null, url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { parent: null, url: 'file:///tmp/x.html' } }],
    ['a frame that is gone', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses %s with a typed problem and never runs the service', async (_wie, event) => {
    const { handlers, dienst } = registreer();
    const uitkomst = await handlers.get('app.info')!(event, {});
    expect(uitkomst).toEqual(AFZENDER_GEWEIGERD);
    expect(uitkomst).toMatchObject({ ok: false, probleem: { status: 403, code: 'AFZENDER_GEWEIGERD' } });
    expect(dienst).not.toHaveBeenCalled();
  });
});

describe('maakProtocolHandler', () => {
  const basis = mkdtempSync(join(tmpdir(), 'pib-protocol-'));
  const map = join(basis, 'renderer');
  mkdirSync(join(map, 'assets'), { recursive: true });
  writeFileSync(join(map, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(map, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(basis, 'geheim.txt'), 'GEHEIM-BUITEN-DE-RENDERER');
  const handler = maakProtocolHandler(map);
  const haal = (pad: string) => handler({ url: `${APP_ORIGIN}${pad}` });

  it('serves index.html for every route with a fresh nonce and a strict CSP', async () => {
    const nonces = new Set<string>();
    for (const pad of ['/', '/personen/12', '/index.html', '/../../']) {
      const antwoord = haal(pad);
      expect(antwoord.status).toBe(200);
      const csp = antwoord.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      expect(await antwoord.text()).toContain(`content="${nonce}"`);
      nonces.add(nonce);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
    expect(nonces.size).toBe(4);
  });

  it('serves the built files with their type', async () => {
    const antwoord = haal('/assets/app.js');
    expect(antwoord.headers.get('content-type')).toBe('text/javascript');
    expect(await antwoord.text()).toBe('console.log("app")');
  });

  it.each(['/../geheim.txt', '/..%2fgeheim.txt', '/%2e%2e/geheim.txt', '/assets/..%2f..%2fgeheim.txt', '/%2e%2e%2f%2e%2e%2fgeheim.txt', '/..%5cgeheim.txt', '/%ff', `/${'..%2f'.repeat(12)}etc%2fpasswd`])(
    'never serves a file outside the renderer folder: %s',
    async (pad) => {
      const antwoord = handler({ url: `${APP_ORIGIN}${pad}` });
      const tekst = await antwoord.text();
      expect(tekst).not.toContain('GEHEIM');
      expect(tekst).not.toContain('root:');
      expect([200, 400, 404]).toContain(antwoord.status);
      // What is served instead is the app's own page or a refusal, never a file's content.
      if (antwoord.status === 200) expect(antwoord.headers.get('content-type')).toContain('text/html');
    },
  );
});
