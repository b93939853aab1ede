import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Probleem } from '../../shared/schemas/api';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';
import { API_VERSIE } from '../versie';

const COMPONENT = (id: string) => `#/components/schemas/${id}`;

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
  200: 'Gelukt', 201: 'Aangemaakt', 204: 'Gelukt, geen inhoud', 400: 'Verzoek onjuist (veldfouten in `fouten`)', 401: 'Niet (meer) ingelogd',
  403: 'Geen toegang (rol, gemeente of verhuisde persoon)', 404: 'Niet gevonden', 409: 'Niet toegestaan in de huidige toestand',
  410: 'Cursor verlopen', 412: 'If-Match klopt niet met de huidige versie', 415: 'Geen JSON', 422: 'Idempotency-Key hergebruikt', 429: 'Te veel verzoeken',
};

/** OpenAPI 3.1, generated from the same route specs and schemas that the server validates with. */
export function bouwOpenapi(catalogus: Routecatalogus): Record<string, unknown> {
  const componenten = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: COMPONENT, unrepresentable: 'any' }).schemas;
  const schemas = Object.fromEntries(Object.entries(componenten).map(([naam, s]) => {
    const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
    return [naam, rest];
  }));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of catalogus) {
    const pad = r.pad.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...r.pad.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(r.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })),
      ...(r.methode !== 'GET' && r.toegang !== 'open' ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'UUID; hetzelfde verzoek binnen idempotentieBewaarDagen (GET /api/v1/status, standaard 30) dagen geeft het eerste antwoord terug', schema: { type: 'string', format: 'uuid' } }] : []),
      ...(r.methode === 'PUT' || r.methode === 'DELETE' ? [{ name: 'If-Match', in: 'header', required: false, description: 'De versie (ETag) waarop de wijziging is gebaseerd', schema: { type: 'string' } }] : []),
    ];
    const antwoorden: Record<string, unknown> = {
      [r.antwoord.status]: {
        description: r.antwoord.beschrijving ?? STATUSTEKST[r.antwoord.status] ?? 'Gelukt',
        ...(r.antwoord.schema ? { content: { [r.antwoord.type ?? 'application/json']: { schema: alsSchema(r.antwoord.schema, 'output') } } } : {}),
      },
    };
    for (const status of r.weigeringen ?? []) {
      antwoorden[status] = { description: STATUSTEKST[status] ?? 'Fout', content: { 'application/problem+json': { schema: { $ref: COMPONENT('Probleem') } } } };
    }
    (paths[pad] ??= {})[r.methode.toLowerCase()] = {
      summary: r.samenvatting,
      tags: [r.tag],
      ...(r.toegang === 'open' ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: alsSchema(r.body, 'input') } } } } : {}),
      responses: antwoorden,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ISI-referentieserver (Portal Inburgering, Wet inburgering 2013)',
      version: API_VERSIE,
      description: 'De DUO-kant van de gegevensuitwisseling, met de regels van de handleiding. Fouten zijn application/problem+json met `regel`. Een BSN staat nooit in een URL.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { schemas: { ...schemas, Probleem: alsSchemaVolledig() }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
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
    handler: () => (document ??= bouwOpenapi(catalogus)),
  });
}
