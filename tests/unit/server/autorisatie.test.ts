import { beforeAll, describe, expect, it } from 'vitest';
import type { Persoon as PersoonType } from '../../../shared/schemas/api';
import { maakSessie, tokenHash } from '../../../server/auth/sessies';
import { startTestServer } from '../../helpers/isi';
import { maakPersoon, pvt, verwachtKoppen, verwachtProbleem, volledigePaden } from './hulp';

/**
 * The authorisation matrix over every route of the OpenAPI document: who gets 401, 403 or an
 * answer, with the rule that refused.
 */
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 40 });
const doc = (await isi.vraag('GET', '/api/v1/openapi.json')).body as { servers: { url: string }[]; paths: Record<string, Record<string, unknown>> };
const paden = volledigePaden(doc);
const ROUTES: [string, string][] = Object.entries(paden).flatMap(([pad, m]) => Object.keys(m).map((methode) => [methode.toUpperCase(), pad] as [string, string]));
const OPEN = new Set(['POST /api/v1/sessies', 'POST /api/v1/activaties', 'GET /api/v1/status', 'GET /api/v1/openapi.json']);
/** R-ROL-3: the writes that need WI2013MUT. */
const MUTATIES = new Set([
  'PUT /api/v1/gemeenten/{gc}/personen/{id}/pvt',
  'POST /api/v1/gemeenten/{gc}/personen/{id}/factuur',
  'PUT /api/v1/gemeenten/{gc}/personen/{id}/factuur',
  'DELETE /api/v1/gemeenten/{gc}/personen/{id}/factuur',
  'POST /api/v1/gemeenten/{gc}/signalen/statuswijzigingen',
  'POST /api/v1/gemeenten/{gc}/waardepapierbestellingen',
]);
/** R-SIG-9: the writes on a person that only the gemeente where the person lives may do. */
const PERSOONSMUTATIES = [...MUTATIES].filter((r) => r.includes('{id}'));
const GEMEENTEROUTES = ROUTES.filter(([, p]) => p.includes('{gc}'));
const BEHEERROUTES = ROUTES.filter(([, p]) => p.startsWith('/api/v1/beheer/'));

let muteren = '';
let raadplegen = '';
let beheerder = '';
let cvs = '';
let hier: PersoonType; // lives in Groningen, voldaan, with a loan and an invoice
let weg: PersoonType; // moved from Groningen to Almere
let wegwerp: PersoonType; // for the simulated events
let signaalId = '';
let teller = 0;

beforeAll(async () => {
  muteren = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  beheerder = await isi.login('demo-beheerder');
  cvs = await isi.login('demo-cvs-0014');
  const voldaan = { lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10', factuur: { factuurnummer: 'M1', factuurdatum: '2025-01-20' } };
  hier = await maakPersoon(isi, muteren, { gemeentecode: '0014', ...voldaan });
  weg = await maakPersoon(isi, muteren, { gemeentecode: '0014', verblijf: 'VOORMALIG', ...voldaan });
  wegwerp = await maakPersoon(isi, muteren, { gemeentecode: '0014' });
  signaalId = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token: muteren, body: { bsn: hier.bsn } })).body.items[0].id;
});

function vul(pad: string, gc: string, persoon: { id: string } = hier): string {
  return pad.replace('{gc}', gc).replace('{id}', persoon.id).replace('{bestandsnaam}', 'isi_pvt.zip').replace('{gebruikersnaam}', 'demo-raadplegen').replace('{gemeentecode}', '0014');
}

