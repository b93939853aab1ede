import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Status } from '../../../shared/schemas/api';
import { DEMO_TOTP, startTestServer } from '../../helpers/isi';
import { totpCode } from '../../../server/auth/totp';
import { leesPersoon, maakPersoon, pvt, verwachtKoppen, verwachtProbleem, volledigePaden } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01', personen: 60 });
/** Without --demo: no simulation, no users. */
const kaal = await startTestServer({ vandaag: '2025-03-01', demo: false });
/** A server with a tight request limit, for the 429 of ordinary calls. */
const krap = await startTestServer({ vandaag: '2025-03-01', personen: 5, verzoekenPerMinuut: 5 });

let token = '';
let cvs = '';
beforeAll(async () => {
  token = await isi.login('demo-muteren');
  cvs = await isi.login('demo-cvs-0014');
});

const ZOEK = '/api/v1/gemeenten/0014/personen/_zoek';

async function leeftNog(): Promise<void> {
  const r = await isi.vraag('GET', '/api/v1/status');
  expect(r.status).toBe(200);
  expect(Status.parse(r.body).status).toBe('ok');
}

describe('headers on every response (API Design Rules)', () => {
  it('API-Version and the security headers on success, 201, 204, 4xx, unknown routes, files', async () => {
    const antwoorden = [
      await isi.vraag('GET', '/api/v1/status'),
      await isi.vraag('GET', '/api/v1/openapi.json'),
      await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J' } }),
      await isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token, body: { naam: 'A', email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'x' } }),
      await isi.vraag('DELETE', '/api/v1/sessies/huidig', { token: await isi.login('demo-raadplegen') }),
      await isi.vraag('POST', ZOEK, { token, body: {} }),
      await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand'),
      await isi.vraag('GET', '/api/v1/gemeenten/0034/signalen/openstaand', { token: cvs }),
      await isi.vraag('GET', '/api/v1/bestaat-niet', { token }),
      await isi.vraag('GET', '/'),
      await isi.vraag('PATCH', '/api/v1/status'),
      await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/export', { token }),
      await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', { token }),
    ];
    expect(antwoorden.map((r) => r.status)).toEqual([200, 200, 200, 201, 204, 400, 401, 403, 404, 404, 404, 200, 200]);
    const versie = antwoorden[0]!.headers.get('api-version');
    for (const r of antwoorden) {
      verwachtKoppen(r);
      expect(r.headers.get('api-version')).toBe(versie);
    }
  });

  it('an unknown route is a Dutch problem+json 404, without a stack trace', async () => {
    const p = verwachtProbleem(await isi.vraag('GET', '/api/v1/bestaat-niet', { token }), 404);
    expect(p.detail).toContain('Deze route bestaat niet');
    expect(Object.keys(p).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  });
});

