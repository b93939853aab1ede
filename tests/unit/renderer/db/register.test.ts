import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { caches, openCache, verouderd, wisCache } from '../../../../renderer/db';
import { maakPersoon, nieuweBron, nieuweIdempotencyKey, pagina } from './hulp';

const dag = (iso: string) => new Date(`${iso}T09:00:00Z`);

describe('renderer/db: het register van caches (wissenNaDagenZonderSync)', () => {
  it('een geopende cache staat erin; pasToe houdt laatsteSync bij', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('anna', sleutel, { bron, nu: dag('2025-01-01') });
    expect(await caches(bron)).toEqual([{ gebruikersnaam: 'anna', databasenaam: expect.stringMatching(/^pib-cache-/), laatsteSync: null, aangemaakt: '2025-01-01T09:00:00.000Z' }]);
    await cache.pasToe('0014', pagina(), dag('2025-01-05'));
    await cache.opSchijf();
    expect((await caches(bron))[0]!.laatsteSync).toBe('2025-01-05T09:00:00.000Z');
    expect((await cache.syncStand('0014')).laatsteSync).toBe('2025-01-05T09:00:00.000Z');
    await cache.sluit();
    // Opening again keeps when it was made and when it last synced.
    const weer = await openCache('anna', sleutel, { bron, nu: dag('2025-02-01') });
    expect((await caches(bron))[0]).toMatchObject({ aangemaakt: '2025-01-01T09:00:00.000Z', laatsteSync: '2025-01-05T09:00:00.000Z' });
    await weer.sluit();
  });

  it('verouderd: laatste synchronisatie ouder dan N dagen, of nooit gesynchroniseerd en langer dan N dagen geleden gemaakt', async () => {
    const bron = nieuweBron();
    const oud = await openCache('oud', nieuweIdempotencyKey(), { bron, nu: dag('2025-01-01') });
    await oud.pasToe('0014', pagina(), dag('2025-01-10'));
    const vers = await openCache('vers', nieuweIdempotencyKey(), { bron, nu: dag('2025-01-01') });
    await vers.pasToe('0014', pagina(), dag('2025-01-20'));
    await openCache('nooit', nieuweIdempotencyKey(), { bron, nu: dag('2025-01-02') });
    await openCache('nooit-nieuw', nieuweIdempotencyKey(), { bron, nu: dag('2025-01-20') });
    const namen = async (dagen: number, nu: string) => (await verouderd(dagen, dag(nu), bron)).map((c) => c.gebruikersnaam).sort();
    expect(await namen(14, '2025-01-25')).toEqual(['nooit', 'oud']);
    // Exactly N days is not older than N days.
    expect(await namen(14, '2025-01-24')).toEqual(['nooit']);
    expect(await namen(14, '2025-01-16')).toEqual([]);
    expect(await namen(30, '2025-01-25')).toEqual([]);
    expect(await namen(1, '2025-01-25')).toEqual(['nooit', 'nooit-nieuw', 'oud', 'vers']);
  });

  it('wisCache verwijdert de database en de registerregel, ook als de cache nog open is', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('bert', sleutel, { bron });
    await cache.pasToe('0014', pagina({ personen: [maakPersoon(1)] }));
    const anders = await openCache('carla', nieuweIdempotencyKey(), { bron });
    await wisCache('bert', bron);
    expect((await caches(bron)).map((c) => c.gebruikersnaam)).toEqual(['carla']);
    expect((await bron.indexedDB.databases()).map((d) => d.name).sort()).toEqual([(await caches(bron))[0]!.databasenaam, 'pib-register'].sort());
    await expect(cache.aantallen('0014')).rejects.toMatchObject({ code: 'GESLOTEN' });
    // A new cache for the same user starts empty, with a new key.
    const nieuw = await openCache('bert', nieuweIdempotencyKey(), { bron });
    expect(await nieuw.aantallen('0014')).toEqual({ personen: 0, signalen: 0 });
    expect((await nieuw.syncStand('0014')).cursor).toBeNull();
    await nieuw.sluit();
    await anders.sluit();
  });
});
