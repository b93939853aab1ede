import { onBeforeUnmount, watch } from 'vue';
import { useRouter } from 'vue-router';
import { pib } from '../bridge';
import { useCacheStore } from '../stores/cache';
import { useSessieStore } from '../stores/sessie';

const ACTIVITEIT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function meldingVergrendeld(minuten: number): string {
  return `De applicatie is vergrendeld na ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} zonder activiteit. Log opnieuw in om verder te werken; uw gegevens en wijzigingen zijn bewaard.`;
}

/**
 * Auto-lock: after N idle minutes (policy) the data leave the screen, the cache key leaves the
 * renderer and main ends the ISI session; unlocking is logging in again. The cache and the outbox
 * stay on disk, encrypted, for the next login.
 */
export function useVergrendeling(): void {
  const sessie = useSessieStore();
  const cacheStore = useCacheStore();
  const router = useRouter();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function vergrendel(): Promise<void> {
    const minuten = cacheStore.beleid.vergrendelNaMinuten;
    cacheStore.sluit();
    await pib.sessie.vergrendel({});
    sessie.verlopen(meldingVergrendeld(minuten));
    await router.push({ name: 'inloggen' });
  }

  function herstart(): void {
    if (timer) clearTimeout(timer);
    timer = sessie.gebruiker ? setTimeout(() => void vergrendel(), cacheStore.beleid.vergrendelNaMinuten * 60_000) : null;
  }

  for (const soort of ACTIVITEIT) window.addEventListener(soort, herstart, { passive: true, capture: true });
  watch([() => sessie.gebruiker, () => cacheStore.beleid.vergrendelNaMinuten], herstart, { immediate: true });
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    for (const soort of ACTIVITEIT) window.removeEventListener(soort, herstart, { capture: true });
  });
}
