import { DATUMBEREIKEN, leesSortering, type PersoonSorteerkolom } from '../../shared/rules/zoeken';
import { factuurAanwezig } from '../../shared/rules/factuur';
import type { PersonenZoekvraag, PersoonInLijst } from '../../shared/schemas/api';
import type { Db } from '../db/database';

const FACTUUR_AANWEZIG_SQL = `CASE WHEN f.persoon_id IS NOT NULL THEN 'J' WHEN p.lening = 1 THEN 'N' ELSE 'NVT' END`;
const SIGNAAL_AANWEZIG_SQL = `CASE WHEN EXISTS (SELECT 1 FROM signalen s WHERE s.persoon_id = p.id AND s.gemeentecode = pg.gemeentecode) THEN 'J' ELSE 'N' END`;

const SORTEERKOLOMMEN: Record<PersoonSorteerkolom, string> = {
  bsn: 'p.bsn',
  voornaam: 'p.voornamen',
  achternaam: 'p.achternaam',
  geboortedatum: 'p.geboortedatum',
  pvtPlichtig: "coalesce(p.pvt_plichtig, '')",
  voldaan: "CASE WHEN p.datum_voldaan IS NULL THEN 'N' ELSE 'J' END",
  rechtOpMb: "coalesce(p.recht_op_mb, '')",
  factuurAanwezig: FACTUUR_AANWEZIG_SQL,
  signaalAanwezig: SIGNAAL_AANWEZIG_SQL,
};

const DATUMKOLOMMEN: Record<(typeof DATUMBEREIKEN)[number][0], string> = {
  startPvtPlichtVan: 'p.datum_start_pvt_plicht',
  eindePvtPlichtVan: 'p.datum_einde_pvt_plicht',
  startDeelnameVan: 'p.datum_start_deelname',
  eindeDeelnameVan: 'p.datum_einde_deelname',
};

/**
 * R-ZP-1, R-ZP-2, R-ZP-5: the persons of the gemeente's PIB (Wet inburgering 2013, never
 * uitgeschreven) that meet every given criterion, one page in the asked order, BSN breaking ties.
 */
export function zoekPersonen(db: Db, gc: string, vraag: PersonenZoekvraag): { items: PersoonInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
  const waar: string[] = ['pg.gemeentecode = @gc', 'p.uitgeschreven = 0', "p.wet = 'WI2013'"];
  const params: Record<string, string | number> = { gc };
  if (vraag.bsn) {
    waar.push('p.bsn = @bsn');
    params.bsn = vraag.bsn;
  }
  if (vraag.pvtPlichtig) {
    waar.push('p.pvt_plichtig = @pvtPlichtig');
    params.pvtPlichtig = vraag.pvtPlichtig;
  }
  for (const [van, tot] of DATUMBEREIKEN) {
    const kolom = DATUMKOLOMMEN[van];
    if (vraag[van]) {
      waar.push(`${kolom} >= @${van}`);
      params[van] = vraag[van];
    }
    if (vraag[tot]) {
      waar.push(`${kolom} <= @${tot}`);
      params[tot] = vraag[tot];
    }
  }
  if (vraag.voldaan) waar.push(vraag.voldaan === 'J' ? 'p.datum_voldaan IS NOT NULL' : 'p.datum_voldaan IS NULL');
  if (vraag.rechtOpMb) {
    waar.push('p.recht_op_mb = @rechtOpMb');
    params.rechtOpMb = vraag.rechtOpMb;
  }
  if (vraag.verblijf) {
    waar.push('pg.verblijf = @verblijf');
    params.verblijf = vraag.verblijf;
  }
  // R-ZP-6: "Nee" finds persons without an invoice who could get one (a DUO loan), not the N.v.t.
  if (vraag.factuurAanwezig) waar.push(vraag.factuurAanwezig === 'J' ? 'f.persoon_id IS NOT NULL' : 'f.persoon_id IS NULL AND p.lening = 1');

  const van = 'FROM persoon_gemeenten pg JOIN personen p ON p.nr = pg.persoon_nr LEFT JOIN facturen f ON f.persoon_id = p.id';
  const where = `WHERE ${waar.join(' AND ')}`;
  const sortering = leesSortering<PersoonSorteerkolom>(vraag.sorteer ?? 'bsn');
  const richting = sortering.aflopend ? 'DESC' : 'ASC';
  const volgorde = sortering.kolom === 'bsn' ? `p.bsn ${richting}` : `${SORTEERKOLOMMEN[sortering.kolom]} ${richting}, p.bsn ASC`;
  const paginaGrootte = vraag.paginaGrootte ?? 20;
  const pagina = vraag.pagina ?? 1;
  const rijen = db
    .prepare(`SELECT p.id, p.bsn, p.voornamen, p.achternaam, p.geboortedatum, p.pvt_plichtig, p.datum_voldaan, p.recht_op_mb, p.lening,
                     f.persoon_id IS NOT NULL AS heeft_factuur, ${SIGNAAL_AANWEZIG_SQL} AS signaal_aanwezig, count(*) OVER () AS totaal
              ${van} ${where} ORDER BY ${volgorde} LIMIT @limiet OFFSET @offset`)
    .all({ ...params, limiet: paginaGrootte, offset: (pagina - 1) * paginaGrootte }) as {
    id: string; bsn: string; voornamen: string; achternaam: string; geboortedatum: string; pvt_plichtig: 'J' | 'N' | null;
    datum_voldaan: string | null; recht_op_mb: 'J' | 'N' | null; lening: number; heeft_factuur: number; signaal_aanwezig: 'J' | 'N'; totaal: number;
  }[];
  // The window count rides along with the page in one pass; past the last page there is no row
  // to carry it, so only then is it counted separately.
  const totaal = rijen[0]?.totaal ?? (pagina === 1 ? 0 : (db.prepare(`SELECT count(*) AS n ${van} ${where}`).get(params) as { n: number }).n);
  return {
    items: rijen.map((r) => ({
      id: r.id,
      bsn: r.bsn,
      voornaam: r.voornamen,
      achternaam: r.achternaam,
      geboortedatum: r.geboortedatum,
      pvtPlichtig: r.pvt_plichtig,
      voldaan: r.datum_voldaan ? 'J' : 'N',
      rechtOpMb: r.recht_op_mb,
      factuurAanwezig: r.heeft_factuur ? 'J' : factuurAanwezig({ lening: r.lening === 1, factuur: null }),
      signaalAanwezig: r.signaal_aanwezig,
    })),
    totaal,
    pagina,
    paginaGrootte,
  };
}
