import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Its tests start Node processes (tsx, a CLI): seconds each on a loaded machine, past a unit test's 10 s.
vi.setConfig({ testTimeout: 60_000 });

/**
 * The ruleset of `npm run lint:openapi` really checks: Spectral skips a rule without a word when
 * its JSONPath matches nothing, so each of our rules must find the fault it is for in documents
 * made to break them.
 */
const map = await mkdtemp(join(tmpdir(), 'openapi-regels-'));
afterAll(() => rm(map, { recursive: true, force: true }));

const probleem = (schema: unknown) => ({ description: 'fout', content: { 'application/problem+json': { schema } } });
const KAPOT = {
  openapi: '3.1.0',
  info: { title: 'Kapot', version: '1.0', description: 'Breekt elke regel.', contact: { name: 'Alleen een naam' } },
  servers: [{ url: 'http://voorbeeld.nl/api' }],
  tags: [{ name: 'T', description: 'Tag' }],
  paths: {
    '/Gebouwen/': {
      options: { operationId: 'opties', description: 'd', tags: ['T'], responses: { 200: { description: 'ok' } } },
    },
    '/gebouwen': {
      get: {
        operationId: 'Lees_gebouwen', description: 'd', tags: ['T'],
        responses: {
          200: { description: 'ok', headers: { 'X-Iets': { schema: { type: 'string' } } } },
          400: probleem({ type: 'object', properties: { status: { type: 'integer' } }, required: ['status'] }),
          404: { description: 'weg', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/openapi.json': {
      get: { operationId: 'leesDocument', summary: 's', description: 'd', tags: ['T'], responses: { 200: { description: 'ok', headers: { 'API-Version': { schema: { type: 'string' } } } } } },
      post: { operationId: 'schrijfDocument', summary: 's', description: 'd', tags: ['T'], responses: { 201: { description: 'ok', headers: { 'api-version': { schema: { type: 'string' } } } } } },
    },
  },
  components: { schemas: { gebouw_lijst: { type: 'object', properties: { _Links: { type: 'string' } } } } },
};
const ZONDER_DOCUMENT = {
  openapi: '4.0.0',
  info: { title: 'Zonder /openapi.json', version: '1.0.0', description: 'd', contact: { name: 'n', email: 'n@voorbeeld.nl', url: 'https://voorbeeld.nl' } },
  servers: [{ url: 'https://voorbeeld.nl/api/v1' }],
  paths: {},
};

async function lint(documenten: Record<string, unknown>): Promise<{ code: string }[]> {
  for (const [naam, document] of Object.entries(documenten)) await writeFile(join(map, naam), JSON.stringify(document));
  const spectral = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');
  const uitvoer = join(map, 'uitkomst.json');
  await promisify(execFile)(process.execPath, [spectral, 'lint', '--ruleset', '.spectral.yaml', '--format', 'json', '--output', uitvoer, '--quiet', ...Object.keys(documenten).map((n) => join(map, n))])
    .catch((fout: { code?: number }) => {
      if (fout.code !== 1) throw fout;
    });
  return JSON.parse(await readFile(uitvoer, 'utf8')) as { code: string }[];
}

describe('the OpenAPI ruleset (.spectral.yaml)', () => {
  it('finds the fault of each of its own rules, and cites a rule of the standard for each nlgov rule', async () => {
    const tekst = await readFile('.spectral.yaml', 'utf8');
    const regels = [...tekst.matchAll(/^ {2}((?:nlgov|isi):[\w-]+):$/gm)].map((m) => m[1]!);
    expect(regels.length).toBeGreaterThanOrEqual(19);
    const blokken = tekst.split(/^ {2}(?=(?:nlgov|isi):)/m).slice(1);
    for (const blok of blokken.filter((b) => b.startsWith('nlgov:'))) expect(blok, blok.split(':')[1]).toMatch(/description: "\/core\/[a-z/-]+/);
    const gevonden = new Set((await lint({ 'kapot.json': KAPOT, 'zonder.json': ZONDER_DOCUMENT })).map((b) => b.code));
    expect(regels.filter((r) => !gevonden.has(r))).toEqual([]);
  });
});
