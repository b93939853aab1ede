import { beforeAll, describe, expect, it } from 'vitest';
import { Bestelbevestiging, Contactontvangst, Status, Wetbepaling } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { eenRij, verwachtKoppen, verwachtProbleem, volledigePaden, vrijeBsn } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01', personen: 60 });

let token = '';
let raadplegen = '';
beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
});

const idVan = (bsn: string) => eenRij<{ id: string }>(isi, 'SELECT id FROM personen WHERE bsn = ?', bsn).id;

describe('POST /wetbepalingen (R-WET-1)', () => {
  const wet = (gc: string, bsn: string, t = token) => isi.vraag('POST', `/api/v1/gemeenten/${gc}/wetbepalingen`, { token: t, body: { bsn } });

  it('R-WET-1: lives in the chosen gemeente: the law line and access to the person', async () => {
    const r = await wet('0014', '994002026');
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    expect(Wetbepaling.parse(r.body)).toEqual({
      wet: 'WI2013', overleden: false, woonachtigInGemeente: true, magGegevensInzien: true, persoonId: idVan('994002026'),
      melding: 'Persoon valt onder de Wet Inburgering 2013.', meldingen: ['Persoon valt onder de Wet Inburgering 2013.'],
    });
    expect((await isi.vraag('GET', `/api/v1/gemeenten/0014/personen/${r.body.persoonId}`, { token })).status).toBe(200);
  });

  it('R-WET-1: lives elsewhere: "… maar is niet woonachtig in uw gemeente." and no persoonId', async () => {
    const r = await wet('0034', '994002026');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      wet: 'WI2013', overleden: false, woonachtigInGemeente: false, magGegevensInzien: false,
      melding: 'Persoon valt onder de Wet Inburgering 2013, maar is niet woonachtig in uw gemeente.',
      meldingen: ['Persoon valt onder de Wet Inburgering 2013, maar is niet woonachtig in uw gemeente.'],
    });
  });

  it('R-WET-1: a Wi2007 person living elsewhere, with the right year', async () => {
    const { bsn } = eenRij<{ bsn: string }>(isi, "SELECT bsn FROM personen WHERE achternaam = 'Eldersgevestigd'");
    const r = await wet('0014', bsn);
    expect(r.body).toMatchObject({ wet: 'WI2007', woonachtigInGemeente: false, magGegevensInzien: false, melding: 'Persoon valt onder de Wet Inburgering 2007, maar is niet woonachtig in uw gemeente.' });
    expect(r.body).not.toHaveProperty('persoonId');
  });

  it('R-WET-1: deceased 569026040: "Persoon is overleden." above the Wi2021 line; the button for a Wi2021 role', async () => {
    const r = await wet('0014', '569026040');
    expect(r.body).toEqual({
      wet: 'WI2021', overleden: true, woonachtigInGemeente: true, magGegevensInzien: true, persoonId: idVan('569026040'),
      melding: 'Persoon is overleden. Persoon valt onder de Wet Inburgering 2021.',
      meldingen: ['Persoon is overleden.', 'Persoon valt onder de Wet Inburgering 2021.'],
    });
  });

  it('R-WET-1: without a role for that law there is no button and no persoonId', async () => {
    const r = await wet('0014', '569026040', raadplegen);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ wet: 'WI2021', overleden: true, woonachtigInGemeente: true, magGegevensInzien: false });
    expect(r.body).not.toHaveProperty('persoonId');
    expect(r.body.meldingen).toEqual(['Persoon is overleden.', 'Persoon valt onder de Wet Inburgering 2021.']);
  });

  it('R-BSN-1: an invalid BSN → 400; R-WET-1: an unknown or uitgeschreven one → 404', async () => {
    verwachtProbleem(await wet('0014', '123456789'), 400, 'R-BSN-1');
    verwachtProbleem(await wet('0014', '12'), 400, 'R-BSN-1');
    verwachtProbleem(await wet('0014', vrijeBsn(isi)), 404, 'R-WET-1');
    const { bsn } = eenRij<{ bsn: string }>(isi, "SELECT bsn FROM personen WHERE uitgeschreven = 1 AND gemeentecode = '0014' LIMIT 1");
    verwachtProbleem(await wet('0014', bsn), 404, 'R-WET-1');
  });
});

