// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { meldingNietGevondenInGemeente } from '../../../shared/rules/zoeken';
import type { Persoon, PvtWijziging } from '../../../shared/schemas/api';
import type { UitgaandeWijziging } from '../../../shared/schemas/uitgaand';
import { maakPersoon, maakSignaal, pagina } from './db/hulp';
import { wachtEcht, wachtTot } from '../../helpers/wachten';
import { GEEN_SLEUTELOPSLAG } from './hulp-schermen';
import { GEEN_VERBINDING, geldigBsn, NepIsi, probleem, koppel } from './nep-isi';

// The offline stores with the real encrypted cache (renderer/db on fake-indexeddb) and a mocked
// bridge: main hands over a fixed key, ISI's pages and answers come from NepIsi.
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

const { caches, openCache, wisCache } = await import('../../../renderer/db');
const { databasenaamVoor } = await import('../../../renderer/db/register');
const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { MELDING_HERSTELD, STANDAARD_BELEID, useCacheStore } = await import('../../../renderer/stores/cache');
const { percentage, useSyncStore } = await import('../../../renderer/stores/sync');
const { MELDING_WACHT, useWachtrijStore } = await import('../../../renderer/stores/wachtrij');
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { useSignalenStore } = await import('../../../renderer/stores/signalen');
const { MELDING_GEEN_LOKALE_GEGEVENS } = await import('../../../renderer/composables/uitCache');

const GC = '0014';
const GEBRUIKER = 'medewerker';
/** The key main keeps for the user: 32 fixed bytes, base64. */
const SLEUTEL = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i + 1)));
const ANDERE_SLEUTEL = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 200 - i)));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Five persons (BSN ascending with the number) and three signals: eight items, three pages of three.
const P = [1, 2, 3, 4, 5].map((n) => maakPersoon(n, { bsn: geldigBsn(n), pvtPlichtig: n % 2 === 1 && n > 1 ? 'N' : 'J' }));
const [P1, P2, P3, P4, P5] = P as [Persoon, Persoon, Persoon, Persoon, Persoon];
const S = [maakSignaal(1, P1), maakSignaal(2, P2), maakSignaal(3, P4)];
const [S1] = S;


let isi: NepIsi;
let gebruiker = GEBRUIKER;

function pvt(p: Persoon, datumVoldaan: string, versie = p.versie): Extract<UitgaandeWijziging, { soort: 'PVT' }> {
  const wijziging: PvtWijziging = { datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', datumVoldaan, redenNietVoldaan: null };
  return { soort: 'PVT', gc: GC, persoonId: p.id, versie, wijziging };
}

/** A new window of the app (a fresh Pinia) with the user logged in for Groningen; the cache opens on first use. */
function inloggen(naam = GEBRUIKER) {
  gebruiker = naam;
  setActivePinia(createPinia());
  const sessie = useSessieStore();
  sessie.sessie = { gebruiker: { gebruikersnaam: naam, naam: 'Test Medewerker', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: GC, naam: 'Groningen' }] }, verlooptOp: '' };
  sessie.kiesGemeenteCode(GC);
  return { sessie, cacheStore: useCacheStore(), sync: useSyncStore(), wachtrij: useWachtrijStore(), personen: usePersonenStore() };
}

/** Until no request is under way and no sync runs, for a while: what the stores start in the background has ended. */
async function stil(): Promise<void> {
  for (let rustig = 0; rustig < 3;) {
    await wachtEcht(10);
    rustig = isi.bezig === 0 && useSyncStore().aantalLopend === 0 ? rustig + 1 : 0;
  }
}

const tot = (voorwaarde: () => boolean) => wachtTot(voorwaarde);

/** Logged in, cache open, the full sync of Groningen done. */
async function gesynchroniseerd() {
  const s = inloggen();
  await s.cacheStore.open();
  await s.sync.synchroniseer(GC);
  await stil();
  expect(s.sync.stand?.volledig).toBe(true);
  return s;
}

const cursors = () => pib.sync.pagina.mock.calls.map(([a]) => a.cursor);
const verzonden = () => pib.uitgaand.verstuur.mock.calls.map(([a]) => a);

beforeEach(async () => {
  vi.resetAllMocks();
  // Every cache of the previous test goes, with the register: each test starts on an empty machine.
  for (const c of await caches()) await wisCache(c.gebruikersnaam);
  isi = new NepIsi();
  for (const p of P) isi.zetPersoon(p);
  for (const s of S) isi.zetSignaal(s);
  pib.cache.sleutel.mockImplementation(async () => ({ ok: true, waarde: { gebruikersnaam: gebruiker, sleutel: SLEUTEL } }));
  pib.cache.vergeet.mockResolvedValue({ ok: true, waarde: {} });
  pib.sessie.vergrendel.mockResolvedValue({ ok: true, waarde: {} });
  koppel(pib, isi);
});

