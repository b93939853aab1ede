import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

/**
 * The reference server sends no real e-mail: it keeps what it would send, for the simulation, with
 * the user whose action caused it (`veroorzaaktDoor`), who alone may read it there (with their beheerder).
 */
export function verstuurMail(db: Db, aan: string, onderwerp: string, inhoud: string, tijd: Date, veroorzaaktDoor: string): void {
  db.prepare('INSERT INTO uitgaande_mail (id, aan, onderwerp, inhoud, verzonden_op, veroorzaakt_door) VALUES (?, ?, ?, ?, ?, ?)').run(randomUUID(), aan, onderwerp, inhoud, tijd.toISOString(), veroorzaaktDoor);
}
