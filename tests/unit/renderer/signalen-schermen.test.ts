// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../../shared/rules/rollen';
import { DOWNLOAD_BEZIG, DOWNLOAD_GELUKT, openstaandTekst } from '../../../shared/rules/signalen';
import type { SignaalInLijst } from '../../../shared/schemas/api';
import { GEEN_SLEUTELOPSLAG, gelukt, geweigerdDoorIsi, toon, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): searches go straight to ISI, status changes through the outbox channel.
const pib = vi.hoisted(() => ({
  signalen: { zoek: vi.fn(), openstaand: vi.fn(), downloadAlle: vi.fn() },
  cache: { sleutel: vi.fn() },
  uitgaand: { verstuur: vi.fn() },
}));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const ZoekenSignalenView = (await import('../../../renderer/views/ZoekenSignalenView.vue')).default;
const SelecterenSignalenView = (await import('../../../renderer/views/SelecterenSignalenView.vue')).default;
const { useSignalenStore } = await import('../../../renderer/stores/signalen');

const PERSOON = '10000000-0000-4000-8000-000000000001';
const items: SignaalInLijst[] = Array.from({ length: 10 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  persoonId: PERSOON,
  status: i % 2 ? 'IN_BEHANDELING' : 'NIEUW',
  bsn: '335297602', achternaam: 'Ycobtgattcocotubgaumuffcotub', code: 'SS601', omschrijving: 'Persoon is PVT-plichtig', datum: '2017-11-22',
}));

beforeEach(() => {
  vi.resetAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
  pib.signalen.openstaand.mockResolvedValue(gelukt({ aantal: 19 }));
  pib.signalen.zoek.mockResolvedValue(gelukt({ items, totaal: 19, pagina: 1, paginaGrootte: 10 }));
});

// Handbook §3.7.
describe('Zoeken signalen WI2013', () => {
  it('R-SIG-3: shows how many signals are not yet handled, and "Toon deze signalen" opens them', async () => {
    const { wrapper, router } = await toon(ZoekenSignalenView, { waar: '/signalen' });
    expect(pib.signalen.openstaand).toHaveBeenCalledWith({ gc: '0014' });
    expect(wrapper.get('[data-test=openstaand-tekst]').text()).toBe(openstaandTekst(19));
    expect(wrapper.findAll('h1').map((h) => h.text())).toEqual(['Zoeken signalen WI2013 – raadplegen en muteren']);
    await wrapper.get('[data-test=toon-openstaand]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('selecteren-signalen'), { timeout: 10_000 });
    expect(useSignalenStore().opdracht).toMatchObject({ openstaand: true });
    wrapper.unmount();
  });

  it('R-BSN-1: an invalid BSN is refused once, the red field points to the refusal, nothing is searched, the BSN stays', async () => {
    const { wrapper, router } = await toon(ZoekenSignalenView, { waar: '/signalen' });
    const bsn = wrapper.get('[data-test=bsn] input');
    await bsn.setValue('12345');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-test=probleem]').text()).toContain('Een burgerservicenummer bestaat uit 9 cijfers');
    expect(wrapper.get('[data-test=bsn]').text()).not.toContain('Een burgerservicenummer bestaat uit 9 cijfers');
    expect(bsn.attributes('aria-describedby')).toContain('signalen-fout');
    expect((bsn.element as HTMLInputElement).value).toBe('12345');
    expect(pib.signalen.zoek).not.toHaveBeenCalled();
    expect(router.currentRoute.value.name).toBe('zoeken-signalen');
    wrapper.unmount();
  });

  it('R-SIG-4: "Zoeken" searches with the criteria and opens "Selecteren signalen"', async () => {
    const { wrapper, router } = await toon(ZoekenSignalenView, { waar: '/signalen' });
    await wrapper.get('[data-test=bsn] input').setValue('335297602');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(pib.signalen.zoek).toHaveBeenCalledWith({ gc: '0014', vraag: { bsn: '335297602', pagina: 1, paginaGrootte: 10, sorteer: 'bsn' } });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('selecteren-signalen'), { timeout: 10_000 });
    wrapper.unmount();
  });

  it('R-SIG-4: a BSN from the person screen ("Raadplegen") is searched at once, and leaves the address', async () => {
    const { wrapper, router } = await toon(ZoekenSignalenView, { waar: { name: 'zoeken-signalen', query: { bsn: '335297602' } } });
    expect(pib.signalen.zoek).toHaveBeenCalledWith({ gc: '0014', vraag: { bsn: '335297602', pagina: 1, paginaGrootte: 10, sorteer: 'bsn' } });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('selecteren-signalen'), { timeout: 10_000 });
    expect(router.currentRoute.value.query).toEqual({});
    expect(useSignalenStore().criteria.bsn).toBe('335297602');
    wrapper.unmount();
  });

  it('R-SIG-7: "Download alle signalen" shows the waiting notice, then GELUKT and where the file is', async () => {
    let klaar!: (v: unknown) => void;
    pib.signalen.downloadAlle.mockReturnValue(new Promise((r) => (klaar = r)));
    const { wrapper } = await toon(ZoekenSignalenView, { waar: '/signalen' });
    await wrapper.get('[data-test=download-alle-signalen]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=download-bezig]').text()).toBe(DOWNLOAD_BEZIG);
    klaar(gelukt({ bestandsnaam: 'signalen_0014_20250301.csv', pad: '/home/x/Downloads/signalen_0014_20250301.csv', grootte: 1234 }));
    await flushPromises();
    expect(wrapper.find('[data-test=download-bezig]').exists()).toBe(false);
    expect(wrapper.get('[data-test=download-gelukt]').text()).toContain(DOWNLOAD_GELUKT);
    expect(wrapper.get('[data-test=download-pad]').text()).toBe('/home/x/Downloads/signalen_0014_20250301.csv');
    wrapper.unmount();
  });
});

