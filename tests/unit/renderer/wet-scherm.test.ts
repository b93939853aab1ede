// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MELDING_GEEN_WET } from '../../../shared/rules/wet';
import { gelukt, geweigerd, toon } from './hulp-schermen';

const pib = vi.hoisted(() => ({ wet: { bepaal: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const ZoekenWetView = (await import('../../../renderer/views/ZoekenWetView.vue')).default;
const PERSOON = '20000000-0000-4000-8000-000000000002';

async function zoek(bsn: string) {
  const r = await toon(ZoekenWetView, { waar: '/wet' });
  await r.wrapper.get('[data-test=bsn] input').setValue(bsn);
  await r.wrapper.get('form').trigger('submit');
  await flushPromises();
  return r;
}

beforeEach(() => vi.resetAllMocks());

// Handbook §3.12.
describe('Zoeken wet inburgering (R-WET-1)', () => {
  it('R-WET-1: deceased and living here: "Persoon is overleden." above the blue law line, and the button', async () => {
    pib.wet.bepaal.mockResolvedValue(gelukt({ wet: 'WI2021', overleden: true, woonachtigInGemeente: true, magGegevensInzien: true, persoonId: PERSOON, melding: '', meldingen: [] }));
    const { wrapper, router } = await zoek('569026040');
    expect(pib.wet.bepaal).toHaveBeenCalledWith({ gc: '0014', bsn: '569026040' });
    expect(wrapper.get('[data-test=wet-bovenregel]').text()).toBe('Persoon is overleden.');
    expect(wrapper.get('[data-test=wet-woonachtig]').text()).toBe('Persoon valt onder de Wet Inburgering 2021.');
    expect(wrapper.get('[data-test=wet-woonachtig] .v-alert, .v-alert[data-test=wet-woonachtig]').classes()).toContain('text-info');
    await wrapper.get('[data-test=naar-persoon]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.params).toEqual({ id: PERSOON }), { timeout: 10_000 });
    expect(router.currentRoute.value.name).toBe('persoon');
    wrapper.unmount();
  });

  it('R-WET-1: not living in the gemeente: the yellow line and no button', async () => {
    pib.wet.bepaal.mockResolvedValue(gelukt({ wet: 'WI2013', overleden: false, woonachtigInGemeente: false, magGegevensInzien: false, melding: '', meldingen: [] }));
    const { wrapper } = await zoek('335297602');
    expect(wrapper.get('[data-test=wet-niet-woonachtig]').text()).toBe('Persoon valt onder de Wet Inburgering 2013, maar is niet woonachtig in uw gemeente.');
    expect(wrapper.get('[data-test=wet-niet-woonachtig] .v-alert, .v-alert[data-test=wet-niet-woonachtig]').classes()).toContain('text-warning');
    expect(wrapper.find('[data-test=wet-bovenregel]').exists()).toBe(false);
    expect(wrapper.find('[data-test=naar-persoon]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('R-WET-1: the button only when the server allows viewing the data', async () => {
    pib.wet.bepaal.mockResolvedValue(gelukt({ wet: 'WI2007', overleden: false, woonachtigInGemeente: true, magGegevensInzien: false, melding: '', meldingen: [] }));
    const { wrapper } = await zoek('335297602');
    expect(wrapper.get('[data-test=wet-woonachtig]').text()).toBe('Persoon valt onder de Wet Inburgering 2007.');
    expect(wrapper.find('[data-test=naar-persoon]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('R-BSN-1: an invalid BSN is refused before anything is sent, and stays', async () => {
    const { wrapper } = await zoek('569026041');
    expect(pib.wet.bepaal).not.toHaveBeenCalled();
    // Said once, in the refusal; the field points to it.
    expect(wrapper.get('[data-test=probleem]').text()).toContain('elfproef');
    expect(wrapper.get('[data-test=bsn]').text()).not.toContain('elfproef');
    expect(wrapper.get('[data-test=bsn] input').attributes('aria-describedby')).toContain('wet-fout');
    expect((wrapper.get('[data-test=bsn] input').element as HTMLInputElement).value).toBe('569026041');
    wrapper.unmount();
  });

  it('R-WET-1: an unknown BSN (404) says no person is known', async () => {
    pib.wet.bepaal.mockResolvedValue(geweigerd(404, MELDING_GEEN_WET, { regel: 'R-WET-1' }));
    const { wrapper } = await zoek('111222333');
    expect(wrapper.get('[data-test=geen-wet]').text()).toBe(MELDING_GEEN_WET);
    expect(wrapper.find('[data-test=wet-uitkomst]').exists()).toBe(false);
    wrapper.unmount();
  });
});
