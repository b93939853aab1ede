import { describe, expect, it } from 'vitest';
import { Gemeentegeheugen } from '../../../../renderer/db/geheugen';
import { PERSONEN_KOLOMMEN } from '../../../../shared/rules/zoeken';
import type { PersonenZoekvraag, Persoon } from '../../../../shared/schemas/api';
import { maakPersoon, maakSignaal } from './hulp';

/** A deterministic stream of numbers, so a failure can be replayed. */
function willekeur(zaad: number): () => number {
  let x = zaad;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 1_000_000) / 1_000_000;
}

function persoon(n: number, r: () => number): Persoon {
  const datum = () => `202${Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  return maakPersoon(n, {
    achternaam: `Naam${Math.floor(r() * 40)}`,
    pvtPlichtig: r() < 0.8 ? 'J' : r() < 0.5 ? 'N' : null,
    datumStartPvtPlicht: datum(),
    datumStartDeelname: r() < 0.5 ? datum() : null,
    datumVoldaan: r() < 0.3 ? datum() : null,
    rechtOpMb: r() < 0.5 ? 'J' : 'N',
    versie: 1 + Math.floor(r() * 5),
  });
}

const VRAGEN: PersonenZoekvraag[] = [
  ...PERSONEN_KOLOMMEN.flatMap(({ kolom }) => [{ sorteer: kolom, paginaGrootte: 500 }, { pvtPlichtig: 'J' as const, sorteer: `-${kolom}`, paginaGrootte: 500 }]),
  { startPvtPlichtVan: '2022-01-01', startPvtPlichtTot: '2023-06-30', paginaGrootte: 500 },
  { startDeelnameVan: '2021-05-01', voldaan: 'J', sorteer: '-achternaam', paginaGrootte: 500 },
];

/** One round of random changes to `g` and to the reference map, then every question answered as by a memory built anew. */
function wijzigEnVergelijk(g: Gemeentegeheugen, personen: Map<string, Persoon>, r: () => number, ronde: number, aantal: { nieuw: number; weg: number }): void {
  const nieuw = Array.from({ length: aantal.nieuw }, () => persoon(1 + Math.floor(r() * 460), r));
  const weg = Array.from({ length: aantal.weg }, () => maakPersoon(1 + Math.floor(r() * 400)).id);
  g.zetPersonen(nieuw, weg, (p) => p);
  for (const id of weg) personen.delete(id);
  for (const p of nieuw) personen.set(p.id, p);
  const vers = new Gemeentegeheugen('0014');
  vers.zetPersonen([...personen.values()], [], (p) => p);
  for (const v of VRAGEN) expect(g.zoekPersonen(v), `ronde ${ronde}: ${JSON.stringify(v)}`).toEqual(vers.zoekPersonen(v));
}

describe('renderer/db: het geheugenmodel houdt zijn volgordes bij', () => {
  it('na elke kleine wijziging (toevoegen, wijzigen, verwijderen) geeft het dezelfde antwoorden als een geheugen dat opnieuw is opgebouwd', () => {
    const r = willekeur(42);
    const personen = new Map<string, Persoon>();
    for (let n = 1; n <= 400; n++) personen.set(maakPersoon(n).id, persoon(n, r));
    const g = new Gemeentegeheugen('0014');
    g.zetPersonen([...personen.values()], [], (p) => p);
    for (const v of VRAGEN) g.zoekPersonen(v);
    for (let ronde = 0; ronde < 25; ronde++) wijzigEnVergelijk(g, personen, r, ronde, { nieuw: 1 + Math.floor(r() * 6), weg: Math.floor(r() * 3) });
  });

  it('na alle sorteervolgordes vooraf (warmStap) en grotere wijzigingen per keer: dezelfde antwoorden als opnieuw opgebouwd', () => {
    const r = willekeur(7);
    const personen = new Map<string, Persoon>();
    for (let n = 1; n <= 400; n++) personen.set(maakPersoon(n).id, persoon(n, r));
    const g = new Gemeentegeheugen('0014');
    g.zetPersonen([...personen.values()], [], (p) => p);
    while (g.warmStap());
    // More changes than an order takes in place: filtered and merged in one pass.
    for (let ronde = 0; ronde < 8; ronde++) wijzigEnVergelijk(g, personen, r, ronde, { nieuw: 20 + Math.floor(r() * 30), weg: 1 + Math.floor(r() * 5) });
  });

  it('een wijziging midden in het vooraf sorteren (warmStap, in stappen) laat geen verkeerde volgorde achter', () => {
    const r = willekeur(11);
    const personen = new Map<string, Persoon>();
    for (let n = 1; n <= 12_000; n++) personen.set(maakPersoon(n).id, persoon(n, r));
    const g = new Gemeentegeheugen('0014');
    g.zetPersonen([...personen.values()], [], (p) => p);
    // A step stops after about 8 ms, wherever it is: then a change comes, the sorting goes on.
    for (let ronde = 0; ronde < 6; ronde++) {
      g.warmStap();
      const nieuw = Array.from({ length: 1 + ronde * 3 }, () => persoon(1 + Math.floor(r() * 12_000), r));
      g.zetPersonen(nieuw, [], (p) => p);
      for (const p of nieuw) personen.set(p.id, p);
    }
    while (g.warmStap());
    const vers = new Gemeentegeheugen('0014');
    vers.zetPersonen([...personen.values()], [], (p) => p);
    for (const v of VRAGEN) expect(g.zoekPersonen(v), JSON.stringify(v)).toEqual(vers.zoekPersonen(v));
  });

  it('signalen: een statuswijziging laat de gesorteerde kolommen kloppen', () => {
    const p = maakPersoon(1);
    const signalen = Array.from({ length: 120 }, (_, i) => maakSignaal(i + 1, p, { status: i % 3 === 0 ? 'NIEUW' : i % 3 === 1 ? 'IN_BEHANDELING' : 'AFGEHANDELD', datum: `2025-0${1 + (i % 9)}-1${i % 10}` }));
    const g = new Gemeentegeheugen('0014');
    g.zetSignalen(signalen, [], (s) => s.status);
    const vraag = { sorteer: 'status', paginaGrootte: 500 };
    g.zoekSignalen(vraag);
    // Three (taken in place) and then ten more (merged in one pass).
    const enkele = new Set(signalen.slice(20, 23).map((s) => s.id));
    g.toonSignalenOpnieuw([...enkele], (s) => (enkele.has(s.id) ? 'NIEUW' : s.status));
    const nuEnkele = new Gemeentegeheugen('0014');
    nuEnkele.zetSignalen(signalen, [], (s) => (enkele.has(s.id) ? 'NIEUW' : s.status));
    expect(g.zoekSignalen(vraag)).toEqual(nuEnkele.zoekSignalen(vraag));
    g.toonSignalenOpnieuw([...enkele], (s) => s.status);
    const gewijzigd = new Set(signalen.slice(0, 10).map((s) => s.id));
    g.toonSignalenOpnieuw([...gewijzigd], (s) => (gewijzigd.has(s.id) ? 'AFGEHANDELD' : s.status));
    const vers = new Gemeentegeheugen('0014');
    vers.zetSignalen(signalen, [], (s) => (gewijzigd.has(s.id) ? 'AFGEHANDELD' : s.status));
    expect(g.zoekSignalen(vraag)).toEqual(vers.zoekSignalen(vraag));
    expect(g.openstaand()).toBe(vers.openstaand());
  });
});
