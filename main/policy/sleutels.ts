import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { Beleid } from '../../shared/ipc';

/**
 * Every key of the managed configuration (docs/beleid.md): the five the renderer gets in
 * `app.info` (their ranges are the contract's), and those only main uses.
 */
export const Policy = z.object({
  ...Beleid.shape,
  /** On Linux without a keyring Electron keeps secrets under a fixed password ("basic_text"); only IT may accept that. */
  zwakkeSleutelopslagToestaan: z.boolean(),
  /** How many changes one `sync.pagina` asks of ISI (ISI allows 1 to 5000). */
  syncPaginaGrootte: z.number().int().min(10).max(5000),
  downloadMap: z.string().min(1).max(1000).refine(isAbsolute).optional(),
});
export type Policy = z.infer<typeof Policy>;
export type PolicySleutel = keyof Policy;

export const STANDAARD_POLICY: Policy = {
  vergrendelNaMinuten: 15,
  syncIntervalMinuten: 5,
  wissenNaDagenZonderSync: 14,
  cacheBijUitloggen: 'vragen',
  bestandenBewarenDagen: 30,
  zwakkeSleutelopslagToestaan: false,
  // ISI's largest page (API.md): a full sync of 100,000 persons in fewer round trips; an incremental sync brings few anyway.
  syncPaginaGrootte: 5000,
};

/** What only IT may set, in the machine policy: a user cannot weaken the key store or load ISI harder. */
export const ALLEEN_MACHINE = ['zwakkeSleutelopslagToestaan', 'syncPaginaGrootte'] as const satisfies readonly PolicySleutel[];

/** The keys a user may set in config.json; the machine policy still wins over them. */
export const GebruikersBeleid = Policy.omit({ zwakkeSleutelopslagToestaan: true, syncPaginaGrootte: true }).partial();

/** What IT may set in the machine policy: every key, none required, nothing unknown. */
export const MachineBeleid = z.strictObject(Policy.partial().shape);

const getal = (s: z.ZodNumber) => `een geheel getal van ${s.minValue} tot en met ${s.maxValue}`;

/** What each key accepts, in the words of the error messages and docs/beleid.md. */
export const TOEGESTAAN: Record<PolicySleutel, string> = {
  vergrendelNaMinuten: getal(Beleid.shape.vergrendelNaMinuten),
  syncIntervalMinuten: getal(Beleid.shape.syncIntervalMinuten),
  wissenNaDagenZonderSync: getal(Beleid.shape.wissenNaDagenZonderSync),
  cacheBijUitloggen: Beleid.shape.cacheBijUitloggen.options.map((o) => `"${o}"`).join(' of '),
  bestandenBewarenDagen: getal(Beleid.shape.bestandenBewarenDagen),
  zwakkeSleutelopslagToestaan: 'true of false',
  syncPaginaGrootte: getal(Policy.shape.syncPaginaGrootte),
  downloadMap: 'een absoluut pad naar een map',
};

/** A parse-time error map: a wrong value of a policy key says, in Dutch, what the key accepts. */
export function beleidsmelding(issue: z.core.$ZodRawIssue): string | undefined {
  const sleutel = issue.path?.[0];
  return typeof sleutel === 'string' && sleutel in TOEGESTAAN ? `moet ${TOEGESTAAN[sleutel as PolicySleutel]} zijn` : undefined;
}
