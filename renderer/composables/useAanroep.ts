import { ref, watch } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import type { Probleem } from '../../shared/schemas/api';
import { probleemVanFout } from '../onverwacht';
import { useSessieStore } from '../stores/sessie';
import { useSyncStore } from '../stores/sync';

/**
 * One call to main with its state: busy, and the problem that refused it, shown in place. A lost
 * session sends the user to the login screen with the reason; what was typed stays in the form.
 */
export function useAanroep() {
  const bezig = ref(false);
  const probleem = ref<Probleem | null>(null);
  // "Geen verbinding" does not stay on screen beside *Online*: once ISI answers again it goes.
  watch(() => useSyncStore().online, (online) => {
    if (online && probleem.value?.status === 0) probleem.value = null;
  });

  async function voer<T>(actie: () => Promise<Uitkomst<T>>): Promise<T | null> {
    bezig.value = true;
    probleem.value = null;
    try {
      const uitkomst = await actie();
      if (uitkomst.ok) return uitkomst.waarde;
      probleem.value = uitkomst.probleem;
      if (uitkomst.probleem.status === 401) useSessieStore().verlopen(uitkomst.probleem.detail);
      return null;
    } catch (fout) {
      // The action threw instead of returning its outcome (the cache locked during a search): said in place, not lost.
      probleem.value = probleemVanFout(fout);
      return null;
    } finally {
      bezig.value = false;
    }
  }

  /**
   * The messages of one field, for `:error-messages`. Main's argument check names the path inside
   * the call (`bestelling.email`), ISI the field itself (`email`): both land at the field.
   */
  function veldfout(veld: string): string[] {
    return probleem.value?.fouten?.filter((f) => f.veld === veld || f.veld.endsWith(`.${veld}`)).map((f) => f.melding) ?? [];
  }

  return { bezig, probleem, voer, veldfout };
}

/** A fresh Idempotency-Key for one act of the user (API.md: writes carry one). */
export function nieuweIdempotencyKey(): string {
  return crypto.randomUUID();
}
