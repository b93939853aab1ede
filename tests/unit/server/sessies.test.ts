import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../server/auth/totp';
import { Activatie, Activatiecode, Sessie } from '../../../shared/schemas/api';
import { DEMO_TOTP, startTestServer } from '../../helpers/isi';
import { verwachtKoppen, verwachtProbleem } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01', personen: 40 });

const MELDING_MISLUKT = 'Inloggen is niet gelukt. Controleer uw gegevens en probeer het opnieuw.';

describe('POST /api/v1/sessies (R-AUTH-1)', () => {
  it('R-AUTH-1: password + TOTP gives 201 with token, expiry and the user with roles and gemeenten', async () => {
    const voor = Date.now();
    const r = await isi.vraag('POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await isi.totp('demo-muteren') } });
    expect(r.status).toBe(201);
    verwachtKoppen(r);
    const s = Sessie.parse(r.body);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
    expect(s.gebruiker).toMatchObject({
      gebruikersnaam: 'demo-muteren',
      naam: 'Demo Muteren',
      rollen: ['WI2013', 'WI2013MUT', 'WI2021'],
      gemeenten: [{ code: '0034', naam: 'Almere' }, { code: '0014', naam: 'Groningen' }],
    });
    // R-FAC-3: Almere has no bank account at DUO, so its invoice form can say so when it opens.
    expect(s.gebruiker.gemeenten.map((g) => [g.code, g.rekeningnummerBekend])).toEqual([['0034', false], ['0014', true]]);
    // Sessions end after 15 minutes idle.
    const verloopt = Date.parse(s.verlooptOp);
    expect(verloopt - voor).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(verloopt - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 1000);
  });

  it('R-AUTH-1: a CVS logs in with applicatiesleutel and password', async () => {
    const r = await isi.vraag('POST', '/api/v1/sessies', { body: { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' } });
    expect(r.status).toBe(201);
    const s = Sessie.parse(r.body);
    expect(s.gebruiker).toMatchObject({ gebruikersnaam: 'demo-cvs-0014', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: '0014', naam: 'Groningen' }] });
    const lijst = await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token: s.token, body: { pvtPlichtig: 'J' } });
    expect(lijst.status).toBe(200);
  });

  it('R-AUTH-1: the token opens the API and the answer names when the session expires', async () => {
    const token = await isi.login('demo-raadplegen');
    const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token });
    expect(r.status).toBe(200);
    expect(Date.parse(r.headers.get('sessie-verloopt-op') ?? '')).toBeGreaterThan(Date.now());
  });

  const fout: [string, Record<string, unknown>][] = [
    ['wrong password', { gebruikersnaam: 'demo-muteren', wachtwoord: 'fout', totp: totpCode(DEMO_TOTP) }],
    ['wrong TOTP code', { gebruikersnaam: 'demo-raadplegen', wachtwoord: 'demo', totp: totpCode(DEMO_TOTP, Date.now() - 10 * 60_000) === totpCode(DEMO_TOTP) ? '000000' : totpCode(DEMO_TOTP, Date.now() - 10 * 60_000) }],
    ['TOTP of a different secret', { gebruikersnaam: 'demo-beheerder', wachtwoord: 'demo', totp: totpCode('GEZGNBVGEZGNBVGE') }],
    ['unknown user', { gebruikersnaam: 'bestaat-niet', wachtwoord: 'demo', totp: totpCode(DEMO_TOTP) }],
    ['CVS key with wrong password', { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'fout' }],
    ['unknown CVS key', { applicatiesleutel: 'demo-cvs-9999', wachtwoord: 'demo' }],
    ['a person account used as CVS key', { applicatiesleutel: 'demo-muteren', wachtwoord: 'demo' }],
  ];
  it.each(fout)('R-AUTH-1: %s → 401 with the same message, not saying which credential was wrong', async (_naam, body) => {
    const r = await isi.vraag('POST', '/api/v1/sessies', { body });
    const p = verwachtProbleem(r, 401);
    expect(p.detail).toBe(MELDING_MISLUKT);
    expect(p.fouten).toBeUndefined();
  });

  it('R-AUTH-1: a TOTP that is not 6 digits is a malformed request (400)', async () => {
    const r = await isi.vraag('POST', '/api/v1/sessies', { body: { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: '12345' } });
    const p = verwachtProbleem(r, 400, 'R-AUTH-1');
    expect(p.fouten?.map((f) => f.veld)).toContain('totp');
  });
});