afterEach(async () => {
  await stil();
  await useCacheStore().sluit();
});

describe('sync store: de cache in de pas met ISI', () => {
  it('een volledige sync over drie pagina\'s toont de voortgang, en eindigt volledig met laatsteSync', async () => {
    const momenten: unknown[] = [];
    const s = inloggen();
    pib.sync.pagina.mockImplementation(async (a: { gc: string; cursor: string | null }) => {
      const v = s.sync.voortgang;
      momenten.push(v && { ...v, percentage: percentage(v) });
      return isi.pagina(a);
    });
    const voor = Date.now();
    await s.cacheStore.open();
    await s.sync.synchroniseer(GC);
    await stil();

    expect(pib.sync.pagina.mock.calls[0]![0]).toEqual({ gc: GC, cursor: null });
    expect(cursors().slice(0, 3)).toEqual([null, 'c3', 'c6']);
    // A later incremental run (the store's own schedule) starts from the last cursor, never from the start.
    expect(cursors().slice(3).every((c) => c === 'c8')).toBe(true);
    // The next page is asked for while the last one is applied: each request sees the progress of the page before.
    expect(momenten.slice(0, 3)).toEqual([
      null,
      null,
      { gc: GC, verwerkt: 3, totaal: 8, percentage: 38 },
    ]);
    expect(s.sync.voortgang).toBeNull();
    expect(s.sync.aantalLopend).toBe(0);
    expect(s.sync.online).toBe(true);
    expect(s.sync.stand).toMatchObject({ gc: GC, cursor: 'c8', volledig: true, totaal: 8, verwerkt: 8 });
    const laatste = Date.parse(s.sync.stand!.laatsteSync!);
    expect(laatste).toBeGreaterThanOrEqual(voor);
    expect(laatste).toBeLessThanOrEqual(Date.now());
    expect(await s.cacheStore.cache!.aantallen(GC)).toEqual({ personen: 5, signalen: 3 });
  });

  it('percentage: zonder aangekondigd totaal geen percentage, en nooit meer dan 100', () => {
    expect(percentage({ gc: GC, verwerkt: 3, totaal: null })).toBeNull();
    expect(percentage({ gc: GC, verwerkt: 9, totaal: 8 })).toBe(100);
  });

  it('een sync die na twee pagina\'s de verbinding verliest, gaat (ook na herstart) verder bij de bewaarde cursor', async () => {
    let geleverd = 0;
    pib.sync.pagina.mockImplementation(async (a: { gc: string; cursor: string | null }) => {
      const u = await isi.pagina(a);
      if (u.ok && ++geleverd === 2) isi.online = false;
      return u;
    });
    const s = inloggen();
    await s.cacheStore.open();
    await s.sync.synchroniseer(GC);
    await stil();
    expect(cursors().slice(0, 3)).toEqual([null, 'c3', 'c6']);
    expect(s.sync.online).toBe(false);
    expect(s.sync.voortgang).toBeNull();
    expect(s.sync.stand).toMatchObject({ cursor: 'c6', volledig: false, totaal: 8, verwerkt: 6 });

    // The app is closed and opened again; the connection is back.
    await s.cacheStore.sluit();
    await stil();
    isi.online = true;
    pib.sync.pagina.mockClear();
    const t = inloggen();
    await t.cacheStore.open();
    await t.sync.synchroniseer(GC);
    await stil();
    expect(pib.sync.pagina.mock.calls[0]![0]).toEqual({ gc: GC, cursor: 'c6' });
    expect(t.sync.online).toBe(true);
    expect(t.sync.stand).toMatchObject({ cursor: 'c8', volledig: true, totaal: 8, verwerkt: 8 });
    expect(await t.cacheStore.cache!.aantallen(GC)).toEqual({ personen: 5, signalen: 3 });
  });

  it('410: ISI kent de cursor niet meer; de sync begint opnieuw met cursor null en vult de gemeente weer', async () => {
    const s = await gesynchroniseerd();
    const nieuw = maakPersoon(6, { bsn: geldigBsn(6) });
    isi.zetPersoon(nieuw);
    isi.verlopen.add('c8');
    pib.sync.pagina.mockClear();
    await s.sync.synchroniseer(GC);
    await stil();
    expect(cursors().slice(0, 4)).toEqual(['c8', null, 'c3', 'c6']);
    expect(s.sync.stand).toMatchObject({ cursor: 'c9', volledig: true, totaal: 9 });
    expect(await s.cacheStore.cache!.aantallen(GC)).toEqual({ personen: 6, signalen: 3 });
  });

  it('410 en dan geen verbinding: de geleegde gemeente geldt niet meer als volledig, en zoeken zegt niet dat een bekende persoon niet bestaat', async () => {
    const s = await gesynchroniseerd();
    isi.verlopen.add('c8');
    pib.sync.pagina.mockImplementation(async (a: { gc: string; cursor: string | null }) => {
      const u = await isi.pagina(a);
      // The 410 came; then the connection drops before the first page of the new full sync.
      if (!u.ok && u.probleem.status === 410) isi.online = false;
      return u;
    });
    await s.sync.synchroniseer(GC);
    await stil();
    expect(s.sync.online).toBe(false);
    expect(await s.cacheStore.cache!.aantallen(GC)).toEqual({ personen: 0, signalen: 0 });
    // The emptied cache cannot answer: ISI is asked, and unreachable, so the user hears there are no local data yet.
    const u = await s.personen.zoek({ soort: 'BSN', bsn: P1.bsn });
    expect(u).toEqual({ ok: false, probleem: expect.objectContaining({ status: 0, detail: MELDING_GEEN_LOKALE_GEGEVENS }) });
    expect(s.sync.stand?.volledig).toBe(false);
  });

  it('401 op een pagina: de sessie is verlopen, terug naar inloggen met de reden, de cache dicht', async () => {
    const s = inloggen();
    pib.sync.pagina.mockResolvedValue({ ok: false, probleem: probleem(401, 'SESSIE_VERLOPEN', 'Uw sessie is verlopen. Log opnieuw in.') });
    const cache = await s.cacheStore.open();
    await s.sync.synchroniseer(GC);
    await stil();
    expect(s.sessie.gebruiker).toBeNull();
    expect(s.sessie.melding).toBe('Uw sessie is verlopen. Log opnieuw in.');
    expect(s.cacheStore.cache).toBeNull();
    await expect(cache!.syncStand(GC)).rejects.toMatchObject({ code: 'GESLOTEN' });
  });
});

