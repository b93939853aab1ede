// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createVuetify } from 'vuetify';
import { MELDING_GEEN_REKENINGNUMMER } from '../../../shared/rules/factuur';
import type { Persoon } from '../../../shared/schemas/api';
import { GEEN_SLEUTELOPSLAG, geweigerdDoorIsi, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): every change goes straight to ISI through the outbox channel.
const pib = vi.hoisted(() => ({ personen: { zoek: vi.fn(), haal: vi.fn() }, cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { routes } = await import('../../../renderer/router');
const FactuurWijzigenView = (await import('../../../renderer/views/FactuurWijzigenView.vue')).default;

const ID = '00000000-0000-4000-8000-000000000003';
const FACTUUR = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15000, status: 2 as const, geaccepteerd: false };
function persoon(extra: Partial<Persoon> = {}): Persoon {
  return {
    id: ID, bsn: '491945449', voornamen: 'Test', voorvoegsels: null, achternaam: 'Factuur', geslacht: 1, geboortedatum: '1985-05-17',
    wet: 'WI2013', inburgeringsplichtig: false, gemeentecode: '0034', verblijf: 'WOONACHTIG', overleden: false, lening: true,
    gemeenteEersteVestiging: { code: '0034', naam: 'Almere' }, gemeenteEindePvt: { code: '0034', naam: 'Almere' }, pvtPlichtig: 'J', datumStartPvtPlicht: '2019-03-01',
    datumEindePvtPlicht: '2020-02-29', datumStartDeelname: '2019-09-02', datumEindeDeelname: '2019-09-10', datumVoldaan: '2019-09-12', redenNietVoldaan: null,
    registratieDefinitief: true, registratieDefinitiefOp: '2019-09-30', rechtOpMb: 'N', datumMbGemeldBijBzk: null, factuurAanwezig: 'N', factuur: null,
    signalen: { totaal: 2, nieuw: 2, inBehandeling: 0, afgehandeld: 0 }, magWijzigen: false, alleenLezenReden: 'definitief', versie: 4, ...extra,
  };
}

async function maak(p: Persoon, rollen = ['WI2013', 'WI2013MUT']) {
  pib.personen.haal.mockResolvedValue({ ok: true, waarde: p });
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessieStore().sessie = { gebruiker: { gebruikersnaam: 'x', naam: 'X', rollen: rollen as never, gemeenten: [{ code: '0034', naam: 'Almere' }] }, verlooptOp: '' };
  useSessieStore().kiesGemeenteCode('0034');
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(`/personen/${p.id}/factuur`);
  await router.isReady();
  const w = mount(FactuurWijzigenView, { global: { plugins: [pinia, router, createVuetify()] } });
  await flushPromises();
  return { w, router };
}

type W = Awaited<ReturnType<typeof maak>>['w'];
const invoer = (w: W, veld: string) => w.find(`[data-test=${veld}] input`);
async function vulIn(w: W, nummer: string, datum: string, debiteur = '') {
  await invoer(w, 'factuurnummer').setValue(nummer);
  await invoer(w, 'factuurdatum').setValue(datum);
  await invoer(w, 'factuurdatum').trigger('blur');
  await invoer(w, 'debiteurnummer').setValue(debiteur);
}
async function versturen(w: W) {
  await w.find('[data-test=factuur-form]').trigger('submit');
  await flushPromises();
}

beforeEach(() => {
  vi.clearAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

describe('FactuurWijzigenView (§3.6)', () => {
  it('R-FAC-2: het bedrag staat vast op € 150,00; een fout factuurnummer gaat niet de deur uit', async () => {
    const { w } = await maak(persoon());
    expect(w.find('h1').text()).toBe('Factuur wijzigen');
    expect((invoer(w, 'bedrag').element as HTMLInputElement).value).toBe('€ 150,00');
    expect(invoer(w, 'bedrag').attributes('readonly')).toBeDefined();
    await vulIn(w, 'ABC-123', '14-02-2025', 'DEBITEUR12345');
    await versturen(w);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    expect(w.find('[data-test=factuurnummer]').text()).toContain('Het factuurnummer mag maximaal 16 posities hebben en moet alfanumeriek zijn');
    expect(w.find('[data-test=debiteurnummer]').text()).toContain('Het debiteurnummer mag maximaal 10 posities hebben');
  });

  it('R-FAC-3: de melding van de server staat op het scherm met wat de gemeente kan doen; de invoer blijft', async () => {
    const { w } = await maak(persoon());
    pib.uitgaand.verstuur.mockResolvedValue(geweigerdDoorIsi(409, MELDING_GEEN_REKENINGNUMMER, { code: 'GEEN_REKENINGNUMMER', regel: 'R-FAC-3' }, persoon()));
    await vulIn(w, 'ALM1', '14-02-2025');
    await versturen(w);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: { soort: 'FACTUUR_OPSLAAN', gc: '0034', persoonId: ID, versie: 4, nieuw: true, invoer: { factuurnummer: 'ALM1', factuurdatum: '2025-02-14', debiteurnummer: null } },
    });
    expect(w.find('[data-test=probleem]').text()).toBe(MELDING_GEEN_REKENINGNUMMER);
    expect(w.find('[data-test=rekeningnummer-uitleg]').text()).toContain('sci@duo.nl');
    expect((invoer(w, 'factuurnummer').element as HTMLInputElement).value).toBe('ALM1');
  });

  it('R-FAC-4: een bestaande factuur opent ingevuld en gaat als wijziging naar de server', async () => {
    const { w, router } = await maak(persoon({ factuur: FACTUUR, factuurAanwezig: 'J' }));
    expect((invoer(w, 'factuurnummer').element as HTMLInputElement).value).toBe('155441');
    expect((invoer(w, 'factuurdatum').element as HTMLInputElement).value).toBe('04-11-2019');
    const gewijzigd = { ...FACTUUR, factuurnummer: '155442' };
    pib.uitgaand.verstuur.mockResolvedValue(verzonden(gewijzigd, persoon({ factuur: gewijzigd, factuurAanwezig: 'J', versie: 5 })));
    await invoer(w, 'factuurnummer').setValue('155442');
    await versturen(w);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: { soort: 'FACTUUR_OPSLAAN', gc: '0034', persoonId: ID, versie: 4, nieuw: false, invoer: { factuurnummer: '155442', factuurdatum: '2019-11-04', debiteurnummer: null } },
    });
    expect(usePersonenStore().persoon?.factuur?.factuurnummer).toBe('155442');
    expect(usePersonenStore().melding).toBe('De factuur is gewijzigd.');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('persoon'), { timeout: 10_000 });
    expect(router.currentRoute.value.query.tab).toBe('factuur');
  });

  it('R-FAC-4: een geaccepteerde factuur geeft geen formulier; R-ROL-3: zonder WI2013MUT ook niet', async () => {
    let { w } = await maak(persoon({ factuur: { ...FACTUUR, status: 4, geaccepteerd: true }, factuurAanwezig: 'J' }));
    expect(w.find('[data-test=factuur-form]').exists()).toBe(false);
    expect(w.find('[data-test=alleen-lezen]').text()).toContain('Een geaccepteerde factuur kan niet meer worden gewijzigd of verwijderd.');
    ({ w } = await maak(persoon(), ['WI2013']));
    expect(w.find('[data-test=factuur-form]').exists()).toBe(false);
    expect(w.find('[data-test=alleen-lezen]').text()).toContain("Voor wijzigen is de rol 'Raadplegen en muteren gegevens 2013' nodig");
  });
});
