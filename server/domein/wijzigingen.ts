import { plusDagen } from '../../shared/datum';
import type { Rol } from '../../shared/rules/rollen';
import type { Wijzigingen } from '../../shared/schemas/api';
import { leesInstelling, schrijfInstelling, type Db } from '../db/database';
import { Probleemfout } from '../http/probleem';
import { naarPersonen, type PersoonRij } from './personen';
import { naarSignaal, SIGNAAL_KOLOMMEN_SQL, type SignaalRij } from './signalen';

/** Tombstones are kept 45 days, so a cursor stays valid for at least the promised 30. */
export const BEWAARTERMIJN_VERWIJDERINGEN_DAGEN = 45;

/**
 * Where a client stands: it has seen every change up to `seq`. `basis` is the sequence at which
 * its full sync began: deletions before it concern nothing the client holds, so tombstones
 * pruned before it do not expire the cursor (else no full sync could ever finish after a prune).
 */
export interface Cursor {
  seq: number;
  basis: number;
}

export function schrijfCursor(gc: string, seq: number, basis = 0): string {
  return Buffer.from(JSON.stringify({ g: gc, s: seq, ...(basis > seq ? { b: basis } : {}) })).toString('base64url');
}

export function leesCursor(cursor: string, gc: string): Cursor {
  const geldig = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  try {
    const { g, s, b } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { g: unknown; s: unknown; b?: unknown };
    if (g === gc && geldig(s) && (b === undefined || geldig(b))) return { seq: s, basis: b ?? 0 };
  } catch {
    // falls through to the refusal below
  }
  throw new Probleemfout(400, 'De cursor is ongeldig of hoort bij een andere gemeente. Begin een volledige synchronisatie zonder cursor.', { code: 'ONGELDIGE_CURSOR' });
}

// What a page selects, after `SELECT …` and before `ORDER BY`; parameters: gemeentecode, seq.
const PERSONEN_SQL = `FROM personen p JOIN persoon_gemeenten pg ON pg.persoon_nr = p.nr AND pg.gemeentecode = ?
                      WHERE p.seq > ? AND p.uitgeschreven = 0 AND p.wet = 'WI2013'`;
const SIGNALEN_SQL = `FROM signalen s JOIN personen p ON p.id = s.persoon_id WHERE s.gemeentecode = ? AND s.seq > ? AND p.uitgeschreven = 0`;

const tel = (db: Db, sql: string, gc: string, vanaf: number) => (db.prepare(`SELECT count(*) AS n ${sql}`).get(gc, vanaf) as { n: number }).n;

/**
 * One page of what changed in gemeente `gc` after `vanaf`: persons of its PIB, its signals and
 * the tombstones of both, in the order they changed. Each part is read by its own index in seq
 * order and the three are merged, so a page costs the same at the start as at the end.
 */
export function wijzigingenSinds(db: Db, gc: string, cursor: Cursor | null, limiet: number, rollen: readonly Rol[]): Wijzigingen {
  return db.transaction(() => {
    // Without a cursor: everything from the start, a full sync that began now.
    const { seq: vanaf, basis } = cursor ?? { seq: 0, basis: huidigeSeq(db) };
    const horizon = Number(leesInstelling(db, 'sync_horizon') ?? '0');
    if (Math.max(vanaf, basis) < horizon) {
      throw new Probleemfout(410, 'Deze cursor is verlopen. Begin een volledige synchronisatie zonder cursor.');
    }
    const personen = db
      .prepare(`SELECT p.*, pg.verblijf AS pg_verblijf ${PERSONEN_SQL} ORDER BY p.seq LIMIT ?`)
      .all(gc, vanaf, limiet + 1) as (PersoonRij & { pg_verblijf: 'WOONACHTIG' | 'VOORMALIG' })[];
    const signalen = db
      .prepare(`SELECT ${SIGNAAL_KOLOMMEN_SQL}, s.seq ${SIGNALEN_SQL} ORDER BY s.seq LIMIT ?`)
      .all(gc, vanaf, limiet + 1) as (SignaalRij & { seq: number })[];
    const verwijderd = db
      .prepare('SELECT seq, soort, id FROM verwijderingen WHERE gemeentecode = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(gc, vanaf, limiet + 1) as { seq: number; soort: 'PERSOON' | 'SIGNAAL'; id: string }[];

    type Item = { seq: number; soort: 'P' | 'S' | 'V'; index: number };
    const items: Item[] = [
      ...personen.map((p, index) => ({ seq: p.seq, soort: 'P' as const, index })),
      ...signalen.map((s, index) => ({ seq: s.seq, soort: 'S' as const, index })),
      ...verwijderd.map((v, index) => ({ seq: v.seq, soort: 'V' as const, index })),
    ].sort((a, b) => a.seq - b.seq);
    const pagina = items.slice(0, limiet);
    const meer = items.length > limiet;
    const cursorSeq = meer ? pagina[pagina.length - 1]!.seq : Math.max(vanaf, huidigeSeq(db));

    const gekozenPersonen = pagina.filter((i) => i.soort === 'P').map((i) => {
      const { pg_verblijf, ...rij } = personen[i.index]!;
      return { rij, verblijf: pg_verblijf };
    });
    const weg = pagina.filter((i) => i.soort === 'V').map((i) => verwijderd[i.index]!);
    return {
      personen: naarPersonen(db, gekozenPersonen, gc, rollen),
      signalen: pagina.filter((i) => i.soort === 'S').map((i) => naarSignaal(signalen[i.index]!)),
      verwijderd: { personen: weg.filter((v) => v.soort === 'PERSOON').map((v) => v.id), signalen: weg.filter((v) => v.soort === 'SIGNAAL').map((v) => v.id) },
      cursor: schrijfCursor(gc, cursorSeq, basis),
      meer,
      // For the client's progress bar: what this full sync will bring, counted as its pages select.
      ...(cursor === null ? { totaal: tel(db, PERSONEN_SQL, gc, vanaf) + tel(db, SIGNALEN_SQL, gc, vanaf) } : {}),
    };
  })();
}

function huidigeSeq(db: Db): number {
  return (db.prepare("SELECT waarde FROM teller WHERE naam = 'seq'").get() as { waarde: number }).waarde;
}

/** Drops tombstones past their term; cursors from before the newest dropped one answer 410. */
export function ruimVerwijderingenOp(db: Db, vandaag: string): void {
  const grens = plusDagen(vandaag, -BEWAARTERMIJN_VERWIJDERINGEN_DAGEN);
  const rij = db.prepare('SELECT max(seq) AS seq FROM verwijderingen WHERE datum < ?').get(grens) as { seq: number | null };
  if (rij.seq === null) return;
  db.prepare('DELETE FROM verwijderingen WHERE seq <= ?').run(rij.seq);
  schrijfInstelling(db, 'sync_horizon', String(rij.seq));
}
