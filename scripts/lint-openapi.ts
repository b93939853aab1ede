/**
 * Lints the live OpenAPI document of the reference server with Spectral and the ruleset in
 * `.spectral.yaml` (NL GOV API Design Rules 2.1 plus spectral:oas recommended). Both documents
 * are linted: a demo server's (with /simulatie) and a production server's. Any error or warning
 * fails; the count per severity is printed either way.
 *
 *   npm run lint:openapi
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { maakIsi } from '../server/start';

const WORTEL = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ERNST = ['error', 'warning', 'info', 'hint'] as const;

interface Bevinding {
  code: string;
  message: string;
  path: (string | number)[];
  severity: 0 | 1 | 2 | 3;
  source?: string;
}

/** The document exactly as a client reads it: over HTTP from a server that listens. */
async function haalDocument(demo: boolean): Promise<unknown> {
  const isi = await maakIsi({ db: ':memory:', demo, personen: 5 });
  try {
    const url = await isi.app.listen({ host: '127.0.0.1', port: 0 });
    const r = await fetch(`${url}/api/v1/openapi.json`);
    if (r.status !== 200) throw new Error(`GET /api/v1/openapi.json gaf ${r.status}`);
    return await r.json();
  } finally {
    await isi.app.close();
  }
}

async function main(): Promise<void> {
  const map = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  try {
    const documenten = { 'openapi-demo.json': await haalDocument(true), 'openapi-productie.json': await haalDocument(false) };
    for (const [naam, document] of Object.entries(documenten)) await writeFile(join(map, naam), JSON.stringify(document, null, 2));
    const spectral = createRequire(import.meta.url).resolve('@stoplight/spectral-cli/dist/index.js');
    const uitvoer = join(map, 'uitkomst.json');
    const bestanden = Object.keys(documenten).map((naam) => join(map, naam));
    // Spectral exits non-zero when it finds something; the JSON report is read either way.
    await promisify(execFile)(process.execPath, [spectral, 'lint', '--ruleset', join(WORTEL, '.spectral.yaml'), '--format', 'json', '--output', uitvoer, '--fail-severity', 'error', '--quiet', ...bestanden], { cwd: WORTEL })
      .catch((fout: { code?: number; stderr?: string }) => {
        if (fout.code !== 1) throw new Error(`Spectral faalde: ${fout.stderr ?? String(fout)}`);
      });
    const bevindingen = JSON.parse(await readFile(uitvoer, 'utf8')) as Bevinding[];
    for (const b of bevindingen) {
      const bestand = b.source ? b.source.slice(map.length + 1) : '?';
      process.stdout.write(`${bestand} ${ERNST[b.severity]} ${b.code} ${b.path.join('.')}: ${b.message}\n`);
    }
    const tel = (ernst: number) => bevindingen.filter((b) => b.severity === ernst).length;
    process.stdout.write(`OpenAPI-lint (${Object.keys(documenten).join(', ')}): ${tel(0)} errors, ${tel(1)} warnings, ${tel(2)} infos, ${tel(3)} hints\n`);
    if (tel(0) + tel(1) > 0) process.exitCode = 1;
  } finally {
    await rm(map, { recursive: true, force: true });
  }
}

await main();
