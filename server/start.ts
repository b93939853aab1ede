import type { FastifyInstance } from 'fastify';
import type { IsoDatum } from '../shared/datum';
import { bouwServer, type ServerOpties } from './app';
import { openDatabase, type Db } from './db/database';
import { haalDagwerkIn } from './domein/dagwerk';
import { STANDAARD_AANTALLEN, zaaiDemo } from './demo/seed';
import { Klok } from './klok';

/** What `bouwServer` takes, with the database as a file name: the server's settings are named once, in ServerOpties. */
export interface StartOpties extends Omit<ServerOpties, 'db' | 'klok'> {
  db: string;
  vandaag?: IsoDatum;
  /** Generated persons per demo gemeente; the default is 1,200 in 0014 and 360 in 0034. */
  personen?: number;
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
  const { db: pad, vandaag, personen, echteTijd, ...serverOpties } = opties;
  const db = openDatabase(pad);
  const klok = new Klok(vandaag ?? null, echteTijd);
  const leeg = db.prepare('SELECT count(*) AS n FROM gemeenten').get() as { n: number };
  if (opties.demo && leeg.n === 0) {
    const aantallen = personen === undefined ? STANDAARD_AANTALLEN : { '0014': personen, '0034': personen };
    zaaiDemo(db, klok.vandaag(), aantallen);
    db.exec('ANALYZE');
  }
  db.pragma('optimize');
  haalDagwerkIn(db, klok.vandaag());
  const app = await bouwServer({ ...serverOpties, db, klok });
  app.addHook('onClose', async () => {
    db.close();
  });
  return { app, db, klok };
}
