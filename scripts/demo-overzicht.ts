// Prints how the demo caseload is spread over the states the handbook names, per gemeente.
// Usage: npm run demo:overzicht [-- --vandaag 2025-03-01 --personen 1000]
import { parseArgs } from 'node:util';
import { maakIsi } from '../server/start';

const { values } = parseArgs({ options: { vandaag: { type: 'string', default: '2025-03-01' }, personen: { type: 'string' } } });
const isi = await maakIsi({ db: ':memory:', demo: true, vandaag: values.vandaag, ...(values.personen ? { personen: Number(values.personen) } : {}) });
const v = values.vandaag;
const tel = (gc: string, waar: string, ...params: unknown[]) =>
  (isi.db.prepare(`SELECT count(*) AS n FROM persoon_gemeenten pg JOIN personen p ON p.nr = pg.persoon_nr LEFT JOIN facturen f ON f.persoon_id = p.id WHERE pg.gemeentecode = ? AND ${waar}`).get(gc, ...params) as { n: number }).n;
const staten: [string, string, unknown[]][] = [
  ['in de PIB (alle wetten, ook uitgeschreven)', '1', []],
  ['Wi2013', "p.wet = 'WI2013'", []],
  ['Wi2007', "p.wet = 'WI2007'", []],
  ['Wi2021', "p.wet = 'WI2021'", []],
  ['woonachtig', "pg.verblijf = 'WOONACHTIG'", []],
  ['voormalig woonachtig (verhuisd uit)', "pg.verblijf = 'VOORMALIG'", []],
  ['uitgeschreven uit de BRP', 'p.uitgeschreven = 1', []],
  ['overleden', 'p.overleden = 1', []],
  ['PVT-plichtig J', "p.pvt_plichtig = 'J'", []],
  ['PVT-plichtig N', "p.pvt_plichtig = 'N'", []],
  ['PVT-plichtig onbepaald', 'p.pvt_plichtig IS NULL', []],
  ['in termijn (einde > vandaag + 2 mnd, niet voldaan)', "p.pvt_plichtig = 'J' AND p.datum_voldaan IS NULL AND p.reden_niet_voldaan IS NULL AND p.datum_einde_pvt_plicht > date(?, '+2 months')", [v]],
  ['bijna einde termijn (≤ 2 mnd)', "p.pvt_plichtig = 'J' AND p.datum_voldaan IS NULL AND p.reden_niet_voldaan IS NULL AND p.datum_einde_pvt_plicht BETWEEN ? AND date(?, '+2 months')", [v, v]],
  ['termijn verlopen zonder voldaan of reden', "p.pvt_plichtig = 'J' AND p.datum_voldaan IS NULL AND p.reden_niet_voldaan IS NULL AND p.datum_einde_pvt_plicht < ?", [v]],
  ['voldaan, voorlopig', 'p.datum_voldaan IS NOT NULL AND p.registratie_definitief = 0', []],
  ['voldaan, definitief', 'p.datum_voldaan IS NOT NULL AND p.registratie_definitief = 1', []],
  ...['WEIGERT_DEELNAME', 'WEIGERT_ONDERTEKENING', 'REAGEERT_NIET', 'NIET_VERSCHENEN', 'GEEN_AANBOD', 'ZIEKTE', 'DETENTIE', 'OVERMACHT']
    .map((r): [string, string, unknown[]] => [`reden ${r}`, 'p.reden_niet_voldaan = ?', [r]]),
  ['met lening', 'p.lening = 1', []],
  ['zonder lening', 'p.lening = 0', []],
  ['geen factuur, wel lening (Factuur aanwezig: Nee)', 'f.persoon_id IS NULL AND p.lening = 1', []],
  ...[null, 1, 2, 3, 4, 5, 6].map((s): [string, string, unknown[]] => [`factuur status ${s ?? 'leeg'}`, s === null ? 'f.persoon_id IS NOT NULL AND f.status IS NULL' : 'f.status = ?', s === null ? [] : [s]]),
  ['factuur geaccepteerd', 'f.geaccepteerd = 1', []],
  ['recht op MB J', "p.recht_op_mb = 'J'", []],
  ['recht op MB N', "p.recht_op_mb = 'N'", []],
  ['MB gemeld bij BZK', 'p.datum_mb_gemeld_bij_bzk IS NOT NULL', []],
  ['MB J, niet gemeld', "p.recht_op_mb = 'J' AND p.datum_mb_gemeld_bij_bzk IS NULL", []],
];
const gemeenten = ['0014', '0034'];
console.log(`Demo ${v}`.padEnd(56) + gemeenten.map((g) => g.padStart(8)).join(''));
for (const [naam, waar, params] of staten) console.log(naam.padEnd(56) + gemeenten.map((g) => String(tel(g, waar, ...params)).padStart(8)).join(''));
const signalen = isi.db.prepare('SELECT gemeentecode, code, status, count(*) AS n FROM signalen GROUP BY gemeentecode, code, status').all() as { gemeentecode: string; code: string; status: string; n: number }[];
for (const gc of gemeenten) {
  const perCode = new Map<string, string[]>();
  for (const s of signalen.filter((s) => s.gemeentecode === gc)) perCode.set(s.code, [...(perCode.get(s.code) ?? []), `${s.status} ${s.n}`]);
  console.log(`signalen ${gc}: ${[...perCode].sort().map(([c, l]) => `${c} (${l.join(', ')})`).join('; ')}`);
}
await isi.app.close();