describe('personen store op de cache', () => {
  it('R-ZP-1, R-ZP-2, R-ZP-4: na de volledige sync beantwoordt de cache zoeken op BSN en op criteria, zonder ISI te vragen', async () => {
    const s = await gesynchroniseerd();
    expect(await s.personen.zoek({ soort: 'BSN', bsn: P2.bsn })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P2.id } });
    expect(await s.personen.zoek({ soort: 'BSN', bsn: geldigBsn(77) })).toEqual({ ok: true, waarde: { soort: 'GEEN', melding: meldingNietGevondenInGemeente('Groningen') } });
    expect(await s.personen.zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'N' } })).toEqual({ ok: true, waarde: { soort: 'LIJST' } });
    expect(s.personen.lijst).toMatchObject({ totaal: 2, pagina: 1, sortering: { kolom: 'bsn', aflopend: false } });
    expect(s.personen.lijst!.items.map((i) => [i.id, i.bsn, i.pvtPlichtig])).toEqual([[P3.id, P3.bsn, 'N'], [P5.id, P5.bsn, 'N']]);
    const p = await s.personen.haalPersoon(P4.id);
    expect(p).toEqual({ ok: true, waarde: { ...P4, wachtend: 0, geweigerd: 0 } });
    expect(pib.personen.zoek).not.toHaveBeenCalled();
    expect(pib.personen.haal).not.toHaveBeenCalled();
  });

  it('zolang de eerste volledige sync niet kan (offline, lege cache) vraagt de store ISI; is ISI ook onbereikbaar, dan MELDING_GEEN_LOKALE_GEGEVENS', async () => {
    pib.sync.pagina.mockResolvedValue(GEEN_VERBINDING);
    const s = inloggen();
    const u = await s.personen.zoek({ soort: 'BSN', bsn: P1.bsn });
    expect(u).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P1.id } });
    expect(pib.personen.zoek).toHaveBeenCalledWith({ gc: GC, vraag: { bsn: P1.bsn, sorteer: 'bsn', pagina: 1, paginaGrootte: 20 } });
    expect(s.cacheStore.cache).not.toBeNull();
    await stil();
    expect(s.sync.stand?.volledig).toBe(false);

    isi.online = false;
    const v = await s.personen.zoek({ soort: 'BSN', bsn: P1.bsn });
    expect(v).toEqual({ ok: false, probleem: expect.objectContaining({ status: 0, detail: MELDING_GEEN_LOKALE_GEGEVENS }) });
  });

  it('zolang de eerste volledige sync loopt, wacht een zoekvraag er niet op: ISI antwoordt, de cache vult zich op de achtergrond', async () => {
    let laatDoor!: () => void;
    const poort = new Promise<void>((klaar) => (laatDoor = klaar));
    pib.sync.pagina.mockImplementation(async (a: { gc: string; cursor: string | null }) => {
      await poort;
      return isi.pagina(a);
    });
    const s = inloggen();
    expect(await s.personen.zoek({ soort: 'BSN', bsn: P4.bsn })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P4.id } });
    expect(pib.personen.zoek).toHaveBeenCalledTimes(1);
    expect(s.sync.aantalLopend).toBeGreaterThan(0);
    laatDoor();
    await stil();
    expect(s.sync.stand?.volledig).toBe(true);
    // Once full, the cache answers.
    expect(await s.personen.zoek({ soort: 'BSN', bsn: P4.bsn })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P4.id } });
    expect(pib.personen.zoek).toHaveBeenCalledTimes(1);
  });
});

