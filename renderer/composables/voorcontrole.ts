import { toRaw } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import { probleemVanWeigering } from '../../shared/probleem';
import type { Probleem } from '../../shared/schemas/api';
import type { Weigering } from '../../shared/rules/weigering';

// The problems the pre-check made: a form shows their field errors live from its own checks, not
// as they were at the moment of sending (useFoutenOverzicht). The problem itself is ISI's.
const UIT_VOORCONTROLE = new WeakSet<Probleem>();

/**
 * A refusal of a rule in `shared/rules`, run in the renderer before anything is sent: the very
 * problem ISI would answer (shared/probleem.ts), so a view shows both in one way (`useAanroep`'s
 * `probleem` and `veldfout`), and what the user typed stays.
 */
export function voorcontroleProbleem(w: Weigering): Probleem {
  const probleem = probleemVanWeigering(w);
  UIT_VOORCONTROLE.add(probleem);
  return probleem;
}

/** Whether the app's own pre-check made this problem (ISI's answers are never). */
export function uitVoorcontrole(probleem: Probleem): boolean {
  return UIT_VOORCONTROLE.has(toRaw(probleem));
}

export function geweigerd<T>(w: Weigering): Uitkomst<T> {
  return { ok: false, probleem: voorcontroleProbleem(w) };
}

/** Runs `actie` only when the pre-check found nothing. */
export async function naVoorcontrole<T>(weigering: Weigering | null, actie: () => Promise<Uitkomst<T>>): Promise<Uitkomst<T>> {
  return weigering ? geweigerd<T>(weigering) : actie();
}
