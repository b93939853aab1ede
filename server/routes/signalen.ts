import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { schrijfCsv } from '../../shared/formats/csv';
import { signaalExportRij, SIGNAAL_EXPORT_KOLOMMEN } from '../../shared/rules/bestanden';
import { weigerSignaalFilters, weigerSignaalStatuswijziging } from '../../shared/rules/signalen';
import { Openstaand, SignalenLijst, SignalenZoekvraag, Statuswijziging, StatuswijzigingResultaat } from '../../shared/schemas/api';
import { aantalOpenstaand, alleSignalen, wijzigSignaalStatus, zoekSignalen } from '../domein/signalen';
import { registreerMutatie } from '../domein/personen';
import { Probleemfout, weiger } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';

export function signaalRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/gemeenten/:gc/signalen/_zoek', toegang: 'gebruiker', tag: 'Signalen',
    samenvatting: 'Zoeken signalen op BSN, code, datum en status (R-SIG-4); 10 per pagina (R-SIG-5)',
    body: SignalenZoekvraag, regel: 'R-SIG-4',
    antwoord: { status: 200, schema: SignalenLijst }, weigeringen: [400, 401, 403],
    handler: ({ body, params }) => {
      weiger(weigerSignaalFilters(body));
      return zoekSignalen(db, params.gc!, body);
    },
  });

  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/gemeenten/:gc/signalen/openstaand', toegang: 'gebruiker', tag: 'Signalen',
    samenvatting: 'Aantal signalen dat nog niet is afgehandeld (R-SIG-3)',
    antwoord: { status: 200, schema: Openstaand }, weigeringen: [401, 403],
    handler: ({ params }) => ({ aantal: aantalOpenstaand(db, params.gc!) }),
  });

  definieer(app, catalogus, {
    methode: 'POST', pad: '/api/v1/gemeenten/:gc/signalen/statuswijzigingen', toegang: 'gebruiker', tag: 'Signalen',
    samenvatting: 'Status van geselecteerde signalen wijzigen (R-SIG-6), alleen met WI2013MUT',
    body: Statuswijziging, regel: 'R-SIG-6',
    antwoord: { status: 201, schema: StatuswijzigingResultaat }, weigeringen: [400, 401, 403, 404],
    handler: ({ body, params, gebruiker }) => {
      weiger(weigerSignaalStatuswijziging(gebruiker.rollen, body.ids));
      const bijgewerkt = wijzigSignaalStatus(db, params.gc!, body.ids, body.status, klok.vandaag());
      if (bijgewerkt === null) throw new Probleemfout(404, 'Een of meer geselecteerde signalen bestaan niet (meer) bij deze gemeente. Zoek de signalen opnieuw.', { regel: 'R-SIG-6' });
      registreerMutatie(db, { tijd: klok.nu().toISOString(), gebruikersnaam: gebruiker.gebruikersnaam, gemeentecode: params.gc!, actie: 'SIGNAALSTATUS_GEWIJZIGD', persoonId: null, nieuw: { aantal: bijgewerkt, status: body.status } });
      return { bijgewerkt };
    },
  });

  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/gemeenten/:gc/signalen/export', toegang: 'gebruiker', tag: 'Signalen',
    samenvatting: 'Download alle signalen als CSV, ongeacht status of filters (R-SIG-7)',
    antwoord: { status: 200, type: 'text/csv', schema: z.string() }, weigeringen: [401, 403],
    handler: ({ params, reply }) => {
      const csv = schrijfCsv(SIGNAAL_EXPORT_KOLOMMEN, alleSignalen(db, params.gc!).map(signaalExportRij));
      reply.header('Content-Disposition', `attachment; filename="signalen_${params.gc}_${klok.vandaag().replaceAll('-', '')}.csv"`);
      return reply.code(200).type('text/csv; charset=utf-8').send(csv);
    },
  });
}
