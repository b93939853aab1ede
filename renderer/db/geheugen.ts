import { isOpenstaand, SIGNAAL_KOLOMMEN, SIGNALEN_PAGINA_GROOTTE, type SignaalStatus } from '../../shared/rules/signalen';
import { PERSONEN_KOLOMMEN, PERSONEN_PAGINA_GROOTTE } from '../../shared/rules/zoeken';
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

/** Every sort order a list offers (R-ZP-5, R-SIG-5), ascending and descending: what `warmStap` builds ahead. */
const PERSOON_ORDEN = PERSONEN_KOLOMMEN.flatMap((k) => [k.kolom, `-${k.kolom}`]);
const SIGNAAL_ORDEN = SIGNAAL_KOLOMMEN.flatMap((k) => [k.kolom, `-${k.kolom}`]);

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
 * Memoised results: one search's records in ISI's order. Any change to the gemeente drops them all;
 * a search is then answered from the kept orders again (which take in only what changed, lazily).
 */
class Resultaten<T> {
  private readonly kaart = new Map<string, readonly T[]>();

  haal(zoekvraag: string, maak: () => readonly T[]): readonly T[] {
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
 * as ISI sent them, with the user's waiting changes laid over, and the orders every search, sort
 * and count is answered from. A search walks the kept order of its sort column once and checks
 * its criteria on each record (a few field compares: a millisecond or two per 20,000 persons), so
 * nothing is sorted at query time and no per-criterion index has to be rebuilt after a change. An
 * order is built when first asked and takes a change in by binary insertion, so a sync page costs
 * a few map writes and the next search a pass over each kept order.
 *
 * The BSN index maps the BSN itself: in memory the persons are decrypted anyway, and on disk there
 * is no index at all (the chunks are encrypted whole), so a keyed hash would protect nothing here.
 */
export class Gemeentegeheugen {
  private readonly personen = new Map<string, PersoonRecord>();
  private readonly perBsn = new Map<string, string>();
  private readonly signalen = new Map<string, SignaalRecord>();
  private readonly signalenVanPersoon = new Map<string, Set<string>>();
  private persoonOrden = new Map<string, PersoonRecord[]>();
  private signaalOrden = new Map<string, SignaalRecord[]>();
  private signaalBsn: Map<string, string[]> | null = null;
  private readonly persoonResultaten = new Resultaten<PersoonRecord>();
  private readonly signaalResultaten = new Resultaten<SignaalRecord>();
  /** Changed since the kept orders were last brought up to date: by id, the record as the orders hold it (null: new). */
  private veranderdePersonen = new Map<string, PersoonRecord | null>();
  private veranderdeSignalen = new Map<string, SignaalRecord | null>();
  constructor(readonly gc: string) {}

  get aantalPersonen(): number {
    return this.personen.size;
  }

  get aantalSignalen(): number {
    return this.signalen.size;
  }

  /**
   * Before a change: kept results go at once, and the records as the kept orders hold them are
   * noted, so the orders can be brought up to date when next asked (`bijwerken`) by taking out and
   * inserting only the changed records: a sync of a thousand changes does not make the next search
   * sort a hundred thousand again.
   */
  private wijzigt(personen: Iterable<string>, signalen: Iterable<string>): void {
    this.persoonResultaten.wis();
    this.signaalResultaten.wis();
    // With no order kept (an unlock, a full sync) there is nothing to bring up to date: replaying a
    // hundred thousand records then notes nothing.
    if (this.persoonOrden.size > 0) for (const id of personen) if (!this.veranderdePersonen.has(id)) this.veranderdePersonen.set(id, this.personen.get(id) ?? null);
    let s = false;
    for (const id of signalen) {
      if (this.signaalOrden.size > 0 && !this.veranderdeSignalen.has(id)) this.veranderdeSignalen.set(id, this.signalen.get(id) ?? null);
      s = true;
    }
    if (s) this.signaalBsn = null;
  }

  /** The kept orders with the changed records taken in (or dropped, when most changed). */
  private bijwerken(): void {
    if (this.veranderdePersonen.size > 0) {
      const oud = this.veranderdePersonen;
      this.veranderdePersonen = new Map();
      this.persoonOrden = werkOrdenBij(this.persoonOrden, oud, this.personen, vergelijkPersonen);
    }
    if (this.veranderdeSignalen.size > 0) {
      const oud = this.veranderdeSignalen;
      this.veranderdeSignalen = new Map();
      this.signaalOrden = werkOrdenBij(this.signaalOrden, oud, this.signalen, vergelijkSignalen);
    }
  }

  // Writing

  /** ISI's state of these persons, shown through `toon` (the waiting changes); deletions first, as a page lists them. */
  zetPersonen(personen: readonly Persoon[], weg: readonly string[], toon: (p: Persoon) => Persoon): void {
    if (personen.length === 0 && weg.length === 0) return;
    this.wijzigt([...weg, ...personen.map((p) => p.id)], []);
    for (const id of weg) this.verwijderPersoon(id);
    for (const p of personen) {
      const oud = this.personen.get(p.id);
      if (oud && oud.isi.bsn !== p.bsn && this.perBsn.get(oud.isi.bsn) === p.id) this.perBsn.delete(oud.isi.bsn);
      this.personen.set(p.id, this.record(p, toon(p)));
      this.perBsn.set(p.bsn, p.id);
    }
  }

  /** The shown state of one person anew (an outbox change came or went); ISI's state stays. */
  toonOpnieuw(id: string, toon: (p: Persoon) => Persoon): void {
    const r = this.personen.get(id);
    if (!r) return;
    this.wijzigt([id], []);
    this.personen.set(id, this.record(r.isi, toon(r.isi)));
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
    this.wijzigt([], [...weg, ...signalen.map((s) => s.id)]);
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
  }

  /** The shown status of these signals anew (a SIGNAALSTATUS change came or went). */
  toonSignalenOpnieuw(ids: readonly string[], status: (s: SignaalVolledig) => SignaalStatus): void {
    this.wijzigt([], ids.filter((id) => this.signalen.has(id)));
    for (const id of ids) {
      const r = this.signalen.get(id);
      if (!r) continue;
      const st = status(r.isi);
      this.signalen.set(id, { isi: r.isi, status: st, lijst: signaalregel(r.isi, st) });
    }
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
    const treffers = this.persoonResultaten.haal(JSON.stringify(zoek), () => this.ordenPersonen(zoek));
    const deel = treffers.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
    return { items: deel.map((r) => r.lijst), totaal: treffers.length, pagina, paginaGrootte };
  }

  /** R-SIG-3, R-SIG-4, R-SIG-5: as ISI's `signalen/_zoek`; `statussen` for R-SIG-3's list of Nieuw and In behandeling. */
  zoekSignalen(vraag: SignalenZoekvraag & { statussen?: readonly SignaalStatus[] }): { items: SignaalInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
    const { pagina = 1, paginaGrootte = SIGNALEN_PAGINA_GROOTTE, ...zoek } = vraag;
    this.bijwerken();
    const treffers = this.signaalResultaten.haal(JSON.stringify(zoek), () => this.ordenSignalen(zoek));
    const deel = treffers.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
    return { items: deel.map((r) => r.lijst), totaal: treffers.length, pagina, paginaGrootte };
  }

  /** R-SIG-3: signals with the status Nieuw or In behandeling, as shown. */
  openstaand(): number {
    let n = 0;
    for (const r of this.signalen.values()) if (isOpenstaand(r.status)) n++;
    return n;
  }

  /**
   * R-ZP-2 and R-ZP-5: a BSN through its index; otherwise the kept order of the sort column,
   * walked once with the criteria checked on each record, so the hits come out in ISI's order.
   */
  private ordenPersonen(zoek: PersonenVraag): readonly PersoonRecord[] {
    const toets = persoonToets(zoek);
    if (zoek.bsn) {
      const id = this.perBsn.get(zoek.bsn);
      const r = id === undefined ? undefined : this.personen.get(id);
      return r && r.getoond.bsn === zoek.bsn && (!toets || toets(r)) ? [r] : [];
    }
    const orde = this.persoonOrde(zoek.sorteer ?? 'bsn');
    return toets ? orde.filter(toets) : orde;
  }

  /** R-SIG-4 and R-SIG-5: a BSN's few signals sorted; otherwise the kept order walked once, as for persons. */
  private ordenSignalen(zoek: SignalenVraag): readonly SignaalRecord[] {
    const past = (r: SignaalRecord) => signaalPast(r, zoek);
    if (zoek.bsn) {
      const vergelijk = vergelijkSignalen(zoek.sorteer);
      return (this.signaalBsnIndex().get(zoek.bsn) ?? []).map((id) => this.signalen.get(id)!).filter(past).sort((a, b) => vergelijk(a.lijst, b.lijst));
    }
    const orde = this.signaalOrde(zoek.sorteer ?? 'bsn');
    return zoek.code || zoek.datumVan || zoek.datumTot || zoek.status || zoek.statussen ? orde.filter(past) : orde;
  }

  private persoonOrde(sorteer: string): PersoonRecord[] {
    let orde = this.persoonOrden.get(sorteer);
    if (!orde) {
      const vergelijk = vergelijkPersonen(sorteer);
      orde = Array.from(this.personen.values()).sort((a, b) => vergelijk(a.lijst, b.lijst));
      this.persoonOrden.set(sorteer, orde);
    }
    return orde;
  }

  private signaalOrde(sorteer: string): SignaalRecord[] {
    let orde = this.signaalOrden.get(sorteer);
    if (!orde) {
      const vergelijk = vergelijkSignalen(sorteer);
      orde = Array.from(this.signalen.values()).sort((a, b) => vergelijk(a.lijst, b.lijst));
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
   * Builds the orders screens ask for first (the default sort of both lists) and the signals' BSN
   * index, so the first search after an unlock or a sync finds them ready. Meant for idle time in
   * the worker.
   */
  warmOp(): void {
    this.bijwerken();
    this.persoonOrde('bsn');
    this.signaalOrde('bsn');
    this.signaalBsnIndex();
  }

  /**
   * Builds one more sort order the lists offer, so a click on a column header finds it ready; false
   * when all are built. One order a step: the worker runs them one by one in its free moments, and a
   * search that comes in between waits for one sort at most.
   */
  warmStap(): boolean {
    this.bijwerken();
    const persoon = PERSOON_ORDEN.find((o) => !this.persoonOrden.has(o));
    if (persoon) this.persoonOrde(persoon);
    else {
      const signaal = SIGNAAL_ORDEN.find((o) => !this.signaalOrden.has(o));
      if (!signaal) return false;
      this.signaalOrde(signaal);
    }
    return true;
  }
}

/** Up to this many changed records an order takes them in place (a move of the array each); more, and it is filtered and merged in one pass. */
const IN_PLAATS = 8;

/**
 * Each kept order with the changed records taken out (found by binary search on the state the
 * order holds them in) and their current state inserted where it sorts. Many changes are merged in
 * one pass instead; when most records changed the orders are dropped: sorting anew is then cheaper.
 */
function werkOrdenBij<R extends { lijst: L }, L extends { id: string }>(
  orden: Map<string, R[]>, oud: ReadonlyMap<string, R | null>, records: ReadonlyMap<string, R>, volgorde: (sorteer: string) => (a: L, b: L) => number,
): Map<string, R[]> {
  if (oud.size * 4 > records.size) return new Map();
  const nu: R[] = [];
  for (const id of oud.keys()) {
    const r = records.get(id);
    if (r) nu.push(r);
  }
  for (const [sorteer, orde] of orden) {
    const vergelijk = volgorde(sorteer);
    const op = (a: R, b: R) => vergelijk(a.lijst, b.lijst);
    if (oud.size > IN_PLAATS) {
      orden.set(sorteer, voegIn(orde.filter((r) => !oud.has(r.lijst.id)), nu.slice().sort(op), op));
      continue;
    }
    for (const r of oud.values()) {
      if (!r) continue;
      let i = eersteNietVoor(orde, r, op);
      while (i < orde.length && orde[i] !== r) i++;
      if (i === orde.length) i = orde.indexOf(r);
      if (i >= 0) orde.splice(i, 1);
    }
    for (const r of nu) orde.splice(eersteNa(orde, r, op), 0, r);
  }
  return orden;
}

/** The first place in the sorted `rij` whose record does not sort before `x`. */
function eersteNietVoor<T>(rij: readonly T[], x: T, vergelijk: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = rij.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (vergelijk(rij[m]!, x) < 0) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** The first place in the sorted `rij` whose record sorts after `x`. */
function eersteNa<T>(rij: readonly T[], x: T, vergelijk: (a: T, b: T) => number, vanaf = 0): number {
  let lo = vanaf;
  let hi = rij.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (vergelijk(rij[m]!, x) <= 0) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Two sorted lists as one, in the same order (`a`'s record first on a tie). Each of `b`'s records
 * finds its place in `a` by binary search, so the comparison runs O(|b| log |a|) times, not once
 * per record of `a`.
 */
function voegIn<T>(a: readonly T[], b: readonly T[], vergelijk: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a as T[];
  const uit: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let k = 0;
  for (const x of b) {
    const plek = eersteNa(a, x, vergelijk, i);
    while (i < plek) uit[k++] = a[i++]!;
    uit[k++] = x;
  }
  while (i < a.length) uit[k++] = a[i++]!;
  return uit;
}

/**
 * R-ZP-2 as ISI's WHERE clause reads it (server/domein/zoeken.ts), made once per search: only the
 * criteria given are checked on each record, each field by its own name (a search walks every
 * record, so the checks stay monomorphic); null when no criterion is given. A date that is null is
 * in no range (as SQL's comparisons with NULL).
 */
function persoonToets(zoek: PersonenVraag): ((r: PersoonRecord) => boolean) | null {
  const { pvtPlichtig, voldaan, rechtOpMb, verblijf, factuurAanwezig } = zoek;
  const { startPvtPlichtVan: spVan, startPvtPlichtTot: spTot, eindePvtPlichtVan: epVan, eindePvtPlichtTot: epTot } = zoek;
  const { startDeelnameVan: sdVan, startDeelnameTot: sdTot, eindeDeelnameVan: edVan, eindeDeelnameTot: edTot } = zoek;
  if (!pvtPlichtig && !voldaan && !rechtOpMb && !verblijf && !factuurAanwezig && !spVan && !spTot && !epVan && !epTot && !sdVan && !sdTot && !edVan && !edTot) return null;
  const binnen = (d: string | null, van: string | undefined, tot: string | undefined) => (!van || (d !== null && d >= van)) && (!tot || (d !== null && d <= tot));
  return ({ velden: v }) => (!pvtPlichtig || v.pvtPlichtig === pvtPlichtig)
    && (!voldaan || v.voldaan === voldaan)
    && (!rechtOpMb || v.rechtOpMb === rechtOpMb)
    && (!verblijf || v.verblijf === verblijf)
    && (!factuurAanwezig || v.factuurAanwezig === factuurAanwezig)
    && binnen(v.datumStartPvtPlicht, spVan, spTot)
    && binnen(v.datumEindePvtPlicht, epVan, epTot)
    && binnen(v.datumStartDeelname, sdVan, sdTot)
    && binnen(v.datumEindeDeelname, edVan, edTot);
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
