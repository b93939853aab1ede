import { z } from 'zod';
import { BELEID, GEBRUIKERSINSTELLINGEN, Policy } from '../../shared/beleid';

export { ALLEEN_MACHINE, beleidsmelding, Policy, STANDAARD_POLICY } from '../../shared/beleid';
export type { Beleidsnaam as PolicyNaam } from '../../shared/beleid';

/**
 * The schemas of the two kinds of source, derived from the declaration in shared/beleid.ts: the
 * organisation may set every key, a user only the `gebruiker` ones. Neither may name an unknown key.
 */
export const MachineBeleid = z.strictObject(Policy.partial().shape);

const Deels = Policy.partial();
/** Typed as every key (the declaration's scopes are values, not types); holds only the user's keys. */
export const GebruikersBeleid = z.object(Object.fromEntries(GEBRUIKERSINSTELLINGEN.map((k) => [k, Deels.shape[k]])) as typeof Deels.shape);

/** The raw schema of one key, for checking a single value (the Instellingen screen). */
export const instellingSchema = (k: (typeof GEBRUIKERSINSTELLINGEN)[number]) => BELEID[k].schema;
