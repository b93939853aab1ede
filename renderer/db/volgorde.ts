import { vergelijkSignalen as signaalVolgorde, type SignaalSorteerkolom } from '../../shared/rules/signalen';
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

/** R-SIG-5 (shared/rules/signalen.ts `vergelijkSignalen`): ISI's order, for the sort text ISI takes. */
export function vergelijkSignalen(sorteer: string | undefined): (a: SignaalInLijst, b: SignaalInLijst) => number {
  return signaalVolgorde(leesSortering<SignaalSorteerkolom>(sorteer ?? 'bsn'));
}
