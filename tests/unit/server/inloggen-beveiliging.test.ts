import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maakDiensten } from '../../../main/diensten';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';
import { base32Encode, controleerTotp, totpCode } from '../../../server/auth/totp';
import { Begrenzer, Vertrager } from '../../../server/http/begrenzer';
import { DEMO_TOTP, startTestServer, type Antwoord } from '../../helpers/isi';
import { volgendeTotpCode } from '../../helpers/totp';
import { verwachtProbleem } from './hulp';

/**
 * Issue 12, findings 2, 3 and 5: one-time TOTP codes, throttling of requests without a session by
 * client address, and login throttling with growing delays per account and address. The server's
 * real clock is this test's (`nu`), so waits are exact and cost no time.
 */
let nu = Date.parse('2025-03-01T09:00:07Z');
const klok = () => nu;
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 5, echteTijd: klok, verzoekenZonderSessiePerMinuut: 20 });

/**
 * One JSON call from another loopback address (all of 127.0.0.0/8 is this machine), as a second
 * computer behind another, or the same, address would make it.
 */
function vanaf(adres: string, methode: string, pad: string, opties: { body?: unknown; token?: string } = {}): Promise<Antwoord> {
  const url = new URL(isi.url);
  const body = opties.body === undefined ? undefined : JSON.stringify(opties.body);
  return new Promise((klaar, faal) => {
    const req = request({
      host: url.hostname, port: url.port, path: pad, method: methode, localAddress: adres,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(opties.token ? { authorization: `Bearer ${opties.token}` } : {}) },
    }, (res) => {
      let tekst = '';
      res.on('data', (d) => (tekst += String(d)));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        klaar({ status: res.statusCode ?? 0, headers, tekst, body: tekst && headers.get('content-type')?.includes('json') ? JSON.parse(tekst) : tekst });
      });
    });
    req.on('error', faal);
    req.end(body);
  });
}

const code = (gebruiker: string) => volgendeTotpCode(DEMO_TOTP, `${isi.url}|${gebruiker}`, klok);
const inloggen = async (adres: string, gebruikersnaam: string, wachtwoord = 'demo') => vanaf(adres, 'POST', '/api/v1/sessies', { body: { gebruikersnaam, wachtwoord, totp: await code(gebruikersnaam) } });

