import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { activatiecodeGeldigTot } from '../../shared/rules/auth';
import { Activatiecode, GemeenteRef, NieuweGebruiker, Rol } from '../../shared/schemas/api';
import { gemeenteNaam } from '../domein/gemeenten';
import { verstuurMail } from '../domein/mail';
import { Probleemfout } from '../http/probleem';
import { definieer, type Routecatalogus } from '../http/route';
import type { Omgeving } from '../omgeving';
import { activatiecodeHash, nieuweActivatiecode } from './sessies';

const AangemaakteGebruiker = z.object({ gebruikersnaam: z.string(), naam: z.string(), email: z.string(), rollen: z.array(Rol), gemeenten: z.array(GemeenteRef) }).meta({ id: 'AangemaakteGebruiker' });

/** R-AUTH-2: the Mijn DUO beheerder makes accounts, links roles, and mails activation codes. */
export function beheerRoutes(app: FastifyInstance, catalogus: Routecatalogus, { db, klok }: Omgeving): void {
  definieer(app, catalogus, {
    methode: 'POST',
    pad: '/api/v1/beheer/gebruikers',
    toegang: 'beheerder',
    tag: 'Beheer',
    samenvatting: 'Gebruikersaccount aanmaken en rollen koppelen (R-AUTH-2)',
    body: NieuweGebruiker,
    regel: 'R-AUTH-2',
    antwoord: { status: 201, schema: AangemaakteGebruiker },
    weigeringen: [400, 401, 403, 409],
    handler: ({ body, gebruiker, reply }) => {
      const eigen = new Set(gebruiker.beheerderVan.map((g) => g.code));
      const vreemd = body.gemeenten.filter((gc) => !eigen.has(gc));
      if (vreemd.length > 0) {
        throw new Probleemfout(403, `U bent geen beheerder van gemeente ${vreemd.join(', ')}.`, { regel: 'R-AUTH-2' });
      }
      if (db.prepare('SELECT 1 FROM gebruikers WHERE gebruikersnaam = ?').get(body.gebruikersnaam)) {
        throw new Probleemfout(409, `De gebruikersnaam '${body.gebruikersnaam}' bestaat al. Kies een andere gebruikersnaam.`, { code: 'BESTAAT_AL' });
      }
      const gemeenten = [...new Set(body.gemeenten)];
      db.transaction(() => {
        db.prepare("INSERT INTO gebruikers (gebruikersnaam, naam, email, soort, rollen, aangemaakt_op) VALUES (?, ?, ?, 'PERSOON', ?, ?)").run(
          body.gebruikersnaam, body.naam, body.email, JSON.stringify([...new Set(body.rollen)]), klok.nu().toISOString(),
        );
        for (const gc of gemeenten) db.prepare('INSERT INTO gebruiker_gemeenten (gebruikersnaam, gemeentecode, beheerder) VALUES (?, ?, 0)').run(body.gebruikersnaam, gc);
      })();
      reply.header('Location', `/api/v1/beheer/gebruikers/${encodeURIComponent(body.gebruikersnaam)}`);
      return { gebruikersnaam: body.gebruikersnaam, naam: body.naam, email: body.email, rollen: [...new Set(body.rollen)], gemeenten: gemeenten.map((gc) => gemeenteNaam(db, gc)) };
    },
  });

  definieer(app, catalogus, {
    methode: 'POST',
    pad: '/api/v1/beheer/gebruikers/:gebruikersnaam/activatiecodes',
    toegang: 'beheerder',
    tag: 'Beheer',
    samenvatting: 'Activatiecode (24 uur geldig) aanmaken en mailen (R-AUTH-2)',
    antwoord: { status: 201, schema: Activatiecode },
    weigeringen: [401, 403, 404],
    handler: ({ params, gebruiker }) => {
      const eigen = gebruiker.beheerderVan.map((g) => g.code);
      const doel = db
        .prepare(`SELECT DISTINCT u.gebruikersnaam, u.email FROM gebruikers u JOIN gebruiker_gemeenten gg ON gg.gebruikersnaam = u.gebruikersnaam
                  WHERE u.gebruikersnaam = ? AND u.soort = 'PERSOON' AND gg.beheerder = 0 AND gg.gemeentecode IN (${eigen.map(() => '?').join(',')})`)
        .get(params.gebruikersnaam, ...eigen) as { gebruikersnaam: string; email: string | null } | undefined;
      if (!doel) throw new Probleemfout(404, 'Deze gebruiker bestaat niet bij uw gemeente(n).');
      const code = nieuweActivatiecode();
      const geldigTot = activatiecodeGeldigTot(klok.nu()).toISOString();
      db.transaction(() => {
        db.prepare('UPDATE activatiecodes SET gebruikt = 1 WHERE gebruikersnaam = ?').run(doel.gebruikersnaam);
        db.prepare('INSERT INTO activatiecodes (code_hash, gebruikersnaam, geldig_tot) VALUES (?, ?, ?)').run(activatiecodeHash(code), doel.gebruikersnaam, geldigTot);
        if (doel.email) {
          verstuurMail(db, doel.email, 'Uw activatiecode voor Mijn DUO',
            `Uw activatiecode is ${code}. De code is 24 uur geldig (tot ${geldigTot}). Koppel uw eHerkenning aan uw account met uw gebruikersnaam en deze code.`, klok.nu(), gebruiker.gebruikersnaam);
        }
      })();
      return { activatiecode: code, geldigTot };
    },
  });
}
