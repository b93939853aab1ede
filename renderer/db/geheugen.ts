import { isOpenstaand, SIGNALEN_PAGINA_GROOTTE, type SignaalStatus } from '../../shared/rules/signalen';
import { DATUMBEREIKEN, PERSONEN_PAGINA_GROOTTE } from '../../shared/rules/zoeken';
import type { PersonenZoekvraag, Persoon, PersoonInLijst, SignaalInLijst, SignaalVolledig, SignalenZoekvraag } from '../../shared/schemas/api';
import { vergelijkPersonen, vergelijkSignalen } from './volgorde';
import { indexVelden, type IndexVelden } from './weergave';

export type PersonenVraag = Omit<PersonenZoekvraag, 'pagina' | 'paginaGrootte'>;
export type SignalenVraag = Omit<SignalenZoekvraag, 'pagina' | 'paginaGrootte'> & { statussen?: readonly SignaalStatus[] };

/** One person of a gemeente's PIB: ISI's state, what the user sees (with waiting changes), and its search fields. */
interface PersoonRecord {
  isi: Persoon;
  getoond: Persoon;
  velden: IndexVelden;
  lijst: PersoonInLijst;
}

interface SignaalRecord {
  isi: SignaalVolledig;
  /** As shown: ISI's status, or the one a waiting SIGNAALSTATUS change sets. R-SIG-3 counts this one. */
  status: SignaalStatus;
  lijst: SignaalInLijst;
}

const DATUMVELDEN = {
  startPvtPlichtVan: 'datumStartPvtPlicht',
  eindePvtPlichtVan: 'datumEindePvtPlicht',
  startDeelnameVan: 'datumStartDeelname',
  eindeDeelnameVan: 'datumEindeDeelname',
} as const satisfies Record<(typeof DATUMBEREIKEN)[number][0], keyof IndexVelden>;
type Datumveld = (typeof DATUMVELDEN)[keyof typeof DATUMVELDEN];
const GELIJKVELDEN = ['pvtPlichtig', 'voldaan', 'rechtOpMb', 'verblijf', 'factuurAanwezig'] as const;
type Gelijkveld = (typeof GELIJKVELDEN)[number];

/** Sorted results kept per gemeente, so paging through one search sorts once. */
const BEWAARDE_RESULTATEN = 16;

function lijstregel(p: Persoon, v: IndexVelden): PersoonInLijst {
  return {
    id: p.id, bsn: p.bsn, voornaam: p.voornamen, achternaam: p.achternaam, geboortedatum: p.geboortedatum,
    pvtPlichtig: v.pvtPlichtig || null, voldaan: v.voldaan, rechtOpMb: v.rechtOpMb || null,
    factuurAanwezig: v.factuurAanwezig, signaalAanwezig: v.signaalAanwezig,
  };
}

function signaalregel(s: SignaalVolledig, status: SignaalStatus): SignaalInLijst {
  return { id: s.id, persoonId: s.persoonId, status, bsn: s.bsn, achternaam: s.achternaam, code: s.code, omschrijving: s.omschrijving, datum: s.datum };
}

/**
 * The first index in `rij` (sorted on `d`) whose date is at least `d`, or with `na`, after `d`:
 * a range's start is the first at least its lower bound, its end the first after its upper bound.
 */
