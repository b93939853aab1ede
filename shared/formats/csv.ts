/**
 * The CSV dialect of every file the ISI hands out (R-DL-3, R-DL-4, R-SIG-7): UTF-8 with a byte
 * order mark, `;` between fields, CRLF line ends, a header row, fields quoted only when needed,
 * so that Dutch Excel opens it as it is.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SCHEIDINGSTEKEN = ';';
export const CSV_REGELEINDE = '\r\n';

function veld(waarde: string | number | null | undefined): string {
  const tekst = waarde === null || waarde === undefined ? '' : String(waarde);
  return /[;"\r\n]/.test(tekst) || /^\s|\s$/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

export function csvRegel(velden: readonly (string | number | null | undefined)[]): string {
  return velden.map(veld).join(CSV_SCHEIDINGSTEKEN) + CSV_REGELEINDE;
}

export function schrijfCsv(kop: readonly string[], rijen: Iterable<readonly (string | number | null | undefined)[]>): string {
  const delen = [CSV_BOM, csvRegel(kop)];
  for (const rij of rijen) delen.push(csvRegel(rij));
  return delen.join('');
}
