import { computed, nextTick, ref, watch, type Ref } from 'vue';
import type { Probleem } from '../../shared/schemas/api';
import type { Veldfout, Weigering } from '../../shared/rules/weigering';
import { FOUTEN_TEKSTEN as T } from '../teksten/formulieren';
import { kondigAan } from './useInBeeld';
import { uitVoorcontrole } from './voorcontrole';

/** The field errors of several checks as one list, one per field (the first check's), as the pattern asks. */
export function alleFouten(...weigeringen: (Weigering | null | undefined)[]): Veldfout[] {
  return uniek(weigeringen.flatMap((w) => w?.fouten ?? []));
}

function uniek(fouten: Veldfout[]): Veldfout[] {
  const gezien = new Set<string>();
  return fouten.filter((f) => {
    if (gezien.has(f.veld)) return false;
    gezien.add(f.veld);
    return true;
  });
}

/**
 * Issue 13, point 5: a form's errors all at once, beside each field and in one summary
 * (`FoutenOverzicht`), updated as the user corrects. `controle` runs the form's own checks
 * (the `shared/rules` functions) on what is typed now; after the first attempt to send it runs
 * live. ISI's field errors of the last send are shown beside them until the next send.
 */
export function useFoutenOverzicht(probleem: Ref<Probleem | null>, controle: () => Veldfout[]) {
  const geprobeerd = ref(false);
  const overzicht = ref<{ focus: () => void } | null>(null);
  // A date typed but not yet read (DatumVeld reads it on leaving the field) is seen in the DOM:
  // the form reports each committed field change (`change` bubbles), so the summary follows.
  const teller = ref(0);
  const opnieuw = (): void => void teller.value++;

  const eigen = computed(() => {
    void teller.value;
    return geprobeerd.value ? controle() : [];
  });
  const fouten = computed<Veldfout[]>(() => {
    const p = probleem.value;
    // Main's argument check names the path inside the call (`bestelling.email`), ISI the field.
    const vanIsi = p && !uitVoorcontrole(p) ? (p.fouten ?? []).map((f) => ({ ...f, veld: f.veld.replace(/^.*\./, '') })) : [];
    return uniek([...eigen.value, ...vanIsi]);
  });

  /** The messages of one field, for `:error-messages`. */
  function fout(veld: string): string[] {
    return fouten.value.filter((f) => f.veld === veld).map((f) => f.melding);
  }

  async function toonOverzicht(): Promise<void> {
    await nextTick();
    overzicht.value?.focus();
  }

  /** On "send": true when the form's own checks pass; else the summary is shown and focused. */
  async function controleer(): Promise<boolean> {
    geprobeerd.value = true;
    opnieuw();
    if (controle().length === 0) return true;
    await toonOverzicht();
    return false;
  }

  // Each correction is said: how many are left, or that all are corrected.
  watch(() => eigen.value.length, (nu, was) => {
    if (!geprobeerd.value || nu >= was) return;
    kondigAan(nu === 0 ? T.alleVerbeterd : T.nogFouten(nu));
  });
  // ISI refused fields: the summary takes the focus as for the form's own errors.
  watch(probleem, (p) => {
    if (p && !uitVoorcontrole(p) && (p.fouten?.length ?? 0) > 0) void toonOverzicht();
  });

  return { geprobeerd, fouten, fout, controleer, overzicht, opnieuw };
}
