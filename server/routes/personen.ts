import type { FastifyInstance } from 'fastify';
import { weigerBsn } from '../../shared/rules/bsn';
import { heeftRegistratie, isNieuweRegistratie, weigerPvtWijziging, weigerPvtWijzigen } from '../../shared/rules/pvt';
import { magWetRaadplegen } from '../../shared/rules/rollen';
import { weigerZoekcriteria } from '../../shared/rules/zoeken';
import { PersonenLijst, PersonenZoekvraag, Persoon, PvtWijziging } from '../../shared/schemas/api';
import { isUitgeschrevenUitGemeente, leesPersoonInGemeente, markeerGewijzigd, naarPersoon, registreerMutatie, type PersoonInGemeente } from '../domein/personen';
import { zoekPersonen } from '../domein/zoeken';
import { nietGevonden, Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import { controleerIfMatch, zetEtag } from '../http/versie';
import type { Omgeving } from '../omgeving';
import type { Db } from '../db/database';
import type { IngelogdeGebruiker } from '../auth/sessies';

export const MELDING_PERSOON_NIET_GEVONDEN = 'Deze persoon komt niet voor in de gegevens van de gekozen gemeente.';
export const MELDING_PERSOON_UITGESCHREVEN =
  'Deze persoon is uitgeschreven uit de BRP en staat daarom niet meer in de gegevens van uw gemeente. Zoek zo nodig opnieuw met het burgerservicenummer.';

/** A person in the chosen gemeente's PIB that this user may read: else 404, or 403 for another law. */
export function persoonVoorGebruiker(db: Db, id: string, gc: string, gebruiker: IngelogdeGebruiker): PersoonInGemeente {
  const geldig = /^[0-9a-f-]{36}$/i.test(id);
  const p = geldig ? leesPersoonInGemeente(db, id, gc) : null;
  if (!p) throw nietGevonden(geldig && isUitgeschrevenUitGemeente(db, id, gc) ? MELDING_PERSOON_UITGESCHREVEN : MELDING_PERSOON_NIET_GEVONDEN);
  if (!magWetRaadplegen(gebruiker.rollen, p.rij.wet)) {
    throw new Probleemfout(403, `Deze persoon valt onder een andere Wet inburgering (${p.rij.wet}). U hebt geen rol om deze gegevens in te zien.`, { regel: 'R-ROL-1' });
  }
  return p;
}

export function persoonRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'POST',
    pad: '/api/v1/gemeenten/:gc/personen/_zoek',
    toegang: 'gebruiker',
    tag: 'Personen',
    samenvatting: 'Zoeken personen met BSN (R-ZP-1) of met overige velden (R-ZP-2); de BSN staat in de body, nooit in de URL',
    body: PersonenZoekvraag,
    regel: 'R-ZP-2',
    antwoord: { status: 200, schema: PersonenLijst },
    weigeringen: [400, 401, 403],
    handler: ({ body, params }) => {
      if (body.bsn !== undefined) weiger(weigerBsn(body.bsn));
      else weiger(weigerZoekcriteria(body));
      return zoekPersonen(db, params.gc!, body);
    },
  });

  definieer(app, catalogus, {
    methode: 'GET',
    pad: '/api/v1/gemeenten/:gc/personen/:id',
    toegang: 'gebruiker',
    tag: 'Personen',
    samenvatting: 'Scherm van de persoon (R-PER-1); ETag is de versie',
    antwoord: { status: 200, schema: Persoon },
    weigeringen: [401, 403, 404],
    handler: ({ params, gebruiker, reply }) => {
      const p = persoonVoorGebruiker(db, params.id!, params.gc!, gebruiker);
      zetEtag(reply, p.rij.versie);
      return naarPersoon(db, p, params.gc!, gebruiker.rollen);
    },
  });

  definieer(app, catalogus, {
    methode: 'PUT',
    pad: '/api/v1/gemeenten/:gc/personen/:id/pvt',
    toegang: 'gebruiker',
    tag: 'Personen',
    samenvatting: 'PVT gegevens wijzigen (R-PVT-1 … R-PVT-6) met If-Match',
    body: PvtWijziging,
    regel: 'R-PVT-6',
    antwoord: { status: 200, schema: Persoon },
    weigeringen: [400, 401, 403, 404, 409, 412],
    handler: ({ params, gebruiker, body, req, reply }) => {
      const gc = params.gc!;
      const { rij, verblijf } = persoonVoorGebruiker(db, params.id!, gc, gebruiker);
      const huidig = {
        datumStartDeelname: rij.datum_start_deelname,
        datumEindeDeelname: rij.datum_einde_deelname,
        datumVoldaan: rij.datum_voldaan,
        redenNietVoldaan: rij.reden_niet_voldaan,
      };
      const persoon = { ...huidig, wet: rij.wet, pvtPlichtig: rij.pvt_plichtig, datumEindePvtPlicht: rij.datum_einde_pvt_plicht, verblijf, registratieDefinitief: rij.registratie_definitief === 1 };
      const toegang = weigerPvtWijzigen(persoon, gebruiker.rollen);
      if (toegang?.status === 403) weiger(toegang);
      controleerIfMatch(req, rij.versie);
      const vandaag = klok.vandaag();
      weiger(weigerPvtWijziging(persoon, gebruiker.rollen, body, vandaag));
      db.transaction(() => {
        const nieuweRegistratie = isNieuweRegistratie(huidig, body);
        db.prepare(
          `UPDATE personen SET datum_start_deelname = ?, datum_einde_deelname = ?, datum_voldaan = ?, reden_niet_voldaan = ?,
             datum_registratie = CASE WHEN ? THEN ? ELSE datum_registratie END,
             gemeente_einde_pvt = CASE WHEN ? IS NOT NULL THEN ? ELSE NULL END
           WHERE id = ?`,
        ).run(
          body.datumStartDeelname, body.datumEindeDeelname, body.datumVoldaan, body.redenNietVoldaan,
          nieuweRegistratie ? 1 : 0, heeftRegistratie(body) ? vandaag : null,
          body.datumVoldaan, gc,
          rij.id,
        );
        markeerGewijzigd(db, rij.id);
        registreerMutatie(db, { tijd: klok.nu().toISOString(), gebruikersnaam: gebruiker.gebruikersnaam, gemeentecode: gc, actie: 'PVT_GEWIJZIGD', persoonId: rij.id, oud: huidig, nieuw: body });
      })();
      const na = leesPersoonInGemeente(db, rij.id, gc)!;
      zetEtag(reply, na.rij.versie);
      return naarPersoon(db, na, gc, gebruiker.rollen);
    },
  });
}
