// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { MELDING_GEEN_RESULTATEN } from '../../../shared/rules/zoeken';
import { GEEN_SLEUTELOPSLAG } from './hulp-schermen';

// Online only (no key store on this machine): every search goes straight to ISI.
const pib = vi.hoisted(() => ({ personen: { zoek: vi.fn(), haal: vi.fn() }, cache: { sleutel: vi.fn() }, uitgaand: { verstuur: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { useSessieStore } = await import('../../../renderer/stores/sessie');
const { usePersonenStore, ingevuldeCriteria } = await import('../../../renderer/stores/personen');

const item = (bsn: string) => ({ id: `00000000-0000-4000-8000-${bsn.padStart(12, '0')}`, bsn, voornaam: 'Test', achternaam: 'X', geboortedatum: '1990-01-01', pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: 'N', factuurAanwezig: 'NVT', signaalAanwezig: 'N' });
const lijst = (totaal: number, pagina = 1) => ({ ok: true, waarde: { items: Array.from({ length: Math.min(totaal, 20) }, (_, i) => item(String(100 + i))), totaal, pagina, paginaGrootte: 20 } });

function inloggen(gebruikersnaam = 'x') {
  useSessieStore().sessie = {
    gebruiker: { gebruikersnaam, naam: 'X', rollen: ['WI2013', 'WI2013MUT'], gemeenten: [{ code: '0014', naam: 'Groningen' }, { code: '0034', naam: 'Almere' }] },
    verlooptOp: '',
  };
  useSessieStore().kiesGemeenteCode('0014');
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.clearAllMocks();
  pib.cache.sleutel.mockResolvedValue(GEEN_SLEUTELOPSLAG);
  inloggen();
});

describe('usePersonenStore', () => {
  it('R-ZP-4: nul resultaten geeft de melding, één de persoon, meer de lijst', async () => {
    const s = usePersonenStore();
    pib.personen.zoek.mockResolvedValueOnce(lijst(0));
    expect(await s.zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } })).toEqual({ ok: true, waarde: { soort: 'GEEN', melding: MELDING_GEEN_RESULTATEN } });
    pib.personen.zoek.mockResolvedValueOnce(lijst(1));
    expect(await s.zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } })).toEqual({ ok: true, waarde: { soort: 'PERSOON', id: item('100').id } });
    pib.personen.zoek.mockResolvedValueOnce(lijst(45));
    expect(await s.zoek({ soort: 'OVERIG', criteria: { pvtPlichtig: 'J' } })).toEqual({ ok: true, waarde: { soort: 'LIJST' } });
    expect(s.heeftResultatenlijst).toBe(true);
  });

  it('R-ZP-1: een BSN die niet in de gemeente voorkomt noemt de gemeente', async () => {
    const s = usePersonenStore();
    pib.personen.zoek.mockResolvedValueOnce(lijst(0));
    const u = await s.zoek({ soort: 'BSN', bsn: '994002026' });
    expect(u).toEqual({ ok: true, waarde: { soort: 'GEEN', melding: 'Deze persoon is niet gevonden in de gegevens van gemeente Groningen.' } });
    expect(pib.personen.zoek).toHaveBeenCalledWith({ gc: '0014', vraag: { bsn: '994002026', sorteer: 'bsn', pagina: 1, paginaGrootte: 20 } });
  });

  it('R-ZP-5: een nieuwe zoekopdracht begint op pagina 1 op BSN; andere pagina en sortering gaan naar de server', async () => {
    const s = usePersonenStore();
    pib.personen.zoek.mockResolvedValue(lijst(45));
    await s.zoek({ soort: 'OVERIG', criteria: { voldaan: 'N' } });
    // The list the search just fetched is shown without asking again.
    await s.toonPagina(1, { kolom: 'bsn', aflopend: false });
    expect(pib.personen.zoek).toHaveBeenCalledTimes(1);
    pib.personen.zoek.mockResolvedValueOnce(lijst(45, 2));
    const u = await s.toonPagina(2, { kolom: 'geboortedatum', aflopend: true });
    expect(pib.personen.zoek).toHaveBeenLastCalledWith({ gc: '0014', vraag: { voldaan: 'N', sorteer: '-geboortedatum', pagina: 2, paginaGrootte: 20 } });
    expect(u.ok && u.waarde.sortering).toEqual({ kolom: 'geboortedatum', aflopend: true });
    expect(s.lijst?.pagina).toBe(2);
    // Coming back later asks ISI again, so changes made meanwhile show.
    await s.toonPagina(2, { kolom: 'geboortedatum', aflopend: true });
    expect(pib.personen.zoek).toHaveBeenCalledTimes(3);
  });

  it('R-ZP-3: de criteria blijven staan tot "wis velden" of tot uitloggen', async () => {
    const s = usePersonenStore();
    s.criteria = { pvtPlichtig: 'J', startDeelnameVan: '2024-01-01' };
    s.bsn = '994002026';
    await nextTick();
    expect(s.criteria.pvtPlichtig).toBe('J');
    s.wisVelden();
    expect(s.criteria).toEqual({});
    s.criteria = { voldaan: 'N' };
    useSessieStore().verlopen('Sessie verlopen');
    await nextTick();
    expect(s.criteria).toEqual({});
    expect(s.bsn).toBe('');
  });

  it('R-GEM-1: een andere gemeente vergeet de resultaten, niet de criteria', async () => {
    const s = usePersonenStore();
    pib.personen.zoek.mockResolvedValue(lijst(45));
    s.criteria = { voldaan: 'N' };
    await s.zoek({ soort: 'OVERIG', criteria: { voldaan: 'N' } });
    useSessieStore().kiesGemeenteCode('0034');
    await nextTick();
    expect(s.lijst).toBeNull();
    expect(s.zoekvraag).toBeNull();
    expect(s.criteria).toEqual({ voldaan: 'N' });
  });

  it('R-ZP-2: alleen ingevulde criteria gaan mee', () => {
    expect(ingevuldeCriteria({ pvtPlichtig: 'J', voldaan: null, startDeelnameVan: '', eindeDeelnameTot: '2024-12-31', verblijf: undefined })).toEqual({ pvtPlichtig: 'J', eindeDeelnameTot: '2024-12-31' });
  });
});
