// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UitgaandeWijziging } from '../../../shared/schemas/uitgaand';
import { maakPersoon } from './db/hulp';
import { geldigBsn, koppel, NepIsi } from './nep-isi';

// Issue 12, finding 4, the client's half: the outbox never resends an entry older than ISI keeps
// its Idempotency-Key (announced at login). The real encrypted cache on fake-indexeddb, the bridge
// mocked with NepIsi as ISI.
const pib = vi.hoisted(() => ({
  app: { info: vi.fn() },
  sessie: { vergrendel: vi.fn(), uitloggen: vi.fn() },
  cache: { sleutel: vi.fn(), vergeet: vi.fn() },
  sync: { pagina: vi.fn(), bereikbaar: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
  personen: { zoek: vi.fn(), haal: vi.fn() },
  signalen: { zoek: vi.fn(), openstaand: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { caches, wisCache } = await import('../../../renderer/db');
const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { useCacheStore } = await import('../../../renderer/stores/cache');
const { BEWAARDAGEN_ONBEKEND, useWachtrijStore } = await import('../../../renderer/stores/wachtrij');

const GC = '0014';
const SLEUTEL = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i + 1)));
const DAG = 86_400_000;
const bestelling = (n: number): UitgaandeWijziging => ({ soort: 'WAARDEPAPIEREN', gc: GC, bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: n, contactpersoon: 'J. de Vries', email: 'j.devries@groningen.example' } });
const bericht: UitgaandeWijziging = { soort: 'CONTACT', gc: GC, bericht: { naam: 'J. de Vries', email: 'j.devries@groningen.example', magBellen: false, onderwerp: 'Overig', bericht: 'Een vraag.' } };

function inloggen(idempotentieBewaarDagen?: number) {
  setActivePinia(createPinia());
  const sessie = useSessieStore();
  sessie.sessie = {
    gebruiker: { gebruikersnaam: 'medewerker', naam: 'Test Medewerker', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: GC, naam: 'Groningen' }] }, verlooptOp: '',
    ...(idempotentieBewaarDagen ? { idempotentieBewaarDagen } : {}),
  };
  sessie.kiesGemeenteCode(GC);
  return { cacheStore: useCacheStore(), wachtrij: useWachtrijStore() };
}

let isi: NepIsi;
beforeEach(async () => {
  vi.resetAllMocks();
  for (const c of await caches()) await wisCache(c.gebruikersnaam);
  isi = new NepIsi();
  isi.zetPersoon(maakPersoon(1, { bsn: geldigBsn(1) }));
  pib.cache.sleutel.mockResolvedValue({ ok: true, waarde: { gebruikersnaam: 'medewerker', sleutel: SLEUTEL } });
  pib.sessie.vergrendel.mockResolvedValue({ ok: true, waarde: {} });
  koppel(pib, isi);
});

afterEach(async () => {
  await useCacheStore().sluit();
});

/** Entries made `dagenGeleden` days ago, in the cache of a logged-in user whose ISI keeps keys `bewaar` days; nothing sent yet. */
async function metEntries(bewaar: number | undefined, dagenGeleden: number[]) {
  const s = inloggen(bewaar);
  isi.online = false;
  const cache = (await s.cacheStore.open())!;
  const entries = [];
  for (const [i, dagen] of dagenGeleden.entries()) entries.push(await cache.zetInWachtrij(i % 2 ? bericht : bestelling(i + 1), crypto.randomUUID(), new Date(Date.now() - dagen * DAG)));
  await s.wachtrij.ververs();
  isi.online = true;
  pib.uitgaand.verstuur.mockClear();
  return { ...s, entries };
}

const verzonden = () => pib.uitgaand.verstuur.mock.calls.map(([a]) => a.idempotencyKey as string);

describe('the outbox and ISI\'s Idempotency-Key window', () => {
  it('sends what is younger than the window, and keeps what is older as "status onbekend" without sending it', async () => {
    const s = await metEntries(30, [31, 2, 29.99]);
    const [oud, jong, bijna] = s.entries as [typeof s.entries[0], typeof s.entries[0], typeof s.entries[0]];
    // 29.99 days is within the hour's margin before ISI forgets: not sent either.
    expect(s.wachtrij.onbekend.map((e) => e.id).sort()).toEqual([oud.id, bijna.id].sort());
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([jong.idempotencyKey]);
    expect(s.wachtrij.entries.map((e) => e.id).sort()).toEqual([oud.id, bijna.id].sort());
    expect(s.wachtrij.entries.every((e) => s.wachtrij.statusOnbekend(e))).toBe(true);
    expect(s.wachtrij.wachtend).toEqual([]);
    // Sending again later changes nothing: they are never resent on their own.
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([jong.idempotencyKey]);
  });

  it('after the user checked at DUO: "Toch versturen" sends it as a new change (a new key); "Verwerpen" lets it go', async () => {
    const s = await metEntries(30, [40, 35]);
    const [versturen, verwerpen] = s.entries as [typeof s.entries[0], typeof s.entries[0]];
    await s.wachtrij.probeerOpnieuw(versturen);
    expect(verzonden()).toHaveLength(1);
    expect(verzonden()[0]).not.toBe(versturen.idempotencyKey);
    await s.wachtrij.verwerp(verwerpen);
    expect(s.wachtrij.entries).toEqual([]);
    expect(verzonden()).toHaveLength(1);
  });

  it(`without an announced window (an older ISI) assumes ${BEWAARDAGEN_ONBEKEND} day, as such an ISI kept keys`, async () => {
    const s = await metEntries(undefined, [2, 0.5]);
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([s.entries[1]!.idempotencyKey]);
    expect(s.wachtrij.onbekend.map((e) => e.id)).toEqual([s.entries[0]!.id]);
  });
});
