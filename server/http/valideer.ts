import type { z } from 'zod';
import { detailVanVeldfouten } from '../../shared/probleem';
import { leesInvoer } from '../../shared/schemas/fouten';
import type { RegelId } from '../../shared/rules/weigering';
import { Probleemfout } from './probleem';

/**
 * Parses a request body with its schema from `shared/schemas`; all field errors at once, in
 * Dutch, under the rule the schema belongs to where there is one.
 */
export function valideer<T extends z.ZodType>(schema: T, waarde: unknown, regel?: RegelId): z.infer<T> {
  if (waarde === undefined || waarde === null || typeof waarde !== 'object' || Array.isArray(waarde)) {
    throw new Probleemfout(400, 'Het verzoek moet een JSON-object bevatten.', regel ? { regel } : {});
  }
  const uitkomst = leesInvoer(schema, waarde);
  if (uitkomst.ok) return uitkomst.waarde;
  const { fouten } = uitkomst;
  throw new Probleemfout(400, detailVanVeldfouten(fouten), { fouten, ...(regel ? { regel } : {}) });
}
