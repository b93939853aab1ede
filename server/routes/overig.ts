import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { weigerBsn } from '../../shared/rules/bsn';
import { weigerContactbericht } from '../../shared/rules/contact';
import { magMuteren, MELDING_ALLEEN_RAADPLEGEN } from '../../shared/rules/rollen';
import { aantalVellen, WAARDEPAPIER_SOORTEN, weigerAantalSets, weigerBovenVerwachting } from '../../shared/rules/waardepapieren';
import { MELDING_GEEN_WET, wetUitkomst } from '../../shared/rules/wet';
import { Bestelbevestiging, BsnVraag, Contactbericht, Contactontvangst, Status, Waardepapierbestelling, Wetbepaling } from '../../shared/schemas/api';
import { gemeenteNaam } from '../domein/gemeenten';
import { verstuurMail } from '../domein/mail';
import { leesPersoonOpBsn, registreerMutatie } from '../domein/personen';
import { Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';
import { API_VERSIE } from '../versie';

export function overigeRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok, idempotentieDagen }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/status', toegang: 'open', tag: 'Overig',
    samenvatting: 'Of de server werkt, zijn datum van vandaag, en hoe lang hij een Idempotency-Key onthoudt',
    antwoord: { status: 200, schema: Status },
    handler: () => ({ status: 'ok', vandaag: klok.vandaag(), versie: API_VERSIE, idempotentieBewaarDagen: idempotentieDagen }),
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/gemeenten/:gc/wetbepalingen', toegang: 'gebruiker', tag: 'Overig',
    samenvatting: 'Onder welke wet valt een persoon (R-WET-1)',
    body: BsnVraag, regel: 'R-BSN-1',
    antwoord: { status: 200, schema: Wetbepaling }, weigeringen: [400, 401, 403, 404],
    handler: ({ body, params, gebruiker }) => {
      weiger(weigerBsn(body.bsn));
      const p = leesPersoonOpBsn(db, body.bsn);
      if (!p || p.uitgeschreven === 1) throw new Probleemfout(404, MELDING_GEEN_WET, { regel: 'R-WET-1' });
      const uitkomst = wetUitkomst({ wet: p.wet, overleden: p.overleden === 1, woonachtigInGemeente: p.gemeentecode === params.gc }, gebruiker.rollen);
      return {
        wet: p.wet,
        overleden: p.overleden === 1,
        woonachtigInGemeente: uitkomst.woonachtigInGemeente,
        magGegevensInzien: uitkomst.magGegevensInzien,
        ...(uitkomst.magGegevensInzien ? { persoonId: p.id } : {}),
        melding: uitkomst.meldingen.join(' '),
        meldingen: uitkomst.meldingen,
      };
    },
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/gemeenten/:gc/waardepapierbestellingen', toegang: 'gebruiker', tag: 'Overig',
    samenvatting: 'Waardepapieren bestellen in sets van 25, 1 tot 40 sets; boven 4 na bevestiging (R-WP-1)',
    body: Waardepapierbestelling, regel: 'R-WP-1',
    antwoord: { status: 201, schema: Bestelbevestiging }, weigeringen: [400, 401, 403, 409],
    handler: ({ body, params, gebruiker }) => {
      if (!magMuteren(gebruiker.rollen)) throw new Probleemfout(403, MELDING_ALLEEN_RAADPLEGEN, { regel: 'R-ROL-3' });
      weiger(weigerAantalSets(body.aantalSets));
      weiger(weigerBovenVerwachting(body.aantalSets, body.bevestigdBovenVerwachting === true));
      const gc = params.gc!;
      const teller = (db.prepare('SELECT count(*) AS n FROM bestellingen').get() as { n: number }).n + 1;
      const bestelnummer = `WP-${klok.vandaag().slice(0, 4)}-${String(teller).padStart(6, '0')}`;
      const vellen = aantalVellen(body.aantalSets);
      db.transaction(() => {
        db.prepare('INSERT INTO bestellingen (bestelnummer, gemeentecode, soort, aantal_sets, contactpersoon, email, besteld_door, besteld_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          bestelnummer, gc, body.soort, body.aantalSets, body.contactpersoon, body.email, gebruiker.gebruikersnaam, klok.nu().toISOString(),
        );
        verstuurMail(db, body.email, `Bevestiging bestelling ${bestelnummer}`,
          `Beste ${body.contactpersoon},\r\n\r\nWij hebben uw bestelling van ${body.aantalSets} set(s) ${WAARDEPAPIER_SOORTEN[body.soort]} (${vellen} vellen) voor gemeente ${gemeenteNaam(db, gc)?.naam ?? gc} ontvangen. De waardepapieren worden per aangetekende post verstuurd.\r\n\r\nDUO`,
          klok.nu(), gebruiker.gebruikersnaam);
        registreerMutatie(db, { tijd: klok.nu().toISOString(), gebruikersnaam: gebruiker.gebruikersnaam, gemeentecode: gc, actie: 'WAARDEPAPIEREN_BESTELD', persoonId: null, nieuw: { bestelnummer, aantalSets: body.aantalSets } });
      })();
      return { bestelnummer, aantalVellen: vellen };
    },
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/gemeenten/:gc/contactberichten', toegang: 'gebruiker', tag: 'Overig',
    samenvatting: 'Contactformulier van het Servicecentrum Inburgering (R-CON-1)',
    body: Contactbericht, regel: 'R-CON-1',
    antwoord: { status: 201, schema: Contactontvangst }, weigeringen: [400, 401, 403],
    handler: ({ body, params, gebruiker }) => {
      weiger(weigerContactbericht(body));
      const id = randomUUID();
      const ontvangenOp = klok.nu().toISOString();
      db.prepare('INSERT INTO contactberichten (id, gemeentecode, naam, email, mag_bellen, telefoonnummer, onderwerp, bericht, verzonden_door, ontvangen_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, params.gc!, body.naam.trim(), body.email.trim(), body.magBellen ? 1 : 0, body.telefoonnummer?.trim() || null, body.onderwerp, body.bericht, gebruiker.gebruikersnaam, ontvangenOp,
      );
      return { id, ontvangenOp };
    },
  });
}
