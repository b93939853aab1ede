import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCache, type Cache } from '../../../../renderer/db';
import { leesSortering, PERSONEN_KOLOMMEN } from '../../../../shared/rules/zoeken';
import { SIGNAAL_KOLOMMEN } from '../../../../shared/rules/signalen';
import type { PersonenZoekvraag, SignaalInLijst, SignalenZoekvraag, Wijzigingen } from '../../../../shared/schemas/api';
import { startTestServer, type TestServer } from '../../../helpers/isi';
import { nieuweBron, nieuweIdempotencyKey } from './hulp';
import { haalPagina, isiZoek, synchroniseer } from './isi-hulp';

// The signals store's merge of two server lists is the reference for `statussen`; its bridge is not needed here.
vi.mock('../../../../renderer/bridge', () => ({ pib: {} }));
const { vergelijkSignalen, voegSamen } = await import('../../../../renderer/stores/signalen');

const GC = '0014';
let isi: TestServer;
let token: string;
let cache: Cache;
let alles: Wijzigingen;
/** A BSN of 0034's PIB that is not in 0014's: valid (elfproef), yet not found here. */
let bsnElders: string;
let bsnHier: string;

beforeAll(async () => {
  isi = await startTestServer();
  token = await isi.login('demo-muteren');
  cache = await openCache('demo-muteren', nieuweIdempotencyKey(), { bron: nieuweBron() });
  await synchroniseer(cache, isi, token, GC, 400);
  await synchroniseer(cache, isi, token, '0034', 400);
  alles = await haalPagina(isi, token, GC, null, 5000);
  const hier = new Set(alles.personen.map((p) => p.bsn));
  bsnElders = (await haalPagina(isi, token, '0034', null, 5000)).personen.find((p) => !hier.has(p.bsn))!.bsn;
  bsnHier = alles.personen[17]!.bsn;
});
afterAll(() => cache.sluit());

const personenVragen: [string, () => PersonenZoekvraag][] = [
  ['R-ZP-2 PVT-plichtig J', () => ({ pvtPlichtig: 'J' })],
  ['R-ZP-2 PVT-plichtig N', () => ({ pvtPlichtig: 'N' })],
  ['R-ZP-2 voldaan J', () => ({ voldaan: 'J' })],
  ['R-ZP-2 voldaan N, pagina 4', () => ({ voldaan: 'N', pagina: 4 })],
  ['R-ZP-2 recht op MB J', () => ({ rechtOpMb: 'J' })],
  ['R-ZP-2 recht op MB N', () => ({ rechtOpMb: 'N', pagina: 2 })],
  ['R-ZP-2 verblijf WOONACHTIG', () => ({ verblijf: 'WOONACHTIG' })],
  ['R-ZP-2 verblijf VOORMALIG', () => ({ verblijf: 'VOORMALIG' })],
  ['R-ZP-6 factuur aanwezig J', () => ({ factuurAanwezig: 'J' })],
  ['R-ZP-6 factuur aanwezig N (niet N.v.t.)', () => ({ factuurAanwezig: 'N', paginaGrootte: 500 })],
  ['R-ZP-2 start PVT-plicht vanaf', () => ({ startPvtPlichtVan: '2024-10-01' })],
  ['R-ZP-2 start PVT-plicht tot en met', () => ({ startPvtPlichtTot: '2024-03-31', sorteer: '-geboortedatum' })],
  ['R-ZP-2 start PVT-plicht van–tot', () => ({ startPvtPlichtVan: '2024-08-01', startPvtPlichtTot: '2024-12-31', paginaGrootte: 100 })],
  ['R-ZP-2 einde PVT-plicht van–tot', () => ({ eindePvtPlichtVan: '2025-03-01', eindePvtPlichtTot: '2025-06-30' })],
  ['R-ZP-2 einde PVT-plicht tot en met', () => ({ eindePvtPlichtTot: '2025-02-28', sorteer: 'achternaam' })],
  ['R-ZP-2 start deelname vanaf', () => ({ startDeelnameVan: '2024-10-01' })],
  ['R-ZP-2 start deelname van–tot', () => ({ startDeelnameVan: '2024-01-01', startDeelnameTot: '2025-01-31', sorteer: '-voornaam' })],
  ['R-ZP-2 einde deelname van–tot', () => ({ eindeDeelnameVan: '2024-06-01', eindeDeelnameTot: '2025-03-01' })],
  ['R-ZP-2 einde deelname op één dag (grenzen inclusief)', () => ({ eindeDeelnameVan: alles.personen.find((p) => p.datumEindeDeelname)!.datumEindeDeelname!, eindeDeelnameTot: alles.personen.find((p) => p.datumEindeDeelname)!.datumEindeDeelname! })],
  ['R-ZP-2 gecombineerd: plichtig, niet voldaan, woonachtig', () => ({ pvtPlichtig: 'J', voldaan: 'N', verblijf: 'WOONACHTIG', pagina: 3 })],
  ['R-ZP-2 gecombineerd: plichtig, factuur N, MB J', () => ({ pvtPlichtig: 'J', factuurAanwezig: 'N', rechtOpMb: 'J', sorteer: '-signaalAanwezig' })],
  ['R-ZP-2 gecombineerd: voldaan, factuur J, einde vanaf', () => ({ voldaan: 'J', factuurAanwezig: 'J', eindePvtPlichtVan: '2023-01-01', sorteer: 'factuurAanwezig' })],
  ['R-ZP-2 gecombineerd zonder treffers', () => ({ pvtPlichtig: 'N', voldaan: 'J', startPvtPlichtVan: '2024-01-01' })],
  ['R-ZP-5 voorbij de laatste pagina: geen items, wel het totaal', () => ({ pvtPlichtig: 'N', pagina: 999 })],
  ['R-ZP-5 grote pagina', () => ({ pvtPlichtig: 'J', paginaGrootte: 500, pagina: 2, sorteer: 'voldaan' })],
  ['R-ZP-1 BSN gevonden', () => ({ bsn: bsnHier })],
  ['R-ZP-1 BSN niet in deze gemeente', () => ({ bsn: bsnElders })],
  ['R-ZP-1 BSN met een criterium dat niet past', () => ({ bsn: bsnHier, verblijf: alles.personen[17]!.verblijf === 'WOONACHTIG' ? 'VOORMALIG' : 'WOONACHTIG' })],
  // Every column both ways (R-ZP-5), each on a wide search and beyond its first page, where BSN breaks the ties.
  ...PERSONEN_KOLOMMEN.flatMap(({ kolom }) => [
    [`R-ZP-5 sorteer ${kolom} oplopend`, () => ({ verblijf: 'WOONACHTIG', sorteer: kolom, pagina: 7 })],
    [`R-ZP-5 sorteer ${kolom} aflopend`, () => ({ pvtPlichtig: 'J', sorteer: `-${kolom}`, pagina: 2, paginaGrootte: 40 })],
  ] as [string, () => PersonenZoekvraag][]),
];

