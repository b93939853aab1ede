import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

/** The reference server sends no real e-mail: it keeps what it would send, for the simulation. */
export function verstuurMail(db: Db, aan: string, onderwerp: string, inhoud: string, tijd: Date): void {
  db.prepare('INSERT INTO uitgaande_mail (id, aan, onderwerp, inhoud, verzonden_op) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), aan, onderwerp, inhoud, tijd.toISOString());
}
