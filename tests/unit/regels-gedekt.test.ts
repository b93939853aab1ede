import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGEL_IDS } from '../../shared/rules/weigering';

const TESTS = fileURLToPath(new URL('..', import.meta.url));
const DIT_BESTAND = fileURLToPath(import.meta.url);
const CATALOGUS = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
const REGEL_ID = /R-[A-Z]+-\d+/g;
const BRONBESTAND = /\.(ts|mts|cts|js|mjs|cjs)$/;

function testbestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true }).flatMap((e) => {
    const pad = join(map, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testbestanden(pad);
    return e.isFile() && BRONBESTAND.test(e.name) && pad !== DIT_BESTAND ? [pad] : [];
  });
}

const catalogus = new Set(readFileSync(CATALOGUS, 'utf8').match(REGEL_ID) ?? []);
// A whole-word match, so that R-SIG-1 is not counted as covered by a test naming R-SIG-10.
const genoemd = (tekst: string, id: string) => new RegExp(`${id}(?!\\d)`).test(tekst);

describe('the rules catalogue docs/rules.md', () => {
  it('names exactly the rule ids of shared/rules/weigering.ts', () => {
    expect([...catalogus].sort()).toEqual([...REGEL_IDS].sort());
  });

  it('has every rule id named by at least one test', () => {
    const teksten = testbestanden(TESTS).map((pad) => ({ pad: relative(TESTS, pad), tekst: readFileSync(pad, 'utf8') }));
    expect(teksten.length).toBeGreaterThan(0);
    const zonderTest = [...catalogus].filter((id) => !teksten.some(({ tekst }) => genoemd(tekst, id)));
    expect(zonderTest, `rule ids no test names: ${zonderTest.join(', ')}`).toEqual([]);
  });
});
