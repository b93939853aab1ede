/** One digit, plain or percent-encoded (`%39` is "9"), as a BSN can stand in a URL. */
const CIJFER = String.raw`(?:\d|%3\d)`;
/** What people and URLs put between the groups of a BSN: `994-002-026`, `9940.02.026`, `994 002 026`, and those percent-encoded. */
const SCHEIDING = String.raw`(?:[-. ]|%2[0DdEe])`;
const KETEN = new RegExp(`${CIJFER}+(?:${SCHEIDING}${CIJFER}+)*`, 'gi');
const TUSSEN = new RegExp(`(${SCHEIDING})`, 'i');

/** The digits of one group: a percent-encoded digit counts once. */
const aantalCijfers = (groep: string) => groep.replace(/%3/gi, '').length;
const sterren = (tekst: string) => '*'.repeat(tekst.length);

/**
 * Anything that may be a BSN is masked in a log line, by the app (main/log/logboek.ts) and by the
 * reference server (server/app.ts) alike: nine or more digits written together, percent-encoded
 * (`%39%39%34…`) or in at most three groups (`994-002-026`, `9940.02.026`). A longer chain of
 * groups (an IP address, a version) is kept, except a group of nine or more digits in it. The
 * length stays, so a reader still sees that a number was there.
 */
export function maskeerBsn(tekst: string): string {
  return tekst.replace(KETEN, (keten) => {
    // Split with the separators kept: the odd places are separators, the even ones groups.
    const delen = keten.split(TUSSEN);
    const groepen = delen.filter((_, i) => i % 2 === 0);
    if (groepen.length <= 3) return groepen.reduce((som, g) => som + aantalCijfers(g), 0) >= 9 ? sterren(keten) : keten;
    return delen.map((deel, i) => (i % 2 === 0 && aantalCijfers(deel) >= 9 ? sterren(deel) : deel)).join('');
  });
}

/** A URL path for a log line: without its query string and with every possible BSN masked. */
export function veiligPad(url: string): string {
  return maskeerBsn(url.split('?')[0]!);
}
