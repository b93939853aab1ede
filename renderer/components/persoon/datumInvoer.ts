import { leesNlDatum } from '../../../shared/datum';
import { veldfouten, type RegelId, type Weigering } from '../../../shared/rules/weigering';

export interface DatumInvoer {
  /** The field as the rules and problems name it. */
  veld: string;
  /** The `data-test` of its DatumVeld (the field's name when left out). */
  testId?: string;
  label: string;
  waarde: string | null | undefined;
}

/**
 * A typed date that is no real date (31-02-2025) is refused by DatumVeld on the spot, but its
 * model keeps the last good value. Before sending, compare what the user sees with what would be
 * sent, so that such a date is never silently dropped or replaced by an older one.
 */
export function weigerOnleesbareDatums(wortel: ParentNode, regel: RegelId, velden: DatumInvoer[]): Weigering | null {
  const fouten = velden.flatMap(({ veld, testId, label, waarde }) => {
    const invoer = wortel.querySelector<HTMLInputElement>(`[data-test="${testId ?? veld}"] input`);
    const tekst = invoer?.value.trim() ?? '';
    if (!invoer || invoer.disabled || tekst === '') return [];
    const gelezen = leesNlDatum(tekst);
    if (gelezen !== null && gelezen === waarde) return [];
    return [{ veld, code: 'ONGELDIGE_DATUM', melding: `Vul bij '${label}' een bestaande datum in als dd-mm-jjjj.` }];
  });
  return veldfouten(regel, fouten);
}