describe('Idempotency-Key on writes', () => {
  it('the same key and body: the first answer again, Idempotent-Replayed, and no second change', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' });
    const sleutel = randomUUID();
    const opties = { token, body: pvt({ datumStartDeelname: '2025-02-01' }), headers: { 'idempotency-key': sleutel, 'if-match': `"${p.versie}"` } };
    const eerste = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${p.id}/pvt`, opties);
    expect(eerste.status).toBe(200);
    expect(eerste.headers.get('idempotent-replayed')).toBeNull();
    const tweede = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${p.id}/pvt`, opties);
    expect(tweede.status).toBe(200);
    expect(tweede.headers.get('idempotent-replayed')).toBe('true');
    expect(tweede.tekst).toBe(eerste.tekst);
    expect(tweede.headers.get('etag')).toBe(eerste.headers.get('etag'));
    verwachtKoppen(tweede);
    expect((await leesPersoon(isi, token, '0014', p.id)).versie).toBe(p.versie + 1);
  });

  it('an order sent twice with one key is ordered and mailed once', async () => {
    const mails = async () => ((await isi.vraag('GET', '/api/v1/simulatie/uitgaande-mail', { token })).body as unknown[]).length;
    const voor = await mails();
    const opties = { token, body: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'X', email: 'x@groningen.example' }, headers: { 'idempotency-key': randomUUID() } };
    const a = await isi.vraag('POST', '/api/v1/gemeenten/0014/waardepapierbestellingen', opties);
    const b = await isi.vraag('POST', '/api/v1/gemeenten/0014/waardepapierbestellingen', opties);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await mails()).toBe(voor + 1);
  });

  it('a refusal is replayed as it was, and a 204 as a 204', async () => {
    const opties = { token, body: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 9, contactpersoon: 'X', email: 'x@groningen.example' }, headers: { 'idempotency-key': randomUUID() } };
    verwachtProbleem(await isi.vraag('POST', '/api/v1/gemeenten/0014/waardepapierbestellingen', opties), 409, 'R-WP-1');
    const weer = await isi.vraag('POST', '/api/v1/gemeenten/0014/waardepapierbestellingen', opties);
    verwachtProbleem(weer, 409, 'R-WP-1');
    expect(weer.headers.get('idempotent-replayed')).toBe('true');

    const p = await maakPersoon(isi, token, { gemeentecode: '0014', lening: true, datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10', factuur: { factuurnummer: 'I1', factuurdatum: '2025-01-20' } });
    const del = { token, headers: { 'idempotency-key': randomUUID() } };
    expect((await isi.vraag('DELETE', `/api/v1/gemeenten/0014/personen/${p.id}/factuur`, del)).status).toBe(204);
    const nogmaals = await isi.vraag('DELETE', `/api/v1/gemeenten/0014/personen/${p.id}/factuur`, del);
    expect(nogmaals.status).toBe(204);
    expect(nogmaals.headers.get('idempotent-replayed')).toBe('true');
    // Without the key the second DELETE finds nothing.
    verwachtProbleem(await isi.vraag('DELETE', `/api/v1/gemeenten/0014/personen/${p.id}/factuur`, { token }), 404);
  });

  it('the same key with another body → 422, and nothing changes', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' });
    const sleutel = randomUUID();
    const pad = `/api/v1/gemeenten/0014/personen/${p.id}/pvt`;
    expect((await isi.vraag('PUT', pad, { token, body: pvt({ datumStartDeelname: '2025-02-01' }), headers: { 'idempotency-key': sleutel } })).status).toBe(200);
    verwachtProbleem(await isi.vraag('PUT', pad, { token, body: pvt({ datumStartDeelname: '2025-02-02' }), headers: { 'idempotency-key': sleutel } }), 422);
    expect((await leesPersoon(isi, token, '0014', p.id)).datumStartDeelname).toBe('2025-02-01');
  });

  it('a key is the user\'s own: another user with the same key and body is served anew', async () => {
    const sleutel = randomUUID();
    const body = { naam: 'A', email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'x' };
    const a = await isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token, body, headers: { 'idempotency-key': sleutel } });
    const b = await isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token: cvs, body, headers: { 'idempotency-key': sleutel } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });

  it.each([['not-a-uuid'], ['12345'], ['00000000-0000-0000-0000-00000000000g']])('a key that is no UUID (%s) → 400', async (sleutel) => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J' }, headers: { 'idempotency-key': sleutel } }), 400);
    expect(p.code).toBe('ONGELDIGE_SLEUTEL');
  });
});

