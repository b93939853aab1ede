import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIES } from './migraties';

export type Db = Database.Database;

/**
 * Opens (and creates) one database file, or `:memory:` for tests, in WAL mode with foreign keys
 * on, and brings its schema up to date.
 */
export function openDatabase(pad: string): Db {
  if (pad !== ':memory:') mkdirSync(dirname(pad), { recursive: true });
  const db = new Database(pad);
  if (pad !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migreer(db);
  return db;
}

export function migreer(db: Db): void {
  const huidig = db.pragma('user_version', { simple: true }) as number;
  for (let i = huidig; i < MIGRATIES.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIES[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** The next number of the global change sequence that the sync endpoint pages by. */
export function volgendeSeq(db: Db): number {
  return (sql(db, `UPDATE teller SET waarde = waarde + 1 WHERE naam = 'seq' RETURNING waarde`).get() as { waarde: number }).waarde;
}

export function leesInstelling(db: Db, sleutel: string): string | null {
  const rij = db.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as { waarde: string } | undefined;
  return rij?.waarde ?? null;
}

export function schrijfInstelling(db: Db, sleutel: string, waarde: string): void {
  db.prepare('INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde').run(sleutel, waarde);
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per database: the hot paths (seeding, signals) run many. */
export function sql(db: Db, tekst: string): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(tekst);
  if (!s) {
    s = db.prepare(tekst);
    perDb.set(tekst, s);
  }
  return s;
}
