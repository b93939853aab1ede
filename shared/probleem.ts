import type { Probleem } from './schemas/api';
import { MELDING_VELDEN_ONJUIST, type Veldfout, type Weigering } from './rules/weigering';

/**
 * Who says it: the ISI reference server (and the app's pre-check of a handbook rule, which says
 * what ISI would say), or the app itself (no connection, a refused file, a locked vault).
 */
export type Herkomst = 'isi-referentie' | 'pib';

/** ISI's title per status (API.md); the app's own problems bring their own. */
export const ISI_TITELS: Readonly<Record<number, string>> = {
  400: 'Het verzoek is niet juist',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Niet toegestaan',
  410: 'Verlopen',
  412: 'Gegevens zijn intussen gewijzigd',
  413: 'Verzoek te groot',
  414: 'Adres te lang',
  415: 'Geen JSON',
  422: 'Sleutel al gebruikt',
  428: 'Versie ontbreekt',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
};

/** ISI's machine-readable code per status, unless the refusal names its own. */
export const ISI_CODES: Readonly<Record<number, string>> = {
  400: 'ONGELDIG_VERZOEK',
  401: 'NIET_INGELOGD',
  403: 'GEEN_TOEGANG',
  404: 'NIET_GEVONDEN',
  409: 'NIET_TOEGESTAAN',
  410: 'CURSOR_VERLOPEN',
  412: 'VERSIE_GEWIJZIGD',
  413: 'TE_GROOT',
  415: 'GEEN_JSON',
  422: 'SLEUTEL_HERGEBRUIKT',
  429: 'TE_VEEL_VERZOEKEN',
  500: 'INTERNE_FOUT',
};

export interface ProbleemVelden {
  status: number;
  code: string;
  title: string;
  detail: string;
  regel?: string | undefined;
  fouten?: Veldfout[] | undefined;
}

/**
 * The one way to make an RFC 9457 problem, in the one URN scheme `urn:<herkomst>:probleem:<code>`:
 * nobody writes a `type` by hand, so a problem's type always follows from its code.
 */
export function probleem(velden: ProbleemVelden, herkomst: Herkomst = 'pib'): Probleem {
  const { status, code, title, detail, regel, fouten } = velden;
  return {
    type: `urn:${herkomst}:probleem:${code.toLowerCase()}`,
    title,
    status,
    detail,
    code,
    ...(regel ? { regel } : {}),
    ...(fouten ? { fouten } : {}),
  };
}

/** The one message for a fault of the app itself, in main and in the renderer alike. */
export const MELDING_INTERNE_FOUT = 'Er ging iets mis in de applicatie. Probeer het opnieuw; wat u invulde blijft staan. Blijft dit gebeuren, neem dan contact op met uw beheerder.';

/** A fault of the app itself: its cause goes to the log, the user reads the one message. */
export function interneFout(): Probleem {
  return probleem({ status: 500, code: 'INTERNE_FOUT', title: 'Interne fout', detail: MELDING_INTERNE_FOUT });
}

/** ISI's problem for a status, titled and coded as ISI does unless the caller names its own code. */
export function isiProbleem(status: number, detail: string, extra: { code?: string; regel?: string; fouten?: Veldfout[] } = {}): Probleem {
  return probleem({ status, code: extra.code ?? ISI_CODES[status] ?? 'FOUT', title: ISI_TITELS[status] ?? 'Fout', detail, regel: extra.regel, fouten: extra.fouten }, 'isi-referentie');
}

/**
 * The one mapping from a rule's refusal to a problem: what ISI answers, and so what the app's
 * pre-check shows before anything is sent (tests/unit/server/weigering-probleem.test.ts holds
 * them to the same answer).
 */
export function probleemVanWeigering(w: Weigering): Probleem {
  return isiProbleem(w.status, w.melding, { regel: w.regel, ...(w.fouten ? { fouten: w.fouten } : {}) });
}

/** The detail for field errors: one field's own message says more than "not all fields are right". */
export function detailVanVeldfouten(fouten: readonly Veldfout[]): string {
  return fouten.length === 1 ? fouten[0]!.melding : MELDING_VELDEN_ONJUIST;
}
