/**
 * A run of nine or more digits may be a BSN: a log line never shows one (the reference server's
 * access log masks the same way, server/app.ts `veiligPad`). The length stays, so a reader still
 * sees that a number was there.
 */
export function maskeerBsn(tekst: string): string {
  return tekst.replace(/\d{9,}/g, (m) => '*'.repeat(m.length));
}

/** A URL path for a log line: without its query string and with every possible BSN masked. */
export function veiligPad(url: string): string {
  return maskeerBsn(url.split('?')[0]!);
}
