import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createVuetify } from 'vuetify';
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router';
import type { Uitkomst } from '../../../shared/ipc';
import type { Rol } from '../../../shared/rules/rollen';
import type { Persoon } from '../../../shared/schemas/api';
import type { Antwoord, Verzending } from '../../../shared/schemas/uitgaand';
import { useSessieStore } from '../../../renderer/stores/sessie';
import { routes } from '../../../renderer/router';

/** A successful answer of main, as the bridge returns it. */
export const gelukt = <T>(waarde: T): Uitkomst<T> => ({ ok: true, waarde });

/** A refusal of ISI as main passes it on. */
export function geweigerd(status: number, detail: string, extra: { regel?: string; fouten?: { veld: string; code: string; melding: string }[] } = {}): Uitkomst<never> {
  return { ok: false, probleem: { type: 'urn:test', title: 'Test', status, code: 'TEST', detail, ...extra } };
}

/**
 * `cache.sleutel` on a machine without a safe key store (main/vault): no offline cache, the app
 * works online only, straight from ISI. A real mode of the app; the screen tests run in it.
 */
export const GEEN_SLEUTELOPSLAG: Uitkomst<never> = {
  ok: false,
  probleem: {
    type: 'urn:pib:probleem:sleutelopslag_onveilig', title: 'Sleutelopslag niet veilig', status: 503, code: 'SLEUTELOPSLAG_ONVEILIG',
    detail: 'De sleutelopslag van het besturingssysteem is niet veilig genoeg om gegevens op deze computer te bewaren.',
  },
};

/** `uitgaand.verstuur`: ISI took the change; `antwoord` is its answer, `persoon` the person after it (PVT, invoice). */
export function verzonden(antwoord: Antwoord, persoon: Persoon | null = null): Uitkomst<Verzending> {
  return { ok: true, waarde: { uitkomst: 'VERZONDEN', antwoord, persoon } };
}

/** `uitgaand.verstuur`: ISI refused the change itself (400, 403, 404, 409, 412, 422), with its person as it is now. */
export function geweigerdDoorIsi(
  status: number, detail: string, extra: { code?: string; regel?: string; fouten?: { veld: string; code: string; melding: string }[] } = {}, serverStand: Persoon | null = null,
): Uitkomst<Verzending> {
  return { ok: true, waarde: { uitkomst: 'GEWEIGERD', probleem: { type: 'urn:test', title: 'Test', status, code: 'TEST', detail, ...extra }, serverStand } };
}

/** A fresh Pinia with a logged-in user of these roles, working for Groningen (and Almere). */
export function maakSessie(rollen: Rol[] = ['WI2013', 'WI2013MUT']) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const sessie = useSessieStore();
  sessie.sessie = {
    gebruiker: { gebruikersnaam: 'test', naam: 'Test Gebruiker', rollen, gemeenten: [{ code: '0014', naam: 'Groningen' }, { code: '0034', naam: 'Almere' }] },
    verlooptOp: '',
  };
  sessie.gekozenGemeenteCode = '0014';
  return { pinia, sessie };
}

/** Mounts a screen with the real routes (memory history) at `waar`, and waits for its first calls. */
export async function toon(scherm: Component, opties: { rollen?: Rol[]; waar?: RouteLocationRaw } = {}) {
  const { pinia, sessie } = maakSessie(opties.rollen);
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(opties.waar ?? '/');
  await router.isReady();
  const wrapper = mount(scherm, { global: { plugins: [pinia, router, createVuetify()] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, sessie, pinia };
}
