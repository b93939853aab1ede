import { onBeforeUnmount, toRaw, watch } from 'vue';
import { useConceptenStore } from '../stores/concepten';
import { useSessieStore } from '../stores/sessie';

/**
 * A form that survives a lock: when the app locks while the form is open, what was typed is kept
 * (renderer memory only, stores/concepten.ts); the same user's unlock returns to the screen and
 * `herstel` puts it back. `versie`: the version of the person the form was filled from, so a
 * concept never lands on a person DUO changed meanwhile (the form then starts from DUO's state).
 */
export function useConcept<T extends object>(id: () => string, formulier: T, versie: () => number | null = () => null) {
  const concepten = useConceptenStore();
  const sessie = useSessieStore();

  // Kept at the moment the session goes (before the screen is taken away), so neither the order of
  // closing the cache, routing and unmounting nor a late answer of ISI decides what is kept.
  const stop = watch(() => sessie.gebruiker, (nu, voor) => {
    if (!nu && voor) concepten.bewaar(voor.gebruikersnaam, id(), structuredClone(toRaw(formulier)), versie());
  }, { flush: 'sync' });
  onBeforeUnmount(stop);

  /** Puts back what was typed before the lock; false when there is nothing to put back. */
  function herstel(): boolean {
    const concept = concepten.neem<T>(id(), versie());
    if (!concept) return false;
    Object.assign(formulier, concept);
    return true;
  }

  return { herstel };
}
