// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, createMemoryHistory } from 'vue-router';
import { createVuetify } from 'vuetify';
import type { Persoon } from '../../../shared/schemas/api';
import { GEEN_SLEUTELOPSLAG, geweigerd, geweigerdDoorIsi, verzonden } from './hulp-schermen';

// Online only (no key store on this machine): every change goes straight to ISI through the outbox channel.
const pib = vi.hoisted(() => ({ personen: { zoek: vi.fn(), haal: vi.fn() }, cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { usePersonenStore } = await import('../../../renderer/stores/personen');
const { routes } = await import('../../../renderer/router');
const PvtWijzigenView = (await import('../../../renderer/views/PvtWijzigenView.vue')).default;

const ID = '00000000-0000-4000-8000-000000000002';
function persoon(extra: Partial<Persoon> = {}): Persoon {
  return {
    id: ID, bsn: '999900006', voornamen: 'Test', voorvoegsels: null, achternaam: 'Pvt', geslacht: 2, geboortedatum: '1985-05-17',
    wet: 'WI2013', inburgeringsplichtig: true, gemeentecode: '0014', verblijf: 'WOONACHTIG', overleden: false, lening: false,
    gemeenteEersteVestiging: { code: '0014', naam: 'Groningen' }, gemeenteEindePvt: null, pvtPlichtig: 'J', datumStartPvtPlicht: '2024-01-01',
    datumEindePvtPlicht: '2024-12-31', datumStartDeelname: '2024-03-04', datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null,
    registratieDefinitief: false, registratieDefinitiefOp: null, rechtOpMb: 'N', datumMbGemeldBijBzk: null, factuurAanwezig: 'NVT', factuur: null,
    signalen: { totaal: 0, nieuw: 0, inBehandeling: 0, afgehandeld: 0 }, magWijzigen: true, alleenLezenReden: null, versie: 7, ...extra,
  };
}

async function maak(p: Persoon) {
  pib.personen.haal.mockResolvedValue({ ok: true, waarde: p });
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessieStore().sessie = { gebruiker: { gebruikersnaam: 'x', naam: 'X', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: '0014', naam: 'Groningen' }] }, verlooptOp: '' };
  useSessieStore().kiesGemeenteCode('0014');
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(`/personen/${p.id}/pvt`);
  await router.isReady();
  const w = mount(PvtWijzigenView, { global: { plugins: [pinia, router, createVuetify()] } });
  await flushPromises();
  return { w, router };
}

type W = Awaited<ReturnType<typeof maak>>['w'];
const invoer = (w: W, veld: string) => w.find(`[data-test=${veld}] input`);
async function kiesReden(w: W, code: string) {
  w.findComponent({ name: 'VSelect' }).vm.$emit('update:modelValue', code);
  await flushPromises();
}
async function opslaan(w: W) {
  await w.find('[data-test=pvt-form]').trigger('submit');
  await flushPromises();
}

beforeEach(() => {
  vi.clearAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
});

describe('PvtWijzigenView (§3.5)', () => {
  it('R-PVT-2: het formulier opent met de gegevens zoals ze nu geregistreerd zijn', async () => {
    const { w } = await maak(persoon());
    expect(w.find('h1').text()).toBe('PVT gegevens wijzigen');
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('04-03-2024');
    expect((invoer(w, 'datumEindeDeelname').element as HTMLInputElement).value).toBe('');
    expect(w.find('[data-test=definitief-uitleg]').text()).toContain('worden pas na twee weken definitief vastgelegd');
  });

  it('R-PVT-4: de gekozen reden zet de datumvelden live dicht en open, met de "Let op" van het handboek', async () => {
    const { w } = await maak(persoon());
    await kiesReden(w, 'WEIGERT_DEELNAME');
    expect(invoer(w, 'datumStartDeelname').attributes('disabled')).toBeDefined();
    expect(invoer(w, 'datumVoldaan').attributes('disabled')).toBeDefined();
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('');
    expect(w.find('[data-test=reden-let-op]').text()).toBe("Let op: 'Datum start deelname PV-traject', 'Datum einde deelname PV-traject' en 'Datum voldaan aan PVT-plicht' moeten leeg zijn.");
    await kiesReden(w, 'ZIEKTE');
    expect(invoer(w, 'datumStartDeelname').attributes('disabled')).toBeUndefined();
    // What was typed comes back when the field opens again.
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('04-03-2024');
    expect(invoer(w, 'datumVoldaan').attributes('disabled')).toBeDefined();
    await kiesReden(w, '');
    expect(invoer(w, 'datumVoldaan').attributes('disabled')).toBeUndefined();
  });

  it('R-PVT-5: vooraf staat vanaf welke datum de reden mag', async () => {
    const { w } = await maak(persoon({ datumEindePvtPlicht: '2025-04-30' }));
    await kiesReden(w, 'GEEN_AANBOD');
    expect(w.find('[data-test=reden-timing]').text()).toContain('De gekozen reden kan worden geregistreerd vanaf 28-02-2025.');
    await kiesReden(w, 'OVERMACHT');
    expect(w.find('[data-test=reden-timing]').text()).toContain('De gekozen reden kan worden geregistreerd vanaf 01-05-2025.');
  });

  it('R-PVT-7: bij Detentie de randvoorwaarden, en zonder bevestiging wordt niets verstuurd', async () => {
    const { w, router } = await maak(persoon());
    await kiesReden(w, 'DETENTIE');
    expect(w.find('[data-test=randvoorwaarden]').text()).toContain('minimaal 2 maanden in detentie');
    await opslaan(w);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    expect(w.find('[data-test=bewijs-bevestigd]').text()).toContain('Bevestig dat de gemeente het bewijs voor deze reden in bezit heeft.');

    const na = persoon({ redenNietVoldaan: 'DETENTIE', registratieDefinitiefOp: '2025-03-17', versie: 8 });
    pib.uitgaand.verstuur.mockResolvedValue(verzonden(na, na));
    await w.find('[data-test=bewijs-bevestigd] input').setValue(true);
    await opslaan(w);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledTimes(1);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledWith({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      wijziging: {
        soort: 'PVT', gc: '0014', persoonId: ID, versie: 7,
        wijziging: { datumStartDeelname: '2024-03-04', datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: 'DETENTIE' },
      },
    });
    expect(usePersonenStore().melding).toBe('De PVT gegevens zijn opgeslagen. De registratie wordt definitief op 17-03-2025. Tot dat moment kunt u deze nog wijzigen.');
    // The person shown is ISI's answer.
    expect(usePersonenStore().persoon).toMatchObject({ redenNietVoldaan: 'DETENTIE', versie: 8 });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('persoon'), { timeout: 10_000 });
  });

  it('R-PVT-7: Geen aanbod toont de voorwaarden voor de verlenging vanwege een opleiding, zonder bevestiging', async () => {
    const { w } = await maak(persoon({ datumStartDeelname: null }));
    await kiesReden(w, 'GEEN_AANBOD');
    expect(w.find('[data-test=randvoorwaarden]').text()).toContain('Verlenging vanwege een opleiding');
    expect(w.find('[data-test=bewijs-bevestigd]').exists()).toBe(false);
  });

  it('R-PVT-6: dezelfde regel als de server vooraf; elke klik een nieuwe Idempotency-Key met de gelezen versie', async () => {
    const { w } = await maak(persoon());
    await invoer(w, 'datumEindeDeelname').setValue('01-03-2024');
    await invoer(w, 'datumEindeDeelname').trigger('blur');
    await opslaan(w);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    expect(w.find('[data-test=datumEindeDeelname]').text()).toContain("'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'.");

    await invoer(w, 'datumEindeDeelname').setValue('15-03-2024');
    await invoer(w, 'datumEindeDeelname').trigger('blur');
    pib.uitgaand.verstuur.mockResolvedValue(geweigerdDoorIsi(409, 'De server weigert.', { code: 'REDEN_TE_VROEG', regel: 'R-PVT-5' }, persoon()));
    await opslaan(w);
    await opslaan(w);
    const sleutels = pib.uitgaand.verstuur.mock.calls.map(([a]) => a.idempotencyKey);
    expect(sleutels).toHaveLength(2);
    expect(new Set(sleutels).size).toBe(2);
    expect(pib.uitgaand.verstuur.mock.calls.map(([a]) => a.wijziging.versie)).toEqual([7, 7]);
    expect(pib.uitgaand.verstuur.mock.calls[0]![0].wijziging).toMatchObject({ soort: 'PVT', persoonId: ID, wijziging: { datumEindeDeelname: '2024-03-15' } });
    // The server's refusal in place; the typed values stay.
    expect(w.find('[data-test=probleem]').text()).toBe('De server weigert.');
    expect((invoer(w, 'datumEindeDeelname').element as HTMLInputElement).value).toBe('15-03-2024');
  });

  it('R-PVT-6: een getypte datum die niet bestaat wordt niet stil vervangen door de oude waarde', async () => {
    const { w } = await maak(persoon());
    await invoer(w, 'datumStartDeelname').setValue('31-02-2024');
    await invoer(w, 'datumStartDeelname').trigger('blur');
    await opslaan(w);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    expect(w.findAll('[data-test=fout-link]').map((a) => a.text())).toEqual(["Vul bij 'Datum start deelname PV-traject' een bestaande datum in als dd-mm-jjjj."]);
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('31-02-2024');
  });

  it('issue 13: elke fout tegelijk in het overzicht, dat bijwerkt terwijl de gebruiker verbetert', async () => {
    const { w } = await maak(persoon());
    await invoer(w, 'datumStartDeelname').setValue('10-02-2025');
    await invoer(w, 'datumStartDeelname').trigger('blur');
    await invoer(w, 'datumEindeDeelname').setValue('03-02-2025');
    await invoer(w, 'datumEindeDeelname').trigger('blur');
    await invoer(w, 'datumVoldaan').setValue('03-01-2099');
    await invoer(w, 'datumVoldaan').trigger('blur');
    await opslaan(w);
    expect(pib.uitgaand.verstuur).not.toHaveBeenCalled();
    const links = () => w.findAll('[data-test=fout-link]').map((a) => a.text());
    expect(links()).toEqual([
      "'Datum voldaan aan PVT-plicht' mag niet in de toekomst liggen.",
      "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'.",
    ]);
    // Beside each field too.
    expect(w.find('[data-test=datumVoldaan]').text()).toContain('mag niet in de toekomst liggen');
    await invoer(w, 'datumVoldaan').setValue('14-02-2025');
    await invoer(w, 'datumVoldaan').trigger('blur');
    await flushPromises();
    expect(links()).toEqual(["'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'."]);
    expect(w.find('[data-test=datumVoldaan]').text()).not.toContain('mag niet in de toekomst liggen');
    await invoer(w, 'datumEindeDeelname').setValue('14-02-2025');
    await invoer(w, 'datumEindeDeelname').trigger('blur');
    await flushPromises();
    expect(w.find('[data-test=foutenoverzicht]').exists()).toBe(false);
  });

  it('R-PVT-2: 412 zegt één keer dat de persoon intussen gewijzigd is, toont DUO naast de invoer en laat kiezen', async () => {
    const { w } = await maak(persoon());
    await invoer(w, 'datumStartDeelname').setValue('03-02-2025');
    await invoer(w, 'datumStartDeelname').trigger('blur');
    pib.uitgaand.verstuur.mockResolvedValueOnce(geweigerdDoorIsi(412, 'De gegevens van deze persoon zijn intussen gewijzigd.', { code: 'VERSIE' }, persoon({ datumStartDeelname: '2024-05-06', versie: 9 })));
    pib.personen.haal.mockResolvedValueOnce({ ok: true, waarde: persoon({ datumStartDeelname: '2024-05-06', versie: 9 }) });
    await opslaan(w);
    const conflict = w.find('[data-test=versieconflict]');
    expect(conflict.text().match(/intussen/g)).toHaveLength(1);
    expect(w.find('[data-test=conflict-datumStartDeelname] [data-test=mijn]').text()).toBe('03-02-2025');
    expect(w.find('[data-test=conflict-datumStartDeelname] [data-test=duo]').text()).toBe('06-05-2024');
    // Nothing typed is lost while the user compares.
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('03-02-2025');

    // Keep my input: the form stays, and the next save is on DUO's version.
    await w.find('[data-test=houd-mijn]').trigger('click');
    await flushPromises();
    expect(w.find('[data-test=versieconflict]').exists()).toBe(false);
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('03-02-2025');
    expect(usePersonenStore().persoon?.versie).toBe(9);
  });

  it('R-PVT-2: na 412 neemt "Gegevens van DUO overnemen" de waarden van DUO in het formulier', async () => {
    const { w } = await maak(persoon());
    pib.uitgaand.verstuur.mockResolvedValueOnce(geweigerdDoorIsi(412, 'De gegevens van deze persoon zijn intussen gewijzigd.', { code: 'VERSIE' }, null));
    pib.personen.haal.mockResolvedValueOnce({ ok: true, waarde: persoon({ datumStartDeelname: '2024-05-06', versie: 9 }) });
    await opslaan(w);
    await w.find('[data-test=neem-duo]').trigger('click');
    await flushPromises();
    expect(w.find('[data-test=versieconflict]').exists()).toBe(false);
    expect((invoer(w, 'datumStartDeelname').element as HTMLInputElement).value).toBe('06-05-2024');
    expect(usePersonenStore().persoon?.versie).toBe(9);
  });

  it('zonder veilige sleutelopslag (alleen online) wacht er niets: geen verbinding staat op het scherm en de invoer blijft', async () => {
    const { w, router } = await maak(persoon());
    expect(pib.cache.sleutel).toHaveBeenCalled();
    await invoer(w, 'datumEindeDeelname').setValue('15-03-2024');
    await invoer(w, 'datumEindeDeelname').trigger('blur');
    pib.uitgaand.verstuur.mockResolvedValue(geweigerd(0, 'Er is geen verbinding met DUO.'));
    await opslaan(w);
    expect(pib.uitgaand.verstuur).toHaveBeenCalledTimes(1);
    expect(w.find('[data-test=probleem]').text()).toBe('Er is geen verbinding met DUO.');
    expect((invoer(w, 'datumEindeDeelname').element as HTMLInputElement).value).toBe('15-03-2024');
    expect(usePersonenStore().melding).toBeNull();
    expect(router.currentRoute.value.name).toBe('pvt-wijzigen');
  });

  it('R-PVT-1: zonder magWijzigen geen formulier maar de reden', async () => {
    const { w } = await maak(persoon({ magWijzigen: false, alleenLezenReden: 'Deze persoon is niet PVT-plichtig.' }));
    expect(w.find('[data-test=pvt-form]').exists()).toBe(false);
    expect(w.find('[data-test=alleen-lezen]').text()).toBe('Deze persoon is niet PVT-plichtig.');
  });
});
