/**
 * A refusal by a rule of the handbook: the value every rule function returns instead of
 * throwing, so the server can answer it as problem+json and the app can show it in place.
 */
export const REGEL_IDS = [
  'R-ROL-1', 'R-ROL-2', 'R-ROL-3', 'R-GEM-1', 'R-AUTH-1', 'R-AUTH-2',
  'R-BSN-1', 'R-ZP-1', 'R-ZP-2', 'R-ZP-3', 'R-ZP-4', 'R-ZP-5', 'R-ZP-6', 'R-PER-1', 'R-PER-2',
  'R-PVT-1', 'R-PVT-2', 'R-PVT-3', 'R-PVT-4', 'R-PVT-5', 'R-PVT-6', 'R-PVT-7', 'R-PVT-8',
  'R-FAC-1', 'R-FAC-2', 'R-FAC-3', 'R-FAC-4', 'R-FAC-5',
  'R-SIG-1', 'R-SIG-2', 'R-SIG-3', 'R-SIG-4', 'R-SIG-5', 'R-SIG-6', 'R-SIG-7', 'R-SIG-8', 'R-SIG-9',
  'R-SIG-10', 'R-MB-1', 'R-MB-2', 'R-MB-3', 'R-DL-1', 'R-DL-2', 'R-DL-3', 'R-DL-4',
  'R-WET-1', 'R-WP-1', 'R-CON-1',
] as const;
export type RegelId = (typeof REGEL_IDS)[number];

export interface Veldfout {
  veld: string;
  code: string;
  melding: string;
}

/** 400: the request is wrong on its own; 403: not open to this user; 409: the state refuses it. */
export type WeigeringStatus = 400 | 403 | 404 | 409;

export interface Weigering {
  regel: RegelId;
  status: WeigeringStatus;
  melding: string;
  fouten?: Veldfout[];
}

export function weigering(regel: RegelId, status: WeigeringStatus, melding: string, fouten?: Veldfout[]): Weigering {
  return fouten && fouten.length > 0 ? { regel, status, melding, fouten } : { regel, status, melding };
}

export const MELDING_VELDEN_ONJUIST = 'Niet alle velden zijn goed ingevuld.';

/** Field errors of one rule as one refusal, or null when there are none. */
export function veldfouten(regel: RegelId, fouten: Veldfout[], melding = MELDING_VELDEN_ONJUIST): Weigering | null {
  return fouten.length > 0 ? weigering(regel, 400, melding, fouten) : null;
}

/**
 * Refusals that no change by the user can cure: the gemeente has no bank account at DUO (R-FAC-3),
 * the user's role does not allow it (R-ROL-2, R-ROL-3), the person moved away (R-SIG-9) or is not
 * PVT-plichtig (R-PVT-1). Trying again would be refused the same way, so the outbox offers only
 * "Verwerpen" for them.
 */
const ONHERSTELBAAR: readonly RegelId[] = ['R-FAC-3', 'R-ROL-2', 'R-ROL-3', 'R-SIG-9', 'R-PVT-1'];

/** Whether changing what was sent can make ISI take it; a 404 (the person or signal is gone) never can. */
export function herstelbaar(probleem: { status: number; regel?: string }): boolean {
  if (probleem.status === 404) return false;
  return !ONHERSTELBAAR.some((r) => r === probleem.regel);
}