// Handbook §3.8, §3.9.
describe('Selecteren signalen WI2013', () => {
  async function gevonden(rollen: ('WI2013' | 'WI2013MUT')[] = ['WI2013', 'WI2013MUT']) {
    const r = await toon(SelecterenSignalenView, { rollen, waar: '/signalen/gevonden' });
    await useSignalenStore().zoek('0014');
    await flushPromises();
    return r;
  }

  it('R-SIG-5: the counts, the columns, dates as dd-mm-jjjj and the BSN as a link to the person', async () => {
    const { wrapper } = await gevonden();
    expect(wrapper.get('[data-test=aantal-gevonden]').text()).toBe('Er zijn 19 signalen gevonden.');
    expect(wrapper.get('[data-test=aantal-geselecteerd]').text()).toBe('Er zijn 0 signalen geselecteerd.');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['', 'Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal']);
    const rij = wrapper.findAll('[data-test=signaal-rij]')[0]!;
    expect(rij.get('[data-test=kolom-datum]').text()).toBe('22-11-2017');
    expect(rij.get('[data-test=kolom-omschrijving]').text()).toBe('Persoon is PVT-plichtig');
    expect(rij.get('[data-test=kolom-bsn] a').attributes('href')).toBe(`/personen/${PERSOON}`);
    expect(wrapper.find('[data-test=paginering]').exists()).toBe(true);
    expect(wrapper.get('th[aria-sort]').text()).toBe('BSN');
    wrapper.unmount();
  });

  it('R-SIG-5: clicking a header sorts ascending, again descending', async () => {
    const { wrapper } = await gevonden();
    await wrapper.get('[data-test=sorteer-code]').trigger('click');
    await flushPromises();
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ sorteer: 'code' }) });
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('ascending');
    await wrapper.get('[data-test=sorteer-code]').trigger('click');
    await flushPromises();
    expect(pib.signalen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: expect.objectContaining({ sorteer: '-code' }) });
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('descending');
    wrapper.unmount();
  });

  it('R-SIG-6: the header box ticks every signal of the page and the count follows', async () => {
    const { wrapper } = await gevonden();
    await wrapper.findAll('[data-test=selecteer-signaal]')[1]!.setValue(true);
    expect(wrapper.get('[data-test=aantal-geselecteerd]').text()).toBe('Er is 1 signaal geselecteerd.');
    await wrapper.get('[data-test=selecteer-pagina]').setValue(true);
    expect(wrapper.get('[data-test=aantal-geselecteerd]').text()).toBe('Er zijn 10 signalen geselecteerd.');
    expect(wrapper.findAll('[data-test=selecteer-signaal]').every((c) => (c.element as HTMLInputElement).checked)).toBe(true);
    wrapper.unmount();
  });

  it('R-SIG-6: with WI2013MUT the selected signals go to "Afgehandeld" and the list is refreshed', async () => {
    pib.uitgaand.verstuur.mockResolvedValue(verzonden({ bijgewerkt: 2 }));
    const { wrapper } = await gevonden();
    await wrapper.findAll('[data-test=selecteer-signaal]')[0]!.setValue(true);
    await wrapper.findAll('[data-test=selecteer-signaal]')[3]!.setValue(true);
    await wrapper.get('[data-test=zet-afgehandeld]').trigger('click');
    await flushPromises();
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: { soort: 'SIGNAALSTATUS', gc: '0014', ids: [items[0]!.id, items[3]!.id], status: 'AFGEHANDELD' },
    });
    expect(wrapper.get('[data-test=status-gewijzigd]').text()).toBe("De status van 2 signalen is gewijzigd in 'Afgehandeld'.");
    expect(wrapper.get('[data-test=aantal-geselecteerd]').text()).toBe('Er zijn 0 signalen geselecteerd.');
    expect(pib.signalen.openstaand).toHaveBeenCalled();
    wrapper.unmount();
  });

  it('R-SIG-6: a refusal of ISI is shown in place and the selection stays', async () => {
    pib.uitgaand.verstuur.mockResolvedValue(geweigerdDoorIsi(404, 'Een of meer geselecteerde signalen bestaan niet (meer) bij deze gemeente. Zoek de signalen opnieuw.', { regel: 'R-SIG-6' }));
    const { wrapper } = await gevonden();
    await wrapper.findAll('[data-test=selecteer-signaal]')[0]!.setValue(true);
    await wrapper.get('[data-test=zet-in-behandeling]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=probleem]').text()).toContain('Zoek de signalen opnieuw.');
    expect(wrapper.get('[data-test=aantal-geselecteerd]').text()).toBe('Er is 1 signaal geselecteerd.');
    wrapper.unmount();
  });

  it('R-ROL-3: without WI2013MUT there are no status buttons, and the screen says why', async () => {
    const { wrapper } = await gevonden(['WI2013']);
    expect(wrapper.find('[data-test=zet-in-behandeling]').exists()).toBe(false);
    expect(wrapper.find('[data-test=zet-afgehandeld]').exists()).toBe(false);
    expect(wrapper.get('[data-test=alleen-raadplegen]').text()).toContain(MELDING_ALLEEN_RAADPLEGEN);
    wrapper.unmount();
  });

  it('R-SIG-5: opened without a search, it goes to the search screen', async () => {
    const { wrapper, router } = await toon(SelecterenSignalenView, { waar: '/signalen/gevonden' });
    expect(router.currentRoute.value.name).toBe('zoeken-signalen');
    wrapper.unmount();
  });
});
