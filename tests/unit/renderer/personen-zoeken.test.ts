// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createVuetify } from 'vuetify';
import { BSN_MELDING_ELFPROEF, BSN_MELDING_FORMAAT } from '../../../shared/rules/bsn';
import { MELDING_GEEN_RESULTATEN, MELDING_MINSTENS_EEN_VELD } from '../../../shared/rules/zoeken';
import { GEEN_SLEUTELOPSLAG } from './hulp-schermen';

// Online only (no key store on this machine): every search goes straight to ISI.
const pib = vi.hoisted(() => ({ personen: { zoek: vi.fn(), haal: vi.fn() }, cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { routes } = await import('../../../renderer/router');
const ZoekenPersonenView = (await import('../../../renderer/views/ZoekenPersonenView.vue')).default;
const GevondenPersonenView = (await import('../../../renderer/views/GevondenPersonenView.vue')).default;

const ID = '00000000-0000-4000-8000-000000000001';
const item = (bsn: string, extra: Record<string, unknown> = {}) => ({ id: ID, bsn, voornaam: 'Test', achternaam: 'X', geboortedatum: '1990-01-31', pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: null, factuurAanwezig: 'NVT', signaalAanwezig: 'J', ...extra });
const lijst = (items: unknown[], totaal = items.length, pagina = 1) => ({ ok: true, waarde: { items, totaal, pagina, paginaGrootte: 20 } });

async function maak(view: object, pad = '/personen', voor?: () => Promise<unknown>) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessieStore().sessie = { gebruiker: { gebruikersnaam: 'x', naam: 'X', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: '0014', naam: 'Groningen' }] }, verlooptOp: '' };
  useSessieStore().kiesGemeenteCode('0014');
  await voor?.();
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(pad);
  await router.isReady();
  const w = mount(view, { global: { plugins: [pinia, router, createVuetify()] }, attachTo: document.body });
  await flushPromises();
  return { w, router };
}

