import type { FastifyInstance } from 'fastify';
import {
  FACTUUR_BEDRAG_CENTEN, MELDING_GEEN_FACTUUR, weigerFactuurInvoer, weigerFactuurMuteren, weigerFactuurToevoegen,
  weigerGeaccepteerdeFactuur, weigerZonderRekeningnummer,
} from '../../shared/rules/factuur';
import { Factuur, FactuurInvoer } from '../../shared/schemas/api';
import { rekeningnummer } from '../domein/gemeenten';
import { leesFactuur, markeerGewijzigd, registreerMutatie } from '../domein/personen';
import { Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import { controleerIfMatch, zetEtag } from '../http/versie';
import type { Omgeving } from '../omgeving';
import { persoonVoorGebruiker } from './personen';

const PAD = '/api/v1/gemeenten/:gc/personen/:id/factuur';

/** R-FAC-1 … R-FAC-4: one invoice per person, the amount DUO's, changeable until accepted. */
export function factuurRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  const geenFactuur = () => new Probleemfout(404, MELDING_GEEN_FACTUUR, { regel: 'R-FAC-1' });

  definieer(app, catalogus, {
    methode: 'GET', pad: PAD, toegang: 'gebruiker', tag: 'Factuur',
    samenvatting: 'Factuur van de persoon, of 404 "Geen factuur gevonden."',
    antwoord: { status: 200, schema: Factuur }, weigeringen: [401, 403, 404],
    handler: ({ params, gebruiker, reply }) => {
      const p = persoonVoorGebruiker(db, params.id!, params.gc!, gebruiker);
      const factuur = leesFactuur(db, p.rij.id);
      if (!factuur) throw geenFactuur();
      zetEtag(reply, p.rij.versie);
      return factuur;
    },
  });

  function schrijf(methode: 'POST' | 'PUT') {
    definieer(app, catalogus, {
      methode, pad: PAD, toegang: 'gebruiker', tag: 'Factuur',
      samenvatting: methode === 'POST' ? 'Factuur toevoegen (R-FAC-1, R-FAC-2, R-FAC-3); het bedrag bepaalt DUO' : 'Factuur wijzigen zolang niet geaccepteerd (R-FAC-4)',
      body: FactuurInvoer, regel: 'R-FAC-2',
      antwoord: { status: methode === 'POST' ? 201 : 200, schema: Factuur },
      weigeringen: [400, 401, 403, 404, 409, 412],
      handler: ({ params, gebruiker, body, req, reply }) => {
        const gc = params.gc!;
        const { rij, verblijf } = persoonVoorGebruiker(db, params.id!, gc, gebruiker);
        weiger(weigerFactuurMuteren({ verblijf }, gebruiker.rollen));
        controleerIfMatch(req, rij.versie);
        const huidig = leesFactuur(db, rij.id);
        if (methode === 'PUT') weiger(weigerGeaccepteerdeFactuur(huidig));
        const invoer = { factuurnummer: body.factuurnummer.trim(), factuurdatum: body.factuurdatum.trim(), debiteurnummer: body.debiteurnummer?.trim() || null };
        weiger(weigerFactuurInvoer(invoer));
        weiger(weigerZonderRekeningnummer(rekeningnummer(db, gc)));
        if (methode === 'POST') weiger(weigerFactuurToevoegen({ lening: rij.lening === 1, datumVoldaan: rij.datum_voldaan, factuur: huidig, verblijf }));
        db.transaction(() => {
          // A new or changed invoice is (again) recorded by DUO and awaits the person's answer.
          db.prepare(
            `INSERT INTO facturen (persoon_id, factuurnummer, factuurdatum, debiteurnummer, bedrag, status, geaccepteerd, status_gewijzigd_op)
             VALUES (@id, @factuurnummer, @factuurdatum, @debiteurnummer, @bedrag, 2, 0, @vandaag)
             ON CONFLICT (persoon_id) DO UPDATE SET factuurnummer = excluded.factuurnummer, factuurdatum = excluded.factuurdatum,
               debiteurnummer = excluded.debiteurnummer, status = 2, geaccepteerd = 0, status_gewijzigd_op = excluded.status_gewijzigd_op`,
          ).run({ id: rij.id, ...invoer, bedrag: FACTUUR_BEDRAG_CENTEN, vandaag: klok.vandaag() });
          markeerGewijzigd(db, rij.id);
          registreerMutatie(db, { tijd: klok.nu().toISOString(), gebruikersnaam: gebruiker.gebruikersnaam, gemeentecode: gc, actie: methode === 'POST' ? 'FACTUUR_TOEGEVOEGD' : 'FACTUUR_GEWIJZIGD', persoonId: rij.id, oud: huidig, nieuw: invoer });
        })();
        zetEtag(reply, rij.versie + 1);
        return leesFactuur(db, rij.id);
      },
    });
  }
  schrijf('POST');
  schrijf('PUT');

  definieer(app, catalogus, {
    methode: 'DELETE', pad: PAD, toegang: 'gebruiker', tag: 'Factuur',
    samenvatting: 'Factuur verwijderen zolang niet geaccepteerd (R-FAC-4)',
    antwoord: { status: 204 }, weigeringen: [401, 403, 404, 409, 412],
    handler: ({ params, gebruiker, req }) => {
      const gc = params.gc!;
      const { rij, verblijf } = persoonVoorGebruiker(db, params.id!, gc, gebruiker);
      weiger(weigerFactuurMuteren({ verblijf }, gebruiker.rollen));
      controleerIfMatch(req, rij.versie);
      const huidig = leesFactuur(db, rij.id);
      weiger(weigerGeaccepteerdeFactuur(huidig));
      db.transaction(() => {
        db.prepare('DELETE FROM facturen WHERE persoon_id = ?').run(rij.id);
        markeerGewijzigd(db, rij.id);
        registreerMutatie(db, { tijd: klok.nu().toISOString(), gebruikersnaam: gebruiker.gebruikersnaam, gemeentecode: gc, actie: 'FACTUUR_VERWIJDERD', persoonId: rij.id, oud: huidig });
      })();
    },
  });
}