const signalenVragen: [string, () => SignalenZoekvraag][] = [
  ['R-SIG-4 zonder filters', () => ({})],
  ['R-SIG-4 status NIEUW', () => ({ status: 'NIEUW' })],
  ['R-SIG-4 status IN_BEHANDELING', () => ({ status: 'IN_BEHANDELING', pagina: 3 })],
  ['R-SIG-4 status AFGEHANDELD', () => ({ status: 'AFGEHANDELD' })],
  ['R-SIG-4 code SS601', () => ({ code: 'SS601', pagina: 2 })],
  ['R-SIG-4 code SS603', () => ({ code: 'SS603' })],
  ['R-SIG-4 code SS613', () => ({ code: 'SS613', sorteer: '-datum' })],
  ['R-SIG-4 datum vanaf', () => ({ datumVan: '2025-02-01' })],
  ['R-SIG-4 datum tot en met', () => ({ datumTot: '2025-01-01', sorteer: 'achternaam' })],
  ['R-SIG-4 datum van–tot', () => ({ datumVan: '2025-01-01', datumTot: '2025-02-15', paginaGrootte: 100 })],
  ['R-SIG-4 BSN gevonden', () => ({ bsn: alles.signalen[3]!.bsn })],
  ['R-SIG-4 BSN zonder signalen hier', () => ({ bsn: bsnElders })],
  ['R-SIG-4 gecombineerd', () => ({ code: 'SS601', status: 'NIEUW', datumVan: '2024-09-01', sorteer: '-bsn' })],
  ['R-SIG-5 voorbij de laatste pagina', () => ({ status: 'AFGEHANDELD', pagina: 999 })],
  ['R-SIG-5 pagina 4 van 25', () => ({ paginaGrootte: 25, pagina: 4, sorteer: '-datum' })],
  ...SIGNAAL_KOLOMMEN.flatMap(({ kolom }) => [
    [`R-SIG-5 sorteer ${kolom} oplopend`, () => ({ sorteer: kolom, pagina: 5 })],
    [`R-SIG-5 sorteer ${kolom} aflopend`, () => ({ sorteer: `-${kolom}`, pagina: 2, paginaGrootte: 30 })],
  ] as [string, () => SignalenZoekvraag][]),
];