/** A valid body for every route that takes one, so the refusal under test is not a 400. */
function body(methode: string, pad: string): unknown {
  const sleutel = `${methode} ${pad}`;
  const bodies: Record<string, () => unknown> = {
    'POST /api/v1/sessies': () => ({ applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' }),
    'POST /api/v1/activaties': () => ({ gebruikersnaam: 'niemand', activatiecode: 'AAAA-BBBB-CCCC', wachtwoord: 'lang-genoeg-1' }),
    'POST /api/v1/beheer/gebruikers': () => ({ gebruikersnaam: `matrix.${teller++}`, naam: 'Matrix', email: 'matrix@groningen.example', rollen: ['WI2013'], gemeenten: ['0014'] }),
    'POST /api/v1/gemeenten/{gc}/personen/_zoek': () => ({ pvtPlichtig: 'J' }),
    'PUT /api/v1/gemeenten/{gc}/personen/{id}/pvt': () => pvt({ datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10' }),
    'POST /api/v1/gemeenten/{gc}/personen/{id}/factuur': () => ({ factuurnummer: 'M2', factuurdatum: '2025-02-01' }),
    'PUT /api/v1/gemeenten/{gc}/personen/{id}/factuur': () => ({ factuurnummer: 'M3', factuurdatum: '2025-02-01' }),
    'POST /api/v1/gemeenten/{gc}/signalen/_zoek': () => ({}),
    'POST /api/v1/gemeenten/{gc}/signalen/statuswijzigingen': () => ({ ids: [signaalId], status: 'IN_BEHANDELING' }),
    'POST /api/v1/gemeenten/{gc}/wetbepalingen': () => ({ bsn: '994002026' }),
    'POST /api/v1/gemeenten/{gc}/waardepapierbestellingen': () => ({ soort: 'PVT_WAARDEPAPIEREN', aantalSets: 1, contactpersoon: 'Matrix', email: 'matrix@groningen.example' }),
    'POST /api/v1/gemeenten/{gc}/contactberichten': () => ({ naam: 'Matrix', email: 'matrix@groningen.example', magBellen: false, onderwerp: 'Overig', bericht: 'Test' }),
    'POST /api/v1/simulatie/personen': () => ({ gemeentecode: '0014' }),
    'POST /api/v1/simulatie/klok': () => ({ vandaag: '2025-03-01' }),
    'POST /api/v1/simulatie/tijd': () => ({ vooruitSeconden: 1 }),
    'POST /api/v1/simulatie/gebeurtenissen': () => ({ type: 'MB_RECHT_GEWIJZIGD', bsn: wegwerp.bsn }),
    'PUT /api/v1/simulatie/gemeenten/{gemeentecode}': () => ({ rekeningnummer: 'NL91ABNA0417164300' }),
  };
  if (!(paden[pad]?.[methode.toLowerCase()] as { requestBody?: unknown } | undefined)?.requestBody) return undefined;
  const maak = bodies[sleutel];
  if (!maak) throw new Error(`Geen voorbeeldbody voor ${sleutel}: voeg de nieuwe route toe aan de autorisatiematrix`);
  return maak();
}

async function vraag(methode: string, pad: string, token: string | undefined, gc = '0014', persoon: { id: string } = hier) {
  const r = await isi.vraag(methode, vul(pad, gc, persoon), { ...(token ? { token } : {}), body: body(methode, pad) });
  verwachtKoppen(r);
  return r;
}

describe('the document lists the routes this matrix covers', () => {
  it('R-GEM-1: every contract route is there, and every route has a sample body when it takes one', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(29);
    for (const r of MUTATIES) expect(ROUTES.map(([m, p]) => `${m} ${p}`)).toContain(r);
    for (const [m, p] of ROUTES) expect(() => body(m, p)).not.toThrow();
  });
});

describe('no token → 401, except the open routes', () => {
  it.each(ROUTES)('R-AUTH-1: %s %s', async (methode, pad) => {
    const r = await vraag(methode, pad, undefined);
    if (OPEN.has(`${methode} ${pad}`)) {
      expect(r.status, r.tekst).not.toBe(401);
      expect(r.status).toBeLessThan(500);
    } else {
      verwachtProbleem(r, 401, null);
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('R-AUTH-1: the open routes answer as they should without a token', async () => {
    expect((await isi.vraag('GET', '/api/v1/status')).status).toBe(200);
    expect((await isi.vraag('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await isi.vraag('POST', '/api/v1/sessies', { body: { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' } })).status).toBe(201);
    verwachtProbleem(await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam: 'niemand', activatiecode: 'X', wachtwoord: 'lang-genoeg-1' } }), 400, 'R-AUTH-2');
  });
});

describe('an expired session → 401 on every route but the open ones (issue 12 matrix)', () => {
  // A session idle for longer than 15 minutes, and one past its 10-hour lifetime, made in the
  // database as the clock would have left them (a login per cell would also move the clock on).
  async function verlopen(hoe: 'inactief' | 'te-oud'): Promise<string> {
    const { token } = maakSessie(isi.db, 'demo-muteren', Date.now() + 3_600_000);
    const kolom = hoe === 'inactief' ? 'laatst_actief' : 'aangemaakt';
    isi.db.prepare(`UPDATE sessies SET ${kolom} = ? WHERE token_hash = ?`).run(hoe === 'inactief' ? 0 : Date.now() - 11 * 3_600_000, tokenHash(token));
    return token;
  }
  const gesloten = () => ROUTES.filter(([m, p]) => !OPEN.has(`${m} ${p}`));

  it.each(['inactief', 'te-oud'] as const)('R-AUTH-1: %s', async (hoe) => {
    const cellen = gesloten();
    expect(cellen.length).toBeGreaterThan(25);
    for (const [methode, pad] of cellen) {
      const r = await vraag(methode, pad, await verlopen(hoe));
      const p = verwachtProbleem(r, 401, null);
      expect(p.detail, `${methode} ${pad}`).toBe('Uw sessie is verlopen. Log opnieuw in.');
    }
  });
});

describe('another gemeente → 403 R-GEM-1', () => {
  it.each(GEMEENTEROUTES)('R-GEM-1: demo-raadplegen (Groningen only) on Almere: %s %s', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, raadplegen, '0034'), 403, 'R-GEM-1');
  });

  it.each(GEMEENTEROUTES)('R-GEM-1: the CVS key of Groningen on Almere: %s %s', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, cvs, '0034'), 403, 'R-GEM-1');
  });

  it.each(GEMEENTEROUTES)('R-GEM-1: the beheerder (no gemeente role) on Groningen: %s %s', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, beheerder, '0014'), 403, 'R-GEM-1');
  });

  it.each(GEMEENTEROUTES)('R-GEM-1: a gemeente demo-muteren is not authorised for (Amsterdam 0363): %s %s', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, muteren, '0363'), 403, 'R-GEM-1');
  });
});

