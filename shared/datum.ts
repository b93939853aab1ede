/**
 * Calendar dates as the domain uses them: ISO `YYYY-MM-DD` strings when stored or sent,
 * `dd-mm-jjjj` when shown. Dates are civil dates without a time zone, so all arithmetic runs
 * in UTC to keep daylight saving time out of it.
 */
export type IsoDatum = string;

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const NL_DATUM = /^(\d{2})-(\d{2})-(\d{4})$/;
const DAG_MS = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` (so `2025-02-30` is false). */
export function isGeldigeDatum(waarde: string): boolean {
  const m = ISO_DATUM.exec(waarde);
  if (!m) return false;
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (jaar < 1800 || maand < 1 || maand > 12 || dag < 1) return false;
  return dag <= dagenInMaand(jaar, maand);
}

function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

function naarUtc(datum: IsoDatum): Date {
  if (!isGeldigeDatum(datum)) throw new RangeError(`Geen geldige datum: ${datum}`);
  return new Date(`${datum}T00:00:00Z`);
}

function vanUtc(d: Date): IsoDatum {
  return d.toISOString().slice(0, 10);
}

/**
 * The calendar date of a moment on this computer's clock, as `YYYY-MM-DD` (today without an
 * argument). For what the user sees and pre-checks only: ISI's date decides a rule.
 */
export function lokaleDatum(moment = new Date()): IsoDatum {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
}

export function plusDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return vanUtc(new Date(naarUtc(datum).getTime() + dagen * DAG_MS));
}

/**
 * Adds calendar months; a day that does not exist in the target month falls back to the last
 * day of that month (31 March minus one month is 28 or 29 February), as people count months.
 */
export function plusMaanden(datum: IsoDatum, maanden: number): IsoDatum {
  const d = naarUtc(datum);
  const totaal = d.getUTCFullYear() * 12 + d.getUTCMonth() + maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = totaal - jaar * 12 + 1;
  const dag = Math.min(d.getUTCDate(), dagenInMaand(jaar, maand));
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

export function dagenTussen(van: IsoDatum, tot: IsoDatum): number {
  return Math.round((naarUtc(tot).getTime() - naarUtc(van).getTime()) / DAG_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdag(datum: IsoDatum): number {
  const d = naarUtc(datum).getUTCDay();
  return d === 0 ? 7 : d;
}

/** `YYYY-MM-DD` → `dd-mm-jjjj`; null and empty stay empty. */
export function toonDatum(datum: IsoDatum | null | undefined): string {
  if (!datum) return '';
  const m = ISO_DATUM.exec(datum);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : datum;
}

/** `dd-mm-jjjj` → `YYYY-MM-DD`, or null when it is no real date. */
export function leesNlDatum(waarde: string): IsoDatum | null {
  const m = NL_DATUM.exec(waarde.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isGeldigeDatum(iso) ? iso : null;
}

export function jaarVan(datum: IsoDatum): number {
  return Number(datum.slice(0, 4));
}

/** First day of the quarter that `datum` falls in. */
export function kwartaalStart(datum: IsoDatum): IsoDatum {
  const maand = Number(datum.slice(5, 7));
  const startMaand = Math.floor((maand - 1) / 3) * 3 + 1;
  return `${datum.slice(0, 4)}-${String(startMaand).padStart(2, '0')}-01`;
}
