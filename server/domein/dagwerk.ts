import { plusDagen, plusMaanden, kwartaalStart, type IsoDatum } from '../../shared/datum';
import { wordtDefinitief } from '../../shared/rules/pvt';
import { moetSignaalOpschonen, termijnEindesVoorDag, termijnsignalenVoorDag } from '../../shared/rules/signalen';
import { leesInstelling, schrijfInstelling, sql, type Db } from '../db/database';
import { markeerGewijzigd, type PersoonRij } from './personen';
import { maakSignaal, verwijderSignaal } from './signalen';
import { ruimVerwijderingenOp } from './wijzigingen';

export interface Dagverslag {
  dag: IsoDatum;
  signalen: number;
  definitief: number;
  opgeschoond: number;
}

/** Project's own: an accepted invoice ("vrijgegeven") is paid a week later. */
const BETAALD_NA_DAGEN = 7;

/**
 * DUO's work of one day, in one transaction: raise the term signals (R-SIG-10), finalise
 * registrations in the weekly run (R-PVT-3), clean signals (R-SIG-2), pay accepted invoices,
 * and drop tombstones past their term. The daily files (R-DL-1) are made when first asked for.
 */
export function voerDagwerkUit(db: Db, dag: IsoDatum): Dagverslag {
  return db.transaction(() => {
    const verslag: Dagverslag = { dag, signalen: 0, definitief: 0, opgeschoond: 0 };
    for (const { van, tot } of termijnEindesVoorDag(dag)) {
      const kandidaten = sql(db, `SELECT * FROM personen WHERE datum_einde_pvt_plicht BETWEEN ? AND ? AND pvt_plichtig = 'J' AND wet = 'WI2013'
                                  AND uitgeschreven = 0 AND overleden = 0 AND datum_voldaan IS NULL`).all(van, tot) as PersoonRij[];
      for (const p of kandidaten) {
        const codes = termijnsignalenVoorDag(
          { pvtPlichtig: p.pvt_plichtig, datumEindePvtPlicht: p.datum_einde_pvt_plicht, datumVoldaan: p.datum_voldaan, redenNietVoldaan: p.reden_niet_voldaan },
          dag,
        );
        for (const code of codes) {
          if (maakSignaal(db, { persoonId: p.id, gemeentecode: p.gemeentecode, code, datum: dag, sleutel: `termijn:${p.datum_einde_pvt_plicht}` })) verslag.signalen++;
        }
      }
    }

    const registraties = sql(db, 'SELECT id, datum_registratie FROM personen WHERE registratie_definitief = 0 AND datum_registratie IS NOT NULL AND datum_registratie <= ?')
      .all(plusDagen(dag, -14)) as { id: string; datum_registratie: string }[];
    for (const r of registraties) {
      if (!wordtDefinitief(r.datum_registratie, dag)) continue;
      sql(db, 'UPDATE personen SET registratie_definitief = 1 WHERE id = ?').run(r.id);
      markeerGewijzigd(db, r.id);
      verslag.definitief++;
    }

    const kwartaal = kwartaalStart(dag) === dag;
    const teOpschonen = sql(db, `SELECT id, gemeentecode, persoon_id, status, datum, status_gewijzigd_op FROM signalen
                                 WHERE (status = 'AFGEHANDELD' AND coalesce(status_gewijzigd_op, datum) <= ?) OR (? AND status = 'NIEUW' AND datum < ?)`)
      .all(plusDagen(dag, -7), kwartaal ? 1 : 0, plusMaanden(dag, -3)) as { id: string; gemeentecode: string; persoon_id: string; status: 'NIEUW' | 'AFGEHANDELD'; datum: string; status_gewijzigd_op: string | null }[];
    for (const s of teOpschonen) {
      if (!moetSignaalOpschonen({ status: s.status, datum: s.datum, statusGewijzigdOp: s.status_gewijzigd_op }, dag)) continue;
      verwijderSignaal(db, s, dag);
      verslag.opgeschoond++;
    }

    const betaald = sql(db, 'SELECT persoon_id FROM facturen WHERE status = 4 AND geaccepteerd = 1 AND status_gewijzigd_op <= ?').all(plusDagen(dag, -BETAALD_NA_DAGEN)) as { persoon_id: string }[];
    for (const f of betaald) {
      sql(db, 'UPDATE facturen SET status = 5, status_gewijzigd_op = ? WHERE persoon_id = ?').run(dag, f.persoon_id);
      markeerGewijzigd(db, f.persoon_id);
    }

    ruimVerwijderingenOp(db, dag);
    schrijfInstelling(db, 'laatste_dagwerk', dag);
    return verslag;
  })();
}

/** Runs the daily work for every day after the last one done, up to and including `tot`. */
export function haalDagwerkIn(db: Db, tot: IsoDatum): Dagverslag[] {
  const laatste = leesInstelling(db, 'laatste_dagwerk');
  if (laatste === null) {
    schrijfInstelling(db, 'laatste_dagwerk', tot);
    return [];
  }
  const verslagen: Dagverslag[] = [];
  for (let dag = plusDagen(laatste, 1); dag <= tot; dag = plusDagen(dag, 1)) verslagen.push(voerDagwerkUit(db, dag));
  return verslagen;
}