describe('a reading role (demo-raadplegen) in its own gemeente', () => {
  const lezen = ROUTES.filter(([m, p]) => !OPEN.has(`${m} ${p}`) && !MUTATIES.has(`${m} ${p}`) && !p.startsWith('/api/v1/beheer/') && `${m} ${p}` !== 'DELETE /api/v1/sessies/huidig');

  it.each([...MUTATIES].map((r) => r.split(' ') as [string, string]))('R-ROL-3: %s %s → 403', async (methode, pad) => {
    const p = verwachtProbleem(await vraag(methode, pad, raadplegen), 403, 'R-ROL-3');
    expect(p.detail).toContain("Raadplegen en muteren gegevens 2013");
  });

  it.each(lezen)('R-ROL-2: %s %s is open to it', async (methode, pad) => {
    const r = await vraag(methode, pad, raadplegen);
    expect(r.status, r.tekst).toBeGreaterThanOrEqual(200);
    expect(r.status, r.tekst).toBeLessThan(300);
  });

  it.each(BEHEERROUTES)('R-AUTH-2: %s %s is for the beheerder only → 403', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, raadplegen), 403, 'R-AUTH-2');
  });

  it('R-ROL-3: none of the refused writes changed anything', async () => {
    const p = await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${hier.id}`, { token: muteren });
    expect(p.body).toMatchObject({ versie: hier.versie, factuur: { factuurnummer: 'M1' }, datumVoldaan: '2025-01-10' });
    const s = await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token: muteren, body: { bsn: hier.bsn } });
    expect(s.body.items[0]).toMatchObject({ id: signaalId, status: 'NIEUW' });
  });
});

describe('the beheerder on its own routes', () => {
  it.each(BEHEERROUTES)('R-AUTH-2: %s %s → 201', async (methode, pad) => {
    const r = await vraag(methode, pad, beheerder);
    expect(r.status, r.tekst).toBe(201);
  });
});

describe('a person who moved away (VOORMALIG) → 403 R-SIG-9 on PVT and invoice writes', () => {
  it.each(PERSOONSMUTATIES.map((r) => r.split(' ') as [string, string]))('R-SIG-9: %s %s', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, muteren, '0014', weg), 403, 'R-SIG-9');
  });

  it('R-SIG-9: the old gemeente still reads the person and the invoice', async () => {
    expect((await vraag('GET', '/api/v1/gemeenten/{gc}/personen/{id}', muteren, '0014', weg)).body).toMatchObject({ verblijf: 'VOORMALIG', magWijzigen: false });
    expect((await vraag('GET', '/api/v1/gemeenten/{gc}/personen/{id}/factuur', muteren, '0014', weg)).status).toBe(200);
  });

  it('R-SIG-9: the new gemeente may change it', async () => {
    const r = await vraag('PUT', '/api/v1/gemeenten/{gc}/personen/{id}/factuur', muteren, '0034', weg);
    // Almere has no bank account at DUO: the move is allowed, R-FAC-3 refuses.
    verwachtProbleem(r, 409, 'R-FAC-3');
    expect((await vraag('PUT', '/api/v1/gemeenten/{gc}/personen/{id}/pvt', muteren, '0034', weg)).status).toBe(200);
  });
});

describe('the muteren role may do every write in its gemeente', () => {
  it.each([...MUTATIES].map((r) => r.split(' ') as [string, string]))('R-ROL-3: %s %s → 2xx for demo-muteren', async (methode, pad) => {
    const persoon = await maakPersoon(isi, muteren, { gemeentecode: '0014', lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10', ...(methode === 'POST' ? {} : { factuur: { factuurnummer: 'M9', factuurdatum: '2025-01-20' } }) });
    const r = await vraag(methode, pad, muteren, '0014', persoon);
    expect(r.status, r.tekst).toBeGreaterThanOrEqual(200);
    expect(r.status, r.tekst).toBeLessThan(300);
  });
});

describe('DELETE /api/v1/sessies/huidig', () => {
  it('R-AUTH-1: any session may end itself', async () => {
    for (const naam of ['demo-raadplegen', 'demo-beheerder', 'demo-cvs-0014'] as const) {
      const t = await isi.login(naam);
      expect((await isi.vraag('DELETE', '/api/v1/sessies/huidig', { token: t })).status).toBe(204);
    }
  });
});

describe('roles of the laws (R-ROL-1, R-ROL-2)', () => {
  /** An account made by the beheerder with just these roles, activated and logged in. */
  async function gebruikerMet(rollen: string[]): Promise<string> {
    const gebruikersnaam = `rol.${rollen.join('-').toLowerCase()}`;
    const aangemaakt = await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token: beheerder, body: { gebruikersnaam, naam: 'Rol', email: `${gebruikersnaam}@groningen.example`, rollen, gemeenten: ['0014'] } });
    expect(aangemaakt.status, aangemaakt.tekst).toBe(201);
    const code = (await isi.vraag('POST', `/api/v1/beheer/gebruikers/${gebruikersnaam}/activatiecodes`, { token: beheerder })).body.activatiecode as string;
    const geheim = (await isi.vraag('POST', '/api/v1/activaties', { body: { gebruikersnaam, activatiecode: code, wachtwoord: 'een-goed-wachtwoord' } })).body.totpGeheim as string;
    const sessie = await isi.vraag('POST', '/api/v1/sessies', { body: { gebruikersnaam, wachtwoord: 'een-goed-wachtwoord', totp: await isi.totp(gebruikersnaam, geheim) } });
    expect(sessie.status, sessie.tekst).toBe(201);
    return sessie.body.token as string;
  }

  let alleen2021 = '';
  let alleenMut = '';
  beforeAll(async () => {
    alleen2021 = await gebruikerMet(['WI2021']);
    alleenMut = await gebruikerMet(['WI2013MUT']);
  });

  it.each(GEMEENTEROUTES)('R-ROL-2: a user with only the Wi2021 role has no Wi2013 screens: %s %s → 403', async (methode, pad) => {
    verwachtProbleem(await vraag(methode, pad, alleen2021), 403, 'R-ROL-2');
  });

  it('R-ROL-1: WI2013MUT alone includes consulting, and allows changing', async () => {
    expect((await vraag('GET', '/api/v1/gemeenten/{gc}/personen/{id}', alleenMut)).body).toMatchObject({ id: hier.id, magWijzigen: true });
    const p = await maakPersoon(isi, muteren, { gemeentecode: '0014', datumStartPvtPlicht: '2024-06-01' });
    const r = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${p.id}/pvt`, { token: alleenMut, body: pvt({ datumStartDeelname: '2025-02-01' }) });
    expect(r.status, r.tekst).toBe(200);
  });
});