describe('lezen wacht nooit op het netwerk; het scherm volgt de cache', () => {
  it('een zoekvraag en een persoon komen uit het geheugen zonder op een synchronisatie te wachten; wat een synchronisatie daarna brengt, ververst het getoonde ter plaatse', async () => {
    const s = await gesynchroniseerd();
    let laatDoor!: () => void;
    const poort = new Promise<void>((k) => (laatDoor = k));
    pib.sync.pagina.mockImplementation(async (a: { gc: string; cursor: string | null }) => {
      await poort;
      return isi.pagina(a);
    });
    // ISI is slow to answer: the read does not wait for it.
    expect(await s.personen.haalPersoon(P1.id)).toMatchObject({ ok: true, waarde: { id: P1.id, versie: P1.versie } });
    expect(await s.personen.zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } })).toMatchObject({ ok: true });
    const voor = s.personen.lijst!.items.length;
    expect(s.sync.aantalLopend).toBeGreaterThan(0);

    isi.wijzigElders(P1.id, { datumVoldaan: '2025-02-20' });
    laatDoor();
    await stil();
    expect(s.personen.persoonBijgewerkt).toBe(P1.id);
    expect(s.personen.lijst!.items).toHaveLength(voor);
    expect(await s.personen.haalPersoon(P1.id)).toMatchObject({ ok: true, waarde: { datumVoldaan: '2025-02-20' } });
    expect(s.personen.persoonBijgewerkt).toBeNull();
  });
});

