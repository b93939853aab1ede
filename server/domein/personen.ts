import { datumDefinitief, weigerPvtWijzigen, type RedenNietVoldaan } from '../../shared/rules/pvt';
import { factuurAanwezig, type FactuurStatus } from '../../shared/rules/factuur';
import type { Rol, Wet } from '../../shared/rules/rollen';
import type { Gemeente } from '../../shared/rules/gemeente';
import type { Factuur, Persoon } from '../../shared/schemas/api';
import { sql, volgendeSeq, type Db } from '../db/database';
import { alleGemeenten } from './gemeenten';

export interface PersoonRij {
  nr: number;
  id: string;
  bsn: string;
  voornamen: string;
  voorvoegsels: string | null;
  achternaam: string;
  geslacht: 0 | 1 | 2;
  geboortedatum: string;
  wet: Wet;
  inburgeringsplichtig: number;
  gemeentecode: string;
  overleden: number;
  uitgeschreven: number;
  lening: number;
  gemeente_eerste_vestiging: string | null;
  gemeente_einde_pvt: string | null;
  pvt_plichtig: 'J' | 'N' | null;
  datum_start_pvt_plicht: string | null;
  datum_einde_pvt_plicht: string | null;
  datum_start_deelname: string | null;
  datum_einde_deelname: string | null;
  datum_voldaan: string | null;
  reden_niet_voldaan: RedenNietVoldaan | null;
  datum_registratie: string | null;
  registratie_definitief: number;
  recht_op_mb: 'J' | 'N' | null;
  datum_mb_gemeld_bij_bzk: string | null;
  versie: number;
  seq: number;
}

export interface FactuurRij {
  persoon_id: string;
  factuurnummer: string;
  factuurdatum: string;
  debiteurnummer: string | null;
  bedrag: number;
  status: FactuurStatus | null;
  geaccepteerd: number;
  status_gewijzigd_op: string | null;
}

/** A person as one gemeente sees it: the row and how the person stands to that gemeente. */
export interface PersoonInGemeente {
  rij: PersoonRij;
  verblijf: 'WOONACHTIG' | 'VOORMALIG';
}

export function naarFactuur(f: FactuurRij | undefined): Factuur | null {
  if (!f) return null;
  return {
    factuurnummer: f.factuurnummer,
    factuurdatum: f.factuurdatum,
    debiteurnummer: f.debiteurnummer,
    bedrag: f.bedrag,
    status: f.status,
    geaccepteerd: f.geaccepteerd === 1,
  };
}

/**
 * A person in the PIB of gemeente `gc`: someone who lives there or lived there. Persons
 * uitgeschreven uit de BRP have left every PIB (R-ZP-5, the project's reading).
 */
export function leesPersoonInGemeente(db: Db, id: string, gc: string): PersoonInGemeente | null {
  const rij = db
    .prepare(`SELECT p.*, pg.verblijf AS pg_verblijf FROM personen p JOIN persoon_gemeenten pg ON pg.persoon_nr = p.nr AND pg.gemeentecode = ?
              WHERE p.id = ? AND p.uitgeschreven = 0`)
    .get(gc, id) as (PersoonRij & { pg_verblijf: 'WOONACHTIG' | 'VOORMALIG' }) | undefined;
  if (!rij) return null;
  const { pg_verblijf, ...persoon } = rij;
  return { rij: persoon, verblijf: pg_verblijf };
}

/** Whether person `id` was in the PIB of gemeente `gc` until uitgeschreven uit de BRP (so a 404 can say why). */
export function isUitgeschrevenUitGemeente(db: Db, id: string, gc: string): boolean {
  return db
    .prepare('SELECT 1 FROM personen p JOIN persoon_gemeenten pg ON pg.persoon_nr = p.nr AND pg.gemeentecode = ? WHERE p.id = ? AND p.uitgeschreven = 1')
    .get(gc, id) !== undefined;
}

export function leesPersoonOpBsn(db: Db, bsn: string): PersoonRij | null {
  return (db.prepare('SELECT * FROM personen WHERE bsn = ?').get(bsn) as PersoonRij | undefined) ?? null;
}

export function leesPersoonOpId(db: Db, id: string): PersoonRij | null {
  return (db.prepare('SELECT * FROM personen WHERE id = ?').get(id) as PersoonRij | undefined) ?? null;
}

export function leesFactuur(db: Db, persoonId: string): Factuur | null {
  return naarFactuur(db.prepare('SELECT * FROM facturen WHERE persoon_id = ?').get(persoonId) as FactuurRij | undefined);
}

interface Tellingen {
  totaal: number;
  nieuw: number;
  inBehandeling: number;
  afgehandeld: number;
}

function signaalTellingen(db: Db, gc: string, ids: readonly string[]): Map<string, Tellingen> {
  const uit = new Map<string, Tellingen>();
  for (let i = 0; i < ids.length; i += 500) {
    const deel = ids.slice(i, i + 500);
    const rijen = db
      .prepare(`SELECT persoon_id, status, count(*) AS n FROM signalen WHERE gemeentecode = ? AND persoon_id IN (${deel.map(() => '?').join(',')}) GROUP BY persoon_id, status`)
      .all(gc, ...deel) as { persoon_id: string; status: string; n: number }[];
    for (const r of rijen) {
      const t = uit.get(r.persoon_id) ?? { totaal: 0, nieuw: 0, inBehandeling: 0, afgehandeld: 0 };
      t.totaal += r.n;
      if (r.status === 'NIEUW') t.nieuw += r.n;
      else if (r.status === 'IN_BEHANDELING') t.inBehandeling += r.n;
      else t.afgehandeld += r.n;
      uit.set(r.persoon_id, t);
    }
  }
  return uit;
}

