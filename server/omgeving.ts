import type { Db } from './db/database';
import type { Klok } from './klok';

/** What every part of the server works with: the database and the clock. */
export interface Omgeving {
  db: Db;
  klok: Klok;
  demo: boolean;
  /** How many days an Idempotency-Key is remembered (announced in GET /api/v1/status). */
  idempotentieDagen: number;
}
