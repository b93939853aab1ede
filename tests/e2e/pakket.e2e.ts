import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minimatch } from 'minimatch';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

// Issue #11: what electron-builder would pack of the build output that `npm test` just made holds
// nothing of the reference server or the tests (tests/unit/main/bouwconfig.test.ts checks the globs
// against the sources; this checks the output itself, which exists only after the build).
const ROOT = join(import.meta.dirname, '..', '..');

function alle(map: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    return statSync(pad).isDirectory() ? alle(pad) : [relative(ROOT, pad).split('\\').join('/')];
  });
}

test('the packed build output holds no reference server, no test code and no source maps', () => {
  const globs: string[] = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')).files;
  const gepakt = alle(join(ROOT, 'out')).filter((pad) => globs.filter((g) => !g.startsWith('!')).some((g) => minimatch(pad, g, { dot: true }))
    && !globs.filter((g) => g.startsWith('!')).some((g) => minimatch(pad, g.slice(1), { dot: true })));
  expect(gepakt).toContain('out/main/main.js');
  expect(gepakt).toContain('out/renderer/index.html');
  expect(gepakt.filter((p) => p.endsWith('.map'))).toEqual([]);
  for (const pad of gepakt.filter((p) => /\.(c?js|html)$/.test(p))) {
    const inhoud = readFileSync(join(ROOT, pad), 'utf8');
    // The server's framework and database, its entry, and the test runners never reach the package.
    expect(inhoud, pad).not.toMatch(/require\(["'](fastify|better-sqlite3|vitest|@playwright\/test)["']\)|from ["'](fastify|better-sqlite3|vitest|@playwright\/test)["']/);
    expect(inhoud, pad).not.toContain('server/cli.ts');
  }
});
