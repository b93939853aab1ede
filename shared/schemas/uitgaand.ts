import { z } from 'zod';
import {
  Bestelbevestiging, Contactbericht, Contactontvangst, Factuur, FactuurInvoer, Gemeentecode, Id, Persoon, Probleem, PvtWijziging, SignaalStatus,
  StatuswijzigingResultaat, Waardepapierbestelling,
} from './api';

/**
 * A change the user made, as the outbox keeps it until ISI has it (ARCHITECTURE.md "the way of a
 * change"). One shape per kind of change the portal knows; `versie` is the person's version the
 * user saw, sent as If-Match.
 */
export const UitgaandeWijziging = z.discriminatedUnion('soort', [
  z.strictObject({ soort: z.literal('PVT'), gc: Gemeentecode, persoonId: Id, versie: z.number().int(), wijziging: PvtWijziging }),
  z.strictObject({ soort: z.literal('FACTUUR_OPSLAAN'), gc: Gemeentecode, persoonId: Id, versie: z.number().int(), nieuw: z.boolean(), invoer: FactuurInvoer }),
  z.strictObject({ soort: z.literal('FACTUUR_VERWIJDEREN'), gc: Gemeentecode, persoonId: Id, versie: z.number().int() }),
  z.strictObject({ soort: z.literal('SIGNAALSTATUS'), gc: Gemeentecode, ids: z.array(Id).min(1).max(5000), status: SignaalStatus.exclude(['NIEUW']) }),
  z.strictObject({ soort: z.literal('WAARDEPAPIEREN'), gc: Gemeentecode, bestelling: Waardepapierbestelling }),
  z.strictObject({ soort: z.literal('CONTACT'), gc: Gemeentecode, bericht: Contactbericht }),
]);
export type UitgaandeWijziging = z.infer<typeof UitgaandeWijziging>;
export type WijzigingSoort = UitgaandeWijziging['soort'];

/** ISI's answer to each kind of change (its OpenAPI document): a removed invoice has none. */
export const ANTWOORDEN = {
  PVT: Persoon,
  FACTUUR_OPSLAAN: Factuur,
  FACTUUR_VERWIJDEREN: z.null(),
  SIGNAALSTATUS: StatuswijzigingResultaat,
  WAARDEPAPIEREN: Bestelbevestiging,
  CONTACT: Contactontvangst,
} as const satisfies Record<WijzigingSoort, z.ZodType>;
/** ISI's answer to a change of kind `S` (any kind when not known). */
export type Antwoord<S extends WijzigingSoort = WijzigingSoort> = z.infer<(typeof ANTWOORDEN)[S]>;

/**
 * What became of one send. `VERZONDEN`: ISI took it; `antwoord` is its answer (`ANTWOORDEN`), and
 * `persoon` the person after it, so it can replace the local one. `GEWEIGERD`: ISI refused it (400, 403,
 * 404, 409, 412, 422); `serverStand` is the person as ISI has it now, to show beside the user's
 * change. A lost connection, a lost session or a server failure is neither: the send failed and
 * the entry waits for the next try (an `ok: false` across IPC). So is ISI's 409 `IN_BEHANDELING`
 * ("this key is still being handled"): that asks for a retry with the same key, not a refusal.
 */
export const Verzending = z.discriminatedUnion('uitkomst', [
  z.object({ uitkomst: z.literal('VERZONDEN'), antwoord: z.union([Persoon, Factuur, z.null(), StatuswijzigingResultaat, Bestelbevestiging, Contactontvangst]), persoon: Persoon.nullable() }),
  z.object({ uitkomst: z.literal('GEWEIGERD'), probleem: Probleem, serverStand: Persoon.nullable() }),
]);
export type Verzending = z.infer<typeof Verzending>;

/** The statuses at which ISI's answer is a refusal of the change itself, not a failure to deliver it. */
export const WEIGERINGSSTATUSSEN: readonly number[] = [400, 403, 404, 409, 412, 422];
