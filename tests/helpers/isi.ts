import { afterAll } from 'vitest';
import { volgendeTotpCode, type TotpKlok } from './totp';
import { maakIsi, type Isi, type StartOpties } from '../../server/start';

export const DEMO_TOTP = 'JBSWY3DPEHPK3PXP';

export interface Antwoord<T = any> {
  status: number;
  headers: Headers;
  body: T;
  tekst: string;
}

export interface TestServer extends Isi {
  url: string;
  /** One real HTTP call; the body is sent as JSON unless it is a string. */
  vraag<T = any>(methode: string, pad: string, opties?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Antwoord<T>>;
  login(gebruiker: 'demo-muteren' | 'demo-raadplegen' | 'demo-beheerder' | 'demo-cvs-0014'): Promise<string>;
  /** The next TOTP code of a user that this server accepts (tests/helpers/totp.ts); the demo users' secret unless given. */
  totp(gebruiker: string, geheim?: string): Promise<string>;
  logregels: string[];
}

/**
 * Starts the reference server on a free loopback port with an in-memory database, as the tests'
 * real peer, and stops it after the file's tests.
 */
export async function startTestServer(opties: Partial<StartOpties> = {}): Promise<TestServer> {
  const logregels: string[] = [];
  // Unless the test brings its own clock, the server's real clock runs ahead of the wall clock by
  // as much as the tests let pass: a fourth login of a user within one TOTP step moves it on to the
  // next step instead of waiting up to 30 s.
  let voorsprong = 0;
  const klok: TotpKlok = opties.echteTijd
    ? { nu: opties.echteTijd }
    : { nu: () => Date.now() + voorsprong, verzet: (ms) => void (voorsprong += ms) };
  const isi = await maakIsi({ db: ':memory:', demo: true, vandaag: '2025-03-01', logStream: { write: (r: string) => void logregels.push(r) }, ...opties, echteTijd: klok.nu });
  const url = await isi.app.listen({ host: '127.0.0.1', port: 0 });
  afterAll(async () => {
    await isi.app.close();
  });
  async function vraag<T>(methode: string, pad: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Antwoord<T>> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const r = await fetch(`${url}${pad}`, { method: methode, headers, ...(body !== undefined ? { body } : {}) });
    const tekst = await r.text();
    const soort = r.headers.get('content-type') ?? '';
    return { status: r.status, headers: r.headers, tekst, body: (soort.includes('json') && tekst ? JSON.parse(tekst) : tekst) as T };
  }
  async function login(gebruiker: string): Promise<string> {
    const body = gebruiker === 'demo-cvs-0014'
      ? { applicatiesleutel: gebruiker, wachtwoord: 'demo' }
      : { gebruikersnaam: gebruiker, wachtwoord: 'demo', totp: await totp(gebruiker) };
    const r = await vraag<{ token: string }>('POST', '/api/v1/sessies', { body });
    if (r.status !== 201) throw new Error(`login ${gebruiker}: ${r.status} ${r.tekst}`);
    return r.body.token;
  }
  const totp = (gebruiker: string, geheim = DEMO_TOTP) => volgendeTotpCode(geheim, `${url}|${gebruiker}`, klok);
  return { ...isi, url, vraag, login, totp, logregels };
}
