import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js on fixture text, so a rule that stops firing fails here.
// The text is no file of a tsconfig, so typed linting is off for it; `npx eslint .` runs that.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [{
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: { parserOptions: { project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/no-implied-eval': 'off' },
  }],
});

async function fouten(pad: string, tekst: string): Promise<{ regel: string | null; melding: string }[]> {
  const [uitkomst] = await eslint.lintText(tekst, { filePath: join(ROOT, pad) });
  return uitkomst!.messages.map((m) => ({ regel: m.ruleId, melding: m.message }));
}

// Loading the parsers and plugins takes seconds on a busy machine: once, before the tests are timed.
beforeAll(() => fouten('main/x.ts', ''), 60_000);

describe('the layering rule (scripts/eslint/kamers.js)', () => {
  it.each([
    ['main/ into renderer/', 'main/ipc/x.ts', "export { pib } from '../../renderer/bridge';", /main\/ importeert niet uit renderer\//],
    ['renderer/ into main/', 'renderer/stores/x.ts', "import type { Diensten } from '../../main/diensten';\nexport type D = Diensten;", /renderer\/ importeert niet uit main\//],
    ['a path that only resolves into main/', 'renderer/x.ts', "import { a } from './stores/../../main/a';\nexport const b = a;", /renderer\/ importeert niet uit main\//],
    ['server/ into main/ by a dynamic import', 'server/x.ts', "export const m = () => import('../main/config');", /server\/ importeert niet uit main\//],
    ['shared/ into server/', 'shared/rules/x.ts', "import { a } from '../../server/a';\nexport const b = a;", /shared\/ importeert niet uit server\//],
    ['out of the project', 'shared/x.ts', "import { a } from '../../shared/a';\nexport const b = a;", /buiten het project/],
    ['shared/ to ws', 'shared/x.ts', "import { WebSocket } from 'ws';\nexport const w = WebSocket;", /'ws' hoort hier niet/],
    ['shared/ to jszip', 'shared/formats/x.ts', "import JSZip from 'jszip';\nexport const z = JSZip;", /'jszip' hoort hier niet/],
    ['shared/ to node:fs', 'shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /'node:fs' hoort hier niet/],
  ])('refuses %s', async (_wat, pad, tekst, melding) => {
    const gevonden = await fouten(pad, tekst);
    expect(gevonden.filter((f) => f.regel === 'pib/kamers').map((f) => f.melding)).toEqual([expect.stringMatching(melding)]);
  });

  it.each([
    ['shared/ within itself and zod', 'shared/rules/x.ts', "import { z } from 'zod';\nimport { vandaag } from '../datum';\nexport const a = [z, vandaag];"],
    ['main/ from shared/ and packages', 'main/x.ts', "import { WebSocket } from 'ws';\nimport { IPC } from '../shared/ipc';\nexport const a = [WebSocket, IPC];"],
    ['renderer/ from shared/', 'renderer/stores/x.ts', "import { IPC } from '../../shared/ipc';\nexport const a = IPC;"],
    ['tests/ from every room', 'tests/unit/x.ts', "import { a } from '../../main/a';\nimport { b } from '../../renderer/b';\nexport const c = [a, b];"],
  ])('lets %s pass', async (_wat, pad, tekst) => {
    expect((await fouten(pad, tekst)).filter((f) => f.regel === 'pib/kamers')).toEqual([]);
  });
});

describe('what the static security scan leaves to ESLint', () => {
  it.each([
    ['eval', 'main/x.ts', "export const f = (s: string) => eval(s);", 'no-eval'],
    ['window.eval', 'renderer/x.ts', 'export const f = (s: string) => window.eval(s);', 'no-eval'],
    ['new Function', 'main/x.ts', "export const f = new Function('return 1');", 'no-new-func'],
    ['a string for setTimeout', 'renderer/x.ts', "setTimeout('alert(1)', 1);", 'no-implied-eval'],
    ['v-html', 'renderer/X.vue', '<template><div v-html="x" /></template>\n<script setup lang="ts">\nconst x = \'<b>\';\n</script>\n', 'vue/no-v-html'],
  ])('%s is refused', async (_wat, pad, tekst, regel) => {
    expect((await fouten(pad, tekst)).map((f) => f.regel)).toContain(regel);
  });
});
