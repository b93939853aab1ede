import { createHash, randomBytes } from 'node:crypto';
import { SESSIE_INACTIEF_MINUTEN } from '../../shared/rules/auth';
import type { Gemeente } from '../../shared/rules/gemeente';
import type { Rol } from '../../shared/rules/rollen';
import type { Db } from '../db/database';

export interface IngelogdeGebruiker {
  gebruikersnaam: string;
  naam: string;
  soort: 'PERSOON' | 'CVS';
  rollen: Rol[];
  gemeenten: Gemeente[];
  beheerderVan: Gemeente[];
}

const INACTIEF_MS = SESSIE_INACTIEF_MINUTEN * 60_000;

/** Only a hash of the token is stored, so a copy of the database opens no session. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function laadGebruiker(db: Db, gebruikersnaam: string): IngelogdeGebruiker | null {
  const rij = db.prepare('SELECT gebruikersnaam, naam, soort, rollen FROM gebruikers WHERE gebruikersnaam = ?').get(gebruikersnaam) as
    | { gebruikersnaam: string; naam: string; soort: 'PERSOON' | 'CVS'; rollen: string }
    | undefined;
  if (!rij) return null;
  const gemeenten = db
    .prepare('SELECT g.code, g.naam, gg.beheerder FROM gebruiker_gemeenten gg JOIN gemeenten g ON g.code = gg.gemeentecode WHERE gg.gebruikersnaam = ? ORDER BY g.naam')
    .all(gebruikersnaam) as (Gemeente & { beheerder: number })[];
  return {
    gebruikersnaam: rij.gebruikersnaam,
    naam: rij.naam,
    soort: rij.soort,
    rollen: JSON.parse(rij.rollen) as Rol[],
    gemeenten: gemeenten.filter((g) => g.beheerder === 0).map(({ code, naam }) => ({ code, naam })),
    beheerderVan: gemeenten.filter((g) => g.beheerder === 1).map(({ code, naam }) => ({ code, naam })),
  };
}

export function maakSessie(db: Db, gebruikersnaam: string, nuMs: number): { token: string; verlooptOp: string } {
  const token = randomBytes(32).toString('base64url');
  db.prepare('INSERT INTO sessies (token_hash, gebruikersnaam, laatst_actief, aangemaakt) VALUES (?, ?, ?, ?)').run(tokenHash(token), gebruikersnaam, nuMs, nuMs);
  return { token, verlooptOp: new Date(nuMs + INACTIEF_MS).toISOString() };
}

/** The default absolute lifetime of a session (issue 12, finding 6): a working day and a bit. */
export const SESSIE_MAX_UREN = 10;

/**
 * The session's user, with its idle time restarted unless `achtergrond`; null when unknown, idle
 * too long, or older than `maxMs` however active (issue 12, finding 6: activity never keeps a
 * session alive for good).
 */
export function gebruikSessie(db: Db, token: string, nuMs: number, opties: { maxMs?: number; achtergrond?: boolean } = {}): { gebruiker: IngelogdeGebruiker; verlooptOp: string } | null {
  const maxMs = opties.maxMs ?? SESSIE_MAX_UREN * 3_600_000;
  const hash = tokenHash(token);
  const rij = db.prepare('SELECT gebruikersnaam, laatst_actief, aangemaakt FROM sessies WHERE token_hash = ?').get(hash) as { gebruikersnaam: string; laatst_actief: number; aangemaakt: number } | undefined;
  if (!rij) return null;
  if (nuMs - rij.laatst_actief > INACTIEF_MS || nuMs - rij.aangemaakt > maxMs) {
    db.prepare('DELETE FROM sessies WHERE token_hash = ?').run(hash);
    return null;
  }
  const actief = opties.achtergrond ? rij.laatst_actief : nuMs;
  if (!opties.achtergrond) db.prepare('UPDATE sessies SET laatst_actief = ? WHERE token_hash = ?').run(nuMs, hash);
  const gebruiker = laadGebruiker(db, rij.gebruikersnaam);
  return gebruiker ? { gebruiker, verlooptOp: new Date(Math.min(actief + INACTIEF_MS, rij.aangemaakt + maxMs)).toISOString() } : null;
}

export function beeindigSessie(db: Db, token: string): void {
  db.prepare('DELETE FROM sessies WHERE token_hash = ?').run(tokenHash(token));
}

export function ruimSessiesOp(db: Db, nuMs: number): void {
  db.prepare('DELETE FROM sessies WHERE laatst_actief < ?').run(nuMs - INACTIEF_MS);
}