describe('wachtrij store: de weg van een wijziging', () => {
  it('ISI weer bereikbaar: de wachtende wijziging gaat zonder klik, in volgorde en met haar sleutel, zodra de statusprobe antwoordt', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const sleutel = crypto.randomUUID();
    const t0 = Date.now();
    const u = await s.wachtrij.wijzig(pvt(P1, '2025-02-01'), sleutel);
    // Known offline: the form hears at once that the change waits (well within the 1.5 s target).
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(u).toMatchObject({ ok: true, waarde: { soort: 'WACHT' } });
    // The sync the change sets off finds no connection either; then only the probe is left.
    await stil();
    expect(s.sync.online).toBe(false);
    isi.online = true;
    await vi.waitFor(() => expect(s.wachtrij.entries).toHaveLength(0), { timeout: 8_000, interval: 50 });
    expect(s.sync.online).toBe(true);
    expect(pib.sync.bereikbaar).toHaveBeenCalled();
    expect(verzonden().map((v) => v.idempotencyKey)).toEqual([sleutel, sleutel]);
    expect(isi.personen.get(P1.id)!.datumVoldaan).toBe('2025-02-01');
  });

  it('offline: WACHT, de persoon toont de wijziging, de entry overleeft sluiten en heropenen met dezelfde sleutel, en gaat later met die sleutel naar ISI', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const w = pvt(P1, '2025-02-01');
    const sleutel = crypto.randomUUID();
    const u = await s.wachtrij.wijzig(w, sleutel);
    expect(u).toMatchObject({ ok: true, waarde: { soort: 'WACHT', entry: { idempotencyKey: sleutel, status: 'WACHT', soort: 'PVT', gc: GC, persoonId: P1.id } } });
    expect(verzonden()).toEqual([{ idempotencyKey: sleutel, wijziging: w }]);
    expect(s.sync.online).toBe(false);
    expect(await s.personen.haalPersoon(P1.id)).toMatchObject({ ok: true, waarde: { ...w.wijziging, versie: 1, wachtend: 1, geweigerd: 0 } });
    expect(isi.personen.get(P1.id)!.datumVoldaan).toBeNull();
    await stil();

    // Closed (logout, lock) and opened again by the same user, in a new window.
    await s.cacheStore.sluit();
    await stil();
    const t = inloggen();
    await t.cacheStore.open();
    await stil();
    expect(t.wachtrij.entries).toHaveLength(1);
    expect(t.wachtrij.entries[0]).toMatchObject({ idempotencyKey: sleutel, status: 'WACHT', wijziging: w });
    expect(await t.personen.haalPersoon(P1.id)).toMatchObject({ ok: true, waarde: { datumVoldaan: '2025-02-01', wachtend: 1 } });

    isi.online = true;
    pib.uitgaand.verstuur.mockClear();
    await t.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([{ idempotencyKey: sleutel, wijziging: w }]);
    expect(t.wachtrij.entries).toEqual([]);
    const bijIsi = isi.personen.get(P1.id)!;
    expect(bijIsi).toMatchObject({ datumVoldaan: '2025-02-01', versie: 2 });
    expect(await t.cacheStore.cache!.haalPersoon(GC, P1.id)).toEqual({ ...bijIsi, wachtend: 0, geweigerd: 0 });
  });

  it('personen.wijzigPvt offline: niet verzonden, de melding dat de wijziging wacht, de persoon met wachtend 1', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const p = (await s.personen.haalPersoon(P2.id)) as { ok: true; waarde: Persoon };
    const w = pvt(P2, '2025-02-03');
    const u = await s.personen.wijzigPvt(p.waarde, w.wijziging, crypto.randomUUID());
    expect(u).toMatchObject({ ok: true, waarde: { verzonden: false, persoon: { id: P2.id, datumVoldaan: '2025-02-03', wachtend: 1 } } });
    expect(s.personen.melding).toBe(MELDING_WACHT);
    expect(s.personen.persoon).toMatchObject({ datumVoldaan: '2025-02-03', wachtend: 1 });
    // R-ZP-2 on the cache finds what the user changed.
    expect(await s.personen.zoek({ soort: 'OVERIG', criteria: { voldaan: 'J' } })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P2.id } });
  });

  it('R-PVT-2: ISI weigert (412, intussen elders gewijzigd): GEWEIGERD met ISI\'s stand ernaast; verwerpen laat ISI\'s stand staan', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const sleutel = crypto.randomUUID();
    await s.wachtrij.wijzig(pvt(P1, '2025-02-01'), sleutel);
    const elders = isi.wijzigElders(P1.id, { datumStartDeelname: '2024-06-01' });
    isi.online = true;
    await s.wachtrij.verstuurAlles();

    expect(s.wachtrij.wachtend).toEqual([]);
    expect(s.wachtrij.geweigerd).toHaveLength(1);
    const e = s.wachtrij.geweigerd[0]!;
    expect(e).toMatchObject({ status: 'GEWEIGERD', idempotencyKey: sleutel, probleem: { status: 412 }, serverStand: elders });
    expect(s.wachtrij.geweigerdOp(P1.id, 'PVT')?.id).toBe(e.id);
    expect(await s.cacheStore.cache!.haalPersoon(GC, P1.id)).toEqual({ ...elders, wachtend: 0, geweigerd: 1 });

    await s.wachtrij.verwerp(e);
    expect(s.wachtrij.entries).toEqual([]);
    expect(await s.cacheStore.cache!.haalPersoon(GC, P1.id)).toEqual({ ...elders, wachtend: 0, geweigerd: 0 });
    expect(isi.personen.get(P1.id)).toEqual(elders);
    expect(verzonden().map((a) => a.idempotencyKey)).toEqual([sleutel, sleutel]);
  });

  it('R-PVT-2: na een weigering is de correctie "opnieuw proberen": dezelfde entry, een nieuwe sleutel, de versie van ISI\'s stand', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const eerste = await s.wachtrij.wijzig(pvt(P1, '2025-02-01'), crypto.randomUUID());
    isi.wijzigElders(P1.id, { datumStartDeelname: '2024-06-01' });
    isi.online = true;
    await s.wachtrij.verstuurAlles();
    expect(s.wachtrij.geweigerd).toHaveLength(1);

    const getoond = (await s.personen.haalPersoon(P1.id)) as { ok: true; waarde: Persoon };
    expect(getoond.waarde.versie).toBe(2);
    const correctie = crypto.randomUUID();
    const w = pvt(getoond.waarde, '2025-02-05');
    const u = await s.personen.wijzigPvt(getoond.waarde, w.wijziging, correctie);
    expect(u).toMatchObject({ ok: true, waarde: { verzonden: true, persoon: { datumVoldaan: '2025-02-05', versie: 3 } } });
    expect(verzonden().at(-1)).toEqual({ idempotencyKey: correctie, wijziging: { ...w, versie: 2 } });
    expect(s.wachtrij.entries).toEqual([]);
    expect(eerste.ok && eerste.waarde.soort === 'WACHT' && eerste.waarde.entry.idempotencyKey).not.toBe(correctie);
  });

  it('R-SIG-6: een geweigerde statuswijziging gaat met "opnieuw proberen" met een nieuwe sleutel opnieuw naar ISI', async () => {
    const s = await gesynchroniseerd();
    const weigering = probleem(409, 'BEZET', 'Het signaal wordt op dit moment door DUO verwerkt. Probeer het later opnieuw.', 'R-SIG-6');
    pib.uitgaand.verstuur.mockResolvedValueOnce({ ok: true, waarde: { uitkomst: 'GEWEIGERD', probleem: weigering, serverStand: null } });
    const w: UitgaandeWijziging = { soort: 'SIGNAALSTATUS', gc: GC, ids: [S1!.id], status: 'AFGEHANDELD' };
    const sleutel = crypto.randomUUID();
    expect(await s.wachtrij.wijzig(w, sleutel)).toEqual({ ok: false, probleem: weigering });
    await tot(() => s.wachtrij.geweigerd.length === 1);
    const e = s.wachtrij.geweigerd[0]!;
    expect(e).toMatchObject({ status: 'GEWEIGERD', idempotencyKey: sleutel, probleem: weigering });
    // ISI's status is shown again while the change is refused.
    expect(await s.cacheStore.cache!.openstaand(GC)).toBe(3);

    await s.wachtrij.probeerOpnieuw(e);
    const opnieuw = verzonden().at(-1)!;
    expect(opnieuw.wijziging).toEqual(w);
    expect(opnieuw.idempotencyKey).toMatch(UUID);
    expect(opnieuw.idempotencyKey).not.toBe(sleutel);
    expect(s.wachtrij.entries).toEqual([]);
    expect(isi.signalen.get(S1!.id)!.status).toBe('AFGEHANDELD');
    expect(await s.cacheStore.cache!.openstaand(GC)).toBe(2);
  });

  it('een tweede wijziging van dezelfde persoon terwijl de eerste wacht, vervangt die: één entry, alleen de laatste gaat naar ISI', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const a = await s.wachtrij.wijzig(pvt(P3, '2025-02-01'), crypto.randomUUID());
    const k2 = crypto.randomUUID();
    const b = await s.wachtrij.wijzig(pvt(P3, '2025-02-09'), k2);
    expect(s.wachtrij.entries).toHaveLength(1);
    expect(a.ok && b.ok && a.waarde.soort === 'WACHT' && b.waarde.soort === 'WACHT' && b.waarde.entry.id === a.waarde.entry.id).toBe(true);
    expect(s.wachtrij.entries[0]).toMatchObject({ idempotencyKey: k2, wijziging: pvt(P3, '2025-02-09') });
    expect(await s.cacheStore.cache!.haalPersoon(GC, P3.id)).toMatchObject({ datumVoldaan: '2025-02-09', wachtend: 1 });
    await stil();

    isi.online = true;
    pib.uitgaand.verstuur.mockClear();
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([{ idempotencyKey: k2, wijziging: pvt(P3, '2025-02-09') }]);
    expect(isi.personen.get(P3.id)).toMatchObject({ datumVoldaan: '2025-02-09', versie: 2 });
  });

  it('twee wachtende wijzigingen op één persoon: de tweede gaat met de versie uit ISI\'s antwoord op de eerste (volgVersie), met haar eigen sleutel', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    const k1 = crypto.randomUUID();
    const k2 = crypto.randomUUID();
    const w1 = pvt(P2, '2025-02-01');
    const w2: UitgaandeWijziging = { soort: 'FACTUUR_OPSLAAN', gc: GC, persoonId: P2.id, versie: 1, nieuw: true, invoer: { factuurnummer: 'GRO2025001', factuurdatum: '2025-02-10', debiteurnummer: null } };
    await s.wachtrij.wijzig(w1, k1);
    await s.wachtrij.wijzig(w2, k2);
    expect(s.wachtrij.entries.map((e) => e.idempotencyKey)).toEqual([k1, k2]);
    await stil();

    isi.online = true;
    pib.uitgaand.verstuur.mockClear();
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([
      { idempotencyKey: k1, wijziging: w1 },
      { idempotencyKey: k2, wijziging: { ...w2, versie: 2 } },
    ]);
    expect(s.wachtrij.entries).toEqual([]);
    const bijIsi = isi.personen.get(P2.id)!;
    expect(bijIsi).toMatchObject({ versie: 3, datumVoldaan: '2025-02-01', factuurAanwezig: 'J', factuur: { factuurnummer: 'GRO2025001' } });
    expect(await s.cacheStore.cache!.haalPersoon(GC, P2.id)).toEqual({ ...bijIsi, wachtend: 0, geweigerd: 0 });
  });

  it('verzenden dat halverwege mislukt, verliest niets: wat erna komt blijft WACHT, in volgorde, en gaat later met dezelfde sleutels', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    // This test sends itself, step by step: the status probe must not find ISI back and send in between.
    pib.sync.bereikbaar.mockResolvedValue(GEEN_VERBINDING);
    const k = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const contact: UitgaandeWijziging = { soort: 'CONTACT', gc: GC, bericht: { naam: 'Test Medewerker', email: 'test@groningen.example', magBellen: false, telefoonnummer: null, onderwerp: 'PVT', bericht: 'Vraag' } };
    await s.wachtrij.wijzig(pvt(P1, '2025-02-01'), k[0]!);
    await s.wachtrij.wijzig(pvt(P3, '2025-02-02'), k[1]!);
    await s.wachtrij.wijzig(contact, k[2]!);
    await stil();
    const pogingenVoor = s.wachtrij.entries.map((e) => e.pogingen);

    // The connection returns, and drops again after the first send.
    isi.online = true;
    pib.uitgaand.verstuur.mockClear();
    pib.uitgaand.verstuur.mockImplementationOnce(isi.verstuur).mockResolvedValueOnce(GEEN_VERBINDING);
    await s.wachtrij.verstuurAlles();
    expect(verzonden().map((a) => a.idempotencyKey)).toEqual([k[0], k[1]]);
    expect(s.sync.online).toBe(false);
    expect(s.wachtrij.entries.map((e) => [e.idempotencyKey, e.status])).toEqual([[k[1], 'WACHT'], [k[2], 'WACHT']]);
    expect(s.wachtrij.entries[0]!.pogingen).toBe(pogingenVoor[1]! + 1);
    expect(isi.personen.get(P1.id)!.datumVoldaan).toBe('2025-02-01');
    expect(isi.personen.get(P3.id)!.datumVoldaan).toBeNull();

    pib.uitgaand.verstuur.mockClear();
    await s.wachtrij.verstuurAlles();
    expect(verzonden()).toEqual([{ idempotencyKey: k[1], wijziging: pvt(P3, '2025-02-02') }, { idempotencyKey: k[2], wijziging: contact }]);
    expect(s.wachtrij.entries).toEqual([]);
    expect(isi.personen.get(P3.id)!.datumVoldaan).toBe('2025-02-02');
  });

  it('een tweede wijziging van dezelfde persoon terwijl de eerste nog onderweg is, gaat niet verloren', async () => {
    const s = await gesynchroniseerd();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    // The first send hangs on a slow line until the test lets it through.
    let laatDoor!: () => void;
    pib.uitgaand.verstuur.mockImplementationOnce((a: Parameters<NepIsi['verstuur']>[0]) => new Promise((klaar) => { laatDoor = () => klaar(isi.verstuur(a)); }));
    const k1 = crypto.randomUUID();
    const k2 = crypto.randomUUID();
    const eerste = s.wachtrij.wijzig(pvt(P1, '2025-02-01'), k1);
    await tot(() => pib.uitgaand.verstuur.mock.calls.length === 1);
    const tweede = s.wachtrij.wijzig(pvt(P1, '2025-03-01'), k2);
    await tot(() => s.wachtrij.entries.some((e) => e.idempotencyKey === k2));
    laatDoor();
    const uitTweede = await tweede;
    // The first form stops waiting after its budget.
    await vi.advanceTimersByTimeAsync(10_000);
    await eerste;
    vi.useRealTimers();
    await stil();

    // The user's last change is at ISI, or still in the outbox: never silently gone.
    const bijIsi = verzonden().some((a) => a.idempotencyKey === k2) && isi.personen.get(P1.id)!.datumVoldaan === '2025-03-01';
    const inWachtrij = s.wachtrij.entries.some((e) => e.idempotencyKey === k2);
    expect(bijIsi || inWachtrij, 'de tweede wijziging (sleutel k2) is niet naar ISI gegaan en staat ook niet meer in de wachtrij').toBe(true);
    // And the second form is not told that ISI took it with the answer to the first change.
    const getoond = uitTweede.ok && uitTweede.waarde.soort === 'VERZONDEN' ? uitTweede.waarde.persoon?.datumVoldaan : '2025-03-01';
    expect(getoond).toBe('2025-03-01');
  });
});

