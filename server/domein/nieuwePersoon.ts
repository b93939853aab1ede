import { randomUUID } from 'node:crypto';
import { isGeldigBsn } from '../../shared/rules/bsn';
import type { RedenNietVoldaan } from '../../shared/rules/pvt';
import type { FactuurStatus } from '../../shared/rules/factuur';
import { FACTUUR_BEDRAG_CENTEN } from '../../shared/rules/factuur';
import type { Wet } from '../../shared/rules/rollen';
import { sql, volgendeSeq, type Db } from '../db/database';

/** Everything DUO's side knows of a person when it enters the ISI (demo data and simulation). */
export interface NieuwePersoon {
  id?: string;
  bsn: string;
  voornamen: string;
  voorvoegsels: string | null;
  achternaam: string;
  geslacht: 0 | 1 | 2;
  geboortedatum: string;
  wet: Wet;
  inburgeringsplichtig: boolean;
  gemeentecode: string;
  vorigeGemeenten: string[];
  overleden: boolean;
  uitgeschreven: boolean;
  lening: boolean;
  gemeenteEersteVestiging: string | null;
  gemeenteEindePvt: string | null;
  pvtPlichtig: 'J' | 'N' | null;
  datumStartPvtPlicht: string | null;
  datumEindePvtPlicht: string | null;
  datumStartDeelname: string | null;
  datumEindeDeelname: string | null;
  datumVoldaan: string | null;
  redenNietVoldaan: RedenNietVoldaan | null;
  datumRegistratie: string | null;
  registratieDefinitief: boolean;
  rechtOpMb: 'J' | 'N' | null;
  datumMbGemeldBijBzk: string | null;
  factuur: { factuurnummer: string; factuurdatum: string; debiteurnummer: string | null; status: FactuurStatus | null; geaccepteerd: boolean } | null;
}

/** Inserts one person with its PIB memberships and invoice; the caller holds the transaction. */
export function voegPersoonToe(db: Db, p: NieuwePersoon): string {
  const id = p.id ?? randomUUID();
  const { lastInsertRowid: nr } = sql(db, `INSERT INTO personen (id, bsn, voornamen, voorvoegsels, achternaam, geslacht, geboortedatum, wet, inburgeringsplichtig, gemeentecode,
      overleden, uitgeschreven, lening, gemeente_eerste_vestiging, gemeente_einde_pvt, pvt_plichtig, datum_start_pvt_plicht, datum_einde_pvt_plicht,
      datum_start_deelname, datum_einde_deelname, datum_voldaan, reden_niet_voldaan, datum_registratie, registratie_definitief, recht_op_mb,
      datum_mb_gemeld_bij_bzk, versie, seq)
    VALUES (@id, @bsn, @voornamen, @voorvoegsels, @achternaam, @geslacht, @geboortedatum, @wet, @inburgeringsplichtig, @gemeentecode,
      @overleden, @uitgeschreven, @lening, @gemeenteEersteVestiging, @gemeenteEindePvt, @pvtPlichtig, @datumStartPvtPlicht, @datumEindePvtPlicht,
      @datumStartDeelname, @datumEindeDeelname, @datumVoldaan, @redenNietVoldaan, @datumRegistratie, @registratieDefinitief, @rechtOpMb,
      @datumMbGemeldBijBzk, 1, @seq)`).run({
    ...p,
    id,
    inburgeringsplichtig: p.inburgeringsplichtig ? 1 : 0,
    overleden: p.overleden ? 1 : 0,
    uitgeschreven: p.uitgeschreven ? 1 : 0,
    lening: p.lening ? 1 : 0,
    registratieDefinitief: p.registratieDefinitief ? 1 : 0,
    factuur: undefined,
    vorigeGemeenten: undefined,
    seq: volgendeSeq(db),
  });
  sql(db, "INSERT INTO persoon_gemeenten (gemeentecode, persoon_nr, verblijf) VALUES (?, ?, 'WOONACHTIG')").run(p.gemeentecode, nr);
  for (const vorige of new Set(p.vorigeGemeenten)) {
    if (vorige !== p.gemeentecode) sql(db, "INSERT INTO persoon_gemeenten (gemeentecode, persoon_nr, verblijf) VALUES (?, ?, 'VOORMALIG')").run(vorige, nr);
  }
  if (p.factuur) {
    sql(db, `INSERT INTO facturen (persoon_id, factuurnummer, factuurdatum, debiteurnummer, bedrag, status, geaccepteerd, status_gewijzigd_op)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, p.factuur.factuurnummer, p.factuur.factuurdatum, p.factuur.debiteurnummer, FACTUUR_BEDRAG_CENTEN,
      p.factuur.status, p.factuur.geaccepteerd ? 1 : 0, p.factuur.factuurdatum);
  }
  return id;
}

/**
 * Test BSNs: the BRP's range for test persons starts with 9999 (about 9,000 valid numbers);
 * beyond that 99 is used. Every number passes the elfproef (R-BSN-1).
 */
export function* testBsns(start = 0): Generator<string> {
  for (let n = start; n < 10_000_000; n++) {
    const bsn = n < 100_000 ? `9999${String(n).padStart(5, '0')}` : `99${String(n).padStart(7, '0')}`;
    if (n >= 100_000 && bsn.startsWith('9999')) continue;
    if (isGeldigBsn(bsn)) yield bsn;
  }
}

export function vrijeTestBsn(db: Db): string {
  for (const bsn of testBsns()) {
    if (!sql(db, 'SELECT 1 FROM personen WHERE bsn = ?').get(bsn)) return bsn;
  }
  throw new Error('Geen vrij test-BSN meer');
}