describe('renderer/db geeft dezelfde antwoorden als ISI (demo-gegevens, gemeente 0014)', () => {
  it('de tabellen zijn groot genoeg en vinden echt iets', async () => {
    expect(personenVragen.length).toBeGreaterThanOrEqual(30);
    expect(signalenVragen.length).toBeGreaterThanOrEqual(20);
    const leeg = (await Promise.all(personenVragen.map(([, v]) => cache.zoekPersonen(GC, v())))).filter((l) => l.totaal === 0);
    // Only the deliberate misses find nothing.
    expect(leeg.length).toBeLessThanOrEqual(3);
  });

  it.each(personenVragen)('zoekPersonen, %s: dezelfde items, volgorde en totaal als _zoek', async (_naam, vraag) => {
    const v = vraag();
    expect(await cache.zoekPersonen(GC, v)).toEqual(await isiZoek(isi, token, `/api/v1/gemeenten/${GC}/personen/_zoek`, v));
  });

  it.each(signalenVragen)('zoekSignalen, %s: dezelfde items, volgorde en totaal als signalen/_zoek', async (_naam, vraag) => {
    const v = vraag();
    expect(await cache.zoekSignalen(GC, v)).toEqual(await isiZoek(isi, token, `/api/v1/gemeenten/${GC}/signalen/_zoek`, v));
  });

  it.each(['bsn', '-status', 'datum', '-achternaam', 'omschrijving', '-code'])('R-SIG-3: statussen NIEUW + IN_BEHANDELING, sorteer %s, gelijk aan twee samengevoegde ISI-zoekvragen', async (sorteer) => {
    const allesMet = async (status: string): Promise<SignaalInLijst[]> => {
      const items: SignaalInLijst[] = [];
      for (let pagina = 1; ; pagina++) {
        const l = await isiZoek(isi, token, `/api/v1/gemeenten/${GC}/signalen/_zoek`, { status, sorteer, pagina, paginaGrootte: 500 });
        items.push(...l.items);
        if (items.length >= l.totaal) return items;
      }
    };
    const [nieuw, inBehandeling] = await Promise.all([allesMet('NIEUW'), allesMet('IN_BEHANDELING')]);
    const samen = voegSamen(nieuw, inBehandeling, vergelijkSignalen(leesSortering(sorteer)), nieuw.length + inBehandeling.length);
    for (const [pagina, paginaGrootte] of [[1, 10], [3, 10], [2, 50]] as const) {
      const lokaal = await cache.zoekSignalen(GC, { statussen: ['NIEUW', 'IN_BEHANDELING'], sorteer, pagina, paginaGrootte });
      expect(lokaal).toEqual({ items: samen.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte), totaal: samen.length, pagina, paginaGrootte });
    }
  });

  it('R-SIG-3: openstaand gelijk aan signalen/openstaand, in beide gemeenten', async () => {
    for (const gc of [GC, '0034']) {
      const r = await isi.vraag('GET', `/api/v1/gemeenten/${gc}/signalen/openstaand`, { token });
      expect(await cache.openstaand(gc)).toBe(r.body.aantal);
    }
  });

  it('haalPersoon gelijk aan GET personen/{id}, voor personen in elke toestand', async () => {
    const gekozen = [
      ...alles.personen.filter((_, i) => i % 40 === 0),
      alles.personen.find((p) => p.factuur?.geaccepteerd),
      alles.personen.find((p) => p.factuur && p.factuur.status === null),
      alles.personen.find((p) => p.verblijf === 'VOORMALIG'),
      alles.personen.find((p) => p.registratieDefinitief),
      alles.personen.find((p) => p.redenNietVoldaan),
      alles.personen.find((p) => p.signalen.afgehandeld > 0),
    ];
    expect(gekozen.length).toBeGreaterThan(30);
    for (const p of gekozen) {
      const r = await isi.vraag('GET', `/api/v1/gemeenten/${GC}/personen/${p!.id}`, { token });
      expect(await cache.haalPersoon(GC, p!.id)).toEqual({ ...r.body, wachtend: 0, geweigerd: 0 });
    }
  });

  it('een persoon in twee gemeenten staat er tweemaal, elk zoals die gemeente hem ziet', async () => {
    const in0034 = new Set((await haalPagina(isi, token, '0034', null, 5000)).personen.map((p) => p.id));
    const beide = alles.personen.filter((p) => in0034.has(p.id));
    expect(beide.length).toBeGreaterThan(0);
    for (const p of beide.slice(0, 5)) {
      for (const gc of [GC, '0034']) {
        const r = await isi.vraag('GET', `/api/v1/gemeenten/${gc}/personen/${p.id}`, { token });
        expect(await cache.haalPersoon(gc, p.id)).toEqual({ ...r.body, wachtend: 0, geweigerd: 0 });
      }
    }
    expect(await cache.zoekPersonen('0034', { verblijf: 'VOORMALIG', sorteer: '-achternaam' })).toEqual(await isiZoek(isi, token, '/api/v1/gemeenten/0034/personen/_zoek', { verblijf: 'VOORMALIG', sorteer: '-achternaam' }));
  });
});
