import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Diensten } from '../diensten';
import { metNonce, rendererCsp } from '../csp';
import { verwerkAanroep } from '../ipc/verwerker';
import { logboek } from '../log/logboek';
import { DOWNLOAD_ID, type EenmaligeDownloads } from './downloads';
import { Toegangsgeheimen } from './toegangsgeheimen';
import { schrijfStartbestand, verwijderStartbestand } from './startbestand';
import { naarFrame } from './frame';
import { probleem } from '../../shared/probleem';

const SOORTEN: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json',
};

/** What "Openen in Excel" offers for download (downloads.ts). */
const DOWNLOAD_SOORTEN: Record<string, string> = { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

const Bericht = z.object({ id: z.number().int(), kanaal: z.string().max(100), args: z.unknown() });
const BerichtId = Bericht.pick({ id: true });

/** What the socket says to a message that is no call (issue 12, finding 12). */
const ONGELDIG_BERICHT = {
  ok: false,
  probleem: probleem({ status: 400, code: 'ONGELDIG_BERICHT', title: 'Ongeldig bericht', detail: 'Dit bericht is geen aanroep van de app en is niet uitgevoerd. Herlaad de pagina; wat u invulde blijft staan.' }),
} as const;

export interface Host {
  url: string;
  /** The link with the current start secret: valid for one connection, then replaced. */
  readonly toegangsUrl: string;
  /** The start file (0600) that forwards to `toegangsUrl`, when the host has a data folder. */
  startbestand: string | null;
  /** The remembered port that was taken, when the host had to listen on another one. */
  poortBezet: number | null;
  stop(): Promise<void>;
}

/** Listens on `poort`, or (unless `strikt`) on a free one when it is taken; resolves with whether it had to. */
function luister(server: ReturnType<typeof createServer>, poort: number, strikt: boolean): Promise<boolean> {
  return new Promise((klaar, faal) => {
    const fout = (e: NodeJS.ErrnoException) => {
      if (strikt || poort === 0 || e.code !== 'EADDRINUSE') {
        faal(e);
        return;
      }
      server.listen(0, '127.0.0.1', () => klaar(true));
    };
    server.once('error', fout);
    server.listen(poort, '127.0.0.1', () => {
      server.off('error', fout);
      klaar(false);
    });
  });
}

/**
 * Browser mode: the same main services as the desktop app, in plain Node. Serves the built
 * renderer on 127.0.0.1 and the IPC contract over a WebSocket that only a page holding a secret of
 * this run may open, once per secret (toegangsgeheimen.ts says how a reload still works). The start secret
 * travels in the URL fragment, which never reaches a server or a log, and in a start file only
 * this OS user may read (startbestand.ts); never in a process argument or environment.
 *
 * Only requests that name this host by a loopback name (`Host`) are served, which shuts out DNS
 * rebinding; the socket also wants this host's exact `Origin`.
 *
 * `port`: the port to use; with `poortStrikt` false a taken port is not an error but replaced by
 * a free one (`poortBezet` says so).
 */
export async function startHost(opties: {
  diensten: Diensten; rendererMap: string; port?: number; poortStrikt?: boolean; geheim?: string; downloads?: EenmaligeDownloads; dataMap?: string;
}): Promise<Host> {
  // Absolute, so that the containment check below compares like with like.
  const rendererMap = resolve(opties.rendererMap);
  const indexPad = join(rendererMap, 'index.html');
  if (!existsSync(indexPad)) throw new Error(`De renderer is niet gebouwd (${indexPad} ontbreekt). Voer eerst 'npm run build' uit.`);
  let herkomst = '';
  let hostnamen = new Set<string>();
  let startbestand: string | null = null;
  const geheimen = new Toegangsgeheimen(opties.geheim, (nieuw) => {
    if (opties.dataMap) startbestand = schrijfStartbestand(opties.dataMap, `${herkomst}/#sleutel=${nieuw}`);
  });

  function bediend(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!hostnamen.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Deze app is alleen bereikbaar via 127.0.0.1 of localhost.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let pad: string;
    try {
      pad = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      // A malformed escape (`/%ff`) is a bad request, not a crash of the host.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Ongeldig pad');
      return;
    }
    if (pad.startsWith('/download/')) {
      geefDownload(req, res, pad.slice('/download/'.length));
      return;
    }
    const bestand = normalize(join(rendererMap, pad));
    const binnen = bestand.startsWith(rendererMap + sep);
    const isBestand = binnen && existsSync(bestand) && statSync(bestand).isFile() && !bestand.endsWith('index.html');
    if (isBestand) {
      res.writeHead(200, { 'Content-Type': SOORTEN[extname(bestand)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      createReadStream(bestand).pipe(res);
      return;
    }
    if (extname(pad) !== '' && pad !== '/index.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
      return;
    }
    // Every route of the app is the one page; a fresh nonce each time it is served.
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': rendererCsp(nonce, herkomst.replace(/^http/, 'ws')),
      'X-Frame-Options': 'DENY',
    });
    res.end(metNonce(readFileSync(indexPad, 'utf8'), nonce));
  }

  /**
   * A workbook main saved and offered (downloads.ts), as an attachment: once, then never again,
   * and never cached. A HEAD would spend the link without a download, so only GET is answered.
   */
  function geefDownload(req: IncomingMessage, res: ServerResponse, id: string): void {
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    const pad = DOWNLOAD_ID.test(id) ? (opties.downloads?.neem(id) ?? null) : null;
    const gegevens = pad === null ? undefined : statSync(pad, { throwIfNoEntry: false });
    if (pad === null || !gegevens?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        .end("Deze download bestaat niet (meer): een downloadlink werkt één keer en tien minuten lang. Kies opnieuw 'Openen in Excel' voor een nieuwe link.");
      return;
    }
    const naam = basename(pad);
    // RFC 6266: a plain-ASCII name for old clients, the exact name (RFC 5987 encoded) for the rest.
    const ascii = naam.replace(/[^\x20-\x7e]|["\\]/g, '_');
    const utf8 = encodeURIComponent(naam).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    res.writeHead(200, {
      'Content-Type': DOWNLOAD_SOORTEN[extname(naam)] ?? 'application/octet-stream',
      'Content-Length': gegevens.size,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(pad).on('error', () => res.destroy()).pipe(res);
  }

  const server = createServer(bediend);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    // The secret was checked (and spent) before the upgrade; the page asks for both protocols.
    handleProtocols: (protocollen) => (protocollen.has('pib') ? 'pib' : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const protocollen = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    const geheim = protocollen.find((p) => p.startsWith('sleutel.'))?.slice('sleutel.'.length);
    // Cheap checks first; the secret is spent only by a request that passes all of them.
    const goed = req.url === '/ipc' && hostnamen.has(req.headers.host ?? '') && req.headers.origin === herkomst && protocollen.includes('pib')
      && geheim !== undefined && geheimen.gebruik(geheim);
    if (!goed) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => verbind(ws));
  });

  function verbind(ws: WebSocket): void {
    ws.send(JSON.stringify({ sleutel: geheimen.geefHerverbindgeheim() }));
    ws.on('message', (ruw) => {
      beantwoord(ws, String(ruw)).catch((fout: unknown) => logboek().error({ err: fout }, 'antwoord op de socket mislukt'));
    });
  }

  async function beantwoord(ws: WebSocket, tekst: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(tekst);
    } catch {
      json = undefined;
    }
    const bericht = Bericht.safeParse(json);
    if (!bericht.success) {
      // A message with a readable id is answered under it, so the caller's promise settles (issue 10).
      const id = BerichtId.safeParse(json);
      ws.send(naarFrame({ id: id.success ? id.data.id : null, uitkomst: ONGELDIG_BERICHT }));
      return;
    }
    const uitkomst = await verwerkAanroep(opties.diensten, bericht.data.kanaal, bericht.data.args);
    ws.send(naarFrame({ id: bericht.data.id, uitkomst }));
  }

  const gevraagd = opties.port ?? 0;
  const uitgeweken = await luister(server, gevraagd, opties.poortStrikt ?? true);
  const adres = server.address() as { port: number };
  herkomst = `http://127.0.0.1:${adres.port}`;
  hostnamen = new Set([`127.0.0.1:${adres.port}`, `localhost:${adres.port}`, `[::1]:${adres.port}`]);
  if (opties.dataMap) startbestand = schrijfStartbestand(opties.dataMap, `${herkomst}/#sleutel=${geheimen.startgeheim}`);
  return {
    url: herkomst,
    get toegangsUrl() {
      return `${herkomst}/#sleutel=${geheimen.startgeheim}`;
    },
    get startbestand() {
      return startbestand;
    },
    poortBezet: uitgeweken ? gevraagd : null,
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((klaar) => server.close(() => klaar()));
      if (opties.dataMap) verwijderStartbestand(opties.dataMap);
    },
  };
}
