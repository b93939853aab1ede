import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Uitkomst } from '../../../shared/ipc';
import { Bestelbevestiging, Contactontvangst, Factuur, type PvtWijziging, type SignaalInLijst } from '../../../shared/schemas/api';
import { type UitgaandeWijziging, Verzending } from '../../../shared/schemas/uitgaand';
import { maakDiensten } from '../../../main/diensten';
import { ONGELDIG_ANTWOORD } from '../../../main/ipc/resultaat';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';
import { startTestServer } from '../../helpers/isi';
import { leesPersoon, maakPersoon } from '../server/hulp';

const server = await startTestServer({ vandaag: '2025-03-01', personen: 40 });
let token = '';

function maak(isi: IsiClient) {
  const dataMap = mkdtempSync(join(tmpdir(), 'pib-uitgaand-'));
  const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') });
  return maakDiensten({ isi, platform, policy: STANDAARD_POLICY, kluis: maakKluis({ geheimen: platform.geheimen, dataMap }), info: { versie: 't', modus: 'browser', demo: true } });
}
const diensten = maak(new IsiClient(server.url));

beforeAll(async () => {
  token = await server.login('demo-muteren');
  await diensten.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await server.totp('demo-muteren') });
});

/** One send as the renderer makes it: across the IPC contract, arguments and answer checked by its schemas. */
async function verstuur(wijziging: UitgaandeWijziging, idempotencyKey: string = randomUUID(), via = diensten): Promise<Uitkomst<Verzending>> {
  const uitkomst = await verwerkAanroep(via, 'uitgaand.verstuur', { idempotencyKey, wijziging });
  return uitkomst.ok ? { ok: true, waarde: Verzending.parse(uitkomst.waarde) } : uitkomst;
}
async function verzonden(wijziging: UitgaandeWijziging, idempotencyKey?: string) {
  const u = await verstuur(wijziging, idempotencyKey);
  if (!u.ok || u.waarde.uitkomst !== 'VERZONDEN') throw new Error(`niet verzonden: ${JSON.stringify(u)}`);
  return u.waarde;
}
async function geweigerd(wijziging: UitgaandeWijziging, idempotencyKey?: string) {
  const u = await verstuur(wijziging, idempotencyKey);
  if (!u.ok || u.waarde.uitkomst !== 'GEWEIGERD') throw new Error(`niet geweigerd: ${JSON.stringify(u)}`);
  return u.waarde;
}

/** The four PVT fields, all empty unless given. */
const pvt = (velden: Partial<PvtWijziging> = {}): PvtWijziging => ({ datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null, ...velden });

/** PVT-plichtig in Groningen, in term until the end of 2025. */
const inTermijn = () => maakPersoon(server, token, { gemeentecode: '0014', datumStartPvtPlicht: '2024-12-31', datumEindePvtPlicht: '2025-12-31' });
/** Voldaan with a DUO loan: an invoice may be registered (R-FAC-1). */
const voldaan = () => maakPersoon(server, token, {
  gemeentecode: '0014', lening: true, datumStartPvtPlicht: '2024-06-01', datumEindePvtPlicht: '2025-05-31',
  datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-10', datumVoldaan: '2025-01-10',
});
const INVOER = { factuurnummer: 'UIT2025001', factuurdatum: '2025-02-01', debiteurnummer: 'D1' };

