import { getCurrentScope, onScopeDispose, readonly, ref, watch, type Ref } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import type { Probleem } from '../../shared/schemas/api';
import { probleemVanFout } from '../onverwacht';
import { useSessieStore } from '../stores/sessie';
import { useSyncStore } from '../stores/sync';

/** How long a call runs before its spinner shows. */
const TRAAG_MS = 300;

/**
 * A busy state that turns true only once it has lasted `na` ms. A search answered from memory shows
 * its result in 50–100 ms: a spinner would only flash by, and mounting one is work for the screen in
 * the middle of drawing the answer (Vuetify's progress components measure their size as they
 * mount). A wait that lasts still shows one.
 */
export function useVertraagd(bezig: Readonly<Ref<boolean>>, na = TRAAG_MS): Readonly<Ref<boolean>> {
  const zichtbaar = ref(false);
  let klok: ReturnType<typeof setTimeout> | undefined;
  watch(bezig, (b) => {
    clearTimeout(klok);
    zichtbaar.value = false;
    if (b) klok = setTimeout(() => (zichtbaar.value = true), na);
  }, { immediate: true });
  if (getCurrentScope()) onScopeDispose(() => clearTimeout(klok));
  return readonly(zichtbaar);
}

/**
 * One call to main with its state: busy (and `traag`: busy for longer than a glance, for the
 * spinner of a read), and the problem that refused it, shown in place. A lost session sends the
 * user to the login screen with the reason; what was typed stays in the form.
 */
export function useAanroep() {
  const bezig = ref(false);
  const traag = useVertraagd(bezig);
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

  return { bezig, traag, probleem, voer, veldfout };
}

/** A fresh Idempotency-Key for one act of the user (API.md: writes carry one). */
export function nieuweIdempotencyKey(): string {
  return crypto.randomUUID();
}
