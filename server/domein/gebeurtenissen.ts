import { factuurAntwoord } from '../../shared/rules/factuur';
import { wistRedenBijNieuweTermijn } from '../../shared/rules/pvt';
import { signalenVoorGebeurtenis, type SignaalCode } from '../../shared/rules/signalen';
import type { Gebeurtenis } from '../../shared/schemas/api';
import { volgendeSeq, type Db } from '../db/database';
import { Probleemfout } from '../http/probleem';
import { bestaatGemeente } from './gemeenten';
import { leesFactuur, markeerGewijzigd, registreerMutatie, type PersoonRij } from './personen';
import { maakSignaal } from './signalen';

export interface GemaaktSignaal {
  id: string;
  code: SignaalCode;
  gemeentecode: string;
}

function wissel<T>(gegeven: T | undefined, huidig: T, anders: T): T {
  return gegeven !== undefined ? gegeven : huidig === anders ? huidig : anders;
}

/**
 * A DUO event on one person (demo mode): the change it makes and the signals its rule names
 * (R-SIG-10), all in one transaction. A value the event leaves out is flipped.
 */
export function verwerkGebeurtenis(db: Db, p: PersoonRij, g: Gebeurtenis, vandaag: string, tijd: string, gebeurtenisId: string): GemaaktSignaal[] {
  return db.transaction(() => {
    const bij = (kolom: string, waarde: unknown) => db.prepare(`UPDATE personen SET ${kolom} = ? WHERE id = ?`).run(waarde, p.id);
    let feiten: Parameters<typeof signalenVoorGebeurtenis>[0] = { type: g.type, gemeentecode: p.gemeentecode };
    switch (g.type) {
      case 'FACTUUR_GEACCEPTEERD':
      case 'FACTUUR_GEWEIGERD': {
        if (!leesFactuur(db, p.id)) throw new Probleemfout(409, 'Deze persoon heeft geen factuur om te accepteren of te weigeren.');
        const antwoord = factuurAntwoord(g.type === 'FACTUUR_GEACCEPTEERD');
        db.prepare('UPDATE facturen SET status = ?, geaccepteerd = ?, status_gewijzigd_op = ? WHERE persoon_id = ?').run(antwoord.status, antwoord.geaccepteerd ? 1 : 0, vandaag, p.id);
        break;
      }
      case 'VERHUISD': {
        const naar = g.naarGemeentecode;
        if (!naar || !bestaatGemeente(db, naar)) throw new Probleemfout(400, "Geef bij 'naarGemeentecode' een bestaande gemeente op.", { fouten: [{ veld: 'naarGemeentecode', code: 'VERPLICHT', melding: 'Geef een bestaande gemeente op.' }] });
        if (naar === p.gemeentecode) throw new Probleemfout(409, 'De persoon woont al in deze gemeente.');
        db.prepare("UPDATE persoon_gemeenten SET verblijf = 'VOORMALIG' WHERE persoon_nr = ?").run(p.nr);
        db.prepare("INSERT INTO persoon_gemeenten (gemeentecode, persoon_nr, verblijf) VALUES (?, ?, 'WOONACHTIG') ON CONFLICT DO UPDATE SET verblijf = 'WOONACHTIG'").run(naar, p.nr);
        bij('gemeentecode', naar);
        feiten = { ...feiten, naarGemeentecode: naar };
        break;
      }
      case 'PVT_PLICHT_GEWIJZIGD': {
        const nieuw = g.pvtPlichtig !== undefined ? g.pvtPlichtig : p.pvt_plichtig === 'J' ? 'N' : 'J';
        bij('pvt_plichtig', nieuw);
        feiten = { ...feiten, pvtPlichtigWordt: nieuw };
        break;
      }
      case 'INBURGERINGSPLICHT_GEWIJZIGD':
        bij('inburgeringsplichtig', wissel(g.inburgeringsplichtig, p.inburgeringsplichtig === 1, false) ? 1 : 0);
        break;
      case 'TERMIJN_GEWIJZIGD': {
        const start = g.datumStartPvtPlicht !== undefined ? g.datumStartPvtPlicht : p.datum_start_pvt_plicht;
        const einde = g.datumEindePvtPlicht !== undefined ? g.datumEindePvtPlicht : p.datum_einde_pvt_plicht;
        if (g.datumStartPvtPlicht === undefined && g.datumEindePvtPlicht === undefined) {
          throw new Probleemfout(400, "Geef 'datumStartPvtPlicht' en/of 'datumEindePvtPlicht' op.");
        }
        // R-PVT-8: a reason registered at the first overrun is cleared for the second; the mutation log keeps the history.
        if (wistRedenBijNieuweTermijn({ redenNietVoldaan: p.reden_niet_voldaan, datumEindePvtPlicht: p.datum_einde_pvt_plicht }, einde)) {
          db.prepare('UPDATE personen SET reden_niet_voldaan = NULL, datum_registratie = NULL, registratie_definitief = 0 WHERE id = ?').run(p.id);
          registreerMutatie(db, { tijd, gebruikersnaam: 'DUO', gemeentecode: p.gemeentecode, actie: 'REDEN_GESCHOOND', persoonId: p.id, oud: { redenNietVoldaan: p.reden_niet_voldaan, datumEindePvtPlicht: p.datum_einde_pvt_plicht } });
        }
        bij('datum_start_pvt_plicht', start);
        bij('datum_einde_pvt_plicht', einde);
        feiten = { ...feiten, startGewijzigd: start !== p.datum_start_pvt_plicht, eindeGewijzigd: einde !== p.datum_einde_pvt_plicht };
        break;
      }
      case 'MB_RECHT_GEWIJZIGD':
        bij('recht_op_mb', g.rechtOpMb !== undefined ? g.rechtOpMb : p.recht_op_mb === 'J' ? 'N' : 'J');
        break;
      case 'MB_GEMELD_BIJ_BZK':
        if (p.recht_op_mb !== 'J') throw new Probleemfout(409, 'Alleen een persoon met recht op maatschappelijke begeleiding kan bij BZK worden gemeld.');
        bij('datum_mb_gemeld_bij_bzk', g.datum ?? vandaag);
        break;
      case 'UITGESCHREVEN': {
        bij('uitgeschreven', 1);
        // The person leaves every PIB: each gemeente's cache deletes the person and the signals.
        const gemeenten = db.prepare('SELECT gemeentecode FROM persoon_gemeenten WHERE persoon_nr = ?').all(p.nr) as { gemeentecode: string }[];
        for (const { gemeentecode } of gemeenten) {
          db.prepare("INSERT INTO verwijderingen (seq, soort, id, gemeentecode, datum) VALUES (?, 'PERSOON', ?, ?, ?)").run(volgendeSeq(db), p.id, gemeentecode, vandaag);
        }
        const signalen = db.prepare('SELECT id, gemeentecode FROM signalen WHERE persoon_id = ?').all(p.id) as { id: string; gemeentecode: string }[];
        for (const s of signalen) {
          db.prepare("INSERT INTO verwijderingen (seq, soort, id, gemeentecode, datum) VALUES (?, 'SIGNAAL', ?, ?, ?)").run(volgendeSeq(db), s.id, s.gemeentecode, vandaag);
        }
        break;
      }
      case 'OVERLEDEN':
        bij('overleden', 1);
        break;
    }
    markeerGewijzigd(db, p.id);
    registreerMutatie(db, { tijd, gebruikersnaam: 'DUO', gemeentecode: p.gemeentecode, actie: `GEBEURTENIS_${g.type}`, persoonId: p.id, nieuw: { ...g, bsn: undefined } });
    const gemaakt: GemaaktSignaal[] = [];
    for (const s of signalenVoorGebeurtenis(feiten)) {
      const id = maakSignaal(db, { persoonId: p.id, gemeentecode: s.gemeentecode, code: s.code, datum: vandaag, sleutel: `gebeurtenis:${gebeurtenisId}` });
      if (id) gemaakt.push({ id, code: s.code, gemeentecode: s.gemeentecode });
    }
    return gemaakt;
  })();
}
