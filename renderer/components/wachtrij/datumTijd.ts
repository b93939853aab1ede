import { lokaleDatum, toonDatum } from '../../../shared/datum';

/** `2026-11-28T20:41:07Z` as this computer's local "28-11-2026 21:41". */
export function toonDatumTijd(iso: string): string {
  const d = new Date(iso);
  return `${toonDatum(lokaleDatum(d))} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
