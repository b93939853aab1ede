import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Bestanden } from '../../shared/schemas/api';
import { bestandenLijst, leesBestand, zorgVoorBestanden } from '../domein/bestanden';
import { nietGevonden } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';

export function bestandRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/gemeenten/:gc/bestanden', toegang: 'gebruiker', tag: 'Bestanden',
    samenvatting: 'Downloaden bestanden: de lijst (R-DL-1)',
    antwoord: { status: 200, schema: Bestanden }, weigeringen: [401, 403],
    handler: async ({ params }) => {
      await zorgVoorBestanden(db, params.gc!, klok.vandaag());
      return bestandenLijst(db, params.gc!);
    },
  });

  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/gemeenten/:gc/bestanden/:bestandsnaam', toegang: 'gebruiker', tag: 'Bestanden',
    samenvatting: 'Een bestand als zip: CSV met de gemeentecode in de naam, legenda en disclaimer (R-DL-1 … R-DL-4)',
    antwoord: { status: 200, type: 'application/zip', schema: z.string().meta({ format: 'binary' }) }, weigeringen: [401, 403, 404],
    handler: async ({ params, reply }) => {
      await zorgVoorBestanden(db, params.gc!, klok.vandaag());
      const inhoud = leesBestand(db, params.gc!, params.bestandsnaam!);
      if (!inhoud) throw nietGevonden('Dit bestand bestaat niet (meer). Kies een bestand uit de lijst.');
      reply.header('Content-Disposition', `attachment; filename="${params.bestandsnaam}"`);
      return reply.code(200).type('application/zip').send(inhoud);
    },
  });
}
