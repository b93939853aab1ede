import { describe, expect, it } from 'vitest';
import { maakIsi } from '../../../server/start';
import { startTestServer } from '../../helpers/isi';

const isi = await startTestServer();

describe('URLs the router cannot read', () => {
  it.each([
    ['a broken escape', '/api/v1/status/%zz', 400],
    ['a path parameter of 250 characters', `/api/v1/gemeenten/0014/personen/${'a'.repeat(250)}`, 414],
  ])('%s answers problem+json with the API headers, without echoing the URL', async (_naam, pad, status) => {
    const r = await isi.vraag('GET', pad);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.headers.get('api-version')).toBe('1.0.0');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.body.code).toBe('ONGELDIGE_URL');
    expect(r.tekst).not.toContain(pad.slice(-20));
    expect((await isi.vraag('GET', '/api/v1/status')).status).toBe(200);
  });

  it.each([
    ['percent-encoded', '/api/v1/gemeenten/0014/personen/%39%39%34%30%30%32%30%32%36', /994002026|%39%39%34/],
    ['with dashes', '/api/v1/gemeenten/0014/personen/994-002-026', /994-002-026/],
    ['with dots, in a route that does not exist', '/api/v1/gemeenten/0014/niets/994.002.026', /994\.002\.026/],
  ])('a BSN written %s in a path never reaches the access log: it logs the route pattern (issue 12, finding 9)', async (_wijze, pad, bsn) => {
    const token = await isi.login('demo-muteren');
    const van = isi.logregels.length;
    await isi.vraag('GET', pad, { token });
    const regels = isi.logregels.slice(van).join('\n');
    expect(regels).not.toMatch(bsn);
    expect(regels).toMatch(/"url":"(\/api\/v1\/gemeenten\/:gc\/personen\/:id|\(geen route\))"/);
  });

  it('a BSN in an unreadable URL never reaches the access log', async () => {
    await isi.vraag('GET', '/api/v1/gemeenten/0014/personen/994002026%zz');
    expect(isi.logregels.join('\n')).not.toContain('994002026');
  });
});

describe('the server\'s error log masks with the app\'s function (shared/maskeer.ts)', () => {
  it('an internal error naming a BSN percent-encoded, with dashes or with dots is logged masked', async () => {
    const logregels: string[] = [];
    const eigen = await maakIsi({ db: ':memory:', demo: false, logStream: { write: (r: string) => void logregels.push(r) } });
    // An internal error whose message holds the path it failed on, as a library's error may.
    eigen.app.get('/kapot/*', (req) => {
      throw new Error(`kan ${req.url} niet lezen (994-002-026, 9940.02.026)`);
    });
    const r = await eigen.app.inject({ method: 'GET', url: '/kapot/%39%39%34%30%30%32%30%32%36' });
    await eigen.app.close();
    expect(r.statusCode).toBe(500);
    const fout = logregels.map((l) => JSON.parse(l) as { msg: string; err?: { message: string } }).find((l) => l.msg === 'interne fout');
    expect(fout?.err?.message).toBe('kan /kapot/*************************** niet lezen (***********, ***********)');
    expect(logregels.join('\n')).not.toMatch(/%39%39%34|994-002-026|9940\.02\.026|994002026/);
  });
});

describe('simulatie/klok', () => {
  it('refuses a step of more than ten years, so one call cannot hold the server', async () => {
    const token = await isi.login('demo-muteren');
    const r = await isi.vraag('POST', '/api/v1/simulatie/klok', { token, body: { vandaag: '9999-12-31' } });
    expect(r.status).toBe(400);
    expect(r.body.fouten[0].veld).toBe('vandaag');
    expect((await isi.vraag('GET', '/api/v1/status')).body.vandaag).toBe('2025-03-01');
  });
});
