import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { metTabel, sjablonen } from './beleid-sjablonen';

// npm run beleid:genereer: writes what is made of shared/beleid.ts into the repository, after a
// change of the declaration. tests/unit/main/beleid-sjablonen.test.ts fails until it has run.
const ROOT = join(import.meta.dirname, '..');
for (const [pad, inhoud] of Object.entries(sjablonen())) {
  mkdirSync(dirname(join(ROOT, pad)), { recursive: true });
  writeFileSync(join(ROOT, pad), inhoud);
  console.log(`geschreven: ${pad}`);
}
const docs = join(ROOT, 'docs', 'beleid.md');
writeFileSync(docs, metTabel(readFileSync(docs, 'utf8')));
console.log('geschreven: de tabel in docs/beleid.md');
