import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A static scan of the app's sources for what Electron's security checklist and the CSP forbid.
// The Electron-only glue cannot run on every machine; this catches a regression wherever it is
// written, including code paths no test reaches. What ESLint checks on the syntax tree (eval,
// new Function, a string for setTimeout, v-html) is left to it: eslint.config.js, tested in
// tests/unit/scripts/eslint-regels.test.ts. This scan keeps what ESLint has no rule for.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MAPPEN = ['main', 'renderer'];
const SOORTEN = new Set(['.ts', '.vue', '.html', '.js', '.mjs', '.cjs']);

function bestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true }).flatMap((d) => {
    const pad = join(map, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : bestanden(pad);
    return SOORTEN.has(extname(d.name)) ? [pad] : [];
  });
}

const VERBODEN: { naam: string; patroon: RegExp; fout: string; goed: string }[] = [
  { naam: 'nodeIntegration aan', patroon: /nodeIntegration\w*\s*:\s*true/, fout: 'nodeIntegrationInSubFrames: true', goed: 'nodeIntegration: false' },
  { naam: 'contextIsolation uit', patroon: /contextIsolation\s*:\s*false/, fout: 'contextIsolation : false', goed: 'contextIsolation: true' },
  { naam: 'webSecurity uit', patroon: /webSecurity\s*:\s*false/, fout: 'webSecurity:false', goed: 'webSecurity: true' },
  { naam: 'sandbox uit', patroon: /sandbox\s*:\s*false/, fout: 'sandbox: false', goed: 'sandbox: true' },
  { naam: 'webview aan', patroon: /webviewTag\s*:\s*true/, fout: 'webviewTag: true', goed: 'webviewTag: false' },
  { naam: 'onveilige inhoud toegestaan', patroon: /allowRunningInsecureContent\s*:\s*true/, fout: 'allowRunningInsecureContent: true', goed: 'allowRunningInsecureContent: false' },
  { naam: 'HTML uit tekst', patroon: /\b(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\s*\(/, fout: 'el.innerHTML = x', goed: 'el.textContent = x' },
  { naam: "'unsafe-inline' of 'unsafe-eval' voor scripts", patroon: /script-src(?:-elem|-attr)?(?:\s+'[^']*'|\s+[^\s;'"`]+)*\s+'unsafe-(inline|eval)'/, fout: "\"script-src 'self' blob: 'unsafe-eval'\"", goed: "\"script-src 'self'\", `style-src 'self' 'unsafe-inline'`" },
];

/** Every shell.openExternal must open a URL whose origin is fixed in the code, never one from the page. */
function openExternalZonderVasteHerkomst(bron: string): string[] {
  const HERKOMST = /^(['"`])https:\/\/[^/'"`$]+\//;
  const fouten: string[] = [];
  for (const regel of bron.split('\n')) {
    // Anything but a direct call (a destructured or aliased openExternal) cannot be checked: refused.
    if (/openExternal/.test(regel.replace(/shell\.openExternal\(/g, ''))) fouten.push(regel.trim());
    for (const m of regel.matchAll(/shell\.openExternal\(\s*([^)]*?)\s*\)/g)) {
      const arg = m[1]!;
      if (HERKOMST.test(arg)) continue;
      const bewaakt = new RegExp(`\\b${arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.startsWith\\(\\s*([A-Z_][A-Z0-9_]*|['"\`][^'"\`]*['"\`])\\s*\\)`).exec(regel);
      const voorvoegsel = bewaakt?.[1];
      const waarde = voorvoegsel && /^[A-Z_]/.test(voorvoegsel) ? new RegExp(`const ${voorvoegsel}\\s*=\\s*(['"\`][^'"\`]*['"\`])`).exec(bron)?.[1] : voorvoegsel;
      if (!waarde || !HERKOMST.test(waarde)) fouten.push(regel.trim());
    }
  }
  return fouten;
}

/** The fuses as scripts/bouw/zekeringen.cjs flips them (electron-builder's afterPack hook). */
const { ZEKERINGEN: zekeringen } = createRequire(import.meta.url)(join(ROOT, 'scripts', 'bouw', 'zekeringen.cjs')) as { ZEKERINGEN: Record<string, boolean> };

describe('static security scan', () => {
  const bronnen = MAPPEN.flatMap((m) => bestanden(join(ROOT, m))).map((pad) => ({ pad: relative(ROOT, pad), bron: readFileSync(pad, 'utf8') }));

  it('scans the sources of main/ and renderer/', () => {
    const paden = bronnen.map((b) => b.pad.replaceAll('\\', '/'));
    expect(paden).toContain('main/electron/venster.ts');
    expect(paden).toContain('main/electron/beveiliging.ts');
    expect(paden.some((p) => p.startsWith('renderer/') && p.endsWith('.vue'))).toBe(true);
  });

  it.each(VERBODEN)('each rule recognises what it forbids: $naam', ({ patroon, fout, goed }) => {
    expect(patroon.test(fout)).toBe(true);
    expect(patroon.test(goed)).toBe(false);
  });

  it.each(VERBODEN)('no source has $naam', ({ patroon }) => {
    const treffers = bronnen.flatMap(({ pad, bron }) => bron.split('\n').flatMap((regel, i) => (patroon.test(regel) ? [`${pad}:${i + 1}: ${regel.trim()}`] : [])));
    expect(treffers).toEqual([]);
  });

  it('the openExternal rule tells a fixed origin from one the page chooses', () => {
    expect(openExternalZonderVasteHerkomst("shell.openExternal('https://duo.nl/contact')")).toEqual([]);
    expect(openExternalZonderVasteHerkomst("const SITE = 'https://duo.nl/';\nif (url.startsWith(SITE)) void shell.openExternal(url);")).toEqual([]);
    expect(openExternalZonderVasteHerkomst("if (url.startsWith('https://duo.nl/')) shell.openExternal(url);")).toEqual([]);
    for (const fout of [
      'shell.openExternal(url)', "shell.openExternal(`${basis}/x`)", "shell.openExternal('http://duo.nl/')", 'shell.openExternal(`https://${host}/`)',
      "if (url.startsWith('https://duo.nl')) shell.openExternal(url)", "const SITE = 'https://';\nif (url.startsWith(SITE)) shell.openExternal(url);",
      "if (url.startsWith(ANDERS)) shell.openExternal(url)", 'const { openExternal } = shell;',
    ]) {
      expect(openExternalZonderVasteHerkomst(fout), fout).not.toEqual([]);
    }
  });

  it('shell.openExternal is only called with a fixed https origin', () => {
    expect(bronnen.flatMap(({ pad, bron }) => openExternalZonderVasteHerkomst(bron).map((r) => `${pad}: ${r}`))).toEqual([]);
  });
});

describe('electron-builder.yml', () => {
  const yaml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');

  it('declares every fuse that closes a way into the packaged app (flipped in its afterPack hook)', () => {
    expect(yaml).toMatch(/^afterPack:\s*scripts\/bouw\/zekeringen\.cjs\s*$/m);
    expect(zekeringen).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    });
  });

  it('does not rebuild native modules for Electron (better-sqlite3 stays built for Node) and packs into asar', () => {
    expect(yaml).toMatch(/^npmRebuild:\s*false\s*$/m);
    expect(yaml).toMatch(/^asar:\s*true\s*$/m);
  });

  it('never packs the reference server', () => {
    const files = /^files:\n((?:\s+-.*\n)*)/m.exec(yaml)?.[1] ?? '';
    expect(files).not.toBe('');
    expect(files).not.toMatch(/server/);
    // An entry of everything (`**/*`) would take server/ along.
    expect(files).not.toMatch(/^\s+-\s*['"]?\*\*/m);
  });
});