function facturen(db: Db, ids: readonly string[]): Map<string, FactuurRij> {
  const uit = new Map<string, FactuurRij>();
  for (let i = 0; i < ids.length; i += 500) {
    const deel = ids.slice(i, i + 500);
    const rijen = db.prepare(`SELECT * FROM facturen WHERE persoon_id IN (${deel.map(() => '?').join(',')})`).all(...deel) as FactuurRij[];
    for (const r of rijen) uit.set(r.persoon_id, r);
  }
  return uit;
}

/** Persons as API.md shows them to this user in gemeente `gc`, counts and rights included. */
export function naarPersonen(db: Db, lijst: readonly PersoonInGemeente[], gc: string, rollen: readonly Rol[]): Persoon[] {
  const ids = lijst.map((p) => p.rij.id);
  const tellingen = signaalTellingen(db, gc, ids);
  const facturenPerId = facturen(db, ids);
  const gemeenten = alleGemeenten(db);
  const gemeente = (code: string | null): Gemeente | null => (code === null ? null : (gemeenten.get(code) ?? { code, naam: code }));
  return lijst.map(({ rij, verblijf }) => {
    const factuur = naarFactuur(facturenPerId.get(rij.id));
    const pvt = {
      datumStartDeelname: rij.datum_start_deelname,
      datumEindeDeelname: rij.datum_einde_deelname,
      datumVoldaan: rij.datum_voldaan,
      redenNietVoldaan: rij.reden_niet_voldaan,
    };
    const weigering = weigerPvtWijzigen(
      { ...pvt, wet: rij.wet, pvtPlichtig: rij.pvt_plichtig, datumEindePvtPlicht: rij.datum_einde_pvt_plicht, verblijf, registratieDefinitief: rij.registratie_definitief === 1 },
      rollen,
    );
    return {
      id: rij.id,
      bsn: rij.bsn,
      voornamen: rij.voornamen,
      voorvoegsels: rij.voorvoegsels,
      achternaam: rij.achternaam,
      geslacht: rij.geslacht,
      geboortedatum: rij.geboortedatum,
      wet: rij.wet,
      inburgeringsplichtig: rij.inburgeringsplichtig === 1,
      gemeentecode: rij.gemeentecode,
      verblijf,
      overleden: rij.overleden === 1,
      lening: rij.lening === 1,
      gemeenteEersteVestiging: gemeente(rij.gemeente_eerste_vestiging),
      gemeenteEindePvt: gemeente(rij.gemeente_einde_pvt),
      pvtPlichtig: rij.pvt_plichtig,
      datumStartPvtPlicht: rij.datum_start_pvt_plicht,
      datumEindePvtPlicht: rij.datum_einde_pvt_plicht,
      ...pvt,
      registratieDefinitief: rij.registratie_definitief === 1,
      registratieDefinitiefOp: rij.datum_registratie ? datumDefinitief(rij.datum_registratie) : null,
      rechtOpMb: rij.recht_op_mb,
      datumMbGemeldBijBzk: rij.datum_mb_gemeld_bij_bzk,
      factuurAanwezig: factuurAanwezig({ lening: rij.lening === 1, factuur }),
      factuur,
      signalen: tellingen.get(rij.id) ?? { totaal: 0, nieuw: 0, inBehandeling: 0, afgehandeld: 0 },
      magWijzigen: weigering === null,
      alleenLezenReden: weigering?.melding ?? null,
      versie: rij.versie,
    };
  });
}

export function naarPersoon(db: Db, p: PersoonInGemeente, gc: string, rollen: readonly Rol[]): Persoon {
  return naarPersonen(db, [p], gc, rollen)[0]!;
}

/** Every change to a person raises its version (ETag) and moves it up the sync sequence. */
export function markeerGewijzigd(db: Db, persoonId: string): void {
  sql(db, 'UPDATE personen SET versie = versie + 1, seq = ? WHERE id = ?').run(volgendeSeq(db), persoonId);
}

/** A signal change changes the person's counts, so the person moves up the sequence too. */
export function markeerVoorSync(db: Db, persoonId: string): void {
  sql(db, 'UPDATE personen SET seq = ? WHERE id = ?').run(volgendeSeq(db), persoonId);
}

export function registreerMutatie(db: Db, m: { tijd: string; gebruikersnaam: string; gemeentecode: string | null; actie: string; persoonId: string | null; oud?: unknown; nieuw?: unknown }): void {
  db.prepare('INSERT INTO mutaties (tijd, gebruikersnaam, gemeentecode, actie, persoon_id, oud, nieuw) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    m.tijd, m.gebruikersnaam, m.gemeentecode, m.actie, m.persoonId,
    m.oud === undefined ? null : JSON.stringify(m.oud), m.nieuw === undefined ? null : JSON.stringify(m.nieuw),
  );
}
