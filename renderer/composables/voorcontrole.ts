import type { Uitkomst } from '../../shared/ipc';
import type { Weigering } from '../../shared/rules/weigering';

/**
 * A refusal of a rule in `shared/rules`, run in the renderer before anything is sent, in the
 * same form as a refusal of ISI: so a view shows both in one way (`useAanroep`'s `probleem` and
 * `veldfout`), and what the user typed stays.
 */
export function geweigerd<T>(w: Weigering): Uitkomst<T> {
  return {
    ok: false,
    probleem: {
      type: `urn:pib:probleem:${w.regel.toLowerCase()}`,
      title: w.status === 403 ? 'Geen toegang' : 'Niet toegestaan',
      status: w.status,
      detail: w.melding,
      code: w.status === 403 ? 'GEEN_TOEGANG' : 'VOORCONTROLE',
      regel: w.regel,
      ...(w.fouten ? { fouten: w.fouten } : {}),
    },
  };
}

/** Runs `actie` only when the pre-check found nothing. */
export async function naVoorcontrole<T>(weigering: Weigering | null, actie: () => Promise<Uitkomst<T>>): Promise<Uitkomst<T>> {
  return weigering ? geweigerd<T>(weigering) : actie();
}