describe('POST /waardepapierbestellingen (R-WP-1)', () => {
  const pad = '/api/v1/gemeenten/0014/waardepapierbestellingen';
  const bestelling = (aantalSets: unknown, extra: Record<string, unknown> = {}) => ({ soort: 'PVT_WAARDEPAPIEREN', aantalSets, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example', ...extra });
  const mails = async () => (await isi.vraag('GET', '/api/v1/simulatie/uitgaande-mail', { token })).body as { aan: string; onderwerp: string; inhoud: string; verzondenOp: string }[];

  it.each([[0], [41], [-1], [1000]])('R-WP-1: %s sets is outside 1..40 → 400', async (aantal) => {
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: bestelling(aantal, { bevestigdBovenVerwachting: true }) }), 400, 'R-WP-1');
    expect(p.fouten).toEqual([expect.objectContaining({ veld: 'aantalSets', melding: 'U kunt minimaal 1 en maximaal 40 sets van 25 stuks bestellen.' })]);
  });

  it('R-WP-1: a fractional number of sets → 400', async () => {
    verwachtProbleem(await isi.vraag('POST', pad, { token, body: bestelling(2.5) }), 400, 'R-WP-1');
  });

  it('R-WP-1: more than 4 sets without confirmation → 409 with the notice, nothing ordered or mailed', async () => {
    const voor = (await mails()).length;
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: bestelling(5) }), 409, 'R-WP-1');
    expect(p.detail).toContain('hoger dan verwacht');
    verwachtProbleem(await isi.vraag('POST', pad, { token, body: bestelling(5, { bevestigdBovenVerwachting: false }) }), 409, 'R-WP-1');
    expect((await mails()).length).toBe(voor);
  });

  it('R-WP-1: 5 sets with confirmation → 201, 125 sheets, and a confirmation e-mail to the given address', async () => {
    const r = await isi.vraag('POST', pad, { token, body: bestelling(5, { bevestigdBovenVerwachting: true, email: 'bestel@groningen.example' }) });
    expect(r.status, r.tekst).toBe(201);
    verwachtKoppen(r);
    const b = Bestelbevestiging.parse(r.body);
    expect(b.aantalVellen).toBe(125);
    expect(b.bestelnummer).toMatch(/^WP-2025-\d{6}$/);
    const [nieuwste] = await mails();
    expect(nieuwste).toMatchObject({ aan: 'bestel@groningen.example', onderwerp: `Bevestiging bestelling ${b.bestelnummer}` });
    expect(nieuwste!.inhoud).toContain('5 set(s) PVT Waardepapieren (125 vellen)');
    expect(nieuwste!.inhoud).toContain('aangetekende post');
  });

  it.each([[1, 25], [4, 100], [40, 1000]])('R-WP-1: %s sets → %s sheets (4 or fewer need no confirmation)', async (aantal, vellen) => {
    const r = await isi.vraag('POST', pad, { token, body: bestelling(aantal, aantal > 4 ? { bevestigdBovenVerwachting: true } : {}) });
    expect(r.status, r.tekst).toBe(201);
    expect(r.body.aantalVellen).toBe(vellen);
  });

  it('R-WP-1: every order gets its own number', async () => {
    const a = await isi.vraag('POST', pad, { token, body: bestelling(1) });
    const b = await isi.vraag('POST', pad, { token, body: bestelling(1) });
    expect(a.body.bestelnummer).not.toBe(b.body.bestelnummer);
  });

  it('R-ROL-3: only with WI2013MUT: a reading role → 403, nothing mailed', async () => {
    const voor = (await mails()).length;
    verwachtProbleem(await isi.vraag('POST', pad, { token: raadplegen, body: bestelling(2) }), 403, 'R-ROL-3');
    expect((await mails()).length).toBe(voor);
  });

  it('R-WP-1: an unknown kind, a wrong e-mail and no contact person → 400 with all field errors', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: { soort: 'PASPOORT', aantalSets: 1, contactpersoon: '', email: 'geen-adres' } }), 400, 'R-WP-1');
    expect(p.fouten?.map((f) => f.veld).sort()).toEqual(['contactpersoon', 'email', 'soort']);
  });
});

