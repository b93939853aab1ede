import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/isi';

const isi = await startTestServer();

describe('OpenAPI 3.1 document', () => {
  it('validates against the official OpenAPI 3.1 schema', async () => {
    const r = await isi.vraag('GET', '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    const validator = new Validator();
    const uitkomst = await validator.validate(r.body);
    expect(uitkomst.errors ?? []).toEqual([]);
    expect(uitkomst.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref to a component that exists', async () => {
    const { body } = await isi.vraag('GET', '/api/v1/openapi.json');
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    const ontbrekend = [...new Set(refs)].filter((naam) => !(naam in body.components.schemas));
    expect(ontbrekend).toEqual([]);
  });
});
