import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createVuetify } from 'vuetify';
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router';
import type { Uitkomst } from '../../../shared/ipc';
import type { Rol } from '../../../shared/rules/rollen';
import { useSessieStore } from '../../../renderer/stores/sessie';
import { routes } from '../../../renderer/router';

/** A successful answer of main, as the bridge returns it. */
export const gelukt = <T>(waarde: T): Uitkomst<T> => ({ ok: true, waarde });

/** A refusal of ISI as main passes it on. */
export function geweigerd(status: number, detail: string, extra: { regel?: string; fouten?: { veld: string; code: string; melding: string }[] } = {}): Uitkomst<never> {
  return { ok: false, probleem: { type: 'urn:test', title: 'Test', status, code: 'TEST', detail, ...extra } };
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