describe('the generated authorisation matrix: every route of the document × 7 principals (issue 12)', () => {
  /**
   * The seven principals. "verlopen" is a session of demo-muteren past its 10-hour lifetime;
   * "andere gemeente" is demo-muteren on Amsterdam (0363), a gemeente it is not authorised for;
   * "verhuisd" is demo-muteren in Groningen on a person who moved from Groningen to Almere (on
   * routes without {id} it is just demo-muteren in its own gemeente).
   */
  const PRINCIPALEN = ['geen token', 'verlopen', 'raadplegen', 'muteren', 'beheerder', 'andere gemeente', 'verhuisd'] as const;
  type Principaal = (typeof PRINCIPALEN)[number];
  type Route = [methode: string, pad: string];
  interface Verwachting {
    status: number;
    /** The rule the refusal names (null: the contract names none); undefined for a success. */
    regel?: string | null;
  }

  /** The success status the document promises for a route (its one 2xx answer). */
  function succes([methode, pad]: Route): number {
    const antwoorden = Object.keys((paden[pad]![methode.toLowerCase()] as { responses: Record<string, unknown> }).responses).map(Number).filter((s) => s >= 200 && s < 300);
    if (antwoorden.length !== 1) throw new Error(`${methode} ${pad}: niet precies één succesantwoord in het document`);
    return antwoorden[0]!;
  }

  /** The rules of API.md, in the order the server applies them; nothing here looks at an answer. */
  function verwacht(route: Route, wie: Principaal): Verwachting {
    const [methode, pad] = route;
    const sleutel = `${methode} ${pad}`;
    // R-AUTH-1: the open routes answer everyone alike, token or not. The matrix's activation
    // code is made up, so the activation is refused for that, not for who asks.
    if (OPEN.has(sleutel)) return sleutel === 'POST /api/v1/activaties' ? { status: 400, regel: 'R-AUTH-2' } : { status: succes(route) };
    // R-AUTH-1: every other route needs a live session; no rule id, just 401.
    if (wie === 'geen token' || wie === 'verlopen') return { status: 401, regel: null };
    // R-AUTH-2: the beheer routes are for the Mijn DUO beheerder only.
    if (pad.startsWith('/api/v1/beheer/')) return wie === 'beheerder' ? { status: succes(route) } : { status: 403, regel: 'R-AUTH-2' };
    if (!pad.includes('{gc}')) {
      // Any session may end itself; in demo mode (as the test server runs) any session may use
      // the simulation, whatever its roles or gemeenten.
      if (sleutel === 'DELETE /api/v1/sessies/huidig' || pad.startsWith('/api/v1/simulatie/')) return { status: succes(route) };
      throw new Error(`${sleutel}: nieuwe route zonder regel in verwacht(); voeg hem toe aan de autorisatiematrix`);
    }
    // R-GEM-1: a gemeente route only for a gemeente the user is authorised for; the beheerder has none.
    if (wie === 'andere gemeente' || wie === 'beheerder') return { status: 403, regel: 'R-GEM-1' };
    // R-ROL-3: the writes need WI2013MUT.
    if (wie === 'raadplegen' && MUTATIES.has(sleutel)) return { status: 403, regel: 'R-ROL-3' };
    // R-SIG-9: only the gemeente where the person lives now may change the person.
    if (wie === 'verhuisd' && PERSOONSMUTATIES.includes(sleutel)) return { status: 403, regel: 'R-SIG-9' };
    // R-ROL-2/R-ROL-3: reading with WI2013, writing with WI2013MUT, in the user's own gemeente.
    return { status: succes(route) };
  }

  /** A session of the principal: the file's logins, a fresh one where the cell ends it, or an expired one. */
  async function tokenVan(wie: Principaal, [methode, pad]: Route): Promise<string | undefined> {
    if (wie === 'geen token') return undefined;
    if (wie === 'verlopen') {
      const { token } = maakSessie(isi.db, 'demo-muteren', Date.now());
      isi.db.prepare('UPDATE sessies SET aangemaakt = ? WHERE token_hash = ?').run(Date.now() - 11 * 3_600_000, tokenHash(token));
      return token;
    }
    const gebruiker = wie === 'raadplegen' ? 'demo-raadplegen' : wie === 'beheerder' ? 'demo-beheerder' : 'demo-muteren';
    if (`${methode} ${pad}` === 'DELETE /api/v1/sessies/huidig') return isi.login(gebruiker);
    return { 'demo-raadplegen': raadplegen, 'demo-beheerder': beheerder, 'demo-muteren': muteren }[gebruiker];
  }

  /**
   * A fresh person for every cell with {id}, so a write that succeeds leaves the next cell
   * alone: voldaan with a loan, with an invoice unless the cell adds one; moved to Almere for
   * "verhuisd".
   */
  async function persoonVoor(wie: Principaal, [methode, pad]: Route): Promise<{ id: string }> {
    if (!pad.includes('{id}')) return hier;
    const factuurToevoegen = methode === 'POST' && pad.endsWith('/factuur');
    return maakPersoon(isi, muteren, {
      gemeentecode: '0014', ...(wie === 'verhuisd' ? { verblijf: 'VOORMALIG' } : {}),
      lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10',
      ...(factuurToevoegen ? {} : { factuur: { factuurnummer: 'MX', factuurdatum: '2025-01-20' } }),
    });
  }

  /** The sample body of the route, fresh where a repeat would be refused for another reason. */
  async function bodyVoor([methode, pad]: Route): Promise<unknown> {
    const sleutel = `${methode} ${pad}`;
    // A new account name each time: repeated failures for one name would be slowed down (429).
    if (sleutel === 'POST /api/v1/activaties') return { ...(body(methode, pad) as object), gebruikersnaam: `niemand.${teller++}` };
    // A signal of its own (SS601 of a new PVT-plichtige person), not the one the other tests watch.
    if (sleutel === 'POST /api/v1/gemeenten/{gc}/signalen/statuswijzigingen') {
      const p = await maakPersoon(isi, muteren, { gemeentecode: '0014' });
      const s = await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token: muteren, body: { bsn: p.bsn } });
      return { ids: [s.body.items[0].id], status: 'IN_BEHANDELING' };
    }
    return body(methode, pad);
  }

  const CELLEN: [string, string, Principaal][] = ROUTES.flatMap(([m, p]) => PRINCIPALEN.map((wie) => [m, p, wie] as [string, string, Principaal]));
  let gecontroleerd = 0;

  it.each(CELLEN)('%s %s as %s', async (methode, pad, wie) => {
    const route: Route = [methode, pad];
    const v = verwacht(route, wie);
    const token = await tokenVan(wie, route);
    const persoon = await persoonVoor(wie, route);
    const inhoud = await bodyVoor(route);
    // {gc} is the principal's gemeente; the simulation's {gemeentecode} (no gemeente route) stays 0014.
    const r = await isi.vraag(methode, vul(pad, wie === 'andere gemeente' ? '0363' : '0014', persoon), { ...(token ? { token } : {}), body: inhoud });
    verwachtKoppen(r);
    if (v.regel === undefined) {
      expect(r.status, r.tekst).toBe(v.status);
    } else {
      const p = verwachtProbleem(r, v.status, v.regel);
      if (v.status === 401) {
        expect(r.headers.get('www-authenticate')).toBe('Bearer');
        expect(p.detail).toBe(wie === 'verlopen' ? 'Uw sessie is verlopen. Log opnieuw in.' : 'U bent niet ingelogd. Log in om verder te gaan.');
      }
    }
    gecontroleerd++;
  });

  it('every route of the document has its 7 cells, and every cell was checked', () => {
    const operaties = Object.values(doc.paths).flatMap((item) => Object.keys(item)).filter((k) => ['get', 'post', 'put', 'delete', 'patch'].includes(k));
    expect(ROUTES.length).toBe(operaties.length);
    // The open routes of verwacht() are exactly the ones the document marks without security.
    const zonderBeveiliging = ROUTES.filter(([m, p]) => Array.isArray((paden[p]![m.toLowerCase()] as { security?: unknown[] }).security)).map(([m, p]) => `${m} ${p}`);
    expect(new Set(zonderBeveiliging)).toEqual(OPEN);
    expect(CELLEN.length).toBe(ROUTES.length * PRINCIPALEN.length);
    expect(gecontroleerd).toBe(ROUTES.length * 7);
    console.log(`autorisatiematrix: ${gecontroleerd} cellen (${ROUTES.length} routes × ${PRINCIPALEN.length} principalen) gecontroleerd`);
  });
});
