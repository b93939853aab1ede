import { onBeforeUnmount, toRaw } from 'vue';
import { useConceptenStore } from '../stores/concepten';
import { useSessieStore } from '../stores/sessie';

/**
 * A form that survives a lock: when the app locks while the form is open, what was typed is kept
 * (renderer memory only, stores/concepten.ts); the same user's unlock returns to the screen and
 * `herstel` puts it back. `versie`: the version of the person the form was filled from, so a
 * concept never lands on a person DUO changed meanwhile (the form then starts from DUO's state).
 */
export function useConcept<T extends object>(sleutel: () => string, formulier: T, versie: () => number | null = () => null) {
  const concepten = useConceptenStore();
  const sessie = useSessieStore();

  onBeforeUnmount(() => {
    // Only a lock: the screen goes because the session went, with the user's name kept for the unlock.
    if (!sessie.gebruiker && sessie.vergrendeldDoor) concepten.bewaar(sleutel(), structuredClone(toRaw(formulier)), versie());
  });

  /** Puts back what was typed before the lock; false when there is nothing to put back. */
  function herstel(): boolean {
    const concept = concepten.neem<T>(sleutel(), versie());
    if (!concept) return false;
    Object.assign(formulier, concept);
    return true;
  }

  return { herstel };
}
