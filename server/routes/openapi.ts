import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Probleem } from '../../shared/schemas/api';
import { ACHTERGROND_KOP, ACHTERGROND_WAARDE } from '../../shared/rules/auth';
import { antwoordkoppen, KOPPEN, type Kopnaam } from '../http/koppen';
import { definieer, type RouteSpec, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';
import { API_VERSIE } from '../versie';
import { OPERATIES, type Operatiebeschrijving } from './openapi-operaties';

const COMPONENT = (id: string) => `#/components/schemas/${id}`;
/** /core/uri-version: the base path carries the major version; the paths are relative to it. */
const BASISPAD = '/api/v1';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of one schema, pointing at the named components. */
function alsSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: COMPONENT(id) };
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: z.globalRegistry, uri: COMPONENT } as Parameters<typeof z.toJSONSchema>[1]);
  const tekst = JSON.stringify(json).replaceAll('"#/$defs/', `"${COMPONENT('')}`);
  const { $schema: _s, $defs: _d, ...rest } = JSON.parse(tekst) as Record<string, unknown>;
  return rest;
}

const STATUSTEKST: Record<number, string> = {
  200: 'Gelukt', 201: 'Aangemaakt', 204: 'Gelukt, geen inhoud',
  400: 'Verzoek onjuist: veldfouten in `fouten`, met de regel in `regel`; bij schrijven ook een Idempotency-Key die geen UUID is',
  401: 'Niet (meer) ingelogd',
  403: 'Geen toegang (rol, gemeente of verhuisde persoon)',
  404: 'Niet gevonden',
  409: 'Niet toegestaan in de huidige toestand',
  410: 'Cursor verlopen of van een andere gemeente: begin opnieuw zonder `vanaf`',
  412: 'If-Match klopt niet met de huidige versie; ETag geeft de huidige',
  413: 'Verzoek te groot (meer dan 256 kB)',
  415: 'Geen JSON: stuur Content-Type application/json',
  422: 'Idempotency-Key al gebruikt voor een ander verzoek',
  429: 'Te veel verzoeken; probeer het opnieuw na het aantal seconden in Retry-After',
};

const TAGS: Record<string, string> = {
  Sessies: 'Inloggen, uitloggen en een account activeren (R-AUTH-1, R-AUTH-2).',
  Beheer: 'De Mijn DUO-beheerder van een gemeente: accounts en activatiecodes (R-AUTH-2).',
  Personen: 'Zoeken personen, het scherm van de persoon en de PVT gegevens (R-ZP-*, R-PER-*, R-PVT-*).',
  Factuur: 'De factuur voor de maatschappelijke begeleiding van een persoon (R-FAC-*).',
  Signalen: 'Signalen van DUO: zoeken, tellen, status wijzigen en downloaden (R-SIG-*).',
  Bestanden: 'Downloaden bestanden: PVT-extract en maatschappelijke begeleiding (R-DL-*).',
  Overig: 'Wetbepaling, waardepapieren, contact met het Servicecentrum Inburgering, de status van de server en dit document.',
  Synchronisatie: 'Wijzigingen sinds een cursor, voor de offline cache van de app.',
  Simulatie: 'Alleen in demomodus: situaties maken en de tijd vooruitzetten voor tests, training en demo\'s.',
};

const PADPARAMETERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  gc: { description: 'Gemeentecode (4 cijfers) van een gemeente van de gebruiker (R-GEM-1)', schema: { type: 'string', pattern: '^\\d{4}$' } },
  id: { description: 'Id van de persoon (een UUID, nooit de BSN)', schema: { type: 'string', format: 'uuid' } },
  gebruikersnaam: { description: 'Gebruikersnaam van het account', schema: { type: 'string', maxLength: 64 } },
  bestandsnaam: { description: 'Naam van het bestand uit de lijst van bestanden', schema: { type: 'string', maxLength: 200 } },
  gemeentecode: { description: 'Gemeentecode (4 cijfers)', schema: { type: 'string', pattern: '^\\d{4}$' } },
};

export const sleutelVan = (r: Pick<RouteSpec<z.ZodType | undefined>, 'methode' | 'pad'>): string => `${r.methode} ${r.pad}`;

function beschrijvingVan(r: RouteSpec<z.ZodType | undefined>): Operatiebeschrijving {
  const b = OPERATIES[sleutelVan(r)];
  if (!b) throw new Error(`Route ${sleutelVan(r)} heeft geen beschrijving in server/routes/openapi-operaties.ts.`);
  return b;
}

/**
 * Every status an operation can answer: its own, and those the server's hooks add for every
 * route of its kind (app.ts): 401 and 429 before any protected route, 404 for a gemeentecode
 * that is not four digits, 413 and 415 before any body is read, 400 and 422 for an
 * Idempotency-Key on a write.
 */
