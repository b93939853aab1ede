import { defineStore } from 'pinia';
import { watch } from 'vue';
import { useSessieStore } from './sessie';

/**
 * What was typed in a form when the app locked (issue 13, point 7): kept in memory only, for the
 * same user's unlock, and forgotten when anyone else logs in or the user logs out. Forms whose
 * fields live in a store (the searches) keep them there; these are the forms that live in a screen.
 */
export const useConceptenStore = defineStore('concepten', () => {
  const sessie = useSessieStore();
  const concepten = new Map<string, { waarde: unknown; versie: number | null }>();

  function bewaar(sleutel: string, waarde: unknown, versie: number | null): void {
    concepten.set(sleutel, { waarde, versie });
  }

  /** The concept of this form, once: taken, it is gone. Null when none, or when it was typed on another version of the person. */
  function neem<T>(sleutel: string, versie: number | null = null): T | null {
    const c = concepten.get(sleutel);
    concepten.delete(sleutel);
    return c && c.versie === versie ? (c.waarde as T) : null;
  }

  watch(() => sessie.eigenaar, () => concepten.clear());

  return { bewaar, neem };
});