describe('uitgaand.verstuur: each kind of change reaches ISI', () => {
  it('PVT → VERZONDEN with the person after the change as antwoord and persoon', async () => {
    const p = await inTermijn();
    const v = await verzonden({ soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie, wijziging: pvt({ datumStartDeelname: '2025-02-01' }) });
    expect(v.persoon).toMatchObject({ id: p.id, versie: p.versie + 1, datumStartDeelname: '2025-02-01' });
    expect(v.antwoord).toEqual(v.persoon);
    expect(await leesPersoon(server, token, '0014', p.id)).toEqual(v.persoon);
  });

  it('FACTUUR_OPSLAAN new, then changed, then FACTUUR_VERWIJDEREN: each with the person after it', async () => {
    const p = await voldaan();
    const nieuw = await verzonden({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: p.id, versie: p.versie, nieuw: true, invoer: INVOER });
    expect(Factuur.parse(nieuw.antwoord)).toMatchObject({ ...INVOER, bedrag: 15000 });
    expect(nieuw.persoon).toMatchObject({ id: p.id, factuurAanwezig: 'J', versie: p.versie + 1, factuur: { factuurnummer: 'UIT2025001' } });

    const gewijzigd = await verzonden({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: p.id, versie: nieuw.persoon!.versie, nieuw: false, invoer: { ...INVOER, factuurnummer: 'UIT2025002' } });
    expect(gewijzigd.antwoord).toMatchObject({ factuurnummer: 'UIT2025002' });
    expect(gewijzigd.persoon).toMatchObject({ versie: p.versie + 2, factuur: { factuurnummer: 'UIT2025002' } });

    const weg = await verzonden({ soort: 'FACTUUR_VERWIJDEREN', gc: '0014', persoonId: p.id, versie: gewijzigd.persoon!.versie });
    expect(weg.antwoord).toBeNull();
    expect(weg.persoon).toMatchObject({ factuurAanwezig: 'N', factuur: null, versie: p.versie + 3 });
  });

  it('SIGNAALSTATUS → VERZONDEN with ISI\'s count; no person', async () => {
    const s = (await server.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'NIEUW' } })).body.items[0] as SignaalInLijst;
    const v = await verzonden({ soort: 'SIGNAALSTATUS', gc: '0014', ids: [s.id], status: 'IN_BEHANDELING' });
    expect(v).toEqual({ uitkomst: 'VERZONDEN', antwoord: { bijgewerkt: 1 }, persoon: null });
    const na = (await server.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'IN_BEHANDELING', paginaGrootte: 500 } })).body.items as SignaalInLijst[];
    expect(na.map((x) => x.id)).toContain(s.id);
  });

  it('WAARDEPAPIEREN and CONTACT → VERZONDEN with ISI\'s confirmation; no person', async () => {
    const bestelling = await verzonden({ soort: 'WAARDEPAPIEREN', gc: '0014', bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' } });
    expect(Bestelbevestiging.parse(bestelling.antwoord).aantalVellen).toBe(50);
    expect(bestelling.persoon).toBeNull();
    const bericht = await verzonden({ soort: 'CONTACT', gc: '0014', bericht: { naam: 'J. de Vries', email: 'j.devries@groningen.example', magBellen: false, telefoonnummer: null, onderwerp: 'Signalen', bericht: 'Een vraag.' } });
    expect(Contactontvangst.parse(bericht.antwoord).ontvangenOp.slice(0, 10)).toBe('2025-03-01');
    expect(bericht.persoon).toBeNull();
  });
});

