import { expect } from 'vitest';
import { Persoon, Probleem, type Persoon as PersoonType, type SignaalInLijst, type SimulatiePersoon } from '../../../shared/schemas/api';
import type { Antwoord, TestServer } from '../../helpers/isi';

/** Shared helpers of the HTTP tests of the reference server (not a test file itself). */

export const BEVEILIGINGSKOPPEN: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
};

/** API.md: every response carries API-Version and the security headers of the API Design Rules. */
export function verwachtKoppen(r: Antwoord): void {
  expect(r.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
  for (const [naam, waarde] of Object.entries(BEVEILIGINGSKOPPEN)) expect(r.headers.get(naam), naam).toBe(waarde);
}

/** A few words that every Dutch sentence of the server contains at least one of. */
const NEDERLANDS = /\b(de|het|een|is|niet|van|deze|dit|u|uw|geen|moet|mag|kan|veld|bij|te|voor|met|verzoek|persoon|ingelogd|of|en|op|in|om|zijn|wordt|kunt|onbekende?|gemeente)\b/i;

/**
 * API.md "Errors": problem+json with the status, the rule that refused it (when given), a Dutch
 * detail fit to show, and no stack trace.
 */
export function verwachtProbleem(r: Antwoord, status: number, regel?: string | null): ReturnType<typeof Probleem.parse> {
  expect(r.status, r.tekst).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = Probleem.parse(r.body);
  expect(p.status).toBe(status);
  if (regel !== undefined) expect(p.regel ?? null).toBe(regel);
  expect(p.detail.length).toBeGreaterThan(5);
  expect(p.detail).toMatch(NEDERLANDS);
  for (const f of p.fouten ?? []) expect(f.melding).toMatch(NEDERLANDS);
  expect(r.tekst).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(r.tekst).not.toMatch(/stack|Error:/i);
  verwachtKoppen(r);
  return p;
}

/** The OpenAPI document's paths with the server's base path in front: the URLs a client calls. */
export function volledigePaden<T>(doc: { servers: { url: string }[]; paths: Record<string, T> }): Record<string, T> {
  return Object.fromEntries(Object.entries(doc.paths).map(([pad, item]) => [`${doc.servers[0]!.url}${pad}`, item]));
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** POST /api/v1/simulatie/personen: a person in exactly the situation a test needs. */
export async function maakPersoon(isi: TestServer, token: string, velden: { gemeentecode: SimulatiePersoon['gemeentecode'] } & Record<string, unknown>): Promise<PersoonType> {
  const r = await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: velden });
  expect(r.status, r.tekst).toBe(201);
  return Persoon.parse(r.body);
}

export async function zetKlok(isi: TestServer, token: string, vandaag: string): Promise<{ vandaag: string; dagen: number; signalen: number; definitief: number; opgeschoond: number }> {
  const r = await isi.vraag('POST', '/api/v1/simulatie/klok', { token, body: { vandaag } });
  expect(r.status, r.tekst).toBe(200);
  return r.body;
}

export async function gebeurtenis(isi: TestServer, token: string, body: Record<string, unknown>): Promise<{ id: string; persoonId: string; signalen: { id: string; code: string; gemeentecode: string }[] }> {
  const r = await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body });
  expect(r.status, r.tekst).toBe(201);
  return r.body;
}

export async function leesPersoon(isi: TestServer, token: string, gc: string, id: string): Promise<PersoonType> {
  const r = await isi.vraag('GET', `/api/v1/gemeenten/${gc}/personen/${id}`, { token });
  expect(r.status, r.tekst).toBe(200);
  return Persoon.parse(r.body);
}

/** Every signal of this BSN in gemeente `gc`, through the signal search (R-SIG-4). */
export async function signalenVan(isi: TestServer, token: string, gc: string, bsn: string, extra: Record<string, unknown> = {}): Promise<SignaalInLijst[]> {
  const r = await isi.vraag('POST', `/api/v1/gemeenten/${gc}/signalen/_zoek`, { token, body: { bsn, paginaGrootte: 500, sorteer: 'datum', ...extra } });
  expect(r.status, r.tekst).toBe(200);
  return r.body.items;
}

/** All pages of a search, joined. */
export async function zoekAlles<T>(isi: TestServer, token: string, pad: string, vraag: Record<string, unknown>): Promise<{ items: T[]; totaal: number }> {
  const items: T[] = [];
  const totalen: number[] = [];
  for (let pagina = 1; ; pagina++) {
    const r = await isi.vraag('POST', pad, { token, body: { ...vraag, pagina, paginaGrootte: 500 } });
    expect(r.status, r.tekst).toBe(200);
    totalen.push(r.body.totaal);
    items.push(...r.body.items);
    if (r.body.items.length < 500) break;
  }
  // Every page tells the same total, and the pages together hold exactly that many.
  expect(new Set(totalen).size).toBe(1);
  expect(items.length).toBe(totalen[0]);
  return { items, totaal: totalen[0]! };
}

/** The four PVT fields, all empty unless given. */
export function pvt(velden: Partial<Record<'datumStartDeelname' | 'datumEindeDeelname' | 'datumVoldaan' | 'redenNietVoldaan', string | null>> = {}) {
  return { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null, ...velden };
}

/** Looks up (never changes) one row through the test's database handle. */
export function eenRij<T>(isi: TestServer, sql: string, ...params: unknown[]): T {
  const rij = isi.db.prepare(sql).get(...params) as T | undefined;
  if (rij === undefined) throw new Error(`geen rij voor ${sql}`);
  return rij;
}

/** A BSN that passes the elfproef and is not in use: for negative searches. */
export function vrijeBsn(isi: TestServer): string {
  for (let n = 123456780; n < 123999999; n++) {
    const bsn = String(n);
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(bsn[i]);
    som -= Number(bsn[8]);
    if (som % 11 === 0 && !isi.db.prepare('SELECT 1 FROM personen WHERE bsn = ?').get(bsn)) return bsn;
  }
  throw new Error('geen vrije BSN');
}

/** The raw bytes of a GET (fetch's text() drops a UTF-8 BOM, so files are read as bytes). */
export async function haalBytes(isi: TestServer, pad: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const r = await fetch(`${isi.url}${pad}`, { headers: bearer(token) });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

/** Reads a CSV of the ISI dialect (BOM, ';', CRLF, quotes when needed), checking the dialect on the way. */
export function leesCsv(tekst: string): string[][] {
  expect(tekst.startsWith('\uFEFF')).toBe(true);
  const zonderBom = tekst.slice(1);
  expect(zonderBom.endsWith('\r\n')).toBe(true);
  // Every line break is CRLF (no bare LF or CR outside them).
  expect(zonderBom.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  const regels = zonderBom.slice(0, -2).split('\r\n');
  return regels.map((r) => {
    const velden: string[] = [];
    let i = 0;
    while (i <= r.length) {
      if (r[i] === '"') {
        let v = '';
        i++;
        for (;;) {
          if (i >= r.length) throw new Error(`quote not closed in: ${r}`);
          if (r[i] === '"' && r[i + 1] === '"') { v += '"'; i += 2; } else if (r[i] === '"') { i++; break; } else { v += r[i]; i++; }
        }
        velden.push(v);
        i++;
      } else {
        const einde = r.indexOf(';', i);
        velden.push(r.slice(i, einde === -1 ? r.length : einde));
        i = einde === -1 ? r.length + 1 : einde + 1;
      }
    }
    return velden;
  });
}
