import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Routecatalogus } from '../../../server/http/route';
import { openapiRoutes } from '../../../server/routes/openapi';
import type { Persoon } from '../../../shared/schemas/api';
import { startTestServer, type Antwoord, type TestServer } from '../../helpers/isi';
import { gebeurtenis, maakPersoon, pvt, vrijeBsn, zetKlok } from './hulp';

/**
 * The OpenAPI document tells the truth: for samples of every operation, each status the server
 * answers is declared for that operation, each header it sends is declared on that answer with a
 * value its schema allows, each required header is there, and nothing declared goes unseen (every
 * declared status, and every optional header at least once per operation).
 */
const isi = await startTestServer({ personen: 5 });
/** One request per minute and one failed login per account: every protected route answers 429. */
const druk = await startTestServer({ personen: 5, verzoekenPerMinuut: 1, mislukteLogins: 1 });
/** Its clock moves 46 days: expired activation codes (409) and pruned sync cursors (410). */
const later = await startTestServer({ personen: 5 });

interface Header { required?: boolean; schema: { const?: string; pattern?: string; format?: string } }
interface Antwoorddeclaratie { headers?: Record<string, { $ref: string }>; content?: Record<string, unknown> }
interface Operatiedoc { operationId: string; requestBody?: unknown; security?: unknown[]; responses: Record<string, Antwoorddeclaratie> }
interface Document { servers: { url: string }[]; paths: Record<string, Record<string, Operatiedoc>>; components: { headers: Record<string, Header> } }

const doc = (await isi.vraag('GET', '/api/v1/openapi.json')).body as Document;
const BASIS = doc.servers[0]!.url;
const OPERATIES = Object.entries(doc.paths).flatMap(([pad, item]) => Object.entries(item).map(([methode, o]) => ({ sleutel: `${methode.toUpperCase()} ${pad}`, methode: methode.toUpperCase(), pad, o })));
/** What HTTP itself adds to an answer; the document describes the rest. */
const TRANSPORT = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const ONBEKEND_ID = '00000000-0000-4000-8000-000000000000';
const NEUTRAAL = { gc: '0014', id: ONBEKEND_ID, gebruikersnaam: 'niemand', bestandsnaam: 'isi_pvt.zip', gemeentecode: '0014' };

const gezien = new Map<string, Map<number, Antwoord[]>>();

function declaratie(o: Operatiedoc, status: number): Map<string, Header & { naam: string }> {
  const antwoord = o.responses[String(status)];
  return new Map(Object.entries(antwoord?.headers ?? {}).map(([naam, { $ref }]) => [naam.toLowerCase(), { naam, ...doc.components.headers[$ref.split('/').pop()!]! }]));
}

