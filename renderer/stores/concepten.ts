import { defineStore } from 'pinia';
import { watch } from 'vue';
import { useSessieStore } from './sessie';

/**
 * What was typed in a form when the session went (a lock) (issue 13, point 7): kept in memory only,
 * for the same user's next login, never shown to another user, and forgotten at logout. Forms whose
 * fields live in a store (the searches) keep them there; these are the forms that live in a screen.
 */
export const useConceptenStore = defineStore('concepten', () => {
  const sessie = useSessieStore();
  const concepten = new Map<string, { eigenaar: string; waarde: unknown; versie: number | null }>();

  function bewaar(eigenaar: string, id: string, waarde: unknown, versie: number | null): void {
    concepten.set(id, { eigenaar, waarde, versie });
  }

  /** The concept of this form for the user logged in, once: taken, it is gone. Null when none, or typed on another version of the person. */
  function neem<T>(id: string, versie: number | null = null): T | null {
    const c = concepten.get(id);
    if (!c || c.eigenaar !== sessie.gebruiker?.gebruikersnaam) return null;
    concepten.delete(id);
    return c.versie === versie ? (c.waarde as T) : null;
  }

  // Another user logs in: nothing of the first stays. A logout (no one holds the screens any more) forgets everything.
  watch(() => sessie.gebruiker?.gebruikersnaam ?? null, (naam) => {
    for (const [id, c] of concepten) if (naam && c.eigenaar !== naam) concepten.delete(id);
  });
  watch(() => sessie.eigenaar, (eigenaar) => {
    if (!eigenaar) concepten.clear();
  });

  return { bewaar, neem };
});
