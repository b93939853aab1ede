import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { distConfig, nodeGenoegVoorDist } from './dist-config';

// npm run dist: the installers of this platform (docs/deploying.md), on a machine with network
// (electron-builder downloads Electron and its tools), and the software bill of materials.
const ROOT = join(import.meta.dirname, '..');
if (!nodeGenoegVoorDist(process.versions.node)) {
  console.error(`npm run dist vraagt Node 22.12 of nieuwer (de hulpprogramma's van electron-builder); dit is Node ${process.versions.node}. Ontwikkelen en testen gaat met Node 20.`);
  process.exit(2);
}
const { config, meldingen } = distConfig(parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')), process.env);
for (const m of meldingen) console.log(m);
execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const { build } = await import('electron-builder');
await build({ config, publish: 'never' });
// The software bill of materials of what the installers hold: the production dependencies.
mkdirSync(join(ROOT, 'dist'), { recursive: true });
writeFileSync(join(ROOT, 'dist', 'sbom.cdx.json'), execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }));
console.log('Klaar: de installatiebestanden en dist/sbom.cdx.json staan in dist/.');
