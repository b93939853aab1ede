import { createServer, request, type Server } from 'node:http';

/** What can go wrong on the way to ISI (issue 12, reliability tests). */
export type Storing = 'traag' | 'fout500' | 'verbroken' | 'afgekapt';
export const STORINGEN: readonly Storing[] = ['traag', 'fout500', 'verbroken', 'afgekapt'];

export interface Doorgegeven {
  methode: string;
  pad: string;
  status: number;
}

/**
 * A loopback proxy between the host and ISI that passes everything on, unless a test says
 * otherwise: `vasthouden` keeps ISI's answer to a write back (ISI did the work, the app never
 * hears of it, so a test can kill the host meanwhile); `storing` picks a fault per request.
 */
export interface Storingsproxy {
  url: string;
  vasthouden: boolean;
  /** Resolves when a held write has reached ISI and been answered there. */
  vastgehouden(): Promise<Doorgegeven>;
  /** Per request the fault to inject, or null to pass it on unharmed. */
  storing: ((verzoek: { methode: string; pad: string }) => Storing | null) | null;
  /** How long a `traag` answer is held before it goes on. */
  traagMs: number;
  /** The faults injected so far, per kind. */
  readonly geteld: Record<Storing, number>;
  /** Writes that reached ISI, with ISI's status: what ISI applied whatever the app heard. */
  readonly schrijvenBijIsi: Doorgegeven[];
  stop(): Promise<void>;
}

const PROBLEEM_500 = JSON.stringify({ type: 'about:blank', title: 'Fout', status: 500, detail: 'Storing (test): de server gaf een fout.' });

/**
 * Faults, as a network and a gateway make them:
 * - `traag`: the answer arrives, `traagMs` late;
 * - `fout500`: a read is answered 500 without reaching ISI; a write reaches ISI (which applies it)
 *   and its answer is replaced by a 500, as a gateway that failed on the way back;
 * - `verbroken`: the request reaches ISI, then the connection drops before any answer;
 * - `afgekapt`: the answer's headers (with the full Content-Length) and half its body, then the
 *   connection drops.
 */
export async function startStoringsproxy(isiUrl: string): Promise<Storingsproxy> {
  const doel = new URL(isiUrl);
  const wachtenden: ((x: Doorgegeven) => void)[] = [];
  const gehouden: Doorgegeven[] = [];
  const geteld = Object.fromEntries(STORINGEN.map((s) => [s, 0])) as Record<Storing, number>;
  const proxy: Storingsproxy = {
    url: '',
    vasthouden: false,
    vastgehouden: () => new Promise((klaar) => (gehouden.length ? klaar(gehouden.shift()!) : wachtenden.push(klaar))),
    storing: null,
    traagMs: 3_000,
    geteld,
    schrijvenBijIsi: [],
    stop: () => new Promise((klaar) => {
      server.closeAllConnections();
      server.close(() => klaar());
    }),
  };
  const server: Server = createServer((req, res) => {
    const methode = req.method ?? 'GET';
    const pad = req.url ?? '/';
    const schrijft = methode !== 'GET' && methode !== 'HEAD';
    const storing = proxy.storing?.({ methode, pad }) ?? null;
    if (storing) geteld[storing]++;
    if (storing === 'fout500' && !schrijft) {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/problem+json' }).end(PROBLEEM_500);
      return;
    }
    const uit = request({ host: doel.hostname, port: doel.port, method: methode, path: pad, headers: req.headers }, (antwoord) => {
      const status = antwoord.statusCode ?? 0;
      const stukken: Buffer[] = [];
      antwoord.on('data', (d: Buffer) => stukken.push(d));
      antwoord.on('end', () => {
        if (schrijft) proxy.schrijvenBijIsi.push({ methode, pad, status });
        if (proxy.vasthouden && schrijft) {
          const x = { methode, pad, status };
          const w = wachtenden.shift();
          if (w) w(x);
          else gehouden.push(x);
          return;
        }
        const body = Buffer.concat(stukken);
        switch (storing) {
          case 'verbroken':
            res.destroy();
            return;
          case 'fout500':
            res.writeHead(500, { 'content-type': 'application/problem+json' }).end(PROBLEEM_500);
            return;
          case 'afgekapt':
            res.writeHead(status, { ...antwoord.headers, 'content-length': String(body.length) });
            res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
            return;
          case 'traag':
            setTimeout(() => res.writeHead(status, antwoord.headers).end(body), proxy.traagMs);
            return;
          default:
            res.writeHead(status, antwoord.headers).end(body);
        }
      });
    });
    uit.on('error', () => res.destroy());
    req.pipe(uit);
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', () => klaar()));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}
