// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gelukt, geweigerd, toon } from './hulp-schermen';

const pib = vi.hoisted(() => ({ bestanden: { lijst: vi.fn(), download: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const DownloadenBestandenView = (await import('../../../renderer/views/DownloadenBestandenView.vue')).default;

const BESTANDEN = [
  { omschrijving: 'PVT extract in csv formaat', datum: '2025-03-01', bestandsnaam: 'isi_pvt.zip' },
  { omschrijving: 'Maatschappelijke begeleiding 2024 in csv formaat', datum: '2025-03-01', bestandsnaam: 'maatschappelijke_begeleiding_2024.zip' },
];

beforeEach(() => {
  vi.resetAllMocks();
  pib.bestanden.lijst.mockResolvedValue(gelukt(BESTANDEN));
});

// Handbook §3.10.
describe('Downloaden bestanden', () => {
  it('R-DL-2: shows the notices: newest version, no improper use, destroy after analysis, only for the Wet inburgering', async () => {
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    const tekst = wrapper.get('[data-test=disclaimer]').text();
    expect(tekst).toContain('Controleer bij gebruik van de bestanden altijd of u met de meest recente versie werkt.');
    expect(tekst).toContain('oneigenlijk gebruik');
    expect(tekst).toContain('na afloop van de analyse te vernietigen');
    expect(tekst).toContain('andere doeleinden dan de uitvoering van de Wet inburgering is niet toegestaan');
    expect(wrapper.findAll('h1').map((h) => h.text())).toEqual(['Downloaden']);
    wrapper.unmount();
  });

  it('R-DL-1: lists Omschrijving, Datum (dd-mm-jjjj) and Bestandsnaam of the chosen gemeente', async () => {
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    expect(pib.bestanden.lijst).toHaveBeenCalledWith({ gc: '0014' });
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Omschrijving', 'Datum', 'Bestandsnaam']);
    const cellen = wrapper.findAll('[data-test=bestand-rij]')[0]!.findAll('td').map((td) => td.text());
    expect(cellen).toEqual(['PVT extract in csv formaat', '01-03-2025', 'isi_pvt.zip']);
    wrapper.unmount();
  });

  it('R-DL-1: clicking a file name downloads it, busy meanwhile, then says where it is', async () => {
    let klaar!: (v: unknown) => void;
    pib.bestanden.download.mockReturnValue(new Promise((r) => (klaar = r)));
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    await wrapper.get('[data-test="download-isi_pvt.zip"]').trigger('click');
    await flushPromises();
    expect(pib.bestanden.download).toHaveBeenCalledWith({ gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    expect(wrapper.get('[data-test=download-bezig]').text()).toContain('isi_pvt.zip');
    expect(wrapper.get('[data-test="download-isi_pvt.zip"]').attributes('aria-busy')).toBe('true');
    expect(wrapper.get('[data-test="download-maatschappelijke_begeleiding_2024.zip"]').attributes('disabled')).toBeDefined();
    klaar(gelukt({ bestandsnaam: 'isi_pvt_0014.zip', pad: '/home/x/Downloads/isi_pvt_0014.zip', grootte: 2048 }));
    await flushPromises();
    expect(wrapper.find('[data-test=download-bezig]').exists()).toBe(false);
    expect(wrapper.get('[data-test=download-pad]').text()).toBe('/home/x/Downloads/isi_pvt_0014.zip');
    wrapper.unmount();
  });

  it('R-DL-1: a refused download is shown in place', async () => {
    pib.bestanden.download.mockResolvedValue(geweigerd(404, 'Dit bestand bestaat niet (meer).'));
    const { wrapper } = await toon(DownloadenBestandenView, { waar: '/bestanden' });
    await wrapper.get('[data-test="download-isi_pvt.zip"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=probleem]').text()).toContain('Dit bestand bestaat niet (meer).');
    wrapper.unmount();
  });
});