describe('TOTP (R-AUTH-1, RFC 6238)', () => {
  // RFC 6238 Appendix B, SHA-1: the ASCII secret "12345678901234567890"; the published codes have
  // 8 digits, of which a 6-digit code is the last six (the same number modulo 10^6).
  const RFC_GEHEIM = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
  it.each([
    [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
  ])('gives the published SHA-1 test vector at T = %i s', (seconden, achtCijfers) => {
    expect(totpCode(RFC_GEHEIM, seconden * 1000)).toBe(achtCijfers.slice(-6));
  });

  it('accepts one step either side, and never a step at or before the last one used', () => {
    const t = 1111111111 * 1000;
    const stap = Math.floor(t / 30_000);
    const geheim = DEMO_TOTP;
    expect(controleerTotp(geheim, totpCode(geheim, t), t)).toBe(stap);
    expect(controleerTotp(geheim, totpCode(geheim, t - 30_000), t)).toBe(stap - 1);
    expect(controleerTotp(geheim, totpCode(geheim, t + 30_000), t)).toBe(stap + 1);
    expect(controleerTotp(geheim, totpCode(geheim, t - 60_000), t)).toBeNull();
    expect(controleerTotp(geheim, totpCode(geheim, t), t, stap)).toBeNull();
    expect(controleerTotp(geheim, totpCode(geheim, t - 30_000), t, stap)).toBeNull();
    expect(controleerTotp(geheim, totpCode(geheim, t + 30_000), t, stap)).toBe(stap + 1);
  });

  it('refuses a code that already logged this user in, even with the right password; the next code works', async () => {
    nu += 60_000;
    const eenmalig = totpCode(DEMO_TOTP, nu);
    const body = { gebruikersnaam: 'demo-raadplegen', wachtwoord: 'demo', totp: eenmalig };
    expect((await vanaf('127.0.0.1', 'POST', '/api/v1/sessies', { body })).status).toBe(201);
    verwachtProbleem(await vanaf('127.0.0.1', 'POST', '/api/v1/sessies', { body }), 401);
    // Nor from another address, nor a code of an earlier step that is still within the drift window.
    verwachtProbleem(await vanaf('127.0.0.9', 'POST', '/api/v1/sessies', { body }), 401);
    verwachtProbleem(await vanaf('127.0.0.9', 'POST', '/api/v1/sessies', { body: { ...body, totp: totpCode(DEMO_TOTP, nu - 30_000) } }), 401);
    // The step after it is still good: the user need not wait when the app shows the next code.
    expect((await vanaf('127.0.0.1', 'POST', '/api/v1/sessies', { body: { ...body, totp: totpCode(DEMO_TOTP, nu + 30_000) } })).status).toBe(201);
    // The step is stored (migration 2), so it holds across a restart of the server too.
    const rij = isi.db.prepare("SELECT totp_laatste_stap FROM gebruikers WHERE gebruikersnaam = 'demo-raadplegen'").get() as { totp_laatste_stap: number };
    expect(rij.totp_laatste_stap).toBe(Math.floor(nu / 30_000) + 1);
  });

  it('does not spend a step on a failed login: a wrong password with a good code leaves that code usable', async () => {
    nu += 120_000;
    const goed = totpCode(DEMO_TOTP, nu);
    verwachtProbleem(await vanaf('127.0.0.1', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-beheerder', wachtwoord: 'fout', totp: goed } }), 401);
    expect((await vanaf('127.0.0.1', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-beheerder', wachtwoord: 'demo', totp: goed } })).status).toBe(201);
  });
});

describe('login throttling: growing delays per account and address (issue 12, finding 5)', () => {
  const logNa = (van: number) => isi.logregels.slice(van).map((r) => JSON.parse(r) as { msg: string; inlogvertraging?: { account: string; adres: string; wachtSeconden: number } });

  it('five wrong passwords from elsewhere do not keep the right user out', async () => {
    nu += 20 * 60_000;
    for (let i = 0; i < 5; i++) {
      nu += 60_000;
      verwachtProbleem(await vanaf('127.0.0.2', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-muteren', wachtwoord: `fout${i}`, totp: '123456' } }), 401);
    }
    const r = await inloggen('127.0.0.1', 'demo-muteren');
    expect(r.status, r.tekst).toBe(201);
  });

  it('one guesser at one account waits longer after each failure (1 s, 2 s, 4 s …), never blocked for good, and it is logged', async () => {
    nu += 20 * 60_000;
    const logVan = isi.logregels.length;
    const wachttijden: number[] = [];
    for (let i = 0; i < 8; i++) {
      verwachtProbleem(await vanaf('127.0.0.3', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'onbekend.account', wachtwoord: 'x', totp: '123456' } }), 401);
      const direct = await vanaf('127.0.0.3', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'onbekend.account', wachtwoord: 'x', totp: '123456' } });
      if (direct.status === 429) {
        const p = verwachtProbleem(direct, 429);
        expect(p.detail).toMatch(/^Te veel mislukte pogingen\. Probeer het over \d+ (seconden|minuten) opnieuw\.$/);
        const wacht = Number(direct.headers.get('retry-after'));
        wachttijden.push(wacht);
        nu += wacht * 1000;
      } else {
        // No delay yet: this attempt was one more failure.
        verwachtProbleem(direct, 401);
        wachttijden.push(0);
      }
    }
    // Attempts 1+2 and 3 (the third failure) earn no wait; from then on each failure doubles it.
    expect(wachttijden[0]).toBe(0);
    expect(wachttijden.slice(-4)).toEqual([...wachttijden.slice(-4)].sort((a, b) => a - b));
    expect(wachttijden.at(-1)!).toBeGreaterThan(wachttijden.at(-2)!);
    expect(Math.max(...wachttijden)).toBeLessThanOrEqual(15 * 60);
    const regels = logNa(logVan).filter((r) => r.msg === 'mislukte pogingen: vertraagd');
    expect(regels.length).toBeGreaterThan(0);
    expect(regels.at(-1)!.inlogvertraging).toMatchObject({ account: 'u:onbekend.account', adres: 'ip:127.0.0.3' });
    expect(JSON.stringify(regels)).not.toContain('123456');
  });

  /** Failed logins until `aantal` of them were counted (a 401), waiting out each delay (a 429) as told. */
  async function faal(aantal: number, poging: (i: number) => Promise<Antwoord>): Promise<void> {
    for (let geteld = 0, i = 0; geteld < aantal; i++) {
      const r = await poging(i);
      if (r.status === 429) {
        nu += Number(r.headers.get('retry-after')) * 1000;
      } else {
        verwachtProbleem(r, 401);
        geteld++;
      }
    }
  }

  it('a gemeente behind one address: failures of many accounts slow that address at most five minutes, then a colleague logs in', async () => {
    nu += 20 * 60_000;
    await faal(40, (i) => vanaf('127.0.0.4', 'POST', '/api/v1/sessies', { body: { gebruikersnaam: `typfout${i}`, wachtwoord: 'x', totp: '123456' } }));
    const geremd = await inloggen('127.0.0.4', 'demo-muteren');
    verwachtProbleem(geremd, 429);
    // 40 failures would earn 2^20 s; the address alone never waits more than five minutes.
    expect(Number(geremd.headers.get('retry-after'))).toBe(5 * 60);
    nu += 5 * 60_000;
    expect((await inloggen('127.0.0.4', 'demo-muteren')).status).toBe(201);
    // Another address was never slowed by it.
    expect((await inloggen('127.0.0.5', 'demo-raadplegen')).status).toBe(201);
  });

  it('one account guessed at from many addresses waits at most five minutes, from anywhere', async () => {
    nu += 20 * 60_000;
    await faal(20, (i) => vanaf(`127.0.1.${i + 1}`, 'POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-beheerder', wachtwoord: `fout${i}`, totp: '123456' } }));
    const r = await inloggen('127.0.0.1', 'demo-beheerder');
    verwachtProbleem(r, 429);
    expect(Number(r.headers.get('retry-after'))).toBe(5 * 60);
    nu += 5 * 60_000;
    expect((await inloggen('127.0.0.1', 'demo-beheerder')).status).toBe(201);
  });
});

describe('requests without a valid session, per client address (issue 12, finding 3)', () => {
  it('counts made-up tokens by address, not by token, and never holds up a valid session from that address', async () => {
    nu += 20 * 60_000;
    const sessie = (await inloggen('127.0.0.6', 'demo-muteren')).body.token as string;
    const statussen: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await vanaf('127.0.0.6', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: randomBytes(16).toString('hex') });
      statussen.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statussen).toEqual([...Array(20).fill(401), ...Array(10).fill(429)]);
    verwachtProbleem(await vanaf('127.0.0.6', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand'), 429);
    // The colleague behind the same address with a real session goes on working.
    expect((await vanaf('127.0.0.6', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: sessie })).status).toBe(200);
    // Another address has its own count.
    verwachtProbleem(await vanaf('127.0.0.7', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: 'verzonnen' }), 401);
    // A minute later the address may try again.
    nu += 61_000;
    verwachtProbleem(await vanaf('127.0.0.6', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: 'verzonnen' }), 401);
  });
});

