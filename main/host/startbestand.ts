import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where browser mode writes the page that opens the app, inside the data folder. */
export const STARTBESTAND = 'browsermodus-openen.html';
/** Where browser mode remembers its port, so that the origin (and with it IndexedDB) stays the same. */
export const POORTBESTAND = 'browsermodus-poort.json';

/**
 * Writes `inhoud` to `pad` readable by this OS user alone: created 0600 under a temporary name
 * and renamed over the old one, so there is never a moment in which another user may read it.
 */
export function schrijfPrive(pad: string, inhoud: string): void {
  const tijdelijk = `${pad}.${process.pid}.tmp`;
  rmSync(tijdelijk, { force: true });
  const fd = openSync(tijdelijk, 'wx', 0o600);
  try {
    writeSync(fd, inhoud);
  } finally {
    closeSync(fd);
  }
  renameSync(tijdelijk, pad);
}

function html(tekst: string): string {
  return tekst.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The start file, as Jupyter writes one: the browser is started on this file's path, so the
 * secret never is an argument of the opener or of the browser (which any local user reads in
 * `ps`); the page forwards to the link with the secret in its fragment.
 */
export function schrijfStartbestand(dataMap: string, url: string): string {
  const pad = join(dataMap, STARTBESTAND);
  schrijfPrive(pad, `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${html(url)}"><title>Portal Inburgering openen</title></head>
<body><p>De app opent. Gebeurt er niets, open dan <a href="${html(url)}">deze link</a>. Hij werkt één keer; daarna staat hier een nieuwe.</p></body></html>
`);
  return pad;
}

/** The link the start file now forwards to (for the owner's own scripts and tests). */
export function leesStartUrl(dataMap: string): string {
  const inhoud = readFileSync(join(dataMap, STARTBESTAND), 'utf8');
  const gevonden = /url=([^"]+)"/.exec(inhoud);
  if (!gevonden) throw new Error(`${STARTBESTAND} noemt geen link`);
  return gevonden[1]!.replace(/&amp;/g, '&');
}

export function verwijderStartbestand(dataMap: string): void {
  rmSync(join(dataMap, STARTBESTAND), { force: true });
}

/** The port browser mode used last for this data folder, or null. */
export function leesPoort(dataMap: string): number | null {
  try {
    const { poort } = JSON.parse(readFileSync(join(dataMap, POORTBESTAND), 'utf8')) as { poort?: unknown };
    return Number.isInteger(poort) && (poort as number) > 0 && (poort as number) < 65536 ? (poort as number) : null;
  } catch {
    return null;
  }
}

export function onthoudPoort(dataMap: string, poort: number): void {
  schrijfPrive(join(dataMap, POORTBESTAND), `${JSON.stringify({ poort })}\n`);
}
