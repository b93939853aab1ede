import { storeToRefs } from 'pinia';
import { computed, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Persoon, Probleem } from '../../shared/schemas/api';
import { usePersonenStore } from '../stores/personen';
import { useSessieStore } from '../stores/sessie';
import { useAanroep } from './useAanroep';

/**
 * What every form on a person (PVT gegevens, factuur) shares: the person of the route, loaded
 * fresh so the form starts from what is registered now (R-PVT-2); a reload after a version
 * conflict; and back to the search when the user picks another gemeente (R-GEM-1).
 */
export function useBewerktePersoon(vul: (p: Persoon) => void, probleem: Ref<Probleem | null>) {
  const personen = usePersonenStore();
  const { persoon } = storeToRefs(personen);
  const sessie = useSessieStore();
  const route = useRoute();
  const router = useRouter();
  const laden = useAanroep();

  const id = computed(() => String(route.params.id));
  const p = computed(() => (persoon.value?.id === id.value ? persoon.value : null));
  /** The person changed in the background while the form is open (the form keeps what was typed). */
  const bijgewerkt = computed(() => personen.persoonBijgewerkt === id.value);

  // The form is filled once per version of the person: a load that brings the same version
  // (the cache and a quick sync answer while the user types) leaves what was typed alone.
  let gevuld: number | null = null;
  function vulVersie(x: Persoon): void {
    if (gevuld === x.versie) return;
    gevuld = x.versie;
    vul(x);
  }

  async function laad(): Promise<void> {
    const x = await laden.voer(() => personen.haalPersoon(id.value));
    if (x) vulVersie(x);
  }

  async function herladen(): Promise<void> {
    probleem.value = null;
    gevuld = null;
    await laad();
  }

  if (p.value) vulVersie(p.value);
  void laad();
  watch(() => sessie.gekozenGemeenteCode, (nieuw, oud) => {
    // Only a switch to another gemeente; logging out has its own way to the login screen.
    if (nieuw && oud && nieuw !== oud) void router.push({ name: 'zoeken-personen' });
  });

  return { personen, sessie, router, laden, id, p, bijgewerkt, herladen };
}
