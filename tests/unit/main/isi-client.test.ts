import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GEEN_VERBINDING, IsiClient, IsiFout, SESSIE_VERLOPEN } from '../../../main/isi/client';

type Antwoord = { status: number; type?: string; body: string };
let volgend: Antwoord = { status: 200, body: '{}' };
let ontvangen: IncomingMessage[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    ontvangen.push(req);
    res.writeHead(volgend.status, { 'Content-Type': volgend.type ?? 'application/json' }).end(volgend.body);
  });
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((klaar) => server.close(klaar)));
beforeEach(() => {
  ontvangen = [];
});

async function fout(belofte: Promise<unknown>): Promise<IsiFout> {
  const f = await belofte.then(() => null, (e: unknown) => e);
  expect(f).toBeInstanceOf(IsiFout);
  return f as IsiFout;
}

/** A loopback port nobody listens on: taken from the system, then released. */
async function vrijePoort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((klaar) => s.listen(0, '127.0.0.1', klaar));
  const poort = (s.address() as { port: number }).port;
  await new Promise((klaar) => s.close(klaar));
  return poort;
}

const PROBLEEM = {
  type: 'urn:isi:probleem:validatie', title: 'Ongeldige invoer', status: 422, code: 'VALIDATIE', regel: 'R-PVT-5',
  detail: 'De reden niet voldaan past niet bij de datum.', fouten: [{ veld: 'redenNietVoldaan', code: 'R-PVT-5', melding: 'Kies een reden die past bij de datum.' }],
};

describe('IsiClient', () => {
  it('a refused connection becomes GEEN_VERBINDING with a Dutch explanation', async () => {
    const client = new IsiClient(`http://127.0.0.1:${await vrijePoort()}`);
    const f = await fout(client.vraag('POST', '/api/v1/sessies', { body: {}, open: true }));
    expect(f.probleem).toEqual(GEEN_VERBINDING);
    expect(f.probleem.code).toBe('GEEN_VERBINDING');
    expect(f.probleem.detail).toMatch(/^Er is geen verbinding met DUO \(ISI\)\. .*Wat u hebt ingevuld, blijft staan\.$/);
  });

  it('a server that does not answer in time is GEEN_VERBINDING too', async () => {
    const stil = createServer(() => undefined);
    await new Promise<void>((klaar) => stil.listen(0, '127.0.0.1', klaar));
    try {
      const client = new IsiClient(`http://127.0.0.1:${(stil.address() as { port: number }).port}`, { timeoutMs: 200 });
      expect((await fout(client.vraag('GET', '/api/v1/status', { open: true }))).probleem.code).toBe('GEEN_VERBINDING');
    } finally {
      stil.closeAllConnections();
      await new Promise((klaar) => stil.close(klaar));
    }
  });

  it('sends the token as a bearer, and never on an open request', async () => {
    const client = new IsiClient(url);
    client.zetToken('geheim-token');
    await client.vraag('GET', '/api/v1/x');
    await client.vraag('POST', '/api/v1/sessies', { body: {}, open: true });
    expect(ontvangen.map((r) => r.headers.authorization)).toEqual(['Bearer geheim-token', undefined]);
  });

  it('without a token, asks to log in and sends nothing', async () => {
    const f = await fout(new IsiClient(url).vraag('GET', '/api/v1/gemeenten/0014/bestanden'));
    expect(f.probleem).toEqual(SESSIE_VERLOPEN);
    expect(ontvangen).toHaveLength(0);
  });

  it('a 401 forgets the token, so the next call asks to log in without reaching ISI', async () => {
    const client = new IsiClient(url);
    client.zetToken('verlopen');
    volgend = { status: 401, type: 'application/problem+json', body: JSON.stringify({ type: 'urn:isi:probleem:niet_ingelogd', title: 'Niet ingelogd', status: 401, code: 'NIET_INGELOGD', detail: 'De sessie is verlopen.' }) };
    const f = await fout(client.vraag('GET', '/api/v1/gemeenten/0014/bestanden'));
    expect(f.probleem).toMatchObject({ status: 401, code: 'NIET_INGELOGD', detail: 'De sessie is verlopen.' });
    expect(client.ingelogd).toBe(false);
    expect((await fout(client.vraag('GET', '/api/v1/gemeenten/0014/bestanden'))).probleem).toEqual(SESSIE_VERLOPEN);
    expect(ontvangen).toHaveLength(1);
  });

  it('a 401 on logging in (a wrong code) keeps no token and is passed through', async () => {
    const client = new IsiClient(url);
    volgend = { status: 401, type: 'application/problem+json', body: JSON.stringify({ ...PROBLEEM, status: 401, code: 'INLOGGEN_MISLUKT', detail: 'Inloggen is niet gelukt.' }) };
    expect((await fout(client.vraag('POST', '/api/v1/sessies', { body: {}, open: true }))).probleem.code).toBe('INLOGGEN_MISLUKT');
  });

  it('passes a problem+json of ISI through as it is, with its field errors', async () => {
    const client = new IsiClient(url);
    client.zetToken('t');
    volgend = { status: 422, type: 'application/problem+json', body: JSON.stringify(PROBLEEM) };
    expect((await fout(client.vraag('PUT', '/api/v1/gemeenten/0014/personen/1/pvt', { body: {} }))).probleem).toEqual(PROBLEEM);
    expect(client.ingelogd).toBe(true);
  });

  it('passes a problem through on a binary download too', async () => {
    const client = new IsiClient(url);
    client.zetToken('t');
    volgend = { status: 404, type: 'application/problem+json', body: JSON.stringify({ ...PROBLEEM, status: 404, code: 'NIET_GEVONDEN' }) };
    expect((await fout(client.vraag('GET', '/api/v1/gemeenten/0014/bestanden/x.zip', { binair: true }))).probleem).toMatchObject({ status: 404, code: 'NIET_GEVONDEN' });
  });

  it('an answer that is no problem becomes ONBEKEND_ANTWOORD with its status, in Dutch', async () => {
    const client = new IsiClient(url);
    client.zetToken('t');
    volgend = { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' };
    const f = await fout(client.vraag('GET', '/api/v1/x'));
    expect(f.probleem).toMatchObject({ status: 502, code: 'ONBEKEND_ANTWOORD' });
    expect(f.probleem.detail).toContain('DUO (ISI) gaf een onverwacht antwoord (status 502)');
  });
});
