import { randomUUID } from 'node:crypto';
import { leesSortering } from '../../shared/rules/zoeken';
import { omschrijvingInLijst, SIGNAAL_CODES, SIGNAAL_STATUS_RANG, type SignaalCode, type SignaalSorteerkolom, type SignaalStatus } from '../../shared/rules/signalen';
import type { SignaalInLijst, SignaalVolledig, SignalenZoekvraag } from '../../shared/schemas/api';
import { sql, volgendeSeq, type Db } from '../db/database';
import { markeerVoorSync } from './personen';

export interface SignaalRij {
  id: string;
  persoon_id: string;
  gemeentecode: string;
  code: SignaalCode;
  datum: string;
  status: SignaalStatus;
  status_gewijzigd_op: string | null;
  bsn: string;
  achternaam: string;
}

const OMSCHRIJVING_SQL = `CASE s.code ${SIGNAAL_CODES.map((c) => `WHEN '${c}' THEN '${omschrijvingInLijst(c).replaceAll("'", "''")}'`).join(' ')} END`;
const SORTEERKOLOMMEN: Record<SignaalSorteerkolom, string> = {
  status: `CASE s.status ${Object.entries(SIGNAAL_STATUS_RANG).map(([status, rang]) => `WHEN '${status}' THEN ${rang}`).join(' ')} END`,
  bsn: 'p.bsn',
  achternaam: 'p.achternaam',
  code: 's.code',
  omschrijving: OMSCHRIJVING_SQL,
  datum: 's.datum',
};

/**
 * R-SIG-10: raises a signal once per event: the key (person, gemeente, code, sleutel) is unique,
 * so raising it again does nothing. Returns the new signal's id, or null when it existed.
 */
