import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/isi';
import { verwachtProbleem } from './hulp';

/**
 * Issue 12, finding 4: ISI keeps an Idempotency-Key at least as long as any client may retry (a
 * setting, 30 days by default, in SQLite) and says so in GET /api/v1/status. Orders and messages
 * have no If-Match, so the key is their only guard against being applied twice. The server's real
 * clock is this test's.
 */
const DAG = 86_400_000;
let nu = Date.parse('2025-03-01T10:00:00Z');
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 5, echteTijd: () => nu });
const kort = await startTestServer({ vandaag: '2025-03-01', personen: 5, idempotentieDagen: 45 });

const BESTELLING = { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' };
const BERICHT = { naam: 'J. de Vries', email: 'j.devries@groningen.example', magBellen: false, onderwerp: 'Overig', bericht: 'Een vraag over de factuur.' };

const aantal = (tabel: 'bestellingen' | 'contactberichten' | 'uitgaande_mail') => (isi.db.prepare(`SELECT count(*) AS n FROM ${tabel}`).get() as { n: number }).n;

describe('the Idempotency-Key window (issue 12, finding 4)', () => {
  it('is announced in GET /api/v1/status: 30 days unless the server is set otherwise', async () => {
    expect((await isi.vraag('GET', '/api/v1/status')).body.idempotentieBewaarDagen).toBe(30);
    expect((await kort.vraag('GET', '/api/v1/status')).body.idempotentieBewaarDagen).toBe(45);
  });

  it.each([
    // An order mails its confirmation; a message is only stored.
    ['a waardepapieren order', '/api/v1/gemeenten/0014/waardepapierbestellingen', BESTELLING, 'bestellingen', 1],
    ['a contact message', '/api/v1/gemeenten/0014/contactberichten', BERICHT, 'contactberichten', 0],
  ] as const)('replays %s retried after 25 hours and after 29 days: applied once, mailed once; forgotten only after the window', async (_wat, pad, body, tabel, mailsPerKeer) => {
    const sleutel = randomUUID();
    const stuur = async () => isi.vraag('POST', pad, { token: await isi.login('demo-muteren'), body, headers: { 'idempotency-key': sleutel } });
    const [voor, mailsVoor] = [aantal(tabel), aantal('uitgaande_mail')];
    const eerste = await stuur();
    expect(eerste.status, eerste.tekst).toBe(201);
    expect(aantal(tabel)).toBe(voor + 1);
    const mails = aantal('uitgaande_mail');
    expect(mails).toBe(mailsVoor + mailsPerKeer);
    for (const later of [25 * 3_600_000, 29 * DAG - 25 * 3_600_000]) {
      nu += later;
      const opnieuw = await stuur();
      expect(opnieuw.status).toBe(201);
      expect(opnieuw.headers.get('idempotent-replayed')).toBe('true');
      expect(opnieuw.body).toEqual(eerste.body);
      expect(aantal(tabel)).toBe(voor + 1);
      expect(aantal('uitgaande_mail')).toBe(mails);
    }
    // Kept in SQLite with its first moment, so a restart does not shorten the window.
    expect(isi.db.prepare('SELECT count(*) AS n FROM idempotentie WHERE sleutel = ?').get(sleutel)).toEqual({ n: 1 });
    // Past the window the key is forgotten: this is why the app never resends a change that old.
    nu += 2 * DAG;
    const daarna = await stuur();
    expect(daarna.status).toBe(201);
    expect(daarna.headers.get('idempotent-replayed')).toBeNull();
    expect(aantal(tabel)).toBe(voor + 2);
  });

  it('still refuses the same key with another request within the window (422)', async () => {
    const sleutel = randomUUID();
    const token = await isi.login('demo-muteren');
    const pad = '/api/v1/gemeenten/0014/waardepapierbestellingen';
    expect((await isi.vraag('POST', pad, { token, body: BESTELLING, headers: { 'idempotency-key': sleutel } })).status).toBe(201);
    nu += 20 * DAG;
    verwachtProbleem(await isi.vraag('POST', pad, { token: await isi.login('demo-muteren'), body: { ...BESTELLING, aantalSets: 3 }, headers: { 'idempotency-key': sleutel } }), 422);
  });
});
