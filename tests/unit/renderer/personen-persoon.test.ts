// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createVuetify } from 'vuetify';
import { MELDING_GEEN_FACTUUR } from '../../../shared/rules/factuur';
import { MELDING_DEFINITIEF, MELDING_VERHUISD, MUTATIEFORMULIER_URL } from '../../../shared/rules/pvt';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../../shared/rules/rollen';
import type { Persoon } from '../../../shared/schemas/api';
import { GEEN_SLEUTELOPSLAG, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): the person comes straight from ISI.
const pib = vi.hoisted(() => ({ personen: { zoek: vi.fn(), haal: vi.fn() }, cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { routes } = await import('../../../renderer/router');
const PersoonView = (await import('../../../renderer/views/PersoonView.vue')).default;

const ID = '00000000-0000-4000-8000-000000000001';
function persoon(extra: Partial<Persoon> = {}): Persoon {
  return {
    id: ID, bsn: '994002026', voornamen: 'Test', voorvoegsels: null, achternaam: 'Ycobtgabfcotttbbfgassbgusb', geslacht: 1, geboortedatum: '1985-05-17',
    wet: 'WI2013', inburgeringsplichtig: true, gemeentecode: '0014', verblijf: 'WOONACHTIG', overleden: false, lening: false,
    gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' }, gemeenteEindePvt: null, pvtPlichtig: 'J', datumStartPvtPlicht: '2019-07-01',
    datumEindePvtPlicht: '2020-06-30', datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null,
    registratieDefinitief: false, registratieDefinitiefOp: null, rechtOpMb: 'N', datumMbGemeldBijBzk: null, factuurAanwezig: 'NVT', factuur: null,
    signalen: { totaal: 3, nieuw: 3, inBehandeling: 0, afgehandeld: 0 }, magWijzigen: true, alleenLezenReden: null, versie: 7, ...extra,
  };
}

async function maak(p: Persoon, rollen = ['WI2013', 'WI2013MUT'], query = '', attach = false) {
  pib.personen.haal.mockResolvedValue({ ok: true, waarde: p });
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessieStore().sessie = { gebruiker: { gebruikersnaam: 'x', naam: 'X', rollen: rollen as never, gemeenten: [{ code: '0014', naam: 'Groningen' }] }, verlooptOp: '' };
  useSessieStore().kiesGemeenteCode('0014');
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(`/personen/${p.id}${query}`);
  await router.isReady();
  // Attached when a test needs a dialog (Vuetify teleports it into the document).
  const w = mount(PersoonView, { global: { plugins: [pinia, router, createVuetify()] }, ...(attach ? { attachTo: document.body } : {}) });
  await flushPromises();
  return { w, router };
}

const waarde = (w: ReturnType<typeof mount>, blok: string, sleutel: string) => w.find(`[data-test=${blok}] [data-test=gegeven-${sleutel}] [data-test=waarde]`).text();

beforeEach(() => {
  vi.clearAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

describe('PersoonView (§3.4)', () => {
  it('R-PER-1: blok Persoon, blok Signalen met Raadplegen, tab Persoonsgegevens; R-MB-1: "Niet gemeld"', async () => {
    const { w } = await maak(persoon());
    expect(pib.personen.haal).toHaveBeenCalledWith({ gc: '0014', id: ID });
    expect(w.find('h1').text()).toBe('Persoon');
    expect(waarde(w, 'blok-persoon', 'naam')).toBe('Test Ycobtgabfcotttbbfgassbgusb');
    expect(waarde(w, 'blok-persoon', 'geslacht')).toBe('Man');
    expect(waarde(w, 'blok-persoon', 'gemeente')).toBe('Groningen');
    expect(waarde(w, 'blok-persoon', 'indicatie-inburgeringsplicht')).toBe('Ja');
    expect(waarde(w, 'blok-signalen', 'totaal')).toBe('3');
    expect(w.find('[data-test=signalen-raadplegen]').attributes('href')).toBe('/signalen?bsn=994002026');
    expect(waarde(w, 'persoonsgegevens', 'datum-einde-pvt-plicht')).toBe('30-06-2020');
    expect(waarde(w, 'persoonsgegevens', 'recht-op-maatschappelijke-begeleiding')).toBe('Nee');
    expect(waarde(w, 'persoonsgegevens', 'datum-maatschappelijke-begeleiding-gemeld-bij-bzk')).toBe('Niet gemeld');
    expect(w.find('[data-test=pvt-wijzigen]').attributes('href')).toBe(`/personen/${ID}/pvt`);
    expect(w.find('[data-test=terug]').text()).toBe('Terug naar zoeken');
  });

  it('R-ROL-3: zonder WI2013MUT geen Wijzigen maar de uitleg van de server', async () => {
    const { w } = await maak(persoon({ magWijzigen: false, alleenLezenReden: MELDING_ALLEEN_RAADPLEGEN }), ['WI2013']);
    expect(w.find('[data-test=pvt-wijzigen]').exists()).toBe(false);
    expect(w.find('[data-test=alleen-lezen]').text()).toBe(MELDING_ALLEEN_RAADPLEGEN);
  });

  it('R-PVT-3: definitief: geen Wijzigen, wel de link naar het mutatieformulier', async () => {
    const { w } = await maak(persoon({ magWijzigen: false, alleenLezenReden: MELDING_DEFINITIEF, registratieDefinitief: true, datumVoldaan: '2020-01-10', registratieDefinitiefOp: '2020-01-27' }));
    expect(w.find('[data-test=pvt-wijzigen]').exists()).toBe(false);
    expect(w.find('[data-test=alleen-lezen]').text()).toContain(MELDING_DEFINITIEF);
    expect(w.find('[data-test=mutatieformulier]').attributes('href')).toBe(MUTATIEFORMULIER_URL);
  });

  it('R-PVT-3: nog niet definitief: de datum waarop het definitief wordt', async () => {
    const { w } = await maak(persoon({ datumStartDeelname: '2025-02-03', datumEindeDeelname: '2025-02-14', datumVoldaan: '2025-02-14', registratieDefinitiefOp: '2025-03-03' }));
    expect(w.find('[data-test=wordt-definitief]').text()).toContain('wordt definitief op 03-03-2025');
  });

  it('R-SIG-9: verhuisd: alleen lezen met de uitleg', async () => {
    const { w } = await maak(persoon({ verblijf: 'VOORMALIG', magWijzigen: false, alleenLezenReden: MELDING_VERHUISD }));
    expect(w.find('[data-test=alleen-lezen]').text()).toBe(MELDING_VERHUISD);
  });
});

describe('FactuurTab (§3.6)', () => {
  const metLening = { lening: true, datumVoldaan: '2023-09-18', factuurAanwezig: 'N' as const };
  const factuur = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15000, status: 2 as const, geaccepteerd: false };

  it('R-FAC-1: geen factuur maar wel mogelijk: "Geen factuur gevonden." en Toevoegen', async () => {
    const { w } = await maak(persoon(metLening), undefined, '?tab=factuur');
    expect(w.find('[data-test=geen-factuur]').text()).toContain(MELDING_GEEN_FACTUUR);
    expect(w.find('[data-test=factuur-toevoegen]').attributes('href')).toBe(`/personen/${ID}/factuur`);
  });

  it('R-FAC-1: zonder lening geen Toevoegen; R-ROL-3: zonder WI2013MUT ook niet', async () => {
    let { w } = await maak(persoon(), undefined, '?tab=factuur');
    expect(w.find('[data-test=factuur-toevoegen]').exists()).toBe(false);
    expect(w.find('[data-test=factuur-niet-mogelijk]').text()).toContain('De persoon heeft geen lening bij DUO.');
    ({ w } = await maak(persoon(metLening), ['WI2013'], '?tab=factuur'));
    expect(w.find('[data-test=factuur-toevoegen]').exists()).toBe(false);
    expect(w.find('[data-test=factuur-alleen-lezen]').text()).toBe(MELDING_ALLEEN_RAADPLEGEN);
  });

  it('R-FAC-4: een factuur met Wijzigen en Verwijderen tot de persoon hem accepteert', async () => {
    let { w } = await maak(persoon({ ...metLening, factuurAanwezig: 'J', factuur }), undefined, '?tab=factuur');
    expect(waarde(w, 'factuurgegevens', 'factuurnummer')).toBe('155441');
    expect(waarde(w, 'factuurgegevens', 'factuurdatum')).toBe('04-11-2019');
    expect(waarde(w, 'factuurgegevens', 'bedrag')).toBe('€ 150,00');
    expect(waarde(w, 'factuurgegevens', 'status')).toBe('Factuur opgenomen');
    expect(w.find('[data-test=factuur-wijzigen]').exists()).toBe(true);
    expect(w.find('[data-test=factuur-verwijderen]').exists()).toBe(true);
    ({ w } = await maak(persoon({ ...metLening, factuurAanwezig: 'J', factuur: { ...factuur, status: 4, geaccepteerd: true } }), undefined, '?tab=factuur'));
    expect(w.find('[data-test=factuur-wijzigen]').exists()).toBe(false);
    expect(w.find('[data-test=factuur-verwijderen]').exists()).toBe(false);
    expect(w.find('[data-test=factuur-geaccepteerd]').text()).toContain('kan niet meer worden gewijzigd of verwijderd');
  });

  it('R-FAC-4: Verwijderen na bevestiging stuurt FACTUUR_VERWIJDEREN met de gelezen versie en meldt het', async () => {
    // happy-dom has no visualViewport; Vuetify's dialog only needs the name to exist.
    vi.stubGlobal('visualViewport', null);
    onTestFinished(() => void vi.unstubAllGlobals());
    const { w } = await maak(persoon({ ...metLening, factuurAanwezig: 'J', factuur }), undefined, '?tab=factuur', true);
    await w.get('[data-test=factuur-verwijderen]').trigger('click');
    await flushPromises();
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    const zonder = persoon({ ...metLening, versie: 8 });
    pib.uitgaand.verstuur.mockResolvedValue(verzonden(null, zonder));
    pib.personen.haal.mockResolvedValue({ ok: true, waarde: zonder });
    (document.body.querySelector('[data-test=verwijderen-bevestigen]') as HTMLElement).click();
    await flushPromises();
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: { soort: 'FACTUUR_VERWIJDEREN', gc: '0014', persoonId: ID, versie: 7 },
    });
    expect(w.get('[data-test=melding]').text()).toBe('De factuur is verwijderd.');
    expect(w.find('[data-test=geen-factuur]').text()).toContain(MELDING_GEEN_FACTUUR);
    w.unmount();
  });
});