describe('bad input never crashes the server and never half-writes', () => {
  const slecht: [string, number, () => Promise<Awaited<ReturnType<typeof isi.vraag>>>, string?][] = [
    ['malformed JSON', 400, () => isi.vraag('POST', ZOEK, { token, body: '{"pvtPlichtig": ' }), 'ONGELDIGE_JSON'],
    ['JSON with a trailing comma', 400, () => isi.vraag('POST', ZOEK, { token, body: '{"pvtPlichtig": "J",}' }), 'ONGELDIGE_JSON'],
    ['a text/plain body', 415, () => isi.vraag('POST', ZOEK, { token, body: 'pvtPlichtig=J', headers: { 'content-type': 'text/plain' } })],
    ['a form body', 415, () => isi.vraag('POST', ZOEK, { token, body: 'pvtPlichtig=J', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['an XML body', 415, () => isi.vraag('POST', ZOEK, { token, body: '<zoek/>', headers: { 'content-type': 'application/xml' } })],
    ['an array instead of an object', 400, () => isi.vraag('POST', ZOEK, { token, body: [1, 2] })],
    ['null instead of an object', 400, () => isi.vraag('POST', ZOEK, { token, body: 'null' })],
    ['a string instead of an object', 400, () => isi.vraag('POST', ZOEK, { token, body: '"J"' })],
    ['a number instead of an object', 400, () => isi.vraag('POST', ZOEK, { token, body: '42' })],
    ['no body at all', 400, () => isi.vraag('POST', ZOEK, { token })],
    ['an empty JSON body', 400, () => isi.vraag('POST', ZOEK, { token, body: '', headers: { 'content-type': 'application/json' } })],
    ['an unknown field', 400, () => isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', wachtwoord: 'x' } }), 'ONGELDIG_VERZOEK'],
    ['a __proto__ field', 400, () => isi.vraag('POST', ZOEK, { token, body: '{"pvtPlichtig":"J","__proto__":{"admin":true}}' })],
    ['an object where a text belongs', 400, () => isi.vraag('POST', ZOEK, { token, body: { bsn: { $ne: null } } })],
    ['a BSN of 21 characters', 400, () => isi.vraag('POST', ZOEK, { token, body: { bsn: '9'.repeat(21) } })],
    ['a page size of a billion', 400, () => isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', paginaGrootte: 1e9 } })],
    ['a page beyond a million', 400, () => isi.vraag('POST', ZOEK, { token, body: { pvtPlichtig: 'J', pagina: 1e7 } })],
    ['a name of 201 characters', 400, () => isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token, body: { naam: 'x'.repeat(201), email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'x' } })],
    ['a message of 5001 characters', 400, () => isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token, body: { naam: 'x', email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'x'.repeat(5001) } })],
    ['a body over 256 KiB', 413, () => isi.vraag('POST', '/api/v1/gemeenten/0014/contactberichten', { token, body: { naam: 'x', email: 'a@b.nl', magBellen: false, onderwerp: 'PVT', bericht: 'x'.repeat(300 * 1024) } })],
    ['deeply nested JSON', 400, () => isi.vraag('POST', ZOEK, { token, body: `{"pvtPlichtig":${'['.repeat(5000)}${']'.repeat(5000)}}` })],
    ['a gemeentecode that is no code', 404, () => isi.vraag('GET', '/api/v1/gemeenten/abcd/signalen/openstaand', { token })],
    ['a NUL byte in a path', 404, () => isi.vraag('GET', '/api/v1/gemeenten/0014/personen/%00', { token })],
    ['a negative limiet', 400, () => isi.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=-5', { token })],
    ['an impossible clock date', 400, () => isi.vraag('POST', '/api/v1/simulatie/klok', { token, body: { vandaag: '2025-02-30' } })],
  ];

  it.each(slecht)('%s → %s, and the server still answers', async (_naam, status, doe, code) => {
    const p = verwachtProbleem(await doe(), status);
    if (code) expect(p.code).toBe(code);
    await leeftNog();
  });

  it('an impossible date 2025-02-30 → 400 with a fouten entry for that field', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', ZOEK, { token, body: { startPvtPlichtVan: '2025-02-30', eindePvtPlichtTot: '2025-13-01' } }), 400, 'R-ZP-2');
    expect(p.fouten).toEqual([
      { veld: 'startPvtPlichtVan', code: 'ONGELDIGE_DATUM', melding: "'Datum start PVT-plicht vanaf' is geen geldige datum (gebruik jjjj-mm-dd)." },
      { veld: 'eindePvtPlichtTot', code: 'ONGELDIGE_DATUM', melding: "'Datum einde PVT-plicht tot en met' is geen geldige datum (gebruik jjjj-mm-dd)." },
    ]);
    await leeftNog();
  });

  it('application/json with a charset is JSON', async () => {
    const r = await isi.vraag('POST', ZOEK, { token, body: JSON.stringify({ pvtPlichtig: 'J' }), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(r.status).toBe(200);
  });

  it('a refused PVT change leaves the person as it was', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' });
    const pad = `/api/v1/gemeenten/0014/personen/${p.id}/pvt`;
    for (const body of [
      { ...pvt({ datumStartDeelname: '2025-02-01' }), extra: 1 },
      pvt({ datumStartDeelname: '2025-02-01', datumEindeDeelname: '2025-01-01' }),
      pvt({ datumStartDeelname: '2025-02-01', datumVoldaan: '2025-02-30' }),
      '{"datumStartDeelname": "2025-02-01"',
    ]) {
      expect((await isi.vraag('PUT', pad, { token, body })).status).toBe(400);
    }
    expect(await leesPersoon(isi, token, '0014', p.id)).toEqual(p);
  });

  it('a refused simulated person is not half made', async () => {
    const voor = (await isi.vraag('POST', ZOEK, { token, body: { verblijf: 'WOONACHTIG' } })).body.totaal as number;
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', achternaam: 'x'.repeat(201) } }), 400);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', vorigeGemeenten: ['9999'] } }), 400);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/simulatie/personen', { token, body: { gemeentecode: '0014', bsn: '994002026' } }), 409);
    expect((await isi.vraag('POST', ZOEK, { token, body: { verblijf: 'WOONACHTIG' } })).body.totaal).toBe(voor);
  });

  it('names with any Unicode are stored and returned as they are', async () => {
    const naam = 'Øztürk-Nguyễn 🙂 \u202Eevil';
    const p = await maakPersoon(isi, token, { gemeentecode: '0014', achternaam: naam });
    expect((await leesPersoon(isi, token, '0014', p.id)).achternaam).toBe(naam);
  });
});

