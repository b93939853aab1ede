import { afterAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../../helpers/isi';
import { verwachtProbleem } from './hulp';

/**
 * API.md: "Sessions end after 15 minutes idle", on the real clock. Only `Date` is faked (before
 * the server is made, so its clock reads the fake one); timers and sockets stay real.
 */
const begin = new Date('2025-03-01T09:00:00Z').getTime();
vi.useFakeTimers({ toFake: ['Date'], now: begin });
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 5 });
afterAll(() => {
  vi.useRealTimers();
});

const minuten = (n: number) => vi.setSystemTime(begin + n * 60_000);
const openstaand = (token: string) => isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token });

describe('idle sessions (R-AUTH-1)', () => {
  it('R-AUTH-1: each call restarts the 15 idle minutes; after more than 15 idle minutes → 401', async () => {
    minuten(0);
    const token = await isi.login('demo-muteren');
    minuten(14);
    const a = await openstaand(token);
    expect(a.status).toBe(200);
    expect(a.headers.get('sessie-verloopt-op')).toBe(new Date(begin + 29 * 60_000).toISOString());
    minuten(28);
    expect((await openstaand(token)).status).toBe(200);
    minuten(43);
    expect((await openstaand(token)).status).toBe(200);
    minuten(58.5);
    const p = verwachtProbleem(await openstaand(token), 401);
    expect(p.detail).toBe('Uw sessie is verlopen. Log opnieuw in.');
    // Gone for good, even if the clock were kinder now.
    minuten(59);
    verwachtProbleem(await openstaand(token), 401);
  });

  it('R-AUTH-1: a session used at exactly 15 idle minutes is still valid', async () => {
    minuten(100);
    const token = await isi.login('demo-raadplegen');
    minuten(115);
    expect((await openstaand(token)).status).toBe(200);
  });

  it('R-AUTH-2: an activation code is valid for exactly 24 hours (server date plus the real time of day)', async () => {
    minuten(200); // 12:20 on the server date 2025-03-01
    const beheer = await isi.login('demo-beheerder');
    const codes: Record<string, string> = {};
    for (const naam of ['op.tijd', 'te.laat']) {
      expect((await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token: beheer, body: { gebruikersnaam: naam, naam: 'Klok', email: `${naam}@groningen.example`, rollen: ['WI2013'], gemeenten: ['0014'] } })).status).toBe(201);
      const code = (await isi.vraag('POST', `/api/v1/beheer/gebruikers/${naam}/activatiecodes`, { token: beheer })).body;
      expect(code.geldigTot).toBe('2025-03-02T12:20:00.000Z');
      codes[naam] = code.activatiecode;
    }
    const klok = await isi.vraag('POST', '/api/v1/simulatie/klok', { token: beheer, body: { vandaag: '2025-03-02' } });
    expect(klok.status).toBe(200);
    vi.setSystemTime(new Date('2025-03-02T12:19:59Z'));
    const opTijd = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'op.tijd', activatiecode: codes['op.tijd'], wachtwoord: 'een-goed-wachtwoord' } });
    expect(opTijd.status, opTijd.tekst).toBe(201);
    vi.setSystemTime(new Date('2025-03-02T12:20:01Z'));
    const teLaat = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'te.laat', activatiecode: codes['te.laat'], wachtwoord: 'een-goed-wachtwoord' } });
    verwachtProbleem(teLaat, 409, 'R-AUTH-2');
  });
});
