import JSZip from 'jszip';
import { schrijfCsv } from '../../shared/formats/csv';
import {
  bestandenVoorGemeente, csvNaamInZip, DISCLAIMER, DISCLAIMER_BESTANDSNAAM, legendaRijen, LEGENDA_BESTANDSNAAM, LEGENDA_KOLOMMEN,
  MB_BESTAND_KOLOMMEN, mbBestandRij, mbJaarUitBestandsnaam, pvtExtractRij, PVT_EXTRACT_KOLOMMEN,
} from '../../shared/rules/bestanden';
import type { Db } from '../db/database';
import { alleGemeenten, gemeenteNaam } from './gemeenten';
import { naarFactuur, type FactuurRij, type PersoonRij } from './personen';

export interface BestandRij {
  omschrijving: string;
  datum: string;
  bestandsnaam: string;
}

function mbJaren(db: Db, gc: string): number[] {
  const rijen = db
    .prepare(`SELECT DISTINCT CAST(substr(datum_mb_gemeld_bij_bzk, 1, 4) AS INTEGER) AS jaar FROM personen
              WHERE gemeente_eerste_vestiging = ? AND recht_op_mb = 'J' AND datum_mb_gemeld_bij_bzk IS NOT NULL AND wet = 'WI2013'`)
    .all(gc) as { jaar: number }[];
  return rijen.map((r) => r.jaar);
}

function pvtExtract(db: Db, gc: string): string {
  const gemeenten = alleGemeenten(db);
  const rijen = db
    .prepare(`SELECT p.*, f.factuurnummer AS f_nummer, f.factuurdatum AS f_datum, f.debiteurnummer AS f_debiteur, f.bedrag AS f_bedrag, f.status AS f_status, f.geaccepteerd AS f_geaccepteerd
              FROM persoon_gemeenten pg JOIN personen p ON p.nr = pg.persoon_nr LEFT JOIN facturen f ON f.persoon_id = p.id
              WHERE pg.gemeentecode = ? AND p.uitgeschreven = 0 AND p.wet = 'WI2013' ORDER BY p.bsn`)
    .iterate(gc) as Iterable<PersoonRij & { f_nummer: string | null; f_datum: string; f_debiteur: string | null; f_bedrag: number; f_status: FactuurRij['status']; f_geaccepteerd: number }>;
  function* regels() {
    for (const r of rijen) {
      const factuur = r.f_nummer === null ? null : naarFactuur({ persoon_id: r.id, factuurnummer: r.f_nummer, factuurdatum: r.f_datum, debiteurnummer: r.f_debiteur, bedrag: r.f_bedrag, status: r.f_status, geaccepteerd: r.f_geaccepteerd, status_gewijzigd_op: null });
      yield pvtExtractRij({
        bsn: r.bsn, voornamen: r.voornamen, voorvoegsels: r.voorvoegsels, achternaam: r.achternaam, geslacht: r.geslacht, geboortedatum: r.geboortedatum,
        gemeenteEersteVestiging: r.gemeente_eerste_vestiging ? (gemeenten.get(r.gemeente_eerste_vestiging) ?? null) : null,
        gemeenteEindePvt: r.gemeente_einde_pvt ? (gemeenten.get(r.gemeente_einde_pvt) ?? null) : null,
        pvtPlichtig: r.pvt_plichtig, datumStartPvtPlicht: r.datum_start_pvt_plicht, datumEindePvtPlicht: r.datum_einde_pvt_plicht,
        datumStartDeelname: r.datum_start_deelname, datumEindeDeelname: r.datum_einde_deelname, datumVoldaan: r.datum_voldaan,
        redenNietVoldaan: r.reden_niet_voldaan, rechtOpMb: r.recht_op_mb, datumMbGemeldBijBzk: r.datum_mb_gemeld_bij_bzk, lening: r.lening === 1, factuur,
      });
    }
  }
  return schrijfCsv(PVT_EXTRACT_KOLOMMEN, regels());
}

function mbBestand(db: Db, gc: string, jaar: number): string {
  const gemeente = gemeenteNaam(db, gc)!;
  const rijen = db
    .prepare(`SELECT bsn, achternaam, voornamen FROM personen WHERE gemeente_eerste_vestiging = ? AND recht_op_mb = 'J' AND substr(datum_mb_gemeld_bij_bzk, 1, 4) = ? AND wet = 'WI2013' ORDER BY bsn`)
    .all(gc, String(jaar)) as { bsn: string; achternaam: string; voornamen: string }[];
  return schrijfCsv(MB_BESTAND_KOLOMMEN, rijen.map((p) => mbBestandRij(gemeente, p)));
}

async function zip(bestanden: Record<string, string>, datum: string): Promise<Buffer> {
  const z = new JSZip();
  const tijd = new Date(`${datum}T06:00:00Z`);
  for (const [naam, inhoud] of Object.entries(bestanden)) z.file(naam, inhoud, { date: tijd });
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * R-DL-1: DUO refreshes the files daily. The server makes a gemeente's files for the day when they
 * are first asked for that day, so a day nobody looks costs nothing.
 */
export async function zorgVoorBestanden(db: Db, gc: string, vandaag: string): Promise<void> {
  const actueel = db.prepare("SELECT 1 FROM bestanden WHERE gemeentecode = ? AND bestandsnaam = 'isi_pvt.zip' AND datum = ?").get(gc, vandaag);
  if (actueel) return;
  const nieuw: { bestandsnaam: string; omschrijving: string; inhoud: Buffer }[] = [];
  for (const b of bestandenVoorGemeente(mbJaren(db, gc))) {
    const jaar = mbJaarUitBestandsnaam(b.bestandsnaam);
    const inhoud = jaar === null
      ? { [csvNaamInZip(b.bestandsnaam, gc, vandaag)]: pvtExtract(db, gc), [LEGENDA_BESTANDSNAAM]: schrijfCsv(LEGENDA_KOLOMMEN, legendaRijen()), [DISCLAIMER_BESTANDSNAAM]: DISCLAIMER }
      : { [csvNaamInZip(b.bestandsnaam, gc, vandaag)]: mbBestand(db, gc, jaar), [DISCLAIMER_BESTANDSNAAM]: DISCLAIMER };
    nieuw.push({ ...b, inhoud: await zip(inhoud, vandaag) });
  }
  db.transaction(() => {
    db.prepare('DELETE FROM bestanden WHERE gemeentecode = ?').run(gc);
    for (const b of nieuw) {
      db.prepare('INSERT INTO bestanden (gemeentecode, bestandsnaam, omschrijving, datum, inhoud) VALUES (?, ?, ?, ?, ?)').run(gc, b.bestandsnaam, b.omschrijving, vandaag, b.inhoud);
    }
  })();
}

export function bestandenLijst(db: Db, gc: string): BestandRij[] {
  return db.prepare('SELECT omschrijving, datum, bestandsnaam FROM bestanden WHERE gemeentecode = ? ORDER BY bestandsnaam').all(gc) as BestandRij[];
}

export function leesBestand(db: Db, gc: string, bestandsnaam: string): Buffer | null {
  const rij = db.prepare('SELECT inhoud FROM bestanden WHERE gemeentecode = ? AND bestandsnaam = ?').get(gc, bestandsnaam) as { inhoud: Buffer } | undefined;
  return rij?.inhoud ?? null;
}
