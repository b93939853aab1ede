import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../renderer/db';
import type { Wijzigingen } from '../../../../shared/schemas/api';
import { startTestServer, type TestServer } from '../../../helpers/isi';
import { nieuweBron, nieuweIdempotencyKey } from './hulp';
import { haalPagina, isiZoek, synchroniseer } from './isi-hulp';

const GC = '0014';
let isi: TestServer;
let token: string;
/** Every person and signal of 0014 as ISI has them at the start, in one page. */
let alles: Wijzigingen;

beforeAll(async () => {
  isi = await startTestServer();
  token = await isi.login('demo-muteren');
  alles = await haalPagina(isi, token, GC, null, 5000);
  expect(alles.meer).toBe(false);
});

const nieuweCache = () => openCache('demo-muteren', nieuweIdempotencyKey(), { bron: nieuweBron() });

async function alleIdsInCache(cache: Cache): Promise<string[]> {
  const { totaal } = await cache.zoekPersonen(GC, { paginaGrootte: 1 });
  return (await cache.zoekPersonen(GC, { paginaGrootte: totaal })).items.map((i) => i.id);
}

describe('renderer/db: synchronisatie met ISI (GET wijzigingen)', () => {
  it('pagina voor pagina: cursor, tellingen en volledig pas na de laatste pagina', async () => {
    const cache = await nieuweCache();
    let stand = await cache.syncStand(GC);
    expect(stand).toEqual({ gc: GC, cursor: null, volledig: false, laatsteSync: null, totaal: null, verwerkt: 0 });
    const eerste = await haalPagina(isi, token, GC, null, 300);
    stand = (await cache.pasToe(GC, eerste, new Date('2025-03-01T08:00:00Z'))).stand;
    expect(stand).toEqual({ gc: GC, cursor: eerste.cursor, volledig: false, laatsteSync: '2025-03-01T08:00:00.000Z', totaal: eerste.totaal ?? null, verwerkt: 300 });
    const rest = await synchroniseer(cache, isi, token, GC, 300);
    expect(rest.length).toBeGreaterThan(3);
    stand = await cache.syncStand(GC);
    expect(stand.volledig).toBe(true);
    expect(stand.cursor).toBe(rest.at(-1)!.cursor);
    expect(stand.verwerkt).toBe(alles.personen.length + alles.signalen.length);
    expect(await cache.aantallen(GC)).toEqual({ personen: alles.personen.length, signalen: alles.signalen.length });
    await cache.sluit();
  });

  it('een onderbroken synchronisatie gaat na heropenen verder bij de laatst toegepaste pagina; elke persoon eenmaal', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    let cache = await openCache('demo-muteren', sleutel, { bron });
    await synchroniseer(cache, isi, token, GC, 250, 3);
    const tussen = await cache.syncStand(GC);
    expect(tussen.volledig).toBe(false);
    expect(tussen.verwerkt).toBe(750);
    await cache.sluit();

    cache = await openCache('demo-muteren', sleutel, { bron });
    expect(await cache.syncStand(GC)).toEqual(tussen);
    await synchroniseer(cache, isi, token, GC, 250);
    expect((await cache.syncStand(GC)).volledig).toBe(true);
    const ids = await alleIdsInCache(cache);
    expect(ids).toHaveLength(alles.personen.length);
    expect(new Set(ids)).toEqual(new Set(alles.personen.map((p) => p.id)));
    expect(await cache.aantallen(GC)).toEqual({ personen: alles.personen.length, signalen: alles.signalen.length });
    await cache.sluit();
  });

  it('een incrementele pagina na een wijziging bij ISI (MB_RECHT_GEWIJZIGD) brengt de persoon en het nieuwe signaal', async () => {
    const cache = await nieuweCache();
    await synchroniseer(cache, isi, token, GC);
    const p = alles.personen.find((x) => x.rechtOpMb === 'J' && x.verblijf === 'WOONACHTIG')!;
    const r = await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'MB_RECHT_GEWIJZIGD', bsn: p.bsn, rechtOpMb: 'N' } });
    expect(r.status, r.tekst).toBe(201);
    const paginas = await synchroniseer(cache, isi, token, GC);
    expect(paginas).toHaveLength(1);
    expect(paginas[0]!.personen.map((x) => x.id)).toEqual([p.id]);
    expect(paginas[0]!.signalen.map((s) => s.code)).toEqual(['SS610']);
    const opIsi = (await isi.vraag('GET', `/api/v1/gemeenten/${GC}/personen/${p.id}`, { token })).body;
    expect(await cache.haalPersoon(GC, p.id)).toEqual({ ...opIsi, wachtend: 0, geweigerd: 0 });
    expect(opIsi.rechtOpMb).toBe('N');
    expect(await cache.zoekSignalen(GC, { bsn: p.bsn, sorteer: 'datum' })).toEqual(await isiZoek(isi, token, `/api/v1/gemeenten/${GC}/signalen/_zoek`, { bsn: p.bsn, sorteer: 'datum' }));
    expect(await cache.zoekPersonen(GC, { rechtOpMb: 'N', pagina: 2 })).toEqual(await isiZoek(isi, token, `/api/v1/gemeenten/${GC}/personen/_zoek`, { rechtOpMb: 'N', pagina: 2 }));
    // Nothing changed since: the next page is empty and moves nothing.
    const leeg = await synchroniseer(cache, isi, token, GC);
    expect(leeg[0]).toMatchObject({ personen: [], signalen: [], verwijderd: { personen: [], signalen: [] }, meer: false });
    await cache.sluit();
  });

  it('verwijderingen (UITGESCHREVEN) halen de persoon en zijn signalen uit de cache', async () => {
    const cache = await nieuweCache();
    await synchroniseer(cache, isi, token, GC);
    const metSignalen = alles.signalen.map((s) => s.persoonId);
    const p = (await cache.zoekPersonen(GC, { verblijf: 'WOONACHTIG', paginaGrootte: 500 })).items.find((x) => metSignalen.includes(x.id) && x.signaalAanwezig === 'J')!;
    const zijnSignalen = (await cache.zoekSignalen(GC, { bsn: p.bsn })).items.map((s) => s.id);
    expect(zijnSignalen.length).toBeGreaterThan(0);
    const voor = await cache.aantallen(GC);
    const r = await isi.vraag('POST', '/api/v1/simulatie/gebeurtenissen', { token, body: { type: 'UITGESCHREVEN', bsn: p.bsn } });
    expect(r.status, r.tekst).toBe(201);
    const [pagina] = await synchroniseer(cache, isi, token, GC);
    expect(pagina!.verwijderd.personen).toEqual([p.id]);
    expect([...pagina!.verwijderd.signalen].sort()).toEqual([...zijnSignalen].sort());
    expect(await cache.haalPersoon(GC, p.id)).toBeNull();
    expect((await cache.zoekPersonen(GC, { bsn: p.bsn })).totaal).toBe(0);
    expect((await cache.zoekSignalen(GC, { bsn: p.bsn })).totaal).toBe(0);
    expect(await cache.aantallen(GC)).toEqual({ personen: voor.personen - 1, signalen: voor.signalen - zijnSignalen.length });
    await cache.sluit();
  });

  it('beginOpnieuw (410) vergeet cursor en gegevens van die gemeente maar houdt de wachtrij; de volgende volledige synchronisatie legt de wijziging weer over', async () => {
    const cache = await nieuweCache();
    await synchroniseer(cache, isi, token, GC);
    await synchroniseer(cache, isi, token, '0034');
    const p = alles.personen.find((x) => x.magWijzigen && x.datumVoldaan === null)!;
    const entry = await cache.zetInWachtrij({ soort: 'PVT', gc: GC, persoonId: p.id, versie: p.versie, wijziging: { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: '2025-02-20', redenNietVoldaan: null } }, 'k');
    const in0034 = await cache.aantallen('0034');

    await cache.beginOpnieuw(GC);
    expect(await cache.syncStand(GC)).toEqual({ gc: GC, cursor: null, volledig: false, laatsteSync: null, totaal: null, verwerkt: 0 });
    expect(await cache.aantallen(GC)).toEqual({ personen: 0, signalen: 0 });
    expect(await cache.aantallen('0034')).toEqual(in0034);
    expect(await cache.wachtrij()).toMatchObject([{ id: entry.id, idempotencyKey: 'k' }]);
    expect(await cache.haalPersoon(GC, p.id)).toBeNull();

    await synchroniseer(cache, isi, token, GC);
    expect(await cache.haalPersoon(GC, p.id)).toMatchObject({ datumVoldaan: '2025-02-20', wachtend: 1 });
    await cache.sluit();
  });
});
