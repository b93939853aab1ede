// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, reactive } from 'vue';

// Issue 13, point 7: a form that lives in its screen keeps what was typed over a lock — for the
// same user only, and never past a logout. The bridge is mocked: only the logout reaches it.
const pib = vi.hoisted(() => ({ sessie: { uitloggen: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { useConcept } = await import('../../../renderer/composables/useConcept');

const sessieVan = (gebruikersnaam: string) => ({
  gebruiker: { gebruikersnaam, naam: gebruikersnaam, rollen: ['WI2013' as const], gemeenten: [{ code: '0014', naam: 'Groningen' }] },
  verlooptOp: '',
});

/** A screen with one form, as ContactView holds it: filled from the concept when it is set up. */
function scherm(versie: () => number | null = () => null) {
  let formulier!: { bericht: string };
  const Scherm = defineComponent({
    setup() {
      formulier = reactive({ bericht: '' });
      useConcept(() => 'contact', formulier, versie).herstel();
      return () => h('div', formulier.bericht);
    },
  });
  const wrapper = mount(Scherm);
  return { formulier, wrapper };
}

/** The lock as useVergrendeling does it: the session goes first, then the screen. */
async function vergrendel(wrapper: { unmount(): void }) {
  useSessieStore().vergrendeld('Vergrendeld.');
  wrapper.unmount();
  await nextTick();
}

beforeEach(() => {
  setActivePinia(createPinia());
  pib.sessie.uitloggen.mockResolvedValue({ ok: true, waarde: {} });
});

describe('formulieren over een vergrendeling (issue 13, punt 7)', () => {
  it('dezelfde gebruiker vindt na ontgrendelen het bericht zoals getypt, één keer', async () => {
    const sessie = useSessieStore();
    sessie.sessie = sessieVan('demo-muteren');
    const eerst = scherm();
    eerst.formulier.bericht = 'Een vraag over de PVT.';
    await vergrendel(eerst.wrapper);

    sessie.sessie = sessieVan('demo-muteren');
    await nextTick();
    expect(scherm().formulier.bericht).toBe('Een vraag over de PVT.');
    // Taken once: a later visit of the screen starts empty.
    expect(scherm().formulier.bericht).toBe('');
  });

  it('een andere gebruiker die na de vergrendeling inlogt, vindt niets en het concept is weg', async () => {
    const sessie = useSessieStore();
    sessie.sessie = sessieVan('demo-muteren');
    const eerst = scherm();
    eerst.formulier.bericht = 'Vertrouwelijk';
    await vergrendel(eerst.wrapper);

    sessie.sessie = sessieVan('demo-raadplegen');
    await nextTick();
    expect(scherm().formulier.bericht).toBe('');

    sessie.sessie = sessieVan('demo-muteren');
    await nextTick();
    expect(scherm().formulier.bericht).toBe('');
  });

  it('uitloggen vergeet wat getypt was', async () => {
    const sessie = useSessieStore();
    sessie.sessie = sessieVan('demo-muteren');
    const eerst = scherm();
    eerst.formulier.bericht = 'Nog niet verstuurd';
    await vergrendel(eerst.wrapper);
    // From the login screen after the lock the user chooses to log out for good.
    await sessie.uitloggen();
    await nextTick();

    sessie.sessie = sessieVan('demo-muteren');
    await nextTick();
    expect(scherm().formulier.bericht).toBe('');
  });

  it('een concept op een andere versie van de persoon komt niet terug: het formulier begint bij DUO', async () => {
    const sessie = useSessieStore();
    sessie.sessie = sessieVan('demo-muteren');
    let versie = 3;
    const eerst = scherm(() => versie);
    eerst.formulier.bericht = '03-02-2025';
    await vergrendel(eerst.wrapper);

    versie = 4;
    sessie.sessie = sessieVan('demo-muteren');
    await nextTick();
    expect(scherm(() => versie).formulier.bericht).toBe('');
  });

  it('zonder vergrendeling bewaart een scherm dat sluit niets', async () => {
    const sessie = useSessieStore();
    sessie.sessie = sessieVan('demo-muteren');
    const eerst = scherm();
    eerst.formulier.bericht = 'Weggeklikt';
    eerst.wrapper.unmount();
    sessie.vergrendeld('Vergrendeld.');
    sessie.sessie = sessieVan('demo-muteren');
    await nextTick();
    expect(scherm().formulier.bericht).toBe('');
  });
});
