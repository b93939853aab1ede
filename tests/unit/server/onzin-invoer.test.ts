import { describe, expect, it } from 'vitest';
import { Willekeur } from '../../../server/demo/willekeur';
import { startTestServer } from '../../helpers/isi';
import { volledigePaden } from './hulp';

// Generated nonsense against every write of the contract: the server answers every one with a
// problem+json 4xx (or a success), never a 5xx, and keeps answering.
const isi = await startTestServer({ verzoekenPerMinuut: 1_000_000 });
const token = await isi.login('demo-muteren');
const persoonId = (isi.db.prepare("SELECT id FROM personen WHERE gemeentecode = '0014' AND wet = 'WI2013' AND pvt_plichtig = 'J' AND uitgeschreven = 0 LIMIT 1").get() as { id: string }).id;

const VELDEN = ['bsn', 'pvtPlichtig', 'datumVoldaan', 'redenNietVoldaan', 'factuurnummer', 'factuurdatum', 'aantalSets', 'ids', 'status', 'naam', 'email', 'magBellen', 'sorteer', 'pagina', 'paginaGrootte', 'gemeentecode', 'type', 'vandaag', '__proto__', 'constructor'];
const WAARDEN = (r: Willekeur): unknown[] => [
  null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, '', ' ', 'J', 'X', '2025-02-30', '2025-13-01', '9999-99-99', '994002026', '123456789',
  '0'.repeat(10_000), '💥'.repeat(50), "'; DROP TABLE personen; --", '<script>alert(1)</script>', [], [1, 'a', null], {}, { a: { b: { c: [] } } },
  '-bsn', 'WEIGERT_DEELNAME', 'AFGEHANDELD', 'FACTUUR_GEACCEPTEERD', r.uuid(),
];

function onzin(r: Willekeur, diepte = 0): unknown {
  const keuze = r.getal();
  if (diepte < 2 && keuze < 0.55) {
    const object: Record<string, unknown> = {};
    for (let i = r.tussen(0, 5); i > 0; i--) object[r.kies(VELDEN)] = onzin(r, diepte + 1);
    return object;
  }
  if (diepte < 2 && keuze < 0.65) return Array.from({ length: r.tussen(0, 3) }, () => onzin(r, diepte + 1));
  return r.kies(WAARDEN(r));
}

const { body: openapi } = await isi.vraag('GET', '/api/v1/openapi.json');
const schrijfroutes = Object.entries(volledigePaden<Record<string, unknown>>(openapi)).flatMap(([pad, methoden]) =>
  Object.keys(methoden).filter((m) => m !== 'get').map((m) => [m.toUpperCase(), pad] as const),
);

describe('nonsense input never crashes the server', () => {
  it.each(schrijfroutes)('%s %s', async (methode, pad) => {
    const r = new Willekeur(pad.length * 31 + methode.length);
    const url = pad.replace('{gc}', '0014').replace('{id}', persoonId).replace('{gebruikersnaam}', 'demo-raadplegen').replace('{gemeentecode}', '0034');
    for (let i = 0; i < 80; i++) {
      const ruw = r.kans(0.15) ? r.kies(['{', 'null', '[]', '"tekst"', '{"a":', '\u0000', '{"bsn": 994002026}']) : JSON.stringify(onzin(r));
      const a = await isi.vraag(methode, url, { token, body: ruw, headers: { 'content-type': 'application/json' } });
      expect(a.status, `${methode} ${url} met ${ruw.slice(0, 200)} gaf ${a.status}: ${a.tekst.slice(0, 300)}`).toBeLessThan(500);
      if (a.status >= 400) {
        expect(a.headers.get('content-type')).toContain('application/problem+json');
        expect(typeof a.body.detail).toBe('string');
        expect(a.tekst).not.toMatch(/at .+\.(ts|js):\d+/);
      }
    }
    expect((await isi.vraag('GET', '/api/v1/status')).status).toBe(200);
  });
});