describe('the absolute lifetime of a session (issue 12, finding 6)', () => {
  it('ends a session after 10 hours however active it was, and never announces an end beyond that', async () => {
    nu += 20 * 60_000;
    const begin = nu;
    const token = (await inloggen('127.0.0.8', 'demo-raadplegen')).body.token as string;
    const einde = begin + 10 * 3_600_000;
    // Used every ten minutes, so never idle for 15.
    for (nu = begin + 10 * 60_000; nu <= einde - 5 * 60_000; nu += 10 * 60_000) {
      const r = await vanaf('127.0.0.8', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token });
      expect(r.status).toBe(200);
      expect(Date.parse(r.headers.get('sessie-verloopt-op')!)).toBeLessThanOrEqual(einde);
    }
    nu = einde + 1_000;
    const p = verwachtProbleem(await vanaf('127.0.0.8', 'GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token }), 401);
    expect(p.detail).toBe('Uw sessie is verlopen. Log opnieuw in.');
  });
});

describe('background sync is no activity (issue 12, finding 6)', () => {
  it('a session used only by requests marked Sessie-Gebruik: achtergrond ends after 15 idle minutes; the user\'s own request restarts them', async () => {
    nu += 20 * 60_000;
    const token = (await inloggen('127.0.0.9', 'demo-raadplegen')).body.token as string;
    const begin = nu;
    const achtergrond = { 'sessie-gebruik': 'achtergrond' };
    // Every 5 minutes a sync: it is answered, but the announced end stays where the login put it.
    for (nu = begin + 5 * 60_000; nu <= begin + 14 * 60_000; nu += 4 * 60_000) {
      const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=10', { token, headers: achtergrond });
      expect(r.status).toBe(200);
      expect(Date.parse(r.headers.get('sessie-verloopt-op')!)).toBe(begin + 15 * 60_000);
    }
    // The user does something at minute 14: 15 minutes from now.
    nu = begin + 14 * 60_000;
    const gebruiker = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token });
    expect(Date.parse(gebruiker.headers.get('sessie-verloopt-op')!)).toBe(nu + 15 * 60_000);
    nu = begin + 14 * 60_000 + 15 * 60_000 + 1_000;
    const p = verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=10', { token, headers: achtergrond }), 401);
    expect(p.detail).toBe('Uw sessie is verlopen. Log opnieuw in.');
  });

  it('main\'s sync pages are marked as background: synced every 5 minutes, the session still ends when the user does nothing', async () => {
    nu += 20 * 60_000;
    const dataMap = mkdtempSync(join(tmpdir(), 'pib-achtergrond-'));
    const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') });
    const diensten = maakDiensten({
      isi: new IsiClient(isi.url), platform, policy: STANDAARD_POLICY,
      kluis: maakKluis({ geheimen: platform.geheimen, dataMap }), info: { versie: 't', modus: 'browser', demo: true },
    });
    await diensten.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await code('demo-muteren') });
    const begin = nu;
    for (nu = begin + 5 * 60_000; nu < begin + 15 * 60_000; nu += 5 * 60_000) {
      expect(await verwerkAanroep(diensten, 'sync.pagina', { gc: '0014', cursor: null })).toMatchObject({ ok: true });
    }
    nu = begin + 15 * 60_000 + 1_000;
    expect(await verwerkAanroep(diensten, 'sync.pagina', { gc: '0014', cursor: null })).toMatchObject({ ok: false, probleem: { status: 401 } });
    expect(await verwerkAanroep(diensten, 'sessie.huidig', {})).toEqual({ ok: true, waarde: null });
  });
});