describe('POST /contactberichten (R-CON-1)', () => {
  const pad = '/api/v1/gemeenten/0014/contactberichten';
  const bericht = { naam: 'J. de Vries', email: 'j.devries@groningen.example', magBellen: true, telefoonnummer: '050 123 4567', onderwerp: 'Signalen', bericht: 'Waarom heb ik signaal SS604?' };

  it('R-CON-1: a complete message → 201', async () => {
    const r = await isi.vraag('POST', pad, { token: raadplegen, body: bericht });
    expect(r.status, r.tekst).toBe(201);
    const o = Contactontvangst.parse(r.body);
    expect(o.ontvangenOp.slice(0, 10)).toBe('2025-03-01');
  });

  it('R-CON-1: no phone number needed when DUO may not call', async () => {
    const r = await isi.vraag('POST', pad, { token, body: { ...bericht, magBellen: false, telefoonnummer: null } });
    expect(r.status).toBe(201);
  });

  it('R-CON-1: every field error at once, with the handbook\'s "Het veld \'Naam\' is verplicht"', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: { naam: ' ', email: '', magBellen: true, telefoonnummer: '', onderwerp: 'Onzin', bericht: '' } }), 400, 'R-CON-1');
    expect(p.fouten?.map((f) => [f.veld, f.code])).toEqual([
      ['naam', 'VERPLICHT'], ['email', 'VERPLICHT'], ['telefoonnummer', 'VERPLICHT'], ['onderwerp', 'ONBEKENDE_WAARDE'], ['bericht', 'VERPLICHT'],
    ]);
    expect(p.fouten?.[0]?.melding).toBe("Het veld 'Naam' is verplicht");
    expect(p.fouten?.[1]?.melding).toBe("Het veld 'E-mail' is verplicht");
    expect(p.fouten?.[2]?.melding).toBe("Het veld 'Telefoonnummer' is verplicht");
  });

  it('R-CON-1: a wrong e-mail address and phone number → 400', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: { ...bericht, email: 'geen@adres', telefoonnummer: '12' } }), 400, 'R-CON-1');
    expect(p.fouten?.map((f) => [f.veld, f.code])).toEqual([['email', 'ONGELDIG_FORMAAT'], ['telefoonnummer', 'ONGELDIG_FORMAAT']]);
  });

  it('R-CON-1: every subject of the form is accepted', async () => {
    for (const onderwerp of ['Klachten', 'Storing', 'LBT (leerbaarheidstoets)', 'Signalen', 'Vrijstellingen/ontheffing', 'PVT', 'Leerroutes/examen', 'Overig']) {
      expect((await isi.vraag('POST', pad, { token, body: { ...bericht, onderwerp } })).status, onderwerp).toBe(201);
    }
  });

  it('R-CON-1: missing fields → 400 naming each', async () => {
    const p = verwachtProbleem(await isi.vraag('POST', pad, { token, body: { naam: 'X' } }), 400, 'R-CON-1');
    expect(p.fouten?.map((f) => f.veld).sort()).toEqual(['bericht', 'email', 'magBellen', 'onderwerp']);
  });
});

describe('GET /api/v1/status', () => {
  it('answers without a session: ok, the server\'s date, the API version and how long it keeps an Idempotency-Key', async () => {
    const r = await isi.vraag('GET', '/api/v1/status');
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    expect(Status.parse(r.body)).toEqual({ status: 'ok', vandaag: '2025-03-01', versie: r.headers.get('api-version'), idempotentieBewaarDagen: 30 });
  });
});

