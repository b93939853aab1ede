// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MELDING_ONBEKEND_ADRES, SERVICECENTRUM } from '../../../shared/rules/contact';
import { GEEN_SLEUTELOPSLAG, toon, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): the message goes straight to ISI through the outbox channel.
const pib = vi.hoisted(() => ({ cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const ContactView = (await import('../../../renderer/views/ContactView.vue')).default;
const { useContactStore } = await import('../../../renderer/stores/contact');

beforeEach(() => {
  vi.resetAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

// Handbook §3.14.
describe('Contact met DUO (R-CON-1)', () => {
  it('R-CON-1: phone, hours and e-mail of the Servicecentrum; the gemeente filled in and read-only; the notice', async () => {
    const { wrapper } = await toon(ContactView, { waar: '/contact' });
    const sc = wrapper.get('[data-test=servicecentrum]').text();
    expect(sc).toContain(SERVICECENTRUM.telefoon);
    expect(sc).toContain('werkdagen tussen 9.00 uur en 17.00 uur');
    expect(sc).toContain(SERVICECENTRUM.email);
    const gemeente = wrapper.get('[data-test=gemeente] input').element as HTMLInputElement;
    expect(gemeente.value).toBe('Groningen');
    expect(gemeente.readOnly).toBe(true);
    expect(wrapper.get('[data-test=onbekend-adres]').text()).toBe(MELDING_ONBEKEND_ADRES);
    expect(wrapper.find('[data-test=telefoonnummer]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('R-CON-1: an empty form shows every required-field message at once, nothing is sent', async () => {
    const { wrapper } = await toon(ContactView, { waar: '/contact' });
    await wrapper.get('[data-test=naam] input').setValue('');
    await wrapper.get('[data-test=mag-bellen] input').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-test=naam]').text()).toContain("Het veld 'Naam' is verplicht");
    expect(wrapper.get('[data-test=email]').text()).toContain("Het veld 'E-mail' is verplicht");
    expect(wrapper.get('[data-test=telefoonnummer]').text()).toContain("Het veld 'Telefoonnummer' is verplicht");
    expect(wrapper.get('[data-test=bericht]').text()).toContain("Het veld 'Bericht' is verplicht");
    expect(wrapper.get('[data-test=onderwerp]').text()).toContain('Kies een onderwerp uit de lijst');
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('R-CON-1: a valid message is sent with the key; the subject and message empty, the rest stays', async () => {
    pib.uitgaand.verstuur.mockResolvedValue(verzonden({ id: 'c1', ontvangenOp: '2025-03-01T10:15:00.000Z' }));
    const { wrapper } = await toon(ContactView, { waar: '/contact' });
    await wrapper.get('[data-test=email] input').setValue('test@groningen.example');
    await wrapper.get('[data-test=bericht] textarea').setValue('Waar vind ik het PVT extract?');
    const onderwerp = wrapper.getComponent({ name: 'VSelect' });
    onderwerp.vm.$emit('update:modelValue', 'PVT');
    await flushPromises();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: {
        soort: 'CONTACT',
        gc: '0014',
        bericht: { naam: 'Test Gebruiker', email: 'test@groningen.example', magBellen: false, telefoonnummer: null, onderwerp: 'PVT', bericht: 'Waar vind ik het PVT extract?' },
      },
    });
    expect(wrapper.find('[data-test=wacht-op-verzending]').exists()).toBe(false);
    expect(wrapper.get('[data-test=verstuurd]').text()).toContain('Uw bericht is verstuurd');
    expect(useContactStore().ontvangen?.id).toBe('c1');
    expect((wrapper.get('[data-test=bericht] textarea').element as HTMLTextAreaElement).value).toBe('');
    expect((wrapper.get('[data-test=email] input').element as HTMLInputElement).value).toBe('test@groningen.example');
    wrapper.unmount();
  });
});