function grens(rij: readonly { d: string }[], d: string, na = false): number {
  let lo = 0;
  let hi = rij.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (rij[m]!.d < d || (na && rij[m]!.d === d)) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Memoised results: one search's ids in ISI's order. Any change to the gemeente drops them all; a
 * search is then answered from the indexes again (which rebuild only what changed, lazily).
 */
class Resultaten {
  private readonly kaart = new Map<string, string[]>();

  haal(zoekvraag: string, maak: () => string[]): string[] {
    const bewaard = this.kaart.get(zoekvraag);
    if (bewaard) {
      // Most recently used last, so the oldest is the first to go.
      this.kaart.delete(zoekvraag);
      this.kaart.set(zoekvraag, bewaard);
      return bewaard;
    }
    const ids = maak();
    this.kaart.set(zoekvraag, ids);
    if (this.kaart.size > BEWAARDE_RESULTATEN) this.kaart.delete(this.kaart.keys().next().value!);
    return ids;
  }

  wis(): void {
    this.kaart.clear();
  }
}

/**
 * The caseload of one gemeente in memory (ARCHITECTURE.md: memory first): every person and signal
 * as ISI sent them, with the user's waiting changes laid over, and the indexes every search, sort
 * and count is answered from. Indexes are built when first asked and dropped on a change, so a
 * sync page costs a few map writes, and the next search pays for the index it uses, once.
 *
 * The BSN index maps the BSN itself: in memory the persons are decrypted anyway, and on disk there
 * is no index at all (the chunks are encrypted whole), so a keyed hash would protect nothing here.
 */
export class Gemeentegeheugen {
  private readonly personen = new Map<string, PersoonRecord>();
  private readonly perBsn = new Map<string, string>();
  private readonly signalen = new Map<string, SignaalRecord>();
  private readonly signalenVanPersoon = new Map<string, Set<string>>();
  private gelijk = new Map<Gelijkveld, Map<string, string[]>>();
  private datums = new Map<Datumveld, { d: string; id: string }[]>();
  private persoonOrden = new Map<string, string[]>();
  private signaalOrden = new Map<string, string[]>();
  private signaalBsn: Map<string, string[]> | null = null;
  private readonly resultaten = new Resultaten();
  private veranderdePersonen = new Set<string>();
  private veranderdeSignalen = new Set<string>();
  constructor(readonly gc: string) {}

  get aantalPersonen(): number {
    return this.personen.size;
  }

  get aantalSignalen(): number {
    return this.signalen.size;
  }

  /**
   * A change: kept results go at once; the sorted columns and date indexes are brought up to date
   * when next asked (`bijwerken`), by sorting only the changed records and merging them in, so a
   * sync of a thousand changes does not make the next search sort a hundred thousand again.
   */
  private gewijzigd(personen: Iterable<string>, signalen: Iterable<string>): void {
    this.resultaten.wis();
    let p = false;
    for (const id of personen) {
      this.veranderdePersonen.add(id);
      p = true;
    }
    let s = false;
    for (const id of signalen) {
      this.veranderdeSignalen.add(id);
      s = true;
    }
    if (p) this.gelijk = new Map();
    if (s) this.signaalBsn = null;
  }

  /** The kept columns and date indexes with the changed records merged in (or dropped, when most changed). */
  private bijwerken(): void {
    if (this.veranderdePersonen.size > 0) {
      const ids = this.veranderdePersonen;
      this.veranderdePersonen = new Set();
      if (ids.size * 4 > this.personen.size) {
        this.datums = new Map();
        this.persoonOrden = new Map();
      } else {
        const nu = [...ids].filter((id) => this.personen.has(id));
        for (const [sorteer, orde] of this.persoonOrden) {
          const vergelijk = vergelijkPersonen(sorteer);
          const rij = (id: string) => this.personen.get(id)!.lijst;
          this.persoonOrden.set(sorteer, voegIn(orde.filter((id) => !ids.has(id)), nu.map(rij).sort(vergelijk).map((r) => r.id), (a, b) => vergelijk(rij(a), rij(b))));
        }
        for (const [veld, rij] of this.datums) {
          const erbij = nu.flatMap((id) => {
            const d = this.personen.get(id)!.velden[veld];
            return d ? [{ d, id }] : [];
          }).sort(opDatum);
          this.datums.set(veld, voegIn(rij.filter((x) => !ids.has(x.id)), erbij, opDatum));
        }
      }
    }
    if (this.veranderdeSignalen.size > 0) {
      const ids = this.veranderdeSignalen;
      this.veranderdeSignalen = new Set();
      if (ids.size * 4 > this.signalen.size) this.signaalOrden = new Map();
      else {
        const nu = [...ids].filter((id) => this.signalen.has(id));
        for (const [sorteer, orde] of this.signaalOrden) {
          const vergelijk = vergelijkSignalen(sorteer);
          const rij = (id: string) => this.signalen.get(id)!.lijst;
          this.signaalOrden.set(sorteer, voegIn(orde.filter((id) => !ids.has(id)), nu.map(rij).sort(vergelijk).map((r) => r.id), (a, b) => vergelijk(rij(a), rij(b))));
        }
      }
    }
  }

  // Writing

  /** ISI's state of these persons, shown through `toon` (the waiting changes); deletions first, as a page lists them. */
  zetPersonen(personen: readonly Persoon[], weg: readonly string[], toon: (p: Persoon) => Persoon): void {
    if (personen.length === 0 && weg.length === 0) return;
    for (const id of weg) this.verwijderPersoon(id);
    for (const p of personen) {
      const oud = this.personen.get(p.id);
      if (oud && oud.isi.bsn !== p.bsn && this.perBsn.get(oud.isi.bsn) === p.id) this.perBsn.delete(oud.isi.bsn);
      this.personen.set(p.id, this.record(p, toon(p)));
      this.perBsn.set(p.bsn, p.id);
    }
    this.gewijzigd([...weg, ...personen.map((p) => p.id)], []);
  }

  /** The shown state of one person anew (an outbox change came or went); ISI's state stays. */
  toonOpnieuw(id: string, toon: (p: Persoon) => Persoon): void {
    const r = this.personen.get(id);
    if (!r) return;
    this.personen.set(id, this.record(r.isi, toon(r.isi)));
    this.gewijzigd([id], []);
  }

  private record(isi: Persoon, getoond: Persoon): PersoonRecord {
    const velden = indexVelden(getoond);
    return { isi, getoond, velden, lijst: lijstregel(getoond, velden) };
  }

  private verwijderPersoon(id: string): void {
    const r = this.personen.get(id);
    if (!r) return;
    this.personen.delete(id);
    if (this.perBsn.get(r.isi.bsn) === id) this.perBsn.delete(r.isi.bsn);
  }

  zetSignalen(signalen: readonly SignaalVolledig[], weg: readonly string[], status: (s: SignaalVolledig) => SignaalStatus): void {
    if (signalen.length === 0 && weg.length === 0) return;
    for (const id of weg) {
      const r = this.signalen.get(id);
      if (!r) continue;
      this.signalen.delete(id);
      this.signalenVanPersoon.get(r.isi.persoonId)?.delete(id);
    }
    for (const s of signalen) {
      const oud = this.signalen.get(s.id);
      if (oud && oud.isi.persoonId !== s.persoonId) this.signalenVanPersoon.get(oud.isi.persoonId)?.delete(s.id);
      const st = status(s);
      this.signalen.set(s.id, { isi: s, status: st, lijst: signaalregel(s, st) });
      let set = this.signalenVanPersoon.get(s.persoonId);
      if (!set) this.signalenVanPersoon.set(s.persoonId, (set = new Set()));
      set.add(s.id);
    }
    this.gewijzigd([], [...weg, ...signalen.map((s) => s.id)]);
  }

  /** The shown status of these signals anew (a SIGNAALSTATUS change came or went). */
  toonSignalenOpnieuw(ids: readonly string[], status: (s: SignaalVolledig) => SignaalStatus): void {
    for (const id of ids) {
      const r = this.signalen.get(id);
      if (!r) continue;
      const st = status(r.isi);
      this.signalen.set(id, { isi: r.isi, status: st, lijst: signaalregel(r.isi, st) });
    }
    this.gewijzigd([], ids);
  }

  /** ISI's own state of everything, for a snapshot on disk (opslag.ts compaction). */
  isiPersonen(): Persoon[] {
    return Array.from(this.personen.values(), (r) => r.isi);
  }

  isiSignalen(): SignaalVolledig[] {
    return Array.from(this.signalen.values(), (r) => r.isi);
  }

  isiPersoon(id: string): Persoon | null {
    return this.personen.get(id)?.isi ?? null;
  }

  isiSignaal(id: string): SignaalVolledig | null {
    return this.signalen.get(id)?.isi ?? null;
  }

  // Reading

  persoon(id: string): Persoon | null {
    return this.personen.get(id)?.getoond ?? null;
  }

  /** The signals of one person, with the status shown. */
  signalenVan(persoonId: string): { isi: SignaalVolledig; status: SignaalStatus }[] {
    return [...(this.signalenVanPersoon.get(persoonId) ?? [])].flatMap((id) => {
      const r = this.signalen.get(id);
      return r ? [{ isi: r.isi, status: r.status }] : [];
    });
  }

  /** R-ZP-1, R-ZP-2, R-ZP-5, R-ZP-6: the same answer ISI's `_zoek` gives. */
  zoekPersonen(vraag: PersonenZoekvraag): { items: PersoonInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
    const { pagina = 1, paginaGrootte = PERSONEN_PAGINA_GROOTTE, ...zoek } = vraag;
    this.bijwerken();
    const ids = this.resultaten.haal(`p|${JSON.stringify(zoek)}`, () => this.ordenPersonen(zoek));
    const deel = ids.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
    return { items: deel.map((id) => this.personen.get(id)!.lijst), totaal: ids.length, pagina, paginaGrootte };
  }

  /** R-SIG-3, R-SIG-4, R-SIG-5: as ISI's `signalen/_zoek`; `statussen` for R-SIG-3's list of Nieuw and In behandeling. */
  zoekSignalen(vraag: SignalenZoekvraag & { statussen?: readonly SignaalStatus[] }): { items: SignaalInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
    const { pagina = 1, paginaGrootte = SIGNALEN_PAGINA_GROOTTE, ...zoek } = vraag;
    this.bijwerken();
    const ids = this.resultaten.haal(`s|${JSON.stringify(zoek)}`, () => this.ordenSignalen(zoek));
    const deel = ids.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
    return { items: deel.map((id) => this.signalen.get(id)!.lijst), totaal: ids.length, pagina, paginaGrootte };
  }

  /** R-SIG-3: signals with the status Nieuw or In behandeling, as shown. */
  openstaand(): number {
    let n = 0;
    for (const r of this.signalen.values()) if (isOpenstaand(r.status)) n++;
    return n;
  }

  /**
   * R-ZP-2: the smallest candidate set an index gives (BSN, an equality field, a date range), then
   * every other criterion checked on the record; R-ZP-5's order from the kept sorted column.
   */
  private ordenPersonen(zoek: PersonenVraag): string[] {
    const kandidaten: string[][] = [];
    if (zoek.bsn) {
      const id = this.perBsn.get(zoek.bsn);
      kandidaten.push(id ? [id] : []);
    }
    for (const veld of GELIJKVELDEN) {
      const waarde = zoek[veld];
      if (waarde) kandidaten.push(this.gelijkIndex(veld).get(waarde) ?? []);
    }
    for (const [van, tot] of DATUMBEREIKEN) {
      if (!zoek[van] && !zoek[tot]) continue;
      const rij = this.datumIndex(DATUMVELDEN[van]);
      const begin = zoek[van] ? grens(rij, zoek[van]) : 0;
      const eind = zoek[tot] ? grens(rij, zoek[tot], true) : rij.length;
      kandidaten.push(rij.slice(begin, Math.max(begin, eind)).map((x) => x.id));
    }
    const past = (r: PersoonRecord) => persoonPast(r, zoek);
    if (kandidaten.length === 0) return this.persoonOrde(zoek.sorteer ?? 'bsn');
    const kleinste = kandidaten.reduce((a, b) => (b.length < a.length ? b : a));
    const treffers = new Set(kleinste.filter((id) => past(this.personen.get(id)!)));
    if (treffers.size * 8 < this.personen.size) {
      // Few hits (a BSN, a narrow range): sorting them is cheaper than walking a whole column.
      const vergelijk = vergelijkPersonen(zoek.sorteer);
      return [...treffers].map((id) => this.personen.get(id)!.lijst).sort(vergelijk).map((r) => r.id);
    }
    return this.persoonOrde(zoek.sorteer ?? 'bsn').filter((id) => treffers.has(id));
  }

  private ordenSignalen(zoek: SignalenVraag): string[] {
    const kandidaten: string[][] = [];
    if (zoek.bsn) kandidaten.push(this.signaalBsnIndex().get(zoek.bsn) ?? []);
    const past = (r: SignaalRecord) => signaalPast(r, zoek);
    let treffers: Set<string> | null = null;
    if (kandidaten.length > 0) treffers = new Set(kandidaten[0]!.filter((id) => past(this.signalen.get(id)!)));
    else if (zoek.code || zoek.datumVan || zoek.datumTot || zoek.status || zoek.statussen) {
      treffers = new Set();
      for (const [id, r] of this.signalen) if (past(r)) treffers.add(id);
    }
    if (!treffers) return this.signaalOrde(zoek.sorteer ?? 'bsn');
    const set = treffers;
    if (set.size * 8 < this.signalen.size) {
      const vergelijk = vergelijkSignalen(zoek.sorteer);
      return [...set].map((id) => this.signalen.get(id)!.lijst).sort(vergelijk).map((r) => r.id);
    }
    return this.signaalOrde(zoek.sorteer ?? 'bsn').filter((id) => set.has(id));
  }

  private gelijkIndex(veld: Gelijkveld): Map<string, string[]> {
    let index = this.gelijk.get(veld);
    if (!index) {
      index = new Map();
      for (const [id, r] of this.personen) {
        const w = r.velden[veld];
        let lijst = index.get(w);
        if (!lijst) index.set(w, (lijst = []));
        lijst.push(id);
      }
      this.gelijk.set(veld, index);
    }
    return index;
  }

  /** A date field's persons sorted on that date; persons without the date are not in it (as SQL's comparisons with NULL). */
  private datumIndex(veld: Datumveld): { d: string; id: string }[] {
    let rij = this.datums.get(veld);
    if (!rij) {
      rij = [];
      for (const [id, r] of this.personen) {
        const d = r.velden[veld];
        if (d) rij.push({ d, id });
      }
      rij.sort(opDatum);
      this.datums.set(veld, rij);
    }
    return rij;
  }

  private persoonOrde(sorteer: string): string[] {
    let orde = this.persoonOrden.get(sorteer);
    if (!orde) {
      orde = Array.from(this.personen.values(), (r) => r.lijst).sort(vergelijkPersonen(sorteer)).map((r) => r.id);
      this.persoonOrden.set(sorteer, orde);
    }
    return orde;
  }

  private signaalOrde(sorteer: string): string[] {
    let orde = this.signaalOrden.get(sorteer);
    if (!orde) {
      orde = Array.from(this.signalen.values(), (r) => r.lijst).sort(vergelijkSignalen(sorteer)).map((r) => r.id);
      this.signaalOrden.set(sorteer, orde);
    }
    return orde;
  }

  private signaalBsnIndex(): Map<string, string[]> {
    if (!this.signaalBsn) {
      const index = new Map<string, string[]>();
      for (const [id, r] of this.signalen) {
        let lijst = index.get(r.isi.bsn);
        if (!lijst) index.set(r.isi.bsn, (lijst = []));
        lijst.push(id);
      }
      this.signaalBsn = index;
    }
    return this.signaalBsn;
  }

  /**
   * Builds the indexes and the orders screens ask for first (the default sort of both lists), so
   * the first search after an unlock or a sync finds them ready. Meant for idle time in the worker.
   */
  warmOp(): void {
    this.bijwerken();
    this.persoonOrde('bsn');
    this.signaalOrde('bsn');
    for (const veld of GELIJKVELDEN) this.gelijkIndex(veld);
    for (const veld of Object.values(DATUMVELDEN)) this.datumIndex(veld);
    this.signaalBsnIndex();
  }
}

const opDatum = (a: { d: string }, b: { d: string }): number => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0);