/** The answer against the operation's declaration; every failure names operation, status and header. */
function controleer(sleutel: string, o: Operatiedoc, a: Antwoord): void {
  const waar = `${sleutel} → ${a.status}`;
  const antwoord = o.responses[String(a.status)];
  expect(antwoord, `${waar}: status niet gedeclareerd (${a.tekst.slice(0, 200)})`).toBeDefined();
  const koppen = declaratie(o, a.status);
  // forEach, not iteration: with the DOM types some packages pull in, Headers is not iterable to tsc.
  const gestuurd: [string, string][] = [];
  a.headers.forEach((waarde, naam) => gestuurd.push([naam, waarde]));
  for (const [naam, waarde] of gestuurd) {
    if (TRANSPORT.has(naam)) continue;
    const kop = koppen.get(naam);
    expect(kop, `${waar}: header ${naam} wordt gestuurd maar is niet gedeclareerd`).toBeDefined();
    if (kop!.schema.const !== undefined) expect(waarde, `${waar}: ${naam}`).toBe(kop!.schema.const);
    if (kop!.schema.pattern !== undefined) expect(waarde, `${waar}: ${naam}`).toMatch(new RegExp(kop!.schema.pattern));
    if (kop!.schema.format === 'date-time') expect(Number.isNaN(Date.parse(waarde)), `${waar}: ${naam} ${waarde}`).toBe(false);
  }
  for (const [naam, kop] of koppen) if (kop.required) expect(a.headers.has(naam), `${waar}: verplichte header ${kop.naam} ontbreekt`).toBe(true);
  const soort = (a.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const soorten = Object.keys(antwoord!.content ?? {});
  if (soorten.length === 0) expect(a.tekst, `${waar}: geen inhoud gedeclareerd`).toBe('');
  else expect(soorten, `${waar}: Content-Type ${soort}`).toContain(soort);
}

interface Monster {
  server?: TestServer;
  token?: string;
  params?: Partial<typeof NEUTRAAL>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent again with the same Idempotency-Key (by this token, when given): the stored answer comes back. */
  herhaal?: true | string;
}

/** One real request to one operation of the document, checked and recorded. */
async function meet(sleutel: string, m: Monster = {}): Promise<Antwoord> {
  const op = OPERATIES.find((x) => x.sleutel === sleutel);
  if (!op) throw new Error(`Geen operatie ${sleutel} in het document`);
  const params = { ...NEUTRAAL, ...m.params };
  const url = BASIS + op.pad.replace(/\{(\w+)\}/g, (_, naam: keyof typeof NEUTRAAL) => encodeURIComponent(params[naam])) + (m.query ?? '');
  const sleutelKop: Record<string, string> = m.herhaal ? { 'idempotency-key': randomUUID() } : {};
  const verzoek = (token: string | undefined) => (m.server ?? isi).vraag(op.methode, url, { ...(token ? { token } : {}), ...(m.body !== undefined ? { body: m.body } : {}), headers: { ...m.headers, ...sleutelKop } });
  const antwoorden = [await verzoek(m.token)];
  if (m.herhaal) {
    const nog = await verzoek(typeof m.herhaal === 'string' ? m.herhaal : m.token);
    expect(nog.status, `${sleutel}: herhaling`).toBe(antwoorden[0]!.status);
    expect(nog.headers.get('idempotent-replayed'), `${sleutel}: herhaling`).toBe('true');
    antwoorden.push(nog);
  }
  for (const a of antwoorden) {
    controleer(sleutel, op.o, a);
    const perStatus = gezien.get(sleutel) ?? new Map<number, Antwoord[]>();
    perStatus.set(a.status, [...(perStatus.get(a.status) ?? []), a]);
    gezien.set(sleutel, perStatus);
  }
  return antwoorden[0]!;
}

let muteren = '';
let raadplegen = '';
let beheerder = '';
let drukToken = '';
let hier: Persoon; // Groningen, voldaan, lening, factuur M1 not accepted
let zonderFactuur: Persoon;
let wisbaar: Persoon;
let geaccepteerd: Persoon;
let nietPvt: Persoon;
let wegwerp: Persoon;
let teller = 0;

beforeAll(async () => {
  muteren = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  beheerder = await isi.login('demo-beheerder');
  drukToken = await druk.login('demo-muteren');
  const voldaan = { lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10' };
  hier = await maakPersoon(isi, muteren, { gemeentecode: '0014', ...voldaan, factuur: { factuurnummer: 'M1', factuurdatum: '2025-01-20' } });
  zonderFactuur = await maakPersoon(isi, muteren, { gemeentecode: '0014', ...voldaan });
  wisbaar = await maakPersoon(isi, muteren, { gemeentecode: '0014', ...voldaan, factuur: { factuurnummer: 'W1', factuurdatum: '2025-01-20' } });
  geaccepteerd = await maakPersoon(isi, muteren, { gemeentecode: '0014', ...voldaan, factuur: { factuurnummer: 'G1', factuurdatum: '2025-01-20', geaccepteerd: true } });
  nietPvt = await maakPersoon(isi, muteren, { gemeentecode: '0014', pvtPlichtig: 'N' });
  wegwerp = await maakPersoon(isi, muteren, { gemeentecode: '0014' });
});

/**
 * The answers every operation of a kind gives, provoked the same way for each: no token, a
 * body too large or not JSON, an Idempotency-Key reused or no UUID, another gemeente, a
 * gemeentecode that is no code, a non-beheerder on /beheer, and a rate limit.
 */
async function algemeneMonsters(sleutel: string): Promise<void> {
  const op = OPERATIES.find((x) => x.sleutel === sleutel)!;
  const statussen = new Set(Object.keys(op.o.responses).map(Number));
  const open = Array.isArray(op.o.security) && op.o.security.length === 0;
  const eigenaar = op.pad.startsWith('/beheer/') ? 'demo-beheerder' : 'demo-muteren';
  const token = eigenaar === 'demo-beheerder' ? beheerder : muteren;
  const lichaam = op.o.requestBody ? { body: {} } : {};
  if (!open) await meet(sleutel, lichaam);
  if (op.o.requestBody) {
    await meet(sleutel, { token, body: { opvulling: 'x'.repeat(300 * 1024) } });
    await meet(sleutel, { token, body: 'geen json', headers: { 'content-type': 'text/plain' } });
  }
  if (!open && op.methode !== 'GET') {
    await meet(sleutel, { token, ...lichaam, headers: { 'idempotency-key': 'geen-uuid' } });
    // The same key with another body, by another session of the same user (the first may end its own).
    const idempotentieSleutel = randomUUID();
    await meet(sleutel, { token: await isi.login(eigenaar), body: { a: 1 }, headers: { 'idempotency-key': idempotentieSleutel } });
    await meet(sleutel, { token: await isi.login(eigenaar), body: { a: 2 }, headers: { 'idempotency-key': idempotentieSleutel } });
  }
  if (op.pad.includes('{gc}') && statussen.has(404)) {
    await meet(sleutel, { token, params: { gc: 'abcd' }, ...lichaam });
    await meet(sleutel, { token: raadplegen, params: { gc: '0034' }, ...lichaam });
  }
  if (op.pad.startsWith('/beheer/')) await meet(sleutel, { token: muteren, ...lichaam });
  if (!open) {
    // Spends this minute's one request, so the next is refused whatever the test's pace.
    await druk.vraag('GET', '/api/v1/gemeenten/0014/signalen/openstaand', { token: drukToken });
    await meet(sleutel, { server: druk, token: drukToken, ...lichaam });
  }
}

/** The samples particular to each operation: its success (replayed, for a write) and its own refusals. */
const EIGEN: Record<string, () => Promise<unknown>> = {
  'POST /sessies': async () => {
    await meet('POST /sessies', { body: { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'demo' } });
    await meet('POST /sessies', { body: {} });
    await meet('POST /sessies', { body: { applicatiesleutel: 'demo-cvs-0014', wachtwoord: 'fout' } });
    await meet('POST /sessies', { server: druk, body: { applicatiesleutel: 'onbekend-1', wachtwoord: 'fout' } });
    await meet('POST /sessies', { server: druk, body: { applicatiesleutel: 'onbekend-1', wachtwoord: 'fout' } });
  },
  'DELETE /sessies/huidig': async () => {
    await meet('DELETE /sessies/huidig', { token: await isi.login('demo-raadplegen'), herhaal: await isi.login('demo-raadplegen') });
  },
  'POST /activaties': async () => {
    const code = await nieuweGebruikerMetCode(isi);
    await meet('POST /activaties', { body: { gebruikersnaam: code.gebruikersnaam, activatiecode: code.activatiecode, wachtwoord: 'een-lang-wachtwoord' } });
    await meet('POST /activaties', { body: { gebruikersnaam: 'niemand', activatiecode: 'AAAA-BBBB-CCCC', wachtwoord: 'een-lang-wachtwoord' } });
    const verlopen = await nieuweGebruikerMetCode(later, await later.login('demo-beheerder'));
    await zetKlok(later, await later.login('demo-muteren'), '2025-03-03');
    await meet('POST /activaties', { server: later, body: { gebruikersnaam: verlopen.gebruikersnaam, activatiecode: verlopen.activatiecode, wachtwoord: 'een-lang-wachtwoord' } });
    await meet('POST /activaties', { server: druk, body: { gebruikersnaam: 'onbekend-2', activatiecode: 'AAAA-BBBB-CCCC', wachtwoord: 'een-lang-wachtwoord' } });
    await meet('POST /activaties', { server: druk, body: { gebruikersnaam: 'onbekend-2', activatiecode: 'AAAA-BBBB-CCCC', wachtwoord: 'een-lang-wachtwoord' } });
  },
  'POST /beheer/gebruikers': async () => {
    const nieuw = nieuweGebruiker();
    await meet('POST /beheer/gebruikers', { token: beheerder, body: nieuw, herhaal: true });
    await meet('POST /beheer/gebruikers', { token: beheerder, body: nieuw });
    await meet('POST /beheer/gebruikers', { token: beheerder, body: { ...nieuweGebruiker(), gemeenten: ['0363'] } });
    await meet('POST /beheer/gebruikers', { token: beheerder, body: { gebruikersnaam: 'x' } });
  },
  'POST /beheer/gebruikers/{gebruikersnaam}/activatiecodes': async () => {
    const nieuw = nieuweGebruiker();
    expect((await isi.vraag('POST', '/api/v1/beheer/gebruikers', { token: beheerder, body: nieuw })).status).toBe(201);
    await meet('POST /beheer/gebruikers/{gebruikersnaam}/activatiecodes', { token: beheerder, params: { gebruikersnaam: nieuw.gebruikersnaam }, herhaal: true });
    await meet('POST /beheer/gebruikers/{gebruikersnaam}/activatiecodes', { token: beheerder, params: { gebruikersnaam: 'niemand' }, herhaal: true });
  },
  'POST /gemeenten/{gc}/personen/_zoek': async () => {
    await meet('POST /gemeenten/{gc}/personen/_zoek', { token: muteren, body: { bsn: '994002026' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/_zoek', { token: muteren, body: { bsn: '123456789' }, herhaal: true });
  },
  'GET /gemeenten/{gc}/personen/{id}': async () => {
    await meet('GET /gemeenten/{gc}/personen/{id}', { token: muteren, params: { id: hier.id } });
    await meet('GET /gemeenten/{gc}/personen/{id}', { token: muteren });
  },
  'PUT /gemeenten/{gc}/personen/{id}/pvt': async () => {
    const waarden = pvt({ datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10' });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: muteren, params: { id: hier.id }, body: waarden, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: muteren, params: { id: hier.id }, body: waarden, headers: { 'if-match': '"999"' }, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: muteren, params: { id: hier.id }, body: {}, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: raadplegen, params: { id: hier.id }, body: waarden, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: muteren, params: { id: nietPvt.id }, body: waarden, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/pvt', { token: muteren, body: waarden, herhaal: true });
  },
  'GET /gemeenten/{gc}/personen/{id}/factuur': async () => {
    await meet('GET /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id } });
    await meet('GET /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: zonderFactuur.id } });
  },
  'POST /gemeenten/{gc}/personen/{id}/factuur': async () => {
    const factuur = { factuurnummer: 'N1', factuurdatum: '2025-02-01' };
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: zonderFactuur.id }, body: factuur, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: factuur, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: factuur, headers: { 'if-match': '"999"' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: { factuurnummer: 1 }, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: raadplegen, params: { id: hier.id }, body: factuur, herhaal: true });
    await meet('POST /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, body: factuur, herhaal: true });
  },
  'PUT /gemeenten/{gc}/personen/{id}/factuur': async () => {
    const factuur = { factuurnummer: 'M3', factuurdatum: '2025-02-01' };
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: factuur, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: geaccepteerd.id }, body: factuur, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: factuur, headers: { 'if-match': '"999"' }, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, body: {}, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: raadplegen, params: { id: hier.id }, body: factuur, herhaal: true });
    await meet('PUT /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, body: factuur, herhaal: true });
  },
  'DELETE /gemeenten/{gc}/personen/{id}/factuur': async () => {
    await meet('DELETE /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: hier.id }, headers: { 'if-match': '"999"' }, herhaal: true });
    await meet('DELETE /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: geaccepteerd.id }, herhaal: true });
    await meet('DELETE /gemeenten/{gc}/personen/{id}/factuur', { token: raadplegen, params: { id: hier.id }, herhaal: true });
    await meet('DELETE /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, herhaal: true });
    await meet('DELETE /gemeenten/{gc}/personen/{id}/factuur', { token: muteren, params: { id: wisbaar.id }, herhaal: true });
  },
  'POST /gemeenten/{gc}/signalen/_zoek': async () => {
    await meet('POST /gemeenten/{gc}/signalen/_zoek', { token: muteren, body: { bsn: '994002026' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/signalen/_zoek', { token: muteren, body: { code: 'XX999' }, herhaal: true });
  },
  'GET /gemeenten/{gc}/signalen/openstaand': () => meet('GET /gemeenten/{gc}/signalen/openstaand', { token: muteren }),
  'POST /gemeenten/{gc}/signalen/statuswijzigingen': async () => {
    const signaal = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token: muteren, body: { bsn: hier.bsn } })).body.items[0];
    await meet('POST /gemeenten/{gc}/signalen/statuswijzigingen', { token: muteren, body: { ids: [signaal.id], status: 'IN_BEHANDELING' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/signalen/statuswijzigingen', { token: muteren, body: { ids: [ONBEKEND_ID], status: 'AFGEHANDELD' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/signalen/statuswijzigingen', { token: muteren, body: { ids: [], status: 'AFGEHANDELD' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/signalen/statuswijzigingen', { token: raadplegen, body: { ids: [signaal.id], status: 'AFGEHANDELD' }, herhaal: true });
  },
  'GET /gemeenten/{gc}/signalen/export': () => meet('GET /gemeenten/{gc}/signalen/export', { token: muteren }),
  'GET /gemeenten/{gc}/bestanden': () => meet('GET /gemeenten/{gc}/bestanden', { token: muteren }),
  'GET /gemeenten/{gc}/bestanden/{bestandsnaam}': async () => {
    await meet('GET /gemeenten/{gc}/bestanden/{bestandsnaam}', { token: muteren });
    await meet('GET /gemeenten/{gc}/bestanden/{bestandsnaam}', { token: muteren, params: { bestandsnaam: 'bestaat-niet.zip' } });
  },
  'GET /status': () => meet('GET /status'),
  'POST /gemeenten/{gc}/wetbepalingen': async () => {
    await meet('POST /gemeenten/{gc}/wetbepalingen', { token: muteren, body: { bsn: '569026040' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/wetbepalingen', { token: muteren, body: { bsn: '123' }, herhaal: true });
    await meet('POST /gemeenten/{gc}/wetbepalingen', { token: muteren, body: { bsn: vrijeBsn(isi) }, herhaal: true });
  },
  'POST /gemeenten/{gc}/waardepapierbestellingen': async () => {
    const bestelling = { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 1, contactpersoon: 'J. Jansen', email: 'j.jansen@groningen.example' };
    await meet('POST /gemeenten/{gc}/waardepapierbestellingen', { token: muteren, body: bestelling, herhaal: true });
    await meet('POST /gemeenten/{gc}/waardepapierbestellingen', { token: muteren, body: { ...bestelling, aantalSets: 5 }, herhaal: true });
    await meet('POST /gemeenten/{gc}/waardepapierbestellingen', { token: muteren, body: { ...bestelling, aantalSets: 0 }, herhaal: true });
    await meet('POST /gemeenten/{gc}/waardepapierbestellingen', { token: raadplegen, body: bestelling, herhaal: true });
  },
  'POST /gemeenten/{gc}/contactberichten': async () => {
    const bericht = { naam: 'J. Jansen', email: 'j.jansen@groningen.example', magBellen: false, onderwerp: 'PVT', bericht: 'Een vraag.' };
    await meet('POST /gemeenten/{gc}/contactberichten', { token: muteren, body: bericht, herhaal: true });
    await meet('POST /gemeenten/{gc}/contactberichten', { token: muteren, body: { naam: 'J. Jansen' }, herhaal: true });
  },
  'GET /gemeenten/{gc}/wijzigingen': async () => {
    await meet('GET /gemeenten/{gc}/wijzigingen', { token: muteren, query: '?limiet=10' });
    await meet('GET /gemeenten/{gc}/wijzigingen', { token: muteren, query: '?limiet=0' });
    const token = await later.login('demo-muteren');
    const cursor = (await later.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=5000', { token })).body.cursor as string;
    const weg = await maakPersoon(later, token, { gemeentecode: '0014' });
    await gebeurtenis(later, token, { type: 'UITGESCHREVEN', bsn: weg.bsn });
    await zetKlok(later, token, '2025-04-20');
    await meet('GET /gemeenten/{gc}/wijzigingen', { server: later, token, query: `?vanaf=${cursor}` });
  },
  'POST /simulatie/personen': async () => {
    await meet('POST /simulatie/personen', { token: muteren, body: { gemeentecode: '0014' }, herhaal: true });
    await meet('POST /simulatie/personen', { token: muteren, body: { gemeentecode: '0014', bsn: '994002026' }, herhaal: true });
    await meet('POST /simulatie/personen', { token: muteren, body: { gemeentecode: '9999' }, herhaal: true });
  },
  'POST /simulatie/klok': async () => {
    await meet('POST /simulatie/klok', { token: muteren, body: { vandaag: '2025-03-01' }, herhaal: true });
    await meet('POST /simulatie/klok', { token: muteren, body: { vandaag: '2025-01-01' }, herhaal: true });
    await meet('POST /simulatie/klok', { token: muteren, body: { vandaag: '2040-01-01' }, herhaal: true });
  },
  'POST /simulatie/tijd': async () => {
    await meet('POST /simulatie/tijd', { token: muteren, body: { vooruitSeconden: 1 }, herhaal: true });
    await meet('POST /simulatie/tijd', { token: muteren, body: { vooruitSeconden: 0 }, herhaal: true });
  },
  'POST /simulatie/gebeurtenissen': async () => {
    await meet('POST /simulatie/gebeurtenissen', { token: muteren, body: { type: 'MB_RECHT_GEWIJZIGD', bsn: wegwerp.bsn, rechtOpMb: 'N' }, herhaal: true });
    await meet('POST /simulatie/gebeurtenissen', { token: muteren, body: { type: 'MB_GEMELD_BIJ_BZK', bsn: wegwerp.bsn }, herhaal: true });
    await meet('POST /simulatie/gebeurtenissen', { token: muteren, body: { type: 'VERHUISD', bsn: wegwerp.bsn }, herhaal: true });
    await meet('POST /simulatie/gebeurtenissen', { token: muteren, body: { type: 'OVERLEDEN', bsn: vrijeBsn(isi) }, herhaal: true });
  },
  'PUT /simulatie/gemeenten/{gemeentecode}': async () => {
    await meet('PUT /simulatie/gemeenten/{gemeentecode}', { token: muteren, body: { rekeningnummer: 'NL91ABNA0417164300' }, herhaal: true });
    await meet('PUT /simulatie/gemeenten/{gemeentecode}', { token: muteren, params: { gemeentecode: '9999' }, body: { rekeningnummer: null }, herhaal: true });
    await meet('PUT /simulatie/gemeenten/{gemeentecode}', { token: muteren, body: {}, herhaal: true });
  },
  'GET /simulatie/uitgaande-mail': () => meet('GET /simulatie/uitgaande-mail', { token: muteren }),
  'GET /openapi.json': () => meet('GET /openapi.json'),
};

function nieuweGebruiker() {
  teller++;
  return { gebruikersnaam: `contract.${teller}`, naam: `Contract ${teller}`, email: `contract.${teller}@groningen.example`, rollen: ['WI2013'], gemeenten: ['0014'] };
}

async function nieuweGebruikerMetCode(server: TestServer, token = beheerder): Promise<{ gebruikersnaam: string; activatiecode: string }> {
  const nieuw = nieuweGebruiker();
  expect((await server.vraag('POST', '/api/v1/beheer/gebruikers', { token, body: nieuw })).status).toBe(201);
  const r = await server.vraag('POST', `/api/v1/beheer/gebruikers/${nieuw.gebruikersnaam}/activatiecodes`, { token });
  expect(r.status, r.tekst).toBe(201);
  return { gebruikersnaam: nieuw.gebruikersnaam, activatiecode: r.body.activatiecode };
}

describe('the OpenAPI document declares what the server sends, and sends what it declares', () => {
  it('has samples for exactly the operations of the document', () => {
    expect(Object.keys(EIGEN).sort()).toEqual(OPERATIES.map((o) => o.sleutel).sort());
  });

  it.each(OPERATIES.map((o) => [o.sleutel]))('%s', async (sleutel) => {
    await EIGEN[sleutel]!();
    await algemeneMonsters(sleutel);
    const op = OPERATIES.find((o) => o.sleutel === sleutel)!;
    const perStatus = gezien.get(sleutel)!;
    expect([...perStatus.keys()].sort((a, b) => a - b), `${sleutel}: gedeclareerde statussen`).toEqual(Object.keys(op.o.responses).map(Number).sort((a, b) => a - b));
    const optioneel = new Set(Object.keys(op.o.responses).flatMap((s) => [...declaratie(op.o, Number(s)).values()].filter((k) => !k.required).map((k) => k.naam.toLowerCase())));
    for (const naam of optioneel) {
      expect([...perStatus.values()].flat().some((a) => a.headers.has(naam)), `${sleutel}: optionele header ${naam} nooit gezien`).toBe(true);
    }
  });
});

afterAll(() => {
  const paren = [...gezien.values()].reduce((n, s) => n + s.size, 0);
  const monsters = [...gezien.values()].reduce((n, s) => n + [...s.values()].flat().length, 0);
  console.info(`OpenAPI-contract: ${gezien.size} operaties, ${paren} (operatie, status)-paren, ${monsters} antwoorden gecontroleerd`);
});

describe('every route is described', () => {
  it('a route without an entry in server/routes/openapi-operaties.ts stops the server from starting, naming it', async () => {
    const app = Fastify();
    const catalogus: Routecatalogus = [{ methode: 'GET', pad: '/api/v1/nieuw', toegang: 'open', tag: 'Overig', samenvatting: 'Nieuw', antwoord: { status: 200 }, handler: () => ({}) }];
    expect(() => openapiRoutes(app, catalogus, { db: isi.db, klok: isi.klok, demo: true, idempotentieDagen: 30 })).toThrow('GET /api/v1/nieuw');
    await app.close();
  });
});
