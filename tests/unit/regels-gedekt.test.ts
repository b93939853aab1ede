import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REGEL_IDS } from '../../shared/rules/weigering';

const TESTS = fileURLToPath(new URL('..', import.meta.url));
const DIT_BESTAND = fileURLToPath(import.meta.url);
const WORTEL = fileURLToPath(new URL('../..', import.meta.url));
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

/** `it`, `test`, `describe`, also as `it.each(table)`, `describe.concurrent` and the like. */
function isTestfunctie(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return ['it', 'test', 'describe'].includes(e.text);
  if (ts.isPropertyAccessExpression(e)) return isTestfunctie(e.expression);
  if (ts.isCallExpression(e)) return isTestfunctie(e.expression);
  return false;
}

/**
 * The names of a file's tests and suites, read from its syntax tree: a rule id in a comment, a
 * fixture or an expected value does not make a test about that rule.
 */
function testnamen(bron: string): string[] {
  const namen: string[] = [];
  const bezoek = (knoop: ts.Node): void => {
    if (ts.isCallExpression(knoop) && isTestfunctie(knoop.expression)) {
      const naam = knoop.arguments[0];
      if (naam && (ts.isStringLiteral(naam) || ts.isNoSubstitutionTemplateLiteral(naam))) namen.push(naam.text);
      else if (naam && ts.isTemplateExpression(naam)) namen.push([naam.head.text, ...naam.templateSpans.map((d) => d.literal.text)].join(' '));
    }
    ts.forEachChild(knoop, bezoek);
  };
  bezoek(ts.createSourceFile('test.ts', bron, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return namen;
}

/**
 * The "- Shared:" line of every rule: a `shared/….ts` file, then the names it exports for that
 * rule, until the next file. Read per rule id, so a rule without such a line shows up too.
 */
function gedeeldeNamen(catalogustekst: string): Map<string, { bestand: string; naam: string }[]> {
  const perRegel = new Map<string, { bestand: string; naam: string }[]>();
  for (const deel of catalogustekst.split(/^### /m).slice(1)) {
    const id = /^R-[A-Z]+-\d+/.exec(deel)?.[0];
    const regel = /^- Shared:([^]*?)(?=^- |^$)/m.exec(deel)?.[1];
    if (!id) continue;
    const namen: { bestand: string; naam: string }[] = [];
    let bestand = '';
    // A parenthesis says more about a name (its fields, what it does) and names no export itself.
    for (const [, woord] of (regel ?? '').replace(/\([^()]*\)/g, '').matchAll(/`([^`]+)`/g)) {
      if (/^shared\/.+\.ts$/.test(woord!)) bestand = woord!;
      else if (bestand && /^[A-Za-z_]\w*$/.test(woord!)) namen.push({ bestand, naam: woord! });
    }
    perRegel.set(id, namen);
  }
  return perRegel;
}

describe('the rules catalogue docs/rules.md', () => {
  it('names for every rule id the functions or constants in shared/ that carry it, and each exists', () => {
    const perRegel = gedeeldeNamen(readFileSync(CATALOGUS, 'utf8'));
    expect([...perRegel.keys()].sort()).toEqual([...REGEL_IDS].sort());
    const zonder = [...perRegel].filter(([, namen]) => namen.length === 0).map(([id]) => id);
    expect(zonder, `rules with no shared/ name: ${zonder.join(', ')}`).toEqual([]);
    const ontbrekend = [...perRegel].flatMap(([id, namen]) => namen
      .filter(({ bestand, naam }) => !new RegExp(`export (?:async )?(?:function|const|type|interface|class|enum) ${naam}\\b`).test(readFileSync(join(WORTEL, bestand), 'utf8')))
      .map(({ bestand, naam }) => `${id}: ${bestand} ${naam}`));
    expect(ontbrekend, 'names in docs/rules.md that shared/ does not export').toEqual([]);
  });

  it('names exactly the rule ids of shared/rules/weigering.ts', () => {
    expect([...catalogus].sort()).toEqual([...REGEL_IDS].sort());
  });

  // Parses every test file of the project: seconds on a loaded machine.
  it('has every rule id named by at least one test', { timeout: 60_000 }, () => {
    const teksten = testbestanden(TESTS).map((pad) => ({ pad: relative(TESTS, pad), tekst: testnamen(readFileSync(pad, 'utf8')).join('\n') }));
    expect(teksten.length).toBeGreaterThan(0);
    const zonderTest = [...catalogus].filter((id) => !teksten.some(({ tekst }) => genoemd(tekst, id)));
    expect(zonderTest, `rule ids no test names: ${zonderTest.join(', ')}`).toEqual([]);
  });

  it('counts a rule id in a test name only, not in a comment or a value', () => {
    const bron = [
      "// R-ZP-1 in a comment",
      "it('R-BSN-1: an invalid BSN is refused', () => { expect(regel).toBe('R-PVT-1'); });",
      "describe(\"R-SIG-5 order\", () => {});",
      "it.each([['R-FAC-1', 1], ['x', f(2)]])('R-FAC-2 %s', () => {});",
      'test.concurrent(`R-WP-1 sets`, async () => {});',
    ].join('\n');
    expect(testnamen(bron)).toEqual(['R-BSN-1: an invalid BSN is refused', 'R-SIG-5 order', 'R-FAC-2 %s', 'R-WP-1 sets']);
  });
});