describe('the counters themselves', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hold at most their cap of keys however many come, and sweep on their timer, not while counting', () => {
    vi.useFakeTimers();
    let t = 0;
    const b = new Begrenzer(5, 60_000, { maxBronnen: 1_000, klok: () => t });
    const veeg = vi.spyOn(b, 'veeg');
    for (let i = 0; i < 50_000; i++) b.tel(`a:${i}`, t);
    expect(b.aantalBronnen).toBe(1_000);
    expect(veeg).not.toHaveBeenCalled();
    // The newest keys stayed, the oldest went.
    expect(b.wachttijd('a:49999', t)).toBe(0);
    t = 61_000;
    vi.advanceTimersByTime(60_000);
    expect(veeg).toHaveBeenCalledTimes(1);
    expect(b.aantalBronnen).toBe(0);
    b.stop();
  });

  it('keep a key over its limit at its limit, and give the wait until its oldest count expires', () => {
    const b = new Begrenzer(3, 60_000, { klok: () => 0 });
    for (let i = 0; i < 10; i++) b.tel('k', i * 1000);
    expect(b.wachttijd('k', 10_000)).toBe(Math.ceil((7_000 + 60_000 - 10_000) / 1000));
    b.stop();
  });

  it('grow a delay by doubling up to its maximum, and forget it after a quiet window', () => {
    const v = new Vertrager(3, 15 * 60_000, 15 * 60_000, { klok: () => 0 });
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => v.vertraging(n))).toEqual([0, 0, 1000, 2000, 4000, 8000, 15 * 60_000]);
    for (let i = 0; i < 4; i++) v.tel('k', 0);
    expect(v.wachttijd('k', 0)).toBe(2);
    expect(v.wachttijd('k', 2_000)).toBe(0);
    expect(v.tel('k', 16 * 60_000)).toBe(0);
    v.stop();
  });
});

