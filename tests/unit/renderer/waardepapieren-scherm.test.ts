// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../../shared/rules/rollen';
import { MELDING_BESTELD, MELDING_HOGER_DAN_VERWACHT } from '../../../shared/rules/waardepapieren';
import { GEEN_SLEUTELOPSLAG, toon, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): the order goes straight to ISI through the outbox channel.
const pib = vi.hoisted(() => ({ cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const WaardepapierenBestellenView = (await import('../../../renderer/views/WaardepapierenBestellenView.vue')).default;

async function vulIn(w: VueWrapper, sets: string, email = 'inkoop@groningen.example') {
  await w.get('[data-test=aantal-sets] input').setValue(sets);
  await w.get('[data-test=email] input').setValue(email);
}

async function bestel(w: VueWrapper) {
  await w.get('form').trigger('submit');
  await flushPromises();
}

beforeEach(() => {
  vi.resetAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

// Handbook §3.13.
describe('Waardepapieren bestellen (R-WP-1)', () => {
  it('R-ROL-3: without WI2013MUT there is no form, and the screen says why', async () => {
    const { wrapper } = await toon(WaardepapierenBestellenView, { rollen: ['WI2013'], waar: '/waardepapieren' });
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.get('[data-test=alleen-raadplegen]').text()).toContain(MELDING_ALLEEN_RAADPLEGEN);
    wrapper.unmount();
  });

  it('R-WP-1: shows the sheets of the sets (25 a set) and orders 2 sets with the key', async () => {
    pib.uitgaand.verstuur.mockResolvedValue(verzonden({ bestelnummer: 'WP-2025-000001', aantalVellen: 50 }));
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    expect((wrapper.get('[data-test=contactpersoon] input').element as HTMLInputElement).value).toBe('Test Gebruiker');
    await vulIn(wrapper, '2');
    expect(wrapper.get('[data-test=aantal-vellen]').text()).toBe('2 sets = 50 vellen');
    expect(wrapper.find('[data-test=hoger-dan-verwacht]').exists()).toBe(false);
    await bestel(wrapper);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: {
        soort: 'WAARDEPAPIEREN',
        gc: '0014',
        bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'Test Gebruiker', email: 'inkoop@groningen.example', bevestigdBovenVerwachting: false },
      },
    });
    expect(wrapper.get('[data-test=besteld]').text()).toContain(MELDING_BESTELD);
    expect(wrapper.get('[data-test=bestelnummer]').text()).toBe('WP-2025-000001');
    wrapper.unmount();
  });

  it('R-WP-1: 0 and 41 sets are refused in place before anything is sent; the number stays', async () => {
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    for (const sets of ['0', '41', 'tien']) {
      await vulIn(wrapper, sets);
      await bestel(wrapper);
      expect(wrapper.get('[data-test=aantal-sets]').text()).toContain('U kunt minimaal 1 en maximaal 40 sets van 25 stuks bestellen.');
      expect((wrapper.get('[data-test=aantal-sets] input').element as HTMLInputElement).value).toBe(sets);
    }
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('R-WP-1: above 4 sets the notice, and the order only after the explicit confirmation', async () => {
    pib.uitgaand.verstuur.mockResolvedValue(verzonden({ bestelnummer: 'WP-2025-000002', aantalVellen: 125 }));
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    await vulIn(wrapper, '5');
    expect(wrapper.get('[data-test=hoger-dan-verwacht]').text()).toContain(MELDING_HOGER_DAN_VERWACHT);
    await bestel(wrapper);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    expect(wrapper.get('[data-test=bevestig-aantal]').text()).toContain(MELDING_HOGER_DAN_VERWACHT);
    await wrapper.get('[data-test=bevestig-aantal] input').setValue(true);
    await bestel(wrapper);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledTimes(1);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith(expect.objectContaining({ wijziging: expect.objectContaining({ soort: 'WAARDEPAPIEREN', bestelling: expect.objectContaining({ aantalSets: 5, bevestigdBovenVerwachting: true }) }) }));
    expect(wrapper.get('[data-test=bestelnummer]').text()).toBe('WP-2025-000002');
    wrapper.unmount();
  });

  it('R-WP-1: a confirmation holds only for the number it was given for', async () => {
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    await vulIn(wrapper, '5');
    await wrapper.get('[data-test=bevestig-aantal] input').setValue(true);
    await wrapper.get('[data-test=aantal-sets] input').setValue('30');
    expect((wrapper.get('[data-test=bevestig-aantal] input').element as HTMLInputElement).checked).toBe(false);
    wrapper.unmount();
  });

  it('R-WP-1: contactpersoon and e-mail are needed, all messages at once', async () => {
    const { wrapper } = await toon(WaardepapierenBestellenView, { waar: '/waardepapieren' });
    await wrapper.get('[data-test=contactpersoon] input').setValue(' ');
    await vulIn(wrapper, '1', 'geen-adres');
    await bestel(wrapper);
    expect(wrapper.get('[data-test=contactpersoon]').text()).toContain("Het veld 'Contactpersoon' is verplicht");
    expect(wrapper.get('[data-test=email]').text()).toContain('Vul een geldig e-mailadres in');
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