export function statussenVan(r: RouteSpec<z.ZodType | undefined>): number[] {
  const open = r.toegang === 'open';
  const schrijft = r.methode !== 'GET';
  const statussen = new Set([r.antwoord.status, ...(r.weigeringen ?? [])]);
  if (!open) for (const s of [401, 429]) statussen.add(s);
  if (r.toegang === 'gebruiker' && r.pad.includes(':gc')) for (const s of [403, 404]) statussen.add(s);
  if (r.toegang === 'beheerder') statussen.add(403);
  if (r.body) for (const s of [400, 413, 415]) statussen.add(s);
  if (!open && schrijft) for (const s of [400, 422]) statussen.add(s);
  return [...statussen].sort((a, b) => a - b);
}

/** The headers of one answer of an operation, by name, as `koppen.ts` decides them. */
export function koppenVan(r: RouteSpec<z.ZodType | undefined>, status: number): Kopnaam[] {
  return antwoordkoppen({ toegang: r.toegang, methode: r.methode, status, eigen: beschrijvingVan(r).koppen?.[status] ?? [] });
}

const kopRef = (naam: Kopnaam) => ({ $ref: `#/components/headers/${KOPPEN[naam].component}` });

function operatie(r: RouteSpec<z.ZodType | undefined>): Record<string, unknown> {
  const b = beschrijvingVan(r);
  const parameters = [
    ...[...r.pad.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, ...(PADPARAMETERS[m[1]!] ?? { schema: { type: 'string' } }) })),
    ...Object.entries(r.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })),
    ...(r.methode !== 'GET' && r.toegang !== 'open' ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'UUID; hetzelfde verzoek met dezelfde sleutel binnen idempotentieBewaarDagen dagen (GET /api/v1/status, standaard 30) geeft het eerste antwoord terug, met Idempotent-Replayed: true', schema: { type: 'string', format: 'uuid' } }] : []),
    ...(r.toegang !== 'open' ? [{ name: ACHTERGROND_KOP, in: 'header', required: false, description: `'${ACHTERGROND_WAARDE}': dit verzoek is werk van de client zelf (een synchronisatie op de achtergrond), niet van de gebruiker; het verlengt de sessie niet`, schema: { type: 'string', enum: [ACHTERGROND_WAARDE] } }] : []),
    ...(r.weigeringen?.includes(412) ? [{ name: 'If-Match', in: 'header', required: false, description: 'De versie (ETag) waarop de wijziging is gebaseerd; een andere versie geeft 412', schema: { type: 'string' } }] : []),
  ];
  const antwoorden: Record<string, unknown> = {};
  for (const status of statussenVan(r)) {
    const headers = Object.fromEntries(koppenVan(r, status).map((naam) => [naam, kopRef(naam)]));
    if (status === r.antwoord.status) {
      const type = r.antwoord.type ?? 'application/json';
      antwoorden[status] = {
        description: r.antwoord.beschrijving ?? STATUSTEKST[status] ?? 'Gelukt',
        headers,
        ...(r.antwoord.schema ? { content: { [type]: { schema: alsSchema(r.antwoord.schema, 'output'), ...(b.voorbeeldAntwoord !== undefined ? { example: b.voorbeeldAntwoord } : {}) } } } : {}),
      };
    } else {
      antwoorden[status] = { description: STATUSTEKST[status] ?? 'Fout', headers, content: { 'application/problem+json': { schema: { $ref: COMPONENT('Probleem') } } } };
    }
  }
  return {
    operationId: b.operationId,
    summary: r.samenvatting,
    description: b.beschrijving,
    tags: [r.tag],
    ...(r.toegang === 'open' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: alsSchema(r.body, 'input'), ...(b.voorbeeldVerzoek !== undefined ? { example: b.voorbeeldVerzoek } : {}) } } } } : {}),
    responses: antwoorden,
  };
}

/** The named schemas a document refers to, followed through the schemas themselves. */
function gebruikteSchemas(paths: unknown, alle: Record<string, unknown>): Record<string, unknown> {
  const gebruikt = new Set<string>();
  const zoek = (waarde: unknown) => {
    for (const m of JSON.stringify(waarde).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (gebruikt.has(m[1]!) || !(m[1]! in alle)) continue;
      gebruikt.add(m[1]!);
      zoek(alle[m[1]!]);
    }
  };
  zoek(paths);
  return Object.fromEntries(Object.entries(alle).filter(([naam]) => gebruikt.has(naam)));
}

