import { toonDatum } from '../../../shared/datum';

/** `2026-11-28T20:41:07Z` as this computer's local "28-11-2026 21:41". */
export function toonDatumTijd(iso: string): string {
  const d = new Date(iso);
  const dag = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${toonDatum(dag)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
