import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache, type IndexedDbBron } from '../../../../renderer/db';
import type { Persoon, Probleem } from '../../../../shared/schemas/api';
import type { UitgaandeWijziging } from '../../../../shared/schemas/uitgaand';
import { maakPersoon, maakSignaal, nieuweBron, nieuweIdempotencyKey, pagina } from './hulp';

const GC = '0014';
const PROBLEEM: Probleem = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'U kunt dit nu niet wijzigen.', code: 'CONFLICT', regel: 'R-PVT-5' };

const pvt = (p: Persoon, datumVoldaan: string | null, versie = p.versie): UitgaandeWijziging => ({
  soort: 'PVT', gc: GC, persoonId: p.id, versie,
  wijziging: { datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', datumVoldaan, redenNietVoldaan: null },
});
const factuurOpslaan = (p: Persoon): Extract<UitgaandeWijziging, { soort: 'FACTUUR_OPSLAAN' }> => ({
  soort: 'FACTUUR_OPSLAAN', gc: GC, persoonId: p.id, versie: p.versie, nieuw: true, invoer: { factuurnummer: ' F2025001 ', factuurdatum: '2025-02-10', debiteurnummer: '' },
});
const FACTUUR = { factuurnummer: 'OUD1', factuurdatum: '2024-12-01', debiteurnummer: null, bedrag: 15_000, status: 2 as const, geaccepteerd: false };

let bron: IndexedDbBron;
let sleutel: string;
let cache: Cache;
const p1 = maakPersoon(1, { datumVoldaan: null, rechtOpMb: 'J' });
const p2 = maakPersoon(2, { lening: true, factuur: null, factuurAanwezig: 'N', datumVoldaan: '2024-12-01' });
const p3 = maakPersoon(3, { lening: false, factuur: FACTUUR, factuurAanwezig: 'J' });
const p4 = maakPersoon(4, { lening: true, factuur: FACTUUR, factuurAanwezig: 'J', signalen: { totaal: 2, nieuw: 1, inBehandeling: 1, afgehandeld: 0 } });
const s1 = maakSignaal(1, p4, { status: 'NIEUW' });
const s2 = maakSignaal(2, p4, { status: 'IN_BEHANDELING', code: 'SS607', omschrijving: 'Participatieplicht van persoon is gewijzigd.' });

beforeEach(async () => {
  bron = nieuweBron();
  sleutel = nieuweIdempotencyKey();
  cache = await openCache('medewerker', sleutel, { bron });
  await cache.pasToe(GC, pagina({ personen: [p1, p2, p3, p4], signalen: [s1, s2] }));
});

const ids = async (vraag: Parameters<Cache['zoekPersonen']>[1]) => (await cache.zoekPersonen(GC, vraag)).items.map((i) => i.id);

describe('renderer/db: de wachtrij legt wijzigingen over ISI\'s stand', () => {
  it('PVT: de persoon toont de wijziging, wacht op verzending, en een lokale zoekvraag (R-ZP-2) vindt wat de gebruiker veranderde', async () => {
    expect(await ids({ voldaan: 'J' })).toEqual([p2.id]);
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'sleutel-1', new Date('2025-02-01T10:00:00Z'));
    expect(e).toMatchObject({ status: 'WACHT', soort: 'PVT', gc: GC, persoonId: p1.id, idempotencyKey: 'sleutel-1', pogingen: 0, probleem: null, serverStand: null, aangemaakt: '2025-02-01T10:00:00.000Z' });
    const getoond = await cache.haalPersoon(GC, p1.id);
    expect(getoond).toMatchObject({ datumVoldaan: '2025-02-01', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', versie: 1, wachtend: 1, geweigerd: 0 });
    expect(await ids({ voldaan: 'J' })).toEqual([p1.id, p2.id]);
    expect(await ids({ startDeelnameVan: '2025-01-01', startDeelnameTot: '2025-01-31' })).toEqual([p1.id]);
    expect((await cache.zoekPersonen(GC, { bsn: p1.bsn })).items[0]!.voldaan).toBe('J');
  });

  it('FACTUUR_OPSLAAN toont de factuur zoals ISI haar vastlegt en Factuur aanwezig J (R-ZP-6)', async () => {
    await cache.zetInWachtrij(factuurOpslaan(p2), 'k');
    expect((await cache.haalPersoon(GC, p2.id))!).toMatchObject({
      factuur: { factuurnummer: 'F2025001', factuurdatum: '2025-02-10', debiteurnummer: null, bedrag: 15_000, status: null, geaccepteerd: false },
      factuurAanwezig: 'J', wachtend: 1,
    });
    expect(await ids({ factuurAanwezig: 'J' })).toEqual([p2.id, p3.id, p4.id]);
    expect(await ids({ factuurAanwezig: 'N' })).toEqual([p1.id]);
  });

  it('FACTUUR_VERWIJDEREN: zonder lening N.v.t., met lening Nee (R-ZP-6)', async () => {
    await cache.zetInWachtrij({ soort: 'FACTUUR_VERWIJDEREN', gc: GC, persoonId: p3.id, versie: 1 }, 'a');
    await cache.zetInWachtrij({ soort: 'FACTUUR_VERWIJDEREN', gc: GC, persoonId: p4.id, versie: 1 }, 'b');
    expect(await cache.haalPersoon(GC, p3.id)).toMatchObject({ factuur: null, factuurAanwezig: 'NVT' });
    expect(await cache.haalPersoon(GC, p4.id)).toMatchObject({ factuur: null, factuurAanwezig: 'N' });
    expect(await ids({ factuurAanwezig: 'J' })).toEqual([]);
    expect(await ids({ factuurAanwezig: 'N' })).toEqual([p1.id, p2.id, p4.id]);
  });

  it('R-SIG-3: SIGNAALSTATUS toont de nieuwe status; openstaand en de tellingen van de persoon volgen de getoonde status', async () => {
    expect(await cache.openstaand(GC)).toBe(2);
    await cache.zetInWachtrij({ soort: 'SIGNAALSTATUS', gc: GC, ids: [s1.id, s2.id], status: 'AFGEHANDELD' }, 'k');
    expect(await cache.openstaand(GC)).toBe(0);
    const lijst = await cache.zoekSignalen(GC, { status: 'AFGEHANDELD' });
    expect(lijst.items.map((s) => [s.id, s.status])).toEqual([[s1.id, 'AFGEHANDELD'], [s2.id, 'AFGEHANDELD']]);
    expect((await cache.haalPersoon(GC, p4.id))!.signalen).toEqual({ totaal: 2, nieuw: 0, inBehandeling: 0, afgehandeld: 2 });
    // A signal change lays over no person: nothing waits on p4 itself.
    expect((await cache.haalPersoon(GC, p4.id))!.wachtend).toBe(0);
  });

  it('verzonden: de entry gaat en ISI\'s antwoord vervangt de persoon, zonder overlay', async () => {
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    const antwoord = { ...p1, datumVoldaan: '2025-02-01', datumStartDeelname: '2025-01-06', datumEindeDeelname: '2025-01-20', versie: 2, magWijzigen: false, alleenLezenReden: 'x' };
    await cache.verzonden(e.id, antwoord);
    expect(await cache.wachtrij()).toEqual([]);
    expect(await cache.haalPersoon(GC, p1.id)).toEqual({ ...antwoord, wachtend: 0, geweigerd: 0 });
    expect(await ids({ voldaan: 'J' })).toEqual([p1.id, p2.id]);
  });

  it('verzonden zonder persoon (factuur verwijderd, 204): de wijziging is voortaan ISI\'s stand; signalen houden hun nieuwe status', async () => {
    const f = await cache.zetInWachtrij({ soort: 'FACTUUR_VERWIJDEREN', gc: GC, persoonId: p4.id, versie: 1 }, 'a');
    const s = await cache.zetInWachtrij({ soort: 'SIGNAALSTATUS', gc: GC, ids: [s1.id], status: 'IN_BEHANDELING' }, 'b');
    await cache.verzonden(f.id, null);
    await cache.verzonden(s.id, null);
    expect(await cache.haalPersoon(GC, p4.id)).toMatchObject({ factuur: null, factuurAanwezig: 'N', wachtend: 0 });
    expect((await cache.zoekSignalen(GC, { status: 'IN_BEHANDELING' })).totaal).toBe(2);
    // ISI's status underneath is now the sent one, so a refusal elsewhere cannot bring back NIEUW.
    const weer = await cache.zetInWachtrij({ soort: 'SIGNAALSTATUS', gc: GC, ids: [s1.id], status: 'AFGEHANDELD' }, 'c');
    await cache.geweigerd(weer.id, PROBLEEM, null);
    expect((await cache.zoekSignalen(GC, { status: 'IN_BEHANDELING' })).totaal).toBe(2);
  });

  it('geweigerd: de entry blijft als GEWEIGERD met probleem en serverStand; de persoon is ISI\'s huidige stand, zonder overlay', async () => {
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    const serverStand = { ...p1, rechtOpMb: 'N' as const, versie: 3 };
    await cache.geweigerd(e.id, PROBLEEM, serverStand);
    const [entry] = await cache.wachtrij();
    expect(entry).toMatchObject({ id: e.id, status: 'GEWEIGERD', probleem: PROBLEEM, serverStand, idempotencyKey: 'k' });
    expect(await cache.haalPersoon(GC, p1.id)).toEqual({ ...serverStand, wachtend: 0, geweigerd: 1 });
    expect(await ids({ voldaan: 'J' })).toEqual([p2.id]);
    expect(await ids({ rechtOpMb: 'N' })).toEqual([p1.id]);
  });

  it('geweigerd zonder serverStand: de overlay gaat eraf, ISI\'s laatst bekende stand blijft', async () => {
    const e = await cache.zetInWachtrij(factuurOpslaan(p2), 'k');
    await cache.geweigerd(e.id, PROBLEEM, null);
    expect(await cache.haalPersoon(GC, p2.id)).toEqual({ ...p2, wachtend: 0, geweigerd: 1 });
  });

  it('R-SIG-3: een geweigerde statuswijziging zet de signalen terug op de status van ISI', async () => {
    const e = await cache.zetInWachtrij({ soort: 'SIGNAALSTATUS', gc: GC, ids: [s1.id, s2.id], status: 'AFGEHANDELD' }, 'k');
    await cache.geweigerd(e.id, { ...PROBLEEM, status: 403, regel: 'R-ROL-3' }, null);
    expect(await cache.openstaand(GC)).toBe(2);
    expect((await cache.zoekSignalen(GC, { datumVan: '2025-01-01' })).items.map((s) => s.status).sort()).toEqual(['IN_BEHANDELING', 'NIEUW']);
  });

  it('verwerp: de geweigerde entry gaat, de persoon blijft ISI\'s stand', async () => {
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    await cache.geweigerd(e.id, PROBLEEM, null);
    await cache.verwerp(e.id);
    expect(await cache.wachtrij()).toEqual([]);
    expect(await cache.haalPersoon(GC, p1.id)).toEqual({ ...p1, wachtend: 0, geweigerd: 0 });
  });

  it('vervang: nieuwe sleutel en wijziging, weer WACHT; id en plaats in de verzendvolgorde blijven; de nieuwe wijziging ligt over de persoon', async () => {
    const a = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'ka', new Date('2025-02-01T10:00:00Z'));
    const b = await cache.zetInWachtrij(factuurOpslaan(p2), 'kb', new Date('2025-02-01T10:01:00Z'));
    await cache.geweigerd(a.id, { ...PROBLEEM, status: 412 }, { ...p1, versie: 4 });
    const c = await cache.vervang(a.id, pvt(p1, '2025-02-02', 4), 'kc', new Date('2025-02-01T10:05:00Z'));
    expect(c.id).toBe(a.id);
    expect(c).toMatchObject({ idempotencyKey: 'kc', wijziging: pvt(p1, '2025-02-02', 4), status: 'WACHT', probleem: null, serverStand: null, pogingen: 0, aangemaakt: '2025-02-01T10:05:00.000Z' });
    expect((await cache.wachtrij()).map((e) => [e.id, e.idempotencyKey])).toEqual([[a.id, 'kc'], [b.id, 'kb']]);
    expect(await cache.haalPersoon(GC, p1.id)).toMatchObject({ datumVoldaan: '2025-02-02', versie: 4, wachtend: 1, geweigerd: 0 });
    // A waiting entry can be corrected too (same key, as for a new If-Match version).
    const d = await cache.vervang(b.id, { ...factuurOpslaan(p2), versie: 2 }, 'kb');
    expect(d).toMatchObject({ id: b.id, idempotencyKey: 'kb', wijziging: { versie: 2 } });
    expect((await cache.wachtrij()).map((e) => e.id)).toEqual([a.id, b.id]);
  });

  it('een synchronisatiepagina onder een wachtende wijziging werkt ISI\'s stand bij en houdt de overlay', async () => {
    await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    await cache.zetInWachtrij({ soort: 'SIGNAALSTATUS', gc: GC, ids: [s1.id], status: 'AFGEHANDELD' }, 'k2');
    await cache.pasToe(GC, pagina({ personen: [{ ...p1, rechtOpMb: 'N', versie: 2 }], signalen: [{ ...s1, status: 'IN_BEHANDELING' }], cursor: 'c2' }));
    expect(await cache.haalPersoon(GC, p1.id)).toMatchObject({ rechtOpMb: 'N', versie: 2, datumVoldaan: '2025-02-01', wachtend: 1 });
    expect(await ids({ rechtOpMb: 'N', voldaan: 'J' })).toEqual([p1.id]);
    expect((await cache.zoekSignalen(GC, { code: 'SS601' })).items[0]!.status).toBe('AFGEHANDELD');
    // Refused now: the signal shows what ISI has since the sync, not what it had before.
    const [, sig] = await cache.wachtrij();
    await cache.geweigerd(sig!.id, PROBLEEM, null);
    expect((await cache.zoekSignalen(GC, { code: 'SS601' })).items[0]!.status).toBe('IN_BEHANDELING');
  });

  it('na sluiten en heropenen (herstart) is de wachtrij er nog, met dezelfde idempotencyKey, en de overlay ook', async () => {
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'blijvende-sleutel');
    const voor = await cache.wachtrij();
    await cache.sluit();
    cache = await openCache('medewerker', sleutel, { bron });
    expect(await cache.wachtrij()).toEqual(voor);
    expect(voor[0]).toMatchObject({ id: e.id, idempotencyKey: 'blijvende-sleutel', wijziging: pvt(p1, '2025-02-01') });
    expect(await cache.haalPersoon(GC, p1.id)).toMatchObject({ datumVoldaan: '2025-02-01', wachtend: 1 });
  });

  it('WAARDEPAPIEREN en CONTACT hebben geen lokaal record; de volgorde is die van aangemaakt', async () => {
    const later = await cache.zetInWachtrij({ soort: 'CONTACT', gc: GC, bericht: { naam: 'A', email: 'a@b.nl', magBellen: false, onderwerp: 'o', bericht: 'b' } }, 'k1', new Date('2025-02-01T12:00:00Z'));
    const eerder = await cache.zetInWachtrij({ soort: 'WAARDEPAPIEREN', gc: GC, bestelling: { soort: 'PVT_WAARDEPAPIEREN', aantalSets: 2, contactpersoon: 'A', email: 'a@b.nl' } }, 'k2', new Date('2025-02-01T11:00:00Z'));
    expect((await cache.wachtrij()).map((e) => [e.id, e.persoonId])).toEqual([[eerder.id, null], [later.id, null]]);
    for (const p of [p1, p2, p3, p4]) expect((await cache.haalPersoon(GC, p.id))!.wachtend).toBe(0);
  });

  it('mislukt telt een poging en laat de entry wachten; een onbekende entry is een duidelijke fout', async () => {
    const e = await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    await cache.mislukt(e.id);
    await cache.mislukt(e.id);
    expect(await cache.wachtrij()).toMatchObject([{ id: e.id, status: 'WACHT', pogingen: 2 }]);
    await expect(cache.verzonden('bestaat-niet', null)).rejects.toMatchObject({ code: 'ONBEKENDE_ENTRY' });
    await expect(cache.mislukt('bestaat-niet')).rejects.toMatchObject({ code: 'ONBEKENDE_ENTRY' });
  });

  it('een persoon in twee gemeenten: de overlay geldt de gemeente van de wijziging', async () => {
    await cache.pasToe('0034', pagina({ personen: [{ ...p1, verblijf: 'VOORMALIG' }] }));
    await cache.zetInWachtrij(pvt(p1, '2025-02-01'), 'k');
    expect(await cache.haalPersoon('0034', p1.id)).toMatchObject({ datumVoldaan: null, verblijf: 'VOORMALIG', wachtend: 0 });
    expect(await cache.haalPersoon(GC, p1.id)).toMatchObject({ datumVoldaan: '2025-02-01', verblijf: 'WOONACHTIG', wachtend: 1 });
  });
});
