import type { FastifyInstance } from 'fastify';
import type { IsoDatum } from '../shared/datum';
import { bouwServer } from './app';
import { openDatabase, type Db } from './db/database';
import { haalDagwerkIn } from './domein/dagwerk';
import { STANDAARD_AANTALLEN, zaaiDemo } from './demo/seed';
import { Klok } from './klok';

export interface StartOpties {
  db: string;
  demo: boolean;
  vandaag?: IsoDatum;
  /** Generated persons per demo gemeente; the default is 1,200 in 0014 and 360 in 0034. */
  personen?: number;
  logStream?: { write(regel: string): void };
  verzoekenPerMinuut?: number;
  verzoekenZonderSessiePerMinuut?: number;
  mislukteLogins?: number;
  idempotentieDagen?: number;
  sessieMaxUren?: number;
  /** The real clock (TOTP, idle sessions); tests pass their own to let time pass. */
  echteTijd?: () => number;
}

export interface Isi {
  app: FastifyInstance;
  db: Db;
  klok: Klok;
}

/**
 * Opens the database, seeds the demo data into an empty one, catches up on DUO's daily work for
 * the days the server did not run, and builds the HTTP server (not yet listening).
 */
export async function maakIsi(opties: StartOpties): Promise<Isi> {
  const db = openDatabase(opties.db);
  const klok = new Klok(opties.vandaag ?? null, opties.echteTijd);
  const leeg = db.prepare('SELECT count(*) AS n FROM gemeenten').get() as { n: number };
  if (opties.demo && leeg.n === 0) {
    const aantallen = opties.personen === undefined ? STANDAARD_AANTALLEN : { '0014': opties.personen, '0034': opties.personen };
    zaaiDemo(db, klok.vandaag(), aantallen);
    db.exec('ANALYZE');
  }
  db.pragma('optimize');
  haalDagwerkIn(db, klok.vandaag());
  const app = await bouwServer({
    db, klok, demo: opties.demo,
    ...(opties.logStream ? { logStream: opties.logStream } : {}),
    ...(opties.verzoekenPerMinuut ? { verzoekenPerMinuut: opties.verzoekenPerMinuut } : {}),
    ...(opties.verzoekenZonderSessiePerMinuut ? { verzoekenZonderSessiePerMinuut: opties.verzoekenZonderSessiePerMinuut } : {}),
    ...(opties.mislukteLogins ? { mislukteLogins: opties.mislukteLogins } : {}),
    ...(opties.idempotentieDagen ? { idempotentieDagen: opties.idempotentieDagen } : {}),
    ...(opties.sessieMaxUren ? { sessieMaxUren: opties.sessieMaxUren } : {}),
  });
  app.addHook('onClose', async () => {
    db.close();
  });
  return { app, db, klok };
}
