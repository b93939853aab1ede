import type { Persoon } from '../../../shared/schemas/api';
import { PERSOON_TEKSTEN as T } from '../../teksten/persoon';

export interface Toestand {
  soort: 'wet' | 'overleden' | 'vertrokken';
  tekst: string;
  uitleg?: string;
}

/**
 * What a counter worker must see first about a person (handbook §3.4, §3.12): the law (R-WET-1),
 * deceased (R-WET-1's "Persoon is overleden."), and moved out of the chosen gemeente (R-SIG-9).
 * The date of death is not part of what ISI gives (API.md `Persoon`), so none is shown.
 */
export function persoonToestand(p: Pick<Persoon, 'wet' | 'overleden' | 'verblijf'>): Toestand[] {
  const toestand: Toestand[] = [{ soort: 'wet', tekst: T.wet[p.wet] }];
  if (p.overleden) toestand.push({ soort: 'overleden', tekst: T.overleden });
  if (p.verblijf !== 'WOONACHTIG') toestand.push({ soort: 'vertrokken', tekst: T.vertrokken, uitleg: T.vertrokkenUitleg });
  return toestand;
}