describe('GET /api/v1/openapi.json', () => {
  /** Every path and method of API.md; path parameter names do not matter. */
  const CONTRACT: Record<string, string[]> = {
    '/api/v1/sessies': ['post'],
    '/api/v1/sessies/huidig': ['delete'],
    '/api/v1/beheer/gebruikers': ['post'],
    '/api/v1/beheer/gebruikers/{}/activatiecodes': ['post'],
    '/api/v1/activaties': ['post'],
    '/api/v1/gemeenten/{}/personen/_zoek': ['post'],
    '/api/v1/gemeenten/{}/personen/{}': ['get'],
    '/api/v1/gemeenten/{}/personen/{}/pvt': ['put'],
    '/api/v1/gemeenten/{}/personen/{}/factuur': ['get', 'post', 'put', 'delete'],
    '/api/v1/gemeenten/{}/signalen/_zoek': ['post'],
    '/api/v1/gemeenten/{}/signalen/openstaand': ['get'],
    '/api/v1/gemeenten/{}/signalen/statuswijzigingen': ['post'],
    '/api/v1/gemeenten/{}/signalen/export': ['get'],
    '/api/v1/gemeenten/{}/bestanden': ['get'],
    '/api/v1/gemeenten/{}/bestanden/{}': ['get'],
    '/api/v1/gemeenten/{}/wetbepalingen': ['post'],
    '/api/v1/gemeenten/{}/waardepapierbestellingen': ['post'],
    '/api/v1/gemeenten/{}/contactberichten': ['post'],
    '/api/v1/gemeenten/{}/wijzigingen': ['get'],
    '/api/v1/status': ['get'],
    '/api/v1/openapi.json': ['get'],
    '/api/v1/simulatie/personen': ['post'],
    '/api/v1/simulatie/klok': ['post'],
    '/api/v1/simulatie/gebeurtenissen': ['post'],
    '/api/v1/simulatie/gemeenten/{}': ['put'],
    '/api/v1/simulatie/uitgaande-mail': ['get'],
  };
  let doc: { openapi: string; info: { version: string }; servers: { url: string }[]; paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown>; requestBody?: unknown }>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
  let r: Awaited<ReturnType<typeof isi.vraag>>;

  beforeAll(async () => {
    r = await isi.vraag('GET', '/api/v1/openapi.json');
    const gelezen = r.body as typeof doc;
    doc = { ...gelezen, paths: volledigePaden(gelezen) };
  });

  it('is OpenAPI 3.1.0, open to all, with info.version equal to the API-Version header', () => {
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(r.headers.get('api-version'));
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('holds every path of API.md with its methods', () => {
    const paden = new Map(Object.entries(doc.paths).map(([p, m]) => [p.replace(/\{\w+\}/g, '{}'), Object.keys(m).sort()]));
    for (const [pad, methoden] of Object.entries(CONTRACT)) {
      expect(paden.get(pad), pad).toEqual(expect.arrayContaining(methoden));
    }
  });

  it('marks exactly the open routes as needing no session', () => {
    const open = Object.entries(doc.paths).flatMap(([p, m]) => Object.entries(m).filter(([, o]) => Array.isArray(o.security) && o.security.length === 0).map(([methode]) => `${methode.toUpperCase()} ${p}`));
    expect(open.sort()).toEqual(['GET /api/v1/openapi.json', 'GET /api/v1/status', 'POST /api/v1/activaties', 'POST /api/v1/sessies']);
  });

  it('describes the success answer of every operation and its refusals as problem+json', () => {
    for (const [pad, methoden] of Object.entries(doc.paths)) {
      for (const [methode, o] of Object.entries(methoden)) {
        const codes = Object.keys(o.responses);
        expect(codes.some((c) => c.startsWith('2')), `${methode} ${pad}`).toBe(true);
        for (const c of codes.filter((x) => Number(x) >= 400)) {
          expect(JSON.stringify(o.responses[c]), `${methode} ${pad} ${c}`).toContain('application/problem+json');
        }
      }
    }
    expect(Object.keys(doc.paths['/api/v1/gemeenten/{gc}/personen/{id}/pvt']!.put!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '415', '422', '429']);
  });

  it('generates the person from the schema: every field of API.md\'s person', () => {
    const velden = Object.keys(doc.components.schemas.Persoon!.properties ?? {});
    expect(velden).toEqual(expect.arrayContaining([
      'id', 'bsn', 'voornamen', 'voorvoegsels', 'achternaam', 'geslacht', 'geboortedatum', 'wet', 'inburgeringsplichtig', 'gemeentecode', 'verblijf',
      'overleden', 'lening', 'gemeenteEersteVestiging', 'gemeenteEindePvt', 'pvtPlichtig', 'datumStartPvtPlicht', 'datumEindePvtPlicht',
      'datumStartDeelname', 'datumEindeDeelname', 'datumVoldaan', 'redenNietVoldaan', 'registratieDefinitief', 'registratieDefinitiefOp', 'rechtOpMb',
      'datumMbGemeldBijBzk', 'factuurAanwezig', 'factuur', 'signalen', 'magWijzigen', 'alleenLezenReden', 'versie',
    ]));
    expect(JSON.stringify(doc.paths['/api/v1/gemeenten/{gc}/personen/_zoek']!.post!.requestBody)).toContain('PersonenZoekvraag');
  });
});
