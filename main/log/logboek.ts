import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Policy } from '../../shared/beleid';
import { ConfigFout } from '../config';
import { maskeerBsn } from '../../shared/maskeer';

export type Logboek = Logger;

/** The policy's Dutch levels as pino's. */
export const PINO_NIVEAU: Record<Policy['logNiveau'], pino.LevelWithSilent> = { uit: 'silent', fout: 'error', waarschuwing: 'warn', info: 'info', debug: 'debug' };

export const LOGBESTAND = 'portal-inburgering.log';

/**
 * A log file that never grows past `maxBytes`: when a line would take it past, it becomes
 * `.1.log` (the older ones shift to `.2` … `.bewaard`, the oldest is deleted) and a new file
 * starts. Written synchronously: the last lines before a crash are on disk.
 */
export function roterendBestand(map: string, opties: { maxBytes?: number; bewaard?: number } = {}): { write(regel: string): void; sluit(): void } {
  const maxBytes = opties.maxBytes ?? 5 * 1024 * 1024;
  const bewaard = opties.bewaard ?? 4;
  mkdirSync(map, { recursive: true });
  const pad = join(map, LOGBESTAND);
  const oud = (n: number) => join(map, LOGBESTAND.replace(/\.log$/, `.${n}.log`));
  let fd = openSync(pad, 'a', 0o600);
  let grootte = fstatSync(fd).size;
  const roteer = () => {
    closeSync(fd);
    if (existsSync(oud(bewaard))) rmSync(oud(bewaard));
    for (let n = bewaard - 1; n >= 1; n--) if (existsSync(oud(n))) renameSync(oud(n), oud(n + 1));
    renameSync(pad, oud(1));
    fd = openSync(pad, 'a', 0o600);
    grootte = 0;
  };
  return {
    write(regel: string) {
      const bytes = Buffer.from(regel, 'utf8');
      if (grootte > 0 && grootte + bytes.length > maxBytes) roteer();
      writeSync(fd, bytes);
      grootte += bytes.length;
    },
    sluit: () => closeSync(fd),
  };
}

/**
 * The log of main and of the browser-mode host: JSON lines (pino) in `map`, at the policy's level,
 * with every run of nine or more digits masked in the whole line, whatever field it is in.
 * Times are ISO strings, so no timestamp is mistaken for a BSN.
 */
export function maakLogboek(opties: { map: string; niveau: Policy['logNiveau']; maxBytes?: number; bewaard?: number }): Logboek {
  const bestand = roterendBestand(opties.map, opties);
  return pino(
    {
      level: PINO_NIVEAU[opties.niveau],
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: maskeerBsn },
    },
    { write: (regel: string) => bestand.write(regel) },
  );
}

/**
 * The log as the policy says (`logNiveau`, `logMap`, else `standaardMap`), the same for the
 * Electron entry and the browser-mode host; a log folder the app cannot write to stops the app.
 */
export function logboekVolgensBeleid(p: Pick<Policy, 'logMap' | 'logNiveau'>, standaardMap: string): Logboek {
  const map = p.logMap ?? standaardMap;
  try {
    return maakLogboek({ map, niveau: p.logNiveau });
  } catch (fout) {
    throw new ConfigFout(`In de logmap ${map} kan de app niet schrijven (${(fout as Error).message}). Vraag IT de instelling logMap te herstellen (zie docs/beleid.md).`);
  }
}

/** Silent until an entry sets the real one: tests and tools that set none write nothing. */
let procesLogboek: Logboek = pino({ level: 'silent' });

/**
 * The one log of this process, set once by the Electron entry or the browser-mode host when the
 * policy is read; what catches an unexpected error (main/ipc/verwerker.ts, the renderer's
 * reports) writes there without each service carrying it.
 */
export function zetLogboek(log: Logboek): void {
  procesLogboek = log;
}

export function logboek(): Logboek {
  return procesLogboek;
}