describe('429 for too many requests', () => {
  it('beyond the per-minute limit of a session → 429 with Retry-After; the status route stays open', async () => {
    const t = await krap.login('demo-muteren');
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++) statussen.push((await krap.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: t })).status);
    expect(statussen).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const r = await krap.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: t });
    verwachtProbleem(r, 429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await krap.vraag('GET', '/api/v1/status')).status).toBe(200);
  });
});

describe('no BSN in the access log', () => {
  it('after a run of searches, look-ups and events, no log line holds a BSN', async () => {
    const bsns = (isi.db.prepare('SELECT bsn FROM personen').all() as { bsn: string }[]).map((r) => r.bsn);
    const vaste = ['994002026', '491945449', '604269602', '335297602', '569026040'];
    for (const bsn of vaste) {
      await isi.vraag('POST', ZOEK, { token, body: { bsn } });
      await isi.vraag('POST', '/api/v1/gemeenten/0014/wetbepalingen', { token, body: { bsn } });
      await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { bsn } });
      // A client that wrongly puts a BSN in the URL still leaves none in the log.
      await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${bsn}?bsn=${bsn}`, { token });
    }
    for (const bsn of bsns.slice(0, 40)) await isi.vraag('POST', ZOEK, { token, body: { bsn } });
    await isi.vraag('POST', ZOEK, { token, body: { bsn: '123456789' } });
    await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'OVERLEDEN', bsn: bsns[10] } });
    await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/export', { token });

    expect(isi.logregels.length).toBeGreaterThan(100);
    // The log names the route's pattern, never the path as sent (issue 12, finding 9).
    expect(isi.logregels.some((r) => r.includes('"/api/v1/gemeenten/:gc/personen/_zoek"'))).toBe(true);
    expect(isi.logregels.some((r) => r.includes('"/api/v1/gemeenten/:gc/personen/:id"'))).toBe(true);
    for (const regel of isi.logregels) {
      const { time: _t, responseTime: _r, pid: _p, ...rest } = JSON.parse(regel) as Record<string, unknown>;
      const tekst = JSON.stringify(rest);
      for (const bsn of [...vaste, ...bsns]) expect(tekst.includes(bsn), `${bsn} in ${tekst}`).toBe(false);
      expect(tekst).not.toContain('?bsn');
    }
  });
});

describe('a server without --demo', () => {
  it('the simulation endpoints answer 404, with or without a token', async () => {
    for (const [methode, pad] of [['POST', '/api/v1/simulatie/klok'], ['POST', '/api/v1/simulatie/personen'], ['POST', '/api/v1/simulatie/gebeurtenissen'], ['PUT', '/api/v1/simulatie/gemeenten/0014'], ['GET', '/api/v1/simulatie/uitgaande-mail']] as const) {
      const body = methode === 'GET' ? undefined : { vandaag: '2025-04-01' };
      verwachtProbleem(await kaal.vraag(methode, pad, { body }), 404);
      verwachtProbleem(await kaal.vraag(methode, pad, { body, token: 'willekeurig' }), 404);
    }
    const doc = (await kaal.vraag('GET', '/api/v1/openapi.json')).body as { servers: { url: string }[]; paths: Record<string, unknown> };
    expect(Object.keys(volledigePaden(doc)).filter((p) => p.includes('simulatie'))).toEqual([]);
    expect(Object.keys(volledigePaden(doc))).toContain('/api/v1/gemeenten/{gc}/personen/_zoek');
  });

  it('status works and keeps the date; there are no demo users (401) and gemeente routes need a session (401)', async () => {
    const s = await kaal.vraag('GET', '/api/v1/status');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ status: 'ok', vandaag: '2025-03-01' });
    verwachtProbleem(await kaal.vraag('POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: totpCode(DEMO_TOTP) } }), 401);
    verwachtProbleem(await kaal.vraag('POST', '/api/v1/sessies', { body: { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' } }), 401);
    verwachtProbleem(await kaal.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand'), 401);
    verwachtProbleem(await kaal.vraag('POST', ZOEK, { token: 'willekeurig', body: { pvtPlichtig: 'J' } }), 401);
  });
});
