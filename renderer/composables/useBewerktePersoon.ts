import { storeToRefs } from 'pinia';
import { computed, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Persoon, Probleem } from '../../shared/schemas/api';
import { usePersonenStore } from '../stores/personen';
import { useSessieStore } from '../stores/sessie';
import { useAanroep } from './useAanroep';

/**
 * What every form on a person (PVT gegevens, factuur) shares: the person of the route, loaded
 * fresh so the form starts from what is registered now (R-PVT-2); and back to the search when the user picks another gemeente (R-GEM-1).
 * On a version conflict (412) it fetches DUO's state now, for the form to show beside the user's
 * input; the user takes DUO's values (`neemDuo`) or keeps their own on DUO's version (`houdMijn`).
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

  /** DUO's state of the person after a 412, beside what the user typed; null while fetched or none. */
  const duo = ref<Persoon | null>(null);
  watch(() => probleem.value?.status, async (status) => {
    if (status !== 412) return;
    duo.value = null;
    const u = await personen.haalBijIsi(id.value);
    if (u.ok) duo.value = u.waarde;
    else laden.probleem.value = u.probleem;
  });

  function gaVerderOp(vullen: boolean): void {
    const x = duo.value;
    if (!x) return;
    probleem.value = null;
    duo.value = null;
    personen.toon(x);
    gevuld = x.versie;
    if (vullen) vul(x);
  }
  const neemDuo = (): void => gaVerderOp(true);
  const houdMijn = (): void => gaVerderOp(false);

  if (p.value) vulVersie(p.value);
  void laad();
  watch(() => sessie.gekozenGemeenteCode, (nieuw, oud) => {
    // Only a switch to another gemeente; logging out has its own way to the login screen.
    if (nieuw && oud && nieuw !== oud) void router.push({ name: 'zoeken-personen' });
  });

  return { personen, sessie, router, laden, id, p, bijgewerkt, duo, neemDuo, houdMijn };
}