export function maakSignaal(db: Db, s: { persoonId: string; gemeentecode: string; code: SignaalCode; datum: string; sleutel: string; status?: SignaalStatus; statusGewijzigdOp?: string | null }): string | null {
  const id = randomUUID();
  const uitkomst = sql(db, `INSERT OR IGNORE INTO signalen (id, persoon_id, gemeentecode, code, datum, status, status_gewijzigd_op, sleutel, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, s.persoonId, s.gemeentecode, s.code, s.datum, s.status ?? 'NIEUW', s.statusGewijzigdOp ?? null, s.sleutel, volgendeSeq(db));
  if (uitkomst.changes === 0) return null;
  markeerVoorSync(db, s.persoonId);
  return id;
}

export function naarSignaalInLijst(r: SignaalRij): SignaalInLijst {
  return { id: r.id, persoonId: r.persoon_id, status: r.status, bsn: r.bsn, achternaam: r.achternaam, code: r.code, omschrijving: omschrijvingInLijst(r.code), datum: r.datum };
}

export function naarSignaal(r: SignaalRij): SignaalVolledig {
  return { ...naarSignaalInLijst(r), gemeentecode: r.gemeentecode, statusGewijzigdOp: r.status_gewijzigd_op };
}

const VAN = 'FROM signalen s JOIN personen p ON p.id = s.persoon_id';
export const SIGNAAL_KOLOMMEN_SQL = 's.id, s.persoon_id, s.gemeentecode, s.code, s.datum, s.status, s.status_gewijzigd_op, p.bsn, p.achternaam';

/** R-SIG-4, R-SIG-5: the gemeente's signals that meet every filter, one page, BSN by default. */
export function zoekSignalen(db: Db, gc: string, vraag: SignalenZoekvraag): { items: SignaalInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
  const waar = ['s.gemeentecode = @gc', 'p.uitgeschreven = 0'];
  const params: Record<string, string | number> = { gc };
  if (vraag.bsn) { waar.push('p.bsn = @bsn'); params.bsn = vraag.bsn; }
  if (vraag.code) { waar.push('s.code = @code'); params.code = vraag.code; }
  if (vraag.datumVan) { waar.push('s.datum >= @datumVan'); params.datumVan = vraag.datumVan; }
  if (vraag.datumTot) { waar.push('s.datum <= @datumTot'); params.datumTot = vraag.datumTot; }
  if (vraag.status) { waar.push('s.status = @status'); params.status = vraag.status; }
  const where = `WHERE ${waar.join(' AND ')}`;
  const sortering = leesSortering<SignaalSorteerkolom>(vraag.sorteer ?? 'bsn');
  const richting = sortering.aflopend ? 'DESC' : 'ASC';
  const paginaGrootte = vraag.paginaGrootte ?? 10;
  const pagina = vraag.pagina ?? 1;
  const rijen = db
    .prepare(`SELECT ${SIGNAAL_KOLOMMEN_SQL}, count(*) OVER () AS totaal ${VAN} ${where} ORDER BY ${SORTEERKOLOMMEN[sortering.kolom]} ${richting}, p.bsn ASC, s.datum ASC, s.id ASC LIMIT @limiet OFFSET @offset`)
    .all({ ...params, limiet: paginaGrootte, offset: (pagina - 1) * paginaGrootte }) as (SignaalRij & { totaal: number })[];
  // As with persons: the count rides along with the page, and is only counted apart past the last page.
  const totaal = rijen[0]?.totaal ?? (pagina === 1 ? 0 : (db.prepare(`SELECT count(*) AS n ${VAN} ${where}`).get(params) as { n: number }).n);
  return { items: rijen.map(naarSignaalInLijst), totaal, pagina, paginaGrootte };
}

/** R-SIG-3: Nieuw + In behandeling. */
export function aantalOpenstaand(db: Db, gc: string): number {
  return (db.prepare(`SELECT count(*) AS n ${VAN} WHERE s.gemeentecode = ? AND s.status != 'AFGEHANDELD' AND p.uitgeschreven = 0`).get(gc) as { n: number }).n;
}

/** R-SIG-7: every signal of the gemeente, whatever its status, for the export. */
export function alleSignalen(db: Db, gc: string): SignaalRij[] {
  return db.prepare(`SELECT ${SIGNAAL_KOLOMMEN_SQL} ${VAN} WHERE s.gemeentecode = ? AND p.uitgeschreven = 0 ORDER BY p.bsn, s.datum, s.code`).all(gc) as SignaalRij[];
}

/** R-SIG-6: sets the status of signals of this gemeente; all or nothing. Null when one is unknown. */
export function wijzigSignaalStatus(db: Db, gc: string, ids: readonly string[], status: SignaalStatus, vandaag: string): number | null {
  return db.transaction(() => {
    const uniek = [...new Set(ids)];
    const rijen = uniek.map((id) => db.prepare('SELECT id, persoon_id, status FROM signalen WHERE id = ? AND gemeentecode = ?').get(id, gc) as { id: string; persoon_id: string; status: string } | undefined);
    if (rijen.some((r) => r === undefined)) return null;
    for (const r of rijen as { id: string; persoon_id: string; status: string }[]) {
      if (r.status === status) continue;
      db.prepare('UPDATE signalen SET status = ?, status_gewijzigd_op = ?, seq = ? WHERE id = ?').run(status, vandaag, volgendeSeq(db), r.id);
      markeerVoorSync(db, r.persoon_id);
    }
    return uniek.length;
  })();
}

/** Deletes a signal and leaves a tombstone, so the app's cache deletes it too (sync). */
export function verwijderSignaal(db: Db, s: { id: string; gemeentecode: string; persoon_id: string }, datum: string): void {
  db.prepare('DELETE FROM signalen WHERE id = ?').run(s.id);
  db.prepare("INSERT INTO verwijderingen (seq, soort, id, gemeentecode, datum) VALUES (?, 'SIGNAAL', ?, ?, ?)").run(volgendeSeq(db), s.id, s.gemeentecode, datum);
  markeerVoorSync(db, s.persoon_id);
}