/** OpenAPI 3.1, generated from the same route specs and schemas that the server validates with. */
export function bouwOpenapi(catalogus: Routecatalogus): Record<string, unknown> {
  const componenten = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: COMPONENT, unrepresentable: 'any' }).schemas;
  const schemas = Object.fromEntries(Object.entries(componenten).map(([naam, s]) => {
    const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
    return [naam, rest];
  }));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of catalogus) {
    if (!r.pad.startsWith(`${BASISPAD}/`)) throw new Error(`Route ${sleutelVan(r)} ligt niet onder ${BASISPAD}.`);
    const pad = r.pad.slice(BASISPAD.length).replace(/:(\w+)/g, '{$1}');
    (paths[pad] ??= {})[r.methode.toLowerCase()] = operatie(r);
  }
  const gebruikteTags = new Set(catalogus.map((r) => r.tag));
  const gebruikteKoppen = new Set(catalogus.flatMap((r) => statussenVan(r).flatMap((s) => koppenVan(r, s))));
  return {
    openapi: '3.1.0',
    info: {
      title: 'ISI-referentieserver (Portal Inburgering, Wet inburgering 2013)',
      version: API_VERSIE,
      description: [
        'De DUO-kant van de gegevensuitwisseling van het Portal Inburgering, met de regels van de handleiding (WI2013, versie 2025.1). De regel-id\'s (R-…) in de beschrijvingen verwijzen naar de regelcatalogus van het project (docs/rules.md).',
        'Volgt de NL GOV API Design Rules 2.1: elk antwoord heeft de header API-Version (/core/version-header); een fout is altijd application/problem+json (RFC 9457) met `code`, en `regel` als een regel van de handleiding weigert; een BSN staat nooit in een URL (/core/transport/no-sensitive-uris), zoeken met een BSN gaat met POST naar `_zoek`.',
        'Inloggen geeft een Bearer-token; elk antwoord met een geldige sessie zegt in Sessie-Verloopt-Op wanneer de sessie verloopt zonder gebruik (verzoeken met Sessie-Gebruik: achtergrond tellen niet als gebruik; een sessie duurt hoe actief ook niet langer dan de levensduur van de server, standaard 10 uur). Een schrijvend verzoek met een Idempotency-Key (UUID) geeft bij herhaling binnen idempotentieBewaarDagen dagen (GET /api/v1/status, standaard 30) het eerste antwoord terug. Wijzigen van een persoon of factuur kan met If-Match op de ETag.',
      ].join('\n\n'),
      contact: {
        name: 'Servicecentrum Inburgering (DUO)',
        email: 'sci@duo.nl',
        url: 'https://duo.nl/zakelijk/inburgering-ketenpartners/',
      },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{
      url: BASISPAD,
      description: 'Deze server, major-versie 1 (/core/uri-version). In productie alleen bereikbaar via https (/core/transport/tls); de URL is relatief en volgt daarmee het https-adres waarop dit document staat.',
    }],
    tags: Object.entries(TAGS).filter(([naam]) => gebruikteTags.has(naam)).map(([name, description]) => ({ name, description })),
    security: [{ bearer: [] }],
    components: {
      schemas: gebruikteSchemas(paths, { ...schemas, Probleem: alsSchemaVolledig() }),
      headers: Object.fromEntries(Object.values(KOPPEN).filter((k) => gebruikteKoppen.has(k.naam)).map((k) => [k.component, k.declaratie])),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Het token uit POST /sessies.' } },
    },
    paths,
  };
}

function alsSchemaVolledig(): unknown {
  const { $schema: _s, ...rest } = z.toJSONSchema(Probleem, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const defs = rest.$defs as Record<string, unknown> | undefined;
  return defs?.Probleem ?? rest;
}

export function openapiRoutes(app: FastifyInstance, catalogus: Routecatalogus, _omgeving: Omgeving): void {
  let document: Record<string, unknown> | null = null;
  // Through the catalogue, so the document lists its own path as API.md does.
  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/openapi.json', toegang: 'open', tag: 'Overig',
    samenvatting: 'Dit OpenAPI 3.1-document',
    antwoord: { status: 200, schema: z.record(z.string(), z.unknown()) },
    handler: ({ reply }) => {
      // /core/publish-openapi: any origin may read the document from a browser.
      reply.header('Access-Control-Allow-Origin', '*');
      return (document ??= bouwOpenapi(catalogus));
    },
  });
  // Registered last, so every route is in the catalogue: one without a description stops the start.
  const zonder = catalogus.filter((r) => !OPERATIES[sleutelVan(r)]).map(sleutelVan);
  if (zonder.length > 0) throw new Error(`Routes zonder beschrijving in server/routes/openapi-operaties.ts: ${zonder.join(', ')}`);
}
