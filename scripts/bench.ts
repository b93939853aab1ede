// `npm run bench`: seeding and request latencies of the reference server at a large caseload.
// Usage: npm run bench [-- --personen 100000]. Prints a table; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { totpCode } from '../server/auth/totp';
import { maakIsi } from '../server/start';

const { values } = parseArgs({ options: { personen: { type: 'string', default: '100000' } } });
const personen = Number(values.personen);
const map = mkdtempSync(join(tmpdir(), 'isi-bench-'));

const t0 = performance.now();
const isi = await maakIsi({ db: join(map, 'isi.db'), demo: true, vandaag: '2025-03-01', personen, verzoekenPerMinuut: 1_000_000 });
const zaaiMs = performance.now() - t0;
const url = await isi.app.listen({ host: '127.0.0.1', port: 0 });
const aantal = isi.db.prepare('SELECT count(*) AS n FROM personen').get() as { n: number };
const signalen = isi.db.prepare('SELECT count(*) AS n FROM signalen').get() as { n: number };

async function vraag(methode: string, pad: string, token?: string, body?: unknown): Promise<any> {
  const r = await fetch(url + pad, {
    method: methode,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const soort = r.headers.get('content-type') ?? '';
  return soort.includes('json') ? r.json() : r.arrayBuffer();
}

const { token } = await vraag('POST', '/api/v1/sessies', undefined, { gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: totpCode('JBSWY3DPEHPK3PXP') });

async function meet(naam: string, n: number, stap: () => Promise<unknown>): Promise<void> {
  await stap();
  const tijden: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await stap();
    tijden.push(performance.now() - t);
  }
  tijden.sort((a, b) => a - b);
  const p = (q: number) => tijden[Math.min(tijden.length - 1, Math.floor(q * tijden.length))]!.toFixed(1);
  console.log(`${naam.padEnd(52)} mediaan ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}

const eenBsn = (isi.db.prepare("SELECT bsn FROM personen WHERE gemeentecode = '0014' AND wet = 'WI2013' AND uitgeschreven = 0 LIMIT 1 OFFSET 5000").get() as { bsn: string }).bsn;
const eenId = (isi.db.prepare("SELECT id FROM personen WHERE bsn = ?").get(eenBsn) as { id: string }).id;

console.log(`personen: ${aantal.n}, signalen: ${signalen.n}; zaaien: ${(zaaiMs / 1000).toFixed(1)} s`);
await meet('_zoek op BSN', 50, () => vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', token, { bsn: eenBsn }));
await meet('_zoek pvtPlichtig=J (pagina 1, sortering BSN)', 20, () => vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', token, { pvtPlichtig: 'J' }));
await meet('_zoek voldaan=N, sortering -achternaam', 20, () => vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', token, { voldaan: 'N', sorteer: '-achternaam' }));
await meet('_zoek pvtPlichtig=J, sortering signaalAanwezig', 10, () => vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', token, { pvtPlichtig: 'J', sorteer: 'signaalAanwezig' }));
await meet('_zoek einde PVT-plicht in maart 2025, pagina 5', 20, () => vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', token, { eindePvtPlichtVan: '2025-03-01', eindePvtPlichtTot: '2025-03-31', pagina: 5 }));
await meet('GET persoon', 50, () => vraag('GET', `/api/v1/gemeenten/0014/personen/${eenId}`, token));
await meet('signalen/_zoek status NIEUW', 20, () => vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', token, { status: 'NIEUW' }));

const t1 = performance.now();
let cursor: string | undefined;
let pagina = 0;
let gesynct = 0;
for (;;) {
  const w = await vraag('GET', `/api/v1/gemeenten/0014/wijzigingen?limiet=1000${cursor ? `&vanaf=${cursor}` : ''}`, token);
  gesynct += w.personen.length;
  cursor = w.cursor;
  pagina++;
  if (!w.meer) break;
}
console.log(`volledige sync 0014: ${gesynct} personen in ${pagina} pagina's, ${((performance.now() - t1) / 1000).toFixed(1)} s`);
const t2 = performance.now();
const zip = (await vraag('GET', '/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', token)) as ArrayBuffer;
console.log(`PVT extract 0014 maken en downloaden: ${((performance.now() - t2) / 1000).toFixed(1)} s, ${(zip.byteLength / 1e6).toFixed(1)} MB zip`);

await isi.app.close();
rmSync(map, { recursive: true, force: true });