describe('uitgaand.verstuur: the same key twice changes ISI once', () => {
  it('PVT: the second send answers as the first; the person\'s versie went up by one only', async () => {
    const p = await inTermijn();
    const sleutel = randomUUID();
    const wijziging: UitgaandeWijziging = { soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie, wijziging: pvt({ datumStartDeelname: '2025-02-03' }) };
    const een = await verzonden(wijziging, sleutel);
    const twee = await verzonden(wijziging, sleutel);
    expect(twee.antwoord).toEqual(een.antwoord);
    expect((await leesPersoon(server, token, '0014', p.id)).versie).toBe(p.versie + 1);
  });

  it('WAARDEPAPIEREN: one order, one confirmation mail', async () => {
    const mails = async () => ((await server.vraag('GET', '/api/v1/simulatie/uitgaande-mail', { token })).body as unknown[]).length;
    const voor = await mails();
    const sleutel = randomUUID();
    const wijziging: UitgaandeWijziging = { soort: 'WAARDEPAPIEREN', gc: '0014', bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 1, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' } };
    const een = await verzonden(wijziging, sleutel);
    expect((await verzonden(wijziging, sleutel)).antwoord).toEqual(een.antwoord);
    expect(await mails()).toBe(voor + 1);
  });
});

describe('uitgaand.verstuur: a refusal of the change is GEWEIGERD, beside the server\'s person', () => {
  it('a stale versie → GEWEIGERD 412 with the person as ISI has it now', async () => {
    const p = await inTermijn();
    await verzonden({ soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie, wijziging: pvt({ datumStartDeelname: '2025-02-01' }) });
    const g = await geweigerd({ soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie, wijziging: pvt({ datumStartDeelname: '2025-02-05' }) });
    expect(g.probleem.status).toBe(412);
    expect(g.serverStand).toEqual(await leesPersoon(server, token, '0014', p.id));
    expect(g.serverStand).toMatchObject({ versie: p.versie + 1, datumStartDeelname: '2025-02-01' });
  });

  it('a stale versie on an invoice deletion → GEWEIGERD 412; the invoice stays', async () => {
    const p = await voldaan();
    const nieuw = await verzonden({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: p.id, versie: p.versie, nieuw: true, invoer: INVOER });
    const g = await geweigerd({ soort: 'FACTUUR_VERWIJDEREN', gc: '0014', persoonId: p.id, versie: p.versie });
    expect(g.probleem.status).toBe(412);
    expect(g.serverStand).toEqual(nieuw.persoon);
  });

  it('a rule refusal → GEWEIGERD 400 naming the rule, with the unchanged person', async () => {
    const p = await inTermijn();
    const g = await geweigerd({ soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie, wijziging: pvt({ redenNietVoldaan: 'WEIGERT_ONDERTEKENING' }) });
    expect(g.probleem).toMatchObject({ status: 400, regel: 'R-PVT-4' });
    expect(g.probleem.detail.length).toBeGreaterThan(5);
    expect(g.serverStand).toEqual(p);
  });

  it('a state refusal → GEWEIGERD 409 (R-FAC-1: an invoice exists already)', async () => {
    const p = await voldaan();
    const nieuw = await verzonden({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: p.id, versie: p.versie, nieuw: true, invoer: INVOER });
    const g = await geweigerd({ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: nieuw.persoon!.id, versie: nieuw.persoon!.versie, nieuw: true, invoer: { ...INVOER, factuurnummer: 'TWEEDE' } });
    expect(g.probleem).toMatchObject({ status: 409, regel: 'R-FAC-1' });
    expect(g.serverStand).toEqual(nieuw.persoon);
  });

  it('a refusal of a change that is no person\'s → GEWEIGERD without serverStand', async () => {
    const g = await geweigerd({ soort: 'WAARDEPAPIEREN', gc: '0014', bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 41, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' } });
    expect(g.probleem).toMatchObject({ status: 400, regel: 'R-WP-1' });
    expect(g.serverStand).toBeNull();
  });

  it('a refusal sent again with its key is refused again, the same way', async () => {
    const p = await inTermijn();
    const sleutel = randomUUID();
    const wijziging: UitgaandeWijziging = { soort: 'PVT', gc: '0014', persoonId: p.id, versie: p.versie + 7, wijziging: pvt({ datumStartDeelname: '2025-02-01' }) };
    expect((await geweigerd(wijziging, sleutel)).probleem.status).toBe(412);
    expect((await geweigerd(wijziging, sleutel)).probleem.status).toBe(412);
  });
});

describe('uitgaand.verstuur: what did not arrive is thrown (ok:false), to be sent again later with the same key', () => {
  const PVT_NIETS = (persoonId: string, versie = 1): UitgaandeWijziging => ({ soort: 'PVT', gc: '0014', persoonId, versie, wijziging: pvt() });

  it('no connection → GEEN_VERBINDING', async () => {
    const isi = new IsiClient('http://127.0.0.1:9');
    isi.zetToken('een-token');
    const u = await verstuur(PVT_NIETS(randomUUID()), randomUUID(), maak(isi));
    expect(u).toMatchObject({ ok: false, probleem: { status: 0, code: 'GEEN_VERBINDING' } });
  });

  it('a session ISI no longer knows → 401, and nothing changed', async () => {
    const p = await inTermijn();
    const isi = new IsiClient(server.url);
    isi.zetToken('verlopen-token');
    const u = await verstuur(PVT_NIETS(p.id, p.versie), randomUUID(), maak(isi));
    expect(u).toMatchObject({ ok: false, probleem: { status: 401 } });
    expect(await leesPersoon(server, token, '0014', p.id)).toEqual(p);
  });

  it('not logged in at all → NIET_INGELOGD, nothing sent', async () => {
    const u = await verstuur(PVT_NIETS(randomUUID()), randomUUID(), maak(new IsiClient(server.url)));
    expect(u).toMatchObject({ ok: false, probleem: { status: 401, code: 'NIET_INGELOGD' } });
  });

  describe('against a stand-in ISI', () => {
    // Answers what the test sets, and keeps what reached it.
    let antwoord: { status: number; body: unknown } = { status: 200, body: {} };
    let antwoordOpGet: { status: number; body: unknown } | null = null;
    const verzoeken: { methode: string; pad: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const nep = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        verzoeken.push({ methode: req.method!, pad: req.url!, headers: req.headers, body });
        const a = (req.method === 'GET' && antwoordOpGet) || antwoord;
        res.writeHead(a.status, { 'Content-Type': a.status >= 400 ? 'application/problem+json' : 'application/json' }).end(JSON.stringify(a.body));
      });
    });
    let via: ReturnType<typeof maak>;
    beforeAll(async () => {
      await new Promise<void>((klaar) => nep.listen(0, '127.0.0.1', klaar));
      const isi = new IsiClient(`http://127.0.0.1:${(nep.address() as { port: number }).port}`);
      isi.zetToken('t');
      via = maak(isi);
    });
    afterAll(() => new Promise<void>((klaar) => nep.close(() => klaar())));
    const probleem = (status: number, code: string) => ({ type: 'about:blank', title: 'x', status, code, detail: 'Probeer het later opnieuw.' });

    const FACTUUR = { ...INVOER, bedrag: 15000, status: null, geaccepteerd: false };

    it('sends each kind as the portal\'s forms did, always with its Idempotency-Key, If-Match where a person changes', async () => {
      // The stand-in answers as ISI would, since main's boundary holds every answer to the contract.
      const persoon = await inTermijn();
      antwoordOpGet = { status: 200, body: persoon };
      const id = randomUUID();
      const sig = randomUUID();
      const gevallen: [UitgaandeWijziging, string, string | undefined, unknown, unknown][] = [
        [{ soort: 'PVT', gc: '0014', persoonId: id, versie: 4, wijziging: pvt({ datumVoldaan: '2025-02-01' }) }, `PUT /api/v1/gemeenten/0014/personen/${id}/pvt`, '"4"', pvt({ datumVoldaan: '2025-02-01' }), persoon],
        [{ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: id, versie: 5, nieuw: true, invoer: INVOER }, `POST /api/v1/gemeenten/0014/personen/${id}/factuur`, '"5"', INVOER, FACTUUR],
        [{ soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: id, versie: 6, nieuw: false, invoer: INVOER }, `PUT /api/v1/gemeenten/0014/personen/${id}/factuur`, '"6"', INVOER, FACTUUR],
        [{ soort: 'FACTUUR_VERWIJDEREN', gc: '0034', persoonId: id, versie: 7 }, `DELETE /api/v1/gemeenten/0034/personen/${id}/factuur`, '"7"', undefined, {}],
        [{ soort: 'SIGNAALSTATUS', gc: '0014', ids: [sig], status: 'AFGEHANDELD' }, 'POST /api/v1/gemeenten/0014/signalen/statuswijzigingen', undefined, { ids: [sig], status: 'AFGEHANDELD' }, { bijgewerkt: 1 }],
      ];
      try {
        for (const [wijziging, verzoek, ifMatch, body, isiAntwoord] of gevallen) {
          antwoord = { status: 200, body: isiAntwoord };
          verzoeken.length = 0;
          const sleutel = randomUUID();
          expect(await verwerkAanroep(via, 'uitgaand.verstuur', { idempotencyKey: sleutel, wijziging }), verzoek).toMatchObject({ ok: true, waarde: { uitkomst: 'VERZONDEN' } });
          const [eerste] = verzoeken;
          expect(`${eerste!.methode} ${eerste!.pad}`).toBe(verzoek);
          expect(eerste!.headers['idempotency-key']).toBe(sleutel);
          expect(eerste!.headers['if-match']).toBe(ifMatch);
          expect(eerste!.body ? JSON.parse(eerste!.body) : undefined).toEqual(body);
        }
      } finally {
        antwoordOpGet = null;
      }
    });

    it('a change that arrived is VERZONDEN even when the person cannot be fetched after it (the next sync brings it)', async () => {
      antwoord = { status: 201, body: FACTUUR };
      antwoordOpGet = { status: 503, body: probleem(503, 'ONDERHOUD') };
      try {
        const u = await verwerkAanroep(via, 'uitgaand.verstuur', { idempotencyKey: randomUUID(), wijziging: { soort: 'FACTUUR_OPSLAAN', gc: '0014', persoonId: randomUUID(), versie: 1, nieuw: true, invoer: INVOER } });
        expect(u).toEqual({ ok: true, waarde: { uitkomst: 'VERZONDEN', antwoord: FACTUUR, persoon: null } });
      } finally {
        antwoordOpGet = null;
      }
    });

    it('an answer of ISI that breaks the contract stops at main\'s boundary with a clear problem; nothing of it reaches the renderer', async () => {
      // ISI says it took the order, but its confirmation has no order number.
      antwoord = { status: 201, body: { aantalVellen: 25, bsn: '999990019' } };
      const u = await verwerkAanroep(via, 'uitgaand.verstuur', { idempotencyKey: randomUUID(), wijziging: { soort: 'WAARDEPAPIEREN', gc: '0014', bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 1, contactpersoon: 'Jan', email: 'jan@example.nl', bevestigdBovenVerwachting: false } } });
      expect(u).toMatchObject({ ok: false, probleem: { status: 502, code: 'ONGELDIG_ANTWOORD', detail: expect.stringMatching(/^DUO \(ISI\) stuurde gegevens die niet aan de afspraken voldoen; .*Probeer het later opnieuw/) } });
      expect(u).toEqual({ ok: false, probleem: ONGELDIG_ANTWOORD });
      expect(JSON.stringify(u)).not.toContain('999990019');
    });

    it.each([
      ['a server failure', 500, 'INTERNE_FOUT'],
      ['ISI unavailable', 503, 'ONDERHOUD'],
      ['too many requests', 429, 'TE_VEEL_VERZOEKEN'],
      ['the first send with this key still being handled', 409, 'IN_BEHANDELING'],
    ])('%s (%i) → ok:false with ISI\'s problem', async (_wat, status, code) => {
      antwoord = { status, body: probleem(status, code) };
      expect(await verstuur(PVT_NIETS(randomUUID()), randomUUID(), via)).toEqual({ ok: false, probleem: probleem(status, code) });
    });
  });
});