describe('DELETE /api/v1/sessies/huidig', () => {
  it('R-AUTH-1: logout answers 204, after which the token is refused with 401', async () => {
    const token = await isi.login('demo-muteren');
    const uit = await isi.vraag('DELETE', '/api/v1/sessies/huidig', { token });
    expect(uit.status).toBe(204);
    expect(uit.tekst).toBe('');
    verwachtKoppen(uit);
    const daarna = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token });
    verwachtProbleem(daarna, 401);
    expect(daarna.headers.get('www-authenticate')).toBe('Bearer');
    verwachtProbleem(await isi.vraag('DELETE', '/api/v1/sessies/huidig', { token }), 401);
  });

  it('R-AUTH-1: logging out ends only that session', async () => {
    const a = await isi.login('demo-muteren');
    const b = await isi.login('demo-muteren');
    expect((await isi.vraag('DELETE', '/api/v1/sessies/huidig', { token: a })).status).toBe(204);
    expect((await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: b })).status).toBe(200);
  });

  it('R-AUTH-1: a made-up token is 401', async () => {
    const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: 'dit-is-geen-token' });
    const p = verwachtProbleem(r, 401);
    expect(p.detail).toBe('Uw sessie is verlopen. Log opnieuw in.');
  });
});

describe('Mijn DUO beheer and activation (R-AUTH-2)', () => {
  // One beheerder session for the block: each TOTP step logs a user in once (RFC 6238 §5.2).
  let sessie: Promise<string> | null = null;
  const beheerder = () => (sessie ??= isi.login('demo-beheerder'));
  const nieuw = { gebruikersnaam: 'nieuwe.collega', naam: 'Nieuwe Collega', email: 'nieuwe.collega@groningen.example', rollen: ['WI2013'], gemeenten: ['0014'] };

  it('R-AUTH-2: the beheerder creates an account with roles and gemeenten (201)', async () => {
    const token = await beheerder();
    const r = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: nieuw });
    expect(r.status, r.tekst).toBe(201);
    expect(r.body).toEqual({ gebruikersnaam: 'nieuwe.collega', naam: 'Nieuwe Collega', email: 'nieuwe.collega@groningen.example', rollen: ['WI2013'], gemeenten: [{ code: '0014', naam: 'Groningen' }] });
    expect(r.headers.get('location')).toBe('/api/v1/beheer/gebruikers/nieuwe.collega');
  });

  it('R-AUTH-2: the same username again → 409', async () => {
    const token = await beheerder();
    verwachtProbleem(await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: nieuw }), 409);
  });

  it('R-AUTH-2: a gemeente the beheerder does not manage → 403', async () => {
    const token = await beheerder();
    const r = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: { ...nieuw, gebruikersnaam: 'amsterdammer', gemeenten: ['0363'] } });
    verwachtProbleem(r, 403, 'R-AUTH-2');
  });

  it('R-AUTH-2: only the beheerder may create accounts or codes (403 for a gemeente user)', async () => {
    const token = await isi.login('demo-muteren');
    verwachtProbleem(await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: { ...nieuw, gebruikersnaam: 'stiekem' } }), 403, 'R-AUTH-2');
    verwachtProbleem(await isi.vraag('POST', '/api/v1/beheer/gebruikers/nieuwe.collega/activatiecodes', { token }), 403, 'R-AUTH-2');
  });

  it('R-AUTH-2: an invalid new account gives all field errors at once (400)', async () => {
    const token = await beheerder();
    const r = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: { gebruikersnaam: 'X Y', naam: '', email: 'geen-mail', rollen: ['BAAS'], gemeenten: [] } });
    const p = verwachtProbleem(r, 400, 'R-AUTH-2');
    expect(new Set(p.fouten?.map((f) => f.veld.split('.')[0]))).toEqual(new Set(['gebruikersnaam', 'naam', 'email', 'rollen', 'gemeenten']));
  });

  let code = '';
  it('R-AUTH-2: an activation code is valid 24 hours and is mailed to the user', async () => {
    const token = await beheerder();
    const r = await isi.vraag('POST', '/api/v1/beheer/gebruikers/nieuwe.collega/activatiecodes', { token });
    expect(r.status, r.tekst).toBe(201);
    const a = Activatiecode.parse(r.body);
    code = a.activatiecode;
    // Server date 2025-03-01 plus the real time of day, plus 24 hours.
    expect(a.geldigTot.slice(0, 10)).toBe('2025-03-02');
    const uitgegeven = new Date(`2025-03-01T${new Date().toISOString().slice(11)}`).getTime();
    expect(Math.abs(Date.parse(a.geldigTot) - uitgegeven - 24 * 3_600_000)).toBeLessThan(60_000);
    const mail = await isi.vraag('GET', '/api/v1/simulatie/uitgaande-mail', { token });
    expect(mail.status).toBe(200);
    const bericht = (mail.body as { aan: string; inhoud: string }[]).find((m) => m.aan === 'nieuwe.collega@groningen.example');
    expect(bericht?.inhoud).toContain(code);
  });

  it('R-AUTH-2: no activation code for an unknown user (404)', async () => {
    const token = await beheerder();
    verwachtProbleem(await isi.vraag('POST', '/api/v1/beheer/gebruikers/niemand/activatiecodes', { token }), 404);
  });

  it('R-AUTH-2: a wrong activation code is refused (400) and activates nothing', async () => {
    const r = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'nieuwe.collega', activatiecode: 'AAAA-BBBB-CCCC', wachtwoord: 'een-goed-wachtwoord' } });
    verwachtProbleem(r, 400, 'R-AUTH-2');
  });

  it('R-AUTH-2: a password shorter than the minimum is refused (400) and the code stays usable', async () => {
    const r = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'nieuwe.collega', activatiecode: code, wachtwoord: 'kort' } });
    const p = verwachtProbleem(r, 400, 'R-AUTH-2');
    expect(p.fouten?.[0]?.veld).toBe('wachtwoord');
  });

  let geheim = '';
  it('R-AUTH-2: activation with username and code → 201 with the TOTP secret', async () => {
    const r = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'nieuwe.collega', activatiecode: code, wachtwoord: 'een-goed-wachtwoord' } });
    expect(r.status, r.tekst).toBe(201);
    geheim = Activatie.parse(r.body).totpGeheim;
    expect(geheim).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('R-AUTH-1: the activated user logs in with the chosen password and a TOTP code of the new secret', async () => {
    const r = await isi.vraag('POST', '/api/v1/sessies', { body: { gebruikersnaam: 'nieuwe.collega', wachtwoord: 'een-goed-wachtwoord', totp: await isi.totp('nieuwe.collega', geheim) } });
    expect(r.status, r.tekst).toBe(201);
    const s = Sessie.parse(r.body);
    expect(s.gebruiker).toMatchObject({ gebruikersnaam: 'nieuwe.collega', rollen: ['WI2013'], gemeenten: [{ code: '0014', naam: 'Groningen' }] });
    expect((await isi.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: s.token })).status).toBe(200);
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0034/signalen/openstaand', { token: s.token }), 403, 'R-GEM-1');
  });

  it('R-AUTH-2: a used code cannot activate again', async () => {
    const r = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'nieuwe.collega', activatiecode: code, wachtwoord: 'ander-wachtwoord-1' } });
    verwachtProbleem(r, 400, 'R-AUTH-2');
  });

  it('R-AUTH-2: a code used after more than 24 hours → 409; a new code then works', async () => {
    const beheer = await beheerder();
    const gemaakt = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token: beheer, body: { ...nieuw, gebruikersnaam: 'late.collega', email: 'late@groningen.example' } });
    expect(gemaakt.status).toBe(201);
    const oud = Activatiecode.parse((await isi.vraag('POST', '/api/v1/beheer/gebruikers/late.collega/activatiecodes', { token: beheer })).body).activatiecode;
    const klok = await isi.vraag('POST', '/api/v1/simulatie/klok', { token: beheer, body: { vandaag: '2025-03-03' } });
    expect(klok.status).toBe(200);
    const r = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'late.collega', activatiecode: oud, wachtwoord: 'een-goed-wachtwoord' } });
    const p = verwachtProbleem(r, 409, 'R-AUTH-2');
    expect(p.detail).toContain('verlopen');
    const nieuweCode = Activatiecode.parse((await isi.vraag('POST', '/api/v1/beheer/gebruikers/late.collega/activatiecodes', { token: beheer })).body);
    expect(nieuweCode.geldigTot.slice(0, 10)).toBe('2025-03-04');
    const ok = await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'late.collega', activatiecode: nieuweCode.activatiecode, wachtwoord: 'een-goed-wachtwoord' } });
    expect(ok.status, ok.tekst).toBe(201);
  });
});