describe('signalen store op de cache', () => {
  it('R-SIG-3, R-SIG-6: openstaand uit de cache; een statuswijziging zonder verbinding wacht en de lijst toont haar al', async () => {
    const s = await gesynchroniseerd();
    const sig = useSignalenStore();
    expect(await sig.laadOpenstaand(GC)).toEqual({ ok: true, waarde: { aantal: 3 } });
    await sig.toonOpenstaand(GC);
    expect(sig.items.map((i) => i.id)).toEqual(S.map((x) => x.id));
    isi.online = false;
    sig.selecteer(S1!.id, true);
    const u = await sig.wijzigStatus(['WI2013', 'WI2013MUT'], 'AFGEHANDELD', crypto.randomUUID());
    expect(u).toEqual({ ok: true, waarde: { bijgewerkt: 1, verzonden: false } });
    expect(sig.openstaand).toEqual({ gc: GC, aantal: 2 });
    expect(sig.items.map((i) => i.id)).toEqual(S.slice(1).map((x) => x.id));
    expect(s.wachtrij.wachtend).toHaveLength(1);
    expect(pib.signalen.openstaand).not.toHaveBeenCalled();
    expect(pib.signalen.zoek).not.toHaveBeenCalled();
  });
});

describe('cache store: sleutel, bewaartermijn en wissen', () => {
  it('ruimOp wist caches die langer dan wissenNaDagenZonderSync niet gesynchroniseerd zijn; hun sleutels ruimt main zelf op (issue 12, bevinding 7)', async () => {
    const gemaakt = new Date('2025-01-01T08:00:00Z');
    for (const [naam, gesynct] of [['nooit', null], ['verlaten', '2025-01-02T08:00:00Z'], ['recent', '2025-03-10T08:00:00Z']] as const) {
      const c = await openCache(naam, SLEUTEL, { nu: gemaakt });
      if (gesynct) await c.pasToe(GC, pagina({ personen: [P1] }), new Date(gesynct));
      await c.sluit();
    }
    setActivePinia(createPinia());
    const cacheStore = useCacheStore();
    pib.app.info.mockResolvedValue({ ok: true, waarde: { versie: 't', modus: 'electron', isiUrl: '', demo: false, beleid: { ...STANDAARD_BELEID, wissenNaDagenZonderSync: 90 } } });
    await cacheStore.laadBeleid();
    const nu = new Date('2025-03-15T12:00:00Z');
    expect(await cacheStore.ruimOp(nu)).toEqual([]);
    expect(pib.cache.vergeet).not.toHaveBeenCalled();

    cacheStore.beleid = { ...cacheStore.beleid, wissenNaDagenZonderSync: 14 };
    expect((await cacheStore.ruimOp(nu)).sort()).toEqual(['nooit', 'verlaten']);
    // Without a session main would refuse it: the keys of other users are main's own retention.
    expect(pib.cache.vergeet).not.toHaveBeenCalled();
    expect((await caches()).map((c) => c.gebruikersnaam)).toEqual(['recent']);
    const databases = (await indexedDB.databases()).map((d) => d.name);
    expect(databases).toContain(await databasenaamVoor('recent'));
    expect(databases).not.toContain(await databasenaamVoor('nooit'));
    expect(databases).not.toContain(await databasenaamVoor('verlaten'));
  });

  it('"Lokale gegevens wissen": de cache dicht en weg, ook wat nog wachtte, en main vergeet de sleutel', async () => {
    const s = await gesynchroniseerd();
    isi.online = false;
    await s.wachtrij.wijzig(pvt(P1, '2025-02-01'), crypto.randomUUID());
    await stil();
    const oud = s.cacheStore.cache!;
    await s.cacheStore.wis(GEBRUIKER);
    expect(s.cacheStore.cache).toBeNull();
    expect(pib.cache.vergeet).toHaveBeenCalledWith({ gebruikersnaam: GEBRUIKER });
    await expect(oud.wachtrij()).rejects.toMatchObject({ code: 'GESLOTEN' });
    expect(await caches()).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(await databasenaamVoor(GEBRUIKER));
    await stil();
    expect(s.wachtrij.entries).toEqual([]);
    expect(s.sync.stand).toBeNull();
  });

  it('main geeft geen sleutel (geen veilige sleutelopslag): geenCache, en zoeken en wijzigen gaan rechtstreeks naar ISI', async () => {
    pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
    const s = inloggen();
    expect(await s.personen.zoek({ soort: 'BSN', bsn: P1.bsn })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P1.id } });
    expect(pib.personen.zoek).toHaveBeenCalledTimes(1);
    expect(s.cacheStore.cache).toBeNull();
    expect(s.cacheStore.geenCache).toMatchObject({ status: 503, code: 'SLEUTELOPSLAG_ONVEILIG' });
    expect(await s.personen.haalPersoon(P1.id)).toEqual({ ok: true, waarde: P1 });

    const k = crypto.randomUUID();
    const w = pvt(P1, '2025-02-01');
    expect(await s.wachtrij.wijzig(w, k)).toMatchObject({ ok: true, waarde: { soort: 'VERZONDEN', persoon: { datumVoldaan: '2025-02-01', versie: 2 } } });
    expect(verzonden()).toEqual([{ idempotencyKey: k, wijziging: w }]);
    // Without a cache nothing can wait: no connection is an error the form shows.
    isi.online = false;
    expect(await s.wachtrij.wijzig(pvt(P1, '2025-02-02', 2), crypto.randomUUID())).toEqual(GEEN_VERBINDING);
    expect(s.wachtrij.entries).toEqual([]);
    expect(pib.sync.pagina).not.toHaveBeenCalled();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(await databasenaamVoor(GEBRUIKER));
  });

  it('een cache geschreven met een sleutel die main niet meer heeft (VERKEERDE_SLEUTEL) wordt gewist en opnieuw gevuld, en de gebruiker hoort het', async () => {
    const vreemd = await openCache(GEBRUIKER, ANDERE_SLEUTEL);
    await vreemd.zetInWachtrij(pvt(P1, '2025-02-01'), crypto.randomUUID());
    await vreemd.sluit();
    const s = inloggen();
    await expect(s.personen.zoek({ soort: 'BSN', bsn: P1.bsn })).resolves.toEqual({ ok: true, waarde: { soort: 'PERSOON', id: P1.id } });
    expect(s.cacheStore.hersteld).toBe(MELDING_HERSTELD);
    expect(s.cacheStore.cache).not.toBeNull();
    await stil();
    expect(s.sync.stand).toMatchObject({ volledig: true, verwerkt: 8 });
    expect(await s.cacheStore.cache!.wachtrij()).toEqual([]);
    expect(s.cacheStore.geenCache).toBeNull();
  });
});