/** Two sorted lists as one, in the same order. */
function voegIn<T>(a: readonly T[], b: readonly T[], vergelijk: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a as T[];
  const uit: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) uit[k++] = vergelijk(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) uit[k++] = a[i++]!;
  while (j < b.length) uit[k++] = b[j++]!;
  return uit;
}

/** R-ZP-2 on one record, as ISI's WHERE clause reads it (server/domein/zoeken.ts). */
function persoonPast(r: PersoonRecord, zoek: PersonenVraag): boolean {
  const v = r.velden;
  if (zoek.bsn && r.getoond.bsn !== zoek.bsn) return false;
  for (const veld of GELIJKVELDEN) {
    const w = zoek[veld];
    if (w && v[veld] !== w) return false;
  }
  for (const [van, tot] of DATUMBEREIKEN) {
    const d = v[DATUMVELDEN[van]];
    if (zoek[van] && (d === null || d < zoek[van])) return false;
    if (zoek[tot] && (d === null || d > zoek[tot])) return false;
  }
  return true;
}

/** R-SIG-4 on one record, with the status as shown. */
function signaalPast(r: SignaalRecord, zoek: SignalenVraag): boolean {
  const s = r.isi;
  if (zoek.bsn && s.bsn !== zoek.bsn) return false;
  if (zoek.code && s.code !== zoek.code) return false;
  if (zoek.datumVan && s.datum < zoek.datumVan) return false;
  if (zoek.datumTot && s.datum > zoek.datumTot) return false;
  if (zoek.status && r.status !== zoek.status) return false;
  if (zoek.statussen && !zoek.statussen.includes(r.status)) return false;
  return true;
}
