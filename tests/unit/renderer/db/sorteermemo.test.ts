import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCache, type Cache, type IndexedDbBron } from '../../../../renderer/db';
import type { Persoon } from '../../../../shared/schemas/api';
import { achternaamVan, maakPersoon, maakSignaal, nieuweBron, nieuweSleutel, pagina } from './hulp';

const GC = '0014';
const AANTAL = 300;
// Surnames in another order than BSNs, so sorting on them means something.
const personen: Persoon[] = Array.from({ length: AANTAL }, (_, i) => maakPersoon(i + 1, { achternaam: `${achternaamVan((i * 37) % AANTAL)}x`, pvtPlichtig: i % 3 === 0 ? 'N' : 'J' }));
const signalen = personen.slice(0, 50).map((p, i) => maakSignaal(i + 1, p, { datum: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}` }));

let bron: IndexedDbBron;
let sleutel: string;
let cache: Cache;
let ontsleutel: ReturnType<typeof vi.spyOn<SubtleCrypto, 'decrypt'>>;

beforeEach(async () => {
  bron = nieuweBron();
  sleutel = nieuweSleutel();
  cache = await openCache('m', sleutel, { bron });
  await cache.pasToe(GC, pagina({ personen, signalen }));
  ontsleutel = vi.spyOn(crypto.subtle, 'decrypt');
});
afterEach(() => {
  ontsleutel.mockRestore();
  cache.sluit();
});

const gesorteerd = (lijst: Persoon[], sleutel: (p: Persoon) => string) => [...lijst].sort((a, b) => (sleutel(a) < sleutel(b) ? -1 : sleutel(a) > sleutel(b) ? 1 : a.bsn < b.bsn ? -1 : 1));

describe('renderer/db: de sorteermemo (persoonlijke kolommen kunnen geen index zijn)', () => {
  it('R-ZP-5: na warmOp ontsleutelt een pagina niets, in welke volgorde ook', async () => {
    await cache.warmOp(GC);
    ontsleutel.mockClear();
    const lijst = await cache.zoekPersonen(GC, { pvtPlichtig: 'J', sorteer: '-achternaam', pagina: 3, paginaGrootte: 20 });
    const verwacht = gesorteerd(personen.filter((p) => p.pvtPlichtig === 'J'), (p) => p.achternaam).reverse();
    expect(lijst.items.map((i) => i.id)).toEqual(verwacht.slice(40, 60).map((p) => p.id));
    expect(lijst.totaal).toBe(200);
    await cache.zoekPersonen(GC, { pvtPlichtig: 'N', sorteer: 'geboortedatum' });
    await cache.zoekSignalen(GC, { datumVan: '2025-01-10', sorteer: 'achternaam' });
    expect(ontsleutel).not.toHaveBeenCalled();
  });

  it('koud ontsleutelt een zoekvraag alleen de kern van haar treffers, eenmaal; de volgende pagina niets', async () => {
    cache.sluit();
    cache = await openCache('m', sleutel, { bron });
    ontsleutel.mockClear();
    await cache.zoekPersonen(GC, { bsn: personen[10]!.bsn });
    expect(ontsleutel).toHaveBeenCalledTimes(1);
    ontsleutel.mockClear();
    await cache.zoekPersonen(GC, { pvtPlichtig: 'N', sorteer: 'voornaam' });
    expect(ontsleutel).toHaveBeenCalledTimes(100);
    ontsleutel.mockClear();
    await cache.zoekPersonen(GC, { pvtPlichtig: 'N', sorteer: 'voornaam', pagina: 2 });
    await cache.zoekPersonen(GC, { pvtPlichtig: 'N', sorteer: '-bsn', pagina: 4 });
    expect(ontsleutel).not.toHaveBeenCalled();
  });

  it('een herschreven record verliest zijn memo-regel: alleen dat record wordt opnieuw ontsleuteld', async () => {
    await cache.warmOp(GC);
    const p = personen[200]!;
    await cache.pasToe(GC, pagina({ personen: [{ ...p, achternaam: 'Aaa' }], cursor: 'c2' }));
    ontsleutel.mockClear();
    const lijst = await cache.zoekPersonen(GC, { pvtPlichtig: p.pvtPlichtig!, sorteer: 'achternaam' });
    expect(lijst.items[0]).toMatchObject({ id: p.id, achternaam: 'Aaa' });
    expect(ontsleutel).toHaveBeenCalledTimes(1);
  });

  it('haalPersoon ontsleutelt alleen die ene persoon', async () => {
    ontsleutel.mockClear();
    expect(await cache.haalPersoon(GC, personen[5]!.id)).toEqual({ ...personen[5], wachtend: 0, geweigerd: 0 });
    expect(ontsleutel).toHaveBeenCalledTimes(1);
  });

  it('warmOp voor dezelfde gemeente deelt één run; een schrijfactie tijdens het opwarmen laat geen oude waarde achter', async () => {
    const a = cache.warmOp(GC);
    expect(cache.warmOp(GC)).toBe(a);
    const p = personen[0]!;
    await cache.pasToe(GC, pagina({ personen: [{ ...p, achternaam: 'Aaa' }], cursor: 'c2' }));
    await a;
    expect((await cache.zoekPersonen(GC, { pvtPlichtig: p.pvtPlichtig!, sorteer: 'achternaam', paginaGrootte: 1 })).items[0]).toMatchObject({ id: p.id, achternaam: 'Aaa' });
  });
});
