import { SIGNAAL_STATUSSEN, type SignaalSorteerkolom, type SignaalStatus } from '../../shared/rules/signalen';
import { leesSortering, type PersoonSorteerkolom } from '../../shared/rules/zoeken';
import type { PersoonInLijst, SignaalInLijst } from '../../shared/schemas/api';

/**
 * ISI's orders (server/domein/zoeken.ts and signalen.ts), reproduced on the sort memo. SQLite
 * compares text byte by byte (BINARY); JavaScript's `<` compares UTF-16 code units, which agrees
 * for every character outside the surrogate range, and the portal's data has none there.
 */
const tekst = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** R-ZP-5: the column (none sorting as '', as ISI's coalesce), then BSN ascending; BSN alone for BSN. */
export function vergelijkPersonen(sorteer: string | undefined): (a: PersoonInLijst, b: PersoonInLijst) => number {
  const { kolom, aflopend } = leesSortering<PersoonSorteerkolom>(sorteer ?? 'bsn');
  const richting = aflopend ? -1 : 1;
  if (kolom === 'bsn') return (a, b) => richting * tekst(a.bsn, b.bsn);
  return (a, b) => richting * tekst(a[kolom] ?? '', b[kolom] ?? '') || tekst(a.bsn, b.bsn);
}

/** R-SIG-5: status as Nieuw, In behandeling, Afgehandeld. */
const STATUS_RANG = new Map<SignaalStatus, number>(SIGNAAL_STATUSSEN.map((s, i) => [s, i]));

/** R-SIG-5: the column, then BSN, date and id ascending (ISI's order, also of its merged lists). */
export function vergelijkSignalen(sorteer: string | undefined): (a: SignaalInLijst, b: SignaalInLijst) => number {
  const { kolom, aflopend } = leesSortering<SignaalSorteerkolom>(sorteer ?? 'bsn');
  const richting = aflopend ? -1 : 1;
  const kolomVolgorde = kolom === 'status'
    ? (a: SignaalInLijst, b: SignaalInLijst) => STATUS_RANG.get(a.status)! - STATUS_RANG.get(b.status)!
    : (a: SignaalInLijst, b: SignaalInLijst) => tekst(a[kolom], b[kolom]);
  return (a, b) => richting * kolomVolgorde(a, b) || tekst(a.bsn, b.bsn) || tekst(a.datum, b.datum) || tekst(a.id, b.id);
}
