import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { maskeerBsn } from '../shared/maskeer';
import { weigerGemeente } from '../shared/rules/gemeente';
import { weigerZonderLeesrol } from '../shared/rules/rollen';
import { ACHTERGROND_KOP, ACHTERGROND_WAARDE } from '../shared/rules/auth';
import { gebruikSessie, SESSIE_MAX_UREN, tokenHash } from './auth/sessies';
import type { Db } from './db/database';
import { Begrenzer } from './http/begrenzer';
import { Probleemfout, stuurProbleem, vanWeigering } from './http/probleem';
import type { Routecatalogus } from './http/route';
import type { Klok } from './klok';
import type { Omgeving } from './omgeving';
import { API_VERSIE } from './versie';
import { openapiRoutes } from './routes/openapi';
import { sessieRoutes } from './routes/sessies';
import { beheerRoutes } from './routes/beheer';
import { persoonRoutes } from './routes/personen';
import { factuurRoutes } from './routes/factuur';
import { signaalRoutes } from './routes/signalen';
import { bestandRoutes } from './routes/bestanden';
import { overigeRoutes } from './routes/overig';
import { wijzigingRoutes } from './routes/wijzigingen';
import { simulatieRoutes } from './routes/simulatie';

export interface ServerOpties {
  db: Db;
  klok: Klok;
  demo: boolean;
  /** A pino-compatible destination for the access log; none means no log. */
  logStream?: { write(regel: string): void };
  /** Requests per minute per valid session (429 beyond). */
  verzoekenPerMinuut?: number;
  /** Requests per minute per client address without a valid session (no token, or an unknown or expired one). */
  verzoekenZonderSessiePerMinuut?: number;
  /** Failed logins per account in 15 minutes before 429; per address it is four times this. */
  mislukteLogins?: number;
  /**
   * How many days an Idempotency-Key is kept (issue 12, finding 4): at least as long as any client
   * may retry a change, so a retry is never applied twice. Announced in GET /api/v1/status.
   */
  idempotentieDagen?: number;
  /** The absolute lifetime of a session in hours, however active (default SESSIE_MAX_UREN). */
  sessieMaxUren?: number;
}

/** The default of `idempotentieDagen`: longer than the 14 days an outbox keeps an entry. */
export const IDEMPOTENTIE_DAGEN = 30;

const BEVEILIGINGSKOPPEN = {
  'API-Version': API_VERSIE,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
};

