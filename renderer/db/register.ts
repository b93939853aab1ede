import Dexie, { type Table } from 'dexie';
import type { IndexedDbBron } from './schema';
import type { CacheRegister } from './types';

const REGISTER_NAAM = 'pib-register';
const DAG_MS = 86_400_000;

/**
 * Which user caches exist on this machine (retention at start, wissenNaDagenZonderSync). Kept
 * apart from the caches themselves: it must be readable without any user's key.
 */
class RegisterDatabase extends Dexie {
  caches!: Table<CacheRegister, string>;

  constructor(bron?: IndexedDbBron) {
    super(REGISTER_NAAM, bron);
    this.version(1).stores({ caches: 'gebruikersnaam' });
  }
}

const perFabriek = new WeakMap<IDBFactory, RegisterDatabase>();
let standaard: RegisterDatabase | null = null;

function register(bron?: IndexedDbBron): RegisterDatabase {
  if (!bron) return (standaard ??= new RegisterDatabase());
  let db = perFabriek.get(bron.indexedDB);
  if (!db) {
    db = new RegisterDatabase(bron);
    perFabriek.set(bron.indexedDB, db);
  }
  return db;
}

/** Caches open in this window, by database name, so wiping one closes it first (else the delete waits for it). */
const geopend = new Map<string, Set<{ sluit(): void }>>();

export function meldGeopend(databasenaam: string, cache: { sluit(): void }): void {
  const set = geopend.get(databasenaam) ?? new Set();
  set.add(cache);
  geopend.set(databasenaam, set);
}

export function meldGesloten(databasenaam: string, cache: { sluit(): void }): void {
  geopend.get(databasenaam)?.delete(cache);
}

/**
 * The database name of a user's cache: a hash, so the list of databases on the machine does not
 * say who works on it. Not secret (the register holds the name), only not in plain sight.
 */
export async function databasenaamVoor(gebruikersnaam: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`pib-cache\u0000${gebruikersnaam}`));
  return `pib-cache-${[...new Uint8Array(hash)].slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A cache opened for the first time is registered now, so a never-synced one still expires. */
export async function registreer(gebruikersnaam: string, databasenaam: string, nu: Date, bron?: IndexedDbBron): Promise<void> {
  const db = register(bron);
  await db.transaction('rw', db.caches, async () => {
    const rij = await db.caches.get(gebruikersnaam);
    await db.caches.put({ gebruikersnaam, databasenaam, laatsteSync: rij?.laatsteSync ?? null, aangemaakt: rij?.aangemaakt ?? nu.toISOString() });
  });
}

export async function noteerSync(gebruikersnaam: string, laatsteSync: string, bron?: IndexedDbBron): Promise<void> {
  await register(bron).caches.update(gebruikersnaam, { laatsteSync });
}

export async function caches(bron?: IndexedDbBron): Promise<CacheRegister[]> {
  return register(bron).caches.toArray();
}

/** "Lokale gegevens wissen" and retention: the user's whole database and its register row. */
export async function wisCache(gebruikersnaam: string, bron?: IndexedDbBron): Promise<void> {
  const db = register(bron);
  const naam = (await db.caches.get(gebruikersnaam))?.databasenaam ?? (await databasenaamVoor(gebruikersnaam));
  for (const cache of [...(geopend.get(naam) ?? [])]) cache.sluit();
  await new Dexie(naam, bron).delete();
  await db.caches.delete(gebruikersnaam);
}

/**
 * The caches not synced for more than `dagen` days before `nu`; one never synced counts from when
 * it was made (a cache filled once and then left must go too).
 */
export async function verouderd(dagen: number, nu: Date, bron?: IndexedDbBron): Promise<CacheRegister[]> {
  const grens = nu.getTime() - dagen * DAG_MS;
  return (await caches(bron)).filter((c) => Date.parse(c.laatsteSync ?? c.aangemaakt) < grens);
}
