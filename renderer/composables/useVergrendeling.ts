import { onBeforeUnmount, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { pib } from '../bridge';
import { meldOnverwacht } from '../onverwacht';
import { useCacheStore } from '../stores/cache';
import { useSessieStore } from '../stores/sessie';
import { MELDING_HANDMATIG_VERGRENDELD, meldingVergrendeld } from '../teksten';

const ACTIVITEIT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export { meldingVergrendeld };

/** Ctrl+Shift+L (VERGRENDEL_SNELTOETS): the counter worker's habit of Windows+L, inside the app. */
export function isVergrendelToets(e: Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'key'>): boolean {
  return e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey && e.key.toLowerCase() === 'l';
}

/**
 * Auto-lock: after N idle minutes (policy) the data leave the screen, the cache key leaves the
 * renderer and main ends the ISI session; unlocking is logging in again. The cache and the outbox
 * stay on disk, encrypted, for the next login. "Vergrendelen" and its shortcut do the same at once.
 * The login screen then brings the user back to the screen they were on (`terug`), and the stores
 * keep what was typed for the same user (`sessie.eigenaar`).
 */
export function useVergrendeling(): { vergrendel: (handmatig: boolean) => Promise<void> } {
  const sessie = useSessieStore();
  const cacheStore = useCacheStore();
  const router = useRouter();
  const route = useRoute();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function vergrendel(handmatig: boolean): Promise<void> {
    if (!sessie.gebruiker) return;
    const minuten = cacheStore.beleid.vergrendelNaMinuten;
    const terug = route.fullPath;
    // The database is closed before main forgets the session, so no lock leaves it open behind it;
    // a close that fails is reported to main's log and the lock goes on (it was an unawaited promise).
    await cacheStore.sluit().catch((fout: unknown) => meldOnverwacht('vergrendelen', fout));
    await pib.sessie.vergrendel({});
    sessie.vergrendeld(handmatig ? MELDING_HANDMATIG_VERGRENDELD : meldingVergrendeld(minuten));
    await router.push({ name: 'inloggen', query: terug !== '/' ? { terug } : {} });
  }

  function herstart(): void {
    if (timer) clearTimeout(timer);
    timer = sessie.gebruiker ? setTimeout(() => void vergrendel(false), cacheStore.beleid.vergrendelNaMinuten * 60_000) : null;
  }

  for (const soort of ACTIVITEIT) window.addEventListener(soort, herstart, { passive: true, capture: true });
  watch([() => sessie.gebruiker, () => cacheStore.beleid.vergrendelNaMinuten], herstart, { immediate: true });
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    for (const soort of ACTIVITEIT) window.removeEventListener(soort, herstart, { capture: true });
  });
  return { vergrendel };
}
