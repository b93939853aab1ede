import type { Gemeente } from '../../shared/rules/gemeente';
import type { Db } from '../db/database';

export function gemeenteNaam(db: Db, code: string | null): Gemeente | null {
  if (code === null) return null;
  const rij = db.prepare('SELECT code, naam FROM gemeenten WHERE code = ?').get(code) as Gemeente | undefined;
  return rij ?? { code, naam: code };
}

export function bestaatGemeente(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM gemeenten WHERE code = ?').get(code) !== undefined;
}

export function rekeningnummer(db: Db, code: string): string | null {
  const rij = db.prepare('SELECT rekeningnummer FROM gemeenten WHERE code = ?').get(code) as { rekeningnummer: string | null } | undefined;
  return rij?.rekeningnummer ?? null;
}

export function alleGemeenten(db: Db): Map<string, Gemeente> {
  const rijen = db.prepare('SELECT code, naam FROM gemeenten').all() as Gemeente[];
  return new Map(rijen.map((g) => [g.code, g]));
}