function bepaalLogger(opties: ServerOpties): FastifyServerOptions['logger'] {
  if (!opties.logStream) return false;
  return {
    level: 'info',
    stream: opties.logStream,
    serializers: {
      // The route's pattern (`/api/v1/gemeenten/:gc/personen/:id`), never the raw path: a BSN can
      // hide in a path in more ways than nine plain digits (issue 12, finding 9).
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url ?? '(geen route)' }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function bouwServer(opties: ServerOpties): Promise<FastifyInstance> {
  const app = Fastify({
    logger: bepaalLogger(opties),
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A URL the router cannot read never reaches the hooks: answer it here, in the same form and
    // with the same headers, and without repeating the URL (it might hold a BSN).
    frameworkErrors: (fout, _req, reply) => {
      reply.headers(BEVEILIGINGSKOPPEN);
      const status = fout.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const probleem = new Probleemfout(status, 'Dit adres kan de server niet lezen. Controleer de URL.', { code: 'ONGELDIGE_URL' });
      void stuurProbleem(reply as unknown as FastifyReply, probleem);
    },
  });
  const omgeving: Omgeving = { db: opties.db, klok: opties.klok, demo: opties.demo, idempotentieDagen: opties.idempotentieDagen ?? IDEMPOTENTIE_DAGEN };
  const klokMs = () => opties.klok.nuEcht();
  // Issue 12, finding 3: a valid session is counted by its own token; everything else by the
  // client's address, so a flood of made-up tokens is one key, not one per token, and cannot use
  // up the limit of a colleague behind the same address who holds a valid session.
  const perSessie = new Begrenzer(opties.verzoekenPerMinuut ?? 1200, 60_000, { klok: klokMs });
  const zonderSessie = new Begrenzer(opties.verzoekenZonderSessiePerMinuut ?? 300, 60_000, { klok: klokMs });
  app.addHook('onClose', async () => {
    perSessie.stop();
    zonderSessie.stop();
  });

  // Only JSON is spoken: no text/plain parser, and an empty JSON body counts as no body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, tekst, klaar) => {
    const inhoud = String(tekst);
    if (inhoud.trim() === '') return klaar(null, undefined);
    try {
      klaar(null, JSON.parse(inhoud));
    } catch {
      klaar(new Probleemfout(400, 'De inhoud van het verzoek is geen geldige JSON.', { code: 'ONGELDIGE_JSON' }), undefined);
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(BEVEILIGINGSKOPPEN);
    return payload;
  });

  app.addHook('onRequest', async (req, reply) => {
    const toegang = req.routeOptions.config.toegang ?? 'open';
    const nu = opties.klok.nuEcht();
    if (toegang === 'open') return;
    const kop = req.headers.authorization;
    const token = kop?.startsWith('Bearer ') ? kop.slice(7).trim() : null;
    const achtergrond = req.headers[ACHTERGROND_KOP.toLowerCase()] === ACHTERGROND_WAARDE;
    const sessie = token ? gebruikSessie(opties.db, token, nu, { maxMs: (opties.sessieMaxUren ?? SESSIE_MAX_UREN) * 3_600_000, achtergrond }) : null;
    const [begrenzer, bron] = sessie ? [perSessie, `t:${tokenHash(token!)}`] : [zonderSessie, `a:${req.ip}`];
    const wacht = begrenzer.wachttijd(bron, nu);
    if (wacht > 0) {
      throw new Probleemfout(429, `U doet te veel verzoeken. Probeer het over ${wacht} seconden opnieuw.`, { headers: { 'Retry-After': String(wacht) } });
    }
    begrenzer.tel(bron, nu);
    if (!sessie) {
      throw new Probleemfout(401, token ? 'Uw sessie is verlopen. Log opnieuw in.' : 'U bent niet ingelogd. Log in om verder te gaan.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    req.gebruiker = sessie.gebruiker;
    reply.header('Sessie-Verloopt-Op', sessie.verlooptOp);
    if (toegang === 'beheerder' && sessie.gebruiker.beheerderVan.length === 0) {
      throw new Probleemfout(403, 'Alleen de Mijn DUO-beheerder van de gemeente kan dit doen.', { regel: 'R-AUTH-2' });
    }
    const gc = (req.params as { gc?: string }).gc;
    if (gc !== undefined && toegang === 'gebruiker') {
      if (!/^\d{4}$/.test(gc)) throw new Probleemfout(404, 'Deze gemeente bestaat niet.');
      const w = weigerGemeente(sessie.gebruiker.gemeenten, gc) ?? weigerZonderLeesrol(sessie.gebruiker.rollen);
      if (w) throw vanWeigering(w);
    }
  });

  app.addHook('preHandler', async (req, reply) => {
    const idempotencyKey = req.headers['idempotency-key'];
    if (!req.gebruiker || typeof idempotencyKey !== 'string' || !['POST', 'PUT', 'DELETE'].includes(req.method)) return;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idempotencyKey)) {
      throw new Probleemfout(400, 'De Idempotency-Key moet een UUID zijn.', { code: 'ONGELDIGE_SLEUTEL' });
    }
    const verzoekHash = createHash('sha256').update(`${req.method} ${req.url.split('?')[0]} ${JSON.stringify(req.body ?? null)}`).digest('hex');
    const gebruiker = req.gebruiker.gebruikersnaam;
    const nu = opties.klok.nuEcht();
    opties.db.prepare('DELETE FROM idempotentie WHERE aangemaakt < ?').run(nu - omgeving.idempotentieDagen * 24 * 3_600_000);
    const eerder = opties.db.prepare('SELECT verzoek_hash, status, headers, body FROM idempotentie WHERE gebruikersnaam = ? AND sleutel = ?').get(gebruiker, idempotencyKey) as
      | { verzoek_hash: string; status: number | null; headers: string | null; body: string | null }
      | undefined;
    if (!eerder) {
      opties.db.prepare('INSERT INTO idempotentie (gebruikersnaam, sleutel, verzoek_hash, aangemaakt) VALUES (?, ?, ?, ?)').run(gebruiker, idempotencyKey, verzoekHash, nu);
      req.idempotencyKey = idempotencyKey;
      return;
    }
    if (eerder.verzoek_hash !== verzoekHash) {
      throw new Probleemfout(422, 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Maak voor een nieuwe handeling een nieuwe sleutel.');
    }
    if (eerder.status === null) {
      throw new Probleemfout(409, 'Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.', { code: 'IN_BEHANDELING' });
    }
    reply.headers({ ...(JSON.parse(eerder.headers ?? '{}') as Record<string, string>), 'Idempotent-Replayed': 'true' });
    return reply.code(eerder.status).send(eerder.status === 204 ? undefined : eerder.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idempotencyKey = req.idempotencyKey;
    if (!idempotencyKey || !req.gebruiker) return payload;
    const status = reply.statusCode;
    if (status >= 500 || status === 401 || status === 429) {
      opties.db.prepare('DELETE FROM idempotentie WHERE gebruikersnaam = ? AND sleutel = ?').run(req.gebruiker.gebruikersnaam, idempotencyKey);
      return payload;
    }
    const bewaard: Record<string, string> = {};
    for (const naam of ['content-type', 'etag', 'location']) {
      const waarde = reply.getHeader(naam);
      if (waarde !== undefined) bewaard[naam] = String(waarde);
    }
    opties.db
      .prepare('UPDATE idempotentie SET status = ?, headers = ?, body = ? WHERE gebruikersnaam = ? AND sleutel = ?')
      .run(status, JSON.stringify(bewaard), typeof payload === 'string' ? payload : payload === null || payload === undefined ? '' : String(payload), req.gebruiker.gebruikersnaam, idempotencyKey);
    return payload;
  });

  app.setErrorHandler((fout, req, reply) => {
    if (fout instanceof Probleemfout) return stuurProbleem(reply, fout);
    const f = fout as { code?: string; statusCode?: number };
    if (f.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || f.statusCode === 415) {
      return stuurProbleem(reply, new Probleemfout(415, 'Stuur de gegevens als JSON (Content-Type: application/json).'));
    }
    if (f.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || f.statusCode === 413) {
      return stuurProbleem(reply, new Probleemfout(413, 'Het verzoek is te groot.'));
    }
    if (f.statusCode && f.statusCode >= 400 && f.statusCode < 500) {
      return stuurProbleem(reply, new Probleemfout(f.statusCode, 'Het verzoek kon niet worden verwerkt. Controleer het verzoek en probeer het opnieuw.'));
    }
    req.log.error({ err: { type: (fout as Error).name, message: maskeerBsn((fout as Error).message ?? '') } }, 'interne fout');
    return stuurProbleem(reply, new Probleemfout(500, 'Er ging iets mis bij de server. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de beheerder.'));
  });

  app.setNotFoundHandler((_req, reply) =>
    stuurProbleem(reply, new Probleemfout(404, 'Deze route bestaat niet. Zie /api/v1/openapi.json voor de beschikbare routes.')),
  );

  const catalogus: Routecatalogus = [];
  sessieRoutes(app, catalogus, omgeving, { mislukteLogins: opties.mislukteLogins ?? 5 });
  beheerRoutes(app, catalogus, omgeving);
  persoonRoutes(app, catalogus, omgeving);
  factuurRoutes(app, catalogus, omgeving);
  signaalRoutes(app, catalogus, omgeving);
  bestandRoutes(app, catalogus, omgeving);
  overigeRoutes(app, catalogus, omgeving);
  wijzigingRoutes(app, catalogus, omgeving);
  if (opties.demo) simulatieRoutes(app, catalogus, omgeving);
  openapiRoutes(app, catalogus, omgeving);
  return app;
}

