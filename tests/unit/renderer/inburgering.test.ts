// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createVuetify } from 'vuetify';
import { createRouter, createMemoryHistory } from 'vue-router';

vi.mock('../../../renderer/bridge', () => ({ pib: {} }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const InburgeringView = (await import('../../../renderer/views/InburgeringView.vue')).default;
const { routes } = await import('../../../renderer/router');

function maak(rollen: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessieStore().sessie = { gebruiker: { gebruikersnaam: 'x', naam: 'X', rollen: rollen as never, gemeenten: [{ code: '0014', naam: 'Groningen' }] }, verlooptOp: '' };
  const router = createRouter({ history: createMemoryHistory(), routes });
  return mount(InburgeringView, { global: { plugins: [pinia, router, createVuetify()] } });
}

describe('InburgeringView (R-ROL-2)', () => {
  it('R-ROL-2: WI2013 shows 01, 08, 10, 12, 17 with ELIP not as a link', () => {
    const w = maak(['WI2013']);
    expect(w.findAll('li').map((li) => li.attributes('data-test'))).toEqual(['menu-01', 'menu-08', 'menu-10', 'menu-12', 'menu-17']);
    expect(w.find('[data-test=menu-12] a').exists()).toBe(false);
    expect(w.find('[data-test=menu-08] a').attributes('href')).toBe('/personen');
  });

  it('R-ROL-2: WI2013MUT alone shows 01, 09, 11, 13, 17, 18', () => {
    const w = maak(['WI2013MUT']);
    expect(w.findAll('li').map((li) => li.attributes('data-test'))).toEqual(['menu-01', 'menu-09', 'menu-11', 'menu-13', 'menu-17', 'menu-18']);
  });
});