beforeEach(() => {
  vi.clearAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

describe('ZoekenPersonenView (§3.2)', () => {
  it('R-BSN-1: een ongeldig BSN wordt geweigerd zonder iets te versturen', async () => {
    const { w } = await maak(ZoekenPersonenView);
    await w.find('[data-test=bsn] input').setValue('123456789');
    await w.find('[data-test=form-bsn]').trigger('submit');
    expect(w.find('[data-test=probleem]').text()).toBe(BSN_MELDING_ELFPROEF);
    await w.find('[data-test=bsn] input').setValue('1234');
    await w.find('[data-test=form-bsn]').trigger('submit');
    expect(w.find('[data-test=probleem]').text()).toBe(BSN_MELDING_FORMAAT);
    expect(pib.personen.zoek).not.toHaveBeenCalled();
    w.unmount();
  });

  it('R-ZP-1: één resultaat opent het scherm van de persoon', async () => {
    pib.personen.zoek.mockResolvedValue(lijst([item('994002026')]));
    const { w, router } = await maak(ZoekenPersonenView);
    await w.find('[data-test=bsn] input').setValue(' 994002026 ');
    await w.find('[data-test=form-bsn]').trigger('submit');
    await flushPromises();
    expect(pib.personen.zoek).toHaveBeenCalledWith({ gc: '0014', vraag: { bsn: '994002026', sorteer: 'bsn', pagina: 1, paginaGrootte: 20 } });
    // The route loads its view lazily: wait for the navigation to finish.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('persoon'), { timeout: 10_000 });
    expect(router.currentRoute.value.params.id).toBe(ID);
    w.unmount();
  });

  it('R-ZP-2: zonder enig criterium wordt niets verstuurd; R-ZP-4: nul resultaten geeft de melding', async () => {
    const { w } = await maak(ZoekenPersonenView);
    usePersonenStore().tab = 'OVERIG';
    await flushPromises();
    await w.find('[data-test=form-overig]').trigger('submit');
    expect(w.find('[data-test=probleem]').text()).toBe(MELDING_MINSTENS_EEN_VELD);
    expect(pib.personen.zoek).not.toHaveBeenCalled();

    pib.personen.zoek.mockResolvedValue(lijst([]));
    await w.find('[data-test=criterium-factuurAanwezig] input[value=N]').setValue(true);
    await w.find('[data-test=form-overig]').trigger('submit');
    await flushPromises();
    expect(pib.personen.zoek).toHaveBeenCalledWith({ gc: '0014', vraag: { factuurAanwezig: 'N', sorteer: 'bsn', pagina: 1, paginaGrootte: 20 } });
    expect(w.find('[data-test=geen-resultaten]').text()).toBe(MELDING_GEEN_RESULTATEN);
    // R-ZP-3: the criterion stays in the store; "wis velden" empties it.
    expect(usePersonenStore().criteria.factuurAanwezig).toBe('N');
    await w.find('[data-test=wis-velden]').trigger('click');
    expect(usePersonenStore().criteria).toEqual({});
    w.unmount();
  });

  it('R-ZP-2: een datum die niet bestaat wordt geweigerd, niet stil weggelaten', async () => {
    const { w } = await maak(ZoekenPersonenView);
    usePersonenStore().tab = 'OVERIG';
    await flushPromises();
    await w.find('[data-test=criterium-startPvtPlichtVan] input').setValue('30-02-2024');
    await w.find('[data-test=criterium-startPvtPlichtVan] input').trigger('blur');
    await w.find('[data-test=criterium-pvtPlichtig] input[value=J]').setValue(true);
    await w.find('[data-test=form-overig]').trigger('submit');
    expect(pib.personen.zoek).not.toHaveBeenCalled();
    expect(w.find('[data-test=probleem]').text()).toBe("Vul bij 'Datum start PVT-plicht vanaf' een bestaande datum in als dd-mm-jjjj.");
    w.unmount();
  });

  it('R-ZP-4: meer resultaten gaan naar Gevonden personen', async () => {
    pib.personen.zoek.mockResolvedValue(lijst([item('1'), item('2')], 2));
    const { w, router } = await maak(ZoekenPersonenView);
    usePersonenStore().tab = 'OVERIG';
    usePersonenStore().criteria = { pvtPlichtig: 'J' };
    await flushPromises();
    await w.find('[data-test=form-overig]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('gevonden-personen'), { timeout: 10_000 });
    w.unmount();
  });
});

describe('GevondenPersonenView (§3.3)', () => {
  it('R-ZP-5: negen kolommen in het Nederlands; een kolomkop sorteert oplopend, nog eens aflopend', async () => {
    pib.personen.zoek.mockResolvedValue(lijst([item('994002026', { rechtOpMb: 'J', factuurAanwezig: 'N' })], 45));
    const { w: g, router } = await maak(GevondenPersonenView, '/personen/gevonden', () => usePersonenStore().zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } }));
    expect(pib.personen.zoek).toHaveBeenCalledTimes(1);
    await flushPromises();
    expect(g.findAll('th').map((th) => th.text())).toEqual([
      'BSN', 'Voornaam', 'Achternaam', 'Geboortedatum', 'PVT-plichtig', 'Voldaan aan PVT-plicht', 'Recht op maatschappelijke begeleiding', 'Factuur aanwezig', 'Signaal aanwezig',
    ]);
    expect(g.findAll('[data-test=rij] td').map((td) => td.text())).toEqual(['994002026', 'Test', 'X', '31-01-1990', 'Ja', 'Nee', 'Ja', 'Nee', 'Ja']);
    expect(g.find('[data-test=rij] a').attributes('href')).toBe(`/personen/${ID}`);
    expect(g.find('[data-test=kolom-bsn]').attributes('aria-sort')).toBe('ascending');
    expect(g.text()).toContain('Er zijn 45 personen gevonden. U ziet 1 tot en met 20.');

    await g.find('[data-test=sorteer-achternaam]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ pagina: '1', sorteer: 'achternaam' });
    expect(pib.personen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: { pvtPlichtig: 'J', sorteer: 'achternaam', pagina: 1, paginaGrootte: 20 } });
    await g.find('[data-test=sorteer-achternaam]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.sorteer).toBe('-achternaam');
    expect(g.find('[data-test=kolom-achternaam]').attributes('aria-sort')).toBe('descending');
    g.unmount();
  });
});
