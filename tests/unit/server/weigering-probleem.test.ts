import { beforeAll, describe, expect, it } from 'vitest';
import { geweigerd } from '../../../renderer/composables/voorcontrole';
import { probleemVanWeigering } from '../../../shared/probleem';
import { weigerBsn } from '../../../shared/rules/bsn';
import { weigerContactbericht } from '../../../shared/rules/contact';
import { weigerPvtWijzigen } from '../../../shared/rules/pvt';
import { ROLLEN } from '../../../shared/rules/rollen';
import { weigerSignaalFilters, weigerSignaalStatuswijziging } from '../../../shared/rules/signalen';
import { weigerAantalSets, weigerBovenVerwachting } from '../../../shared/rules/waardepapieren';
import { REGEL_IDS, weigering, type Weigering, type WeigeringStatus } from '../../../shared/rules/weigering';
import { weigerZoekcriteria } from '../../../shared/rules/zoeken';
import type { Probleem } from '../../../shared/schemas/api';
import { vanWeigering } from '../../../server/http/probleem';
import { startTestServer, type Antwoord } from '../../helpers/isi';
import { maakPersoon } from './hulp';

/**
 * Issue 10, point 2: for the same refusal the app's pre-check (renderer/composables/voorcontrole.ts)
 * and ISI give the same problem, to the letter: status, code, title, type, detail, rule and fields.
 */
const isi = await startTestServer({ vandaag: '2025-03-01', personen: 10 });
let muteren = '';
let raadplegen = '';

beforeAll(async () => {
  muteren = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
});

function voorcontrole(w: Weigering | null): Probleem {
  if (!w) throw new Error('de regel weigerde niet');
  const u = geweigerd<never>(w);
  if (u.ok) throw new Error('geen weigering');
  return u.probleem;
}

function vanIsi(r: Antwoord): Probleem {
  expect(r.headers.get('content-type'), r.tekst).toMatch(/^application\/problem\+json/);
  return r.body as Probleem;
}

const GC = '0014';
const ONGELDIG_BSN = '123456789';
const BERICHT = { naam: '', email: 'geen-adres', magBellen: true, telefoonnummer: '', onderwerp: 'Onbekend', bericht: ' ' };
const BESTELLING = { soort: 'PVT_WAARDEPAPIEREN' as const, contactpersoon: 'A. de Vries', email: 'a@gemeente.nl' };

describe('de voorcontrole van de app en ISI geven hetzelfde probleem voor dezelfde weigering', () => {
  it('R-BSN-1: zoeken personen met een BSN dat de elfproef niet haalt', async () => {
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/personen/_zoek`, { token: muteren, body: { bsn: ONGELDIG_BSN } });
    expect(r.status).toBe(400);
    expect(vanIsi(r)).toEqual(voorcontrole(weigerBsn(ONGELDIG_BSN)));
  });

  it('R-BSN-1: wetbepaling met een BSN van acht cijfers', async () => {
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/wetbepalingen`, { token: muteren, body: { bsn: '12345678' } });
    expect(vanIsi(r)).toEqual(voorcontrole(weigerBsn('12345678')));
  });

  it('R-ZP-2: zoeken met overige velden zonder één criterium, en met een bereik dat eindigt voor het begint', async () => {
    const leeg = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/personen/_zoek`, { token: muteren, body: {} });
    expect(vanIsi(leeg)).toEqual(voorcontrole(weigerZoekcriteria({})));
    const bereik = { startPvtPlichtVan: '2024-05-01', startPvtPlichtTot: '2024-01-01' };
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/personen/_zoek`, { token: muteren, body: bereik });
    expect(vanIsi(r)).toEqual(voorcontrole(weigerZoekcriteria(bereik)));
  });

  it('R-CON-1: een contactbericht met alle fouten tegelijk', async () => {
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/contactberichten`, { token: muteren, body: BERICHT });
    expect(r.status).toBe(400);
    expect(vanIsi(r).fouten!.length).toBeGreaterThan(1);
    expect(vanIsi(r)).toEqual(voorcontrole(weigerContactbericht(BERICHT)));
  });

  it('R-WP-1: te veel sets (400) en boven verwachting zonder bevestiging (409)', async () => {
    const teVeel = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/waardepapierbestellingen`, { token: muteren, body: { ...BESTELLING, aantalSets: 41 } });
    expect(vanIsi(teVeel)).toEqual(voorcontrole(weigerAantalSets(41)));
    const boven = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/waardepapierbestellingen`, { token: muteren, body: { ...BESTELLING, aantalSets: 5 } });
    expect(boven.status).toBe(409);
    expect(vanIsi(boven)).toEqual(voorcontrole(weigerBovenVerwachting(5, false)));
  });

  it('R-SIG-4: signalen zoeken tot een datum voor de begindatum', async () => {
    const filters = { datumVan: '2025-02-01', datumTot: '2025-01-01' };
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/signalen/_zoek`, { token: muteren, body: filters });
    expect(vanIsi(r)).toEqual(voorcontrole(weigerSignaalFilters(filters)));
  });

  it('R-ROL-3: een status van signalen wijzigen zonder mutatierol (403)', async () => {
    const ids = ['00000000-0000-4000-8000-000000000001'];
    const r = await isi.vraag('POST', `/api/v1/gemeenten/${GC}/signalen/statuswijzigingen`, { token: raadplegen, body: { ids, status: 'AFGEHANDELD' } });
    expect(r.status).toBe(403);
    expect(vanIsi(r)).toEqual(voorcontrole(weigerSignaalStatuswijziging(['WI2013'], ids)));
  });

  it('R-PVT-1: PVT-gegevens van een persoon die niet PVT-plichtig is (409)', async () => {
    const p = await maakPersoon(isi, muteren, { gemeentecode: GC, pvtPlichtig: 'N' });
    const r = await isi.vraag('PUT', `/api/v1/gemeenten/${GC}/personen/${p.id}/pvt`, {
      token: muteren,
      headers: { 'if-match': `"${p.versie}"` },
      body: { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null },
    });
    expect(r.status, r.tekst).toBe(409);
    const persoon = { ...p, wet: p.wet, pvtPlichtig: 'N' as const, verblijf: 'WOONACHTIG' as const, registratieDefinitief: false };
    expect(vanIsi(r)).toEqual(voorcontrole(weigerPvtWijzigen(persoon, ROLLEN)));
  });

  it('elke regel en status: de server zet een weigering om zoals de gedeelde omzetting', () => {
    const statussen: WeigeringStatus[] = [400, 403, 404, 409];
    const fouten = [{ veld: 'x', code: 'X', melding: 'Het veld x is niet goed.' }];
    for (const regel of REGEL_IDS) {
      for (const status of statussen) {
        for (const w of [weigering(regel, status, 'Dit mag niet.'), weigering(regel, status, 'Dit mag niet.', fouten)]) {
          expect(vanWeigering(w).lichaam(), `${regel} ${status}`).toEqual(probleemVanWeigering(w));
          expect(voorcontrole(w), `${regel} ${status}`).toEqual(probleemVanWeigering(w));
        }
      }
    }
  });
});
