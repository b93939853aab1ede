import type { FastifyInstance } from 'fastify';
import { KOP_CURSOR, KOP_MEER, Wijzigingen } from '../../shared/schemas/api';
import { leesCursor, wijzigingenSinds } from '../domein/wijzigingen';
import { Probleemfout } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';

export function wijzigingRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'GET', pad: '/api/v1/gemeenten/:gc/wijzigingen', toegang: 'gebruiker', tag: 'Synchronisatie',
    samenvatting: 'Wijzigingen sinds een cursor, met verwijderingen, per pagina (voor de offline cache)',
    query: { vanaf: 'Cursor van de vorige pagina; zonder: alles vanaf het begin', limiet: 'Aantal per pagina (standaard 1000, hoogstens 5000)' },
    antwoord: { status: 200, schema: Wijzigingen }, weigeringen: [400, 401, 403, 410],
    handler: ({ params, query, gebruiker, reply }) => {
      const gc = params.gc!;
      const limiet = query.limiet === undefined ? 1000 : Number(query.limiet);
      if (!Number.isInteger(limiet) || limiet < 1 || limiet > 5000) {
        throw new Probleemfout(400, "'limiet' moet een geheel getal van 1 tot en met 5000 zijn.", { fouten: [{ veld: 'limiet', code: 'BUITEN_BEREIK', melding: "'limiet' moet een geheel getal van 1 tot en met 5000 zijn." }] });
      }
      const vanaf = query.vanaf === undefined || query.vanaf === '' ? null : leesCursor(query.vanaf, gc);
      const pagina = wijzigingenSinds(db, gc, vanaf, limiet, gebruiker.rollen);
      // Where the page leads, also in its headers: a client fetches the next page without reading this one first.
      reply.header(KOP_CURSOR, pagina.cursor).header(KOP_MEER, String(pagina.meer));
      return pagina;
    },
  });
}
