import { isOpenstaand, SIGNAAL_KOLOMMEN, SIGNALEN_PAGINA_GROOTTE, type SignaalStatus } from '../../shared/rules/signalen';
import { PERSONEN_KOLOMMEN, PERSONEN_PAGINA_GROOTTE } from '../../shared/rules/zoeken';
import type { PersonenZoekvraag, Persoon, PersoonInLijst, SignaalInLijst, SignaalVolledig, SignalenZoekvraag } from '../../shared/schemas/api';
import { vergelijkPersonen, vergelijkSignalen } from './volgorde';
import { afmaken, alle, binnen, datumGetal, datumKolom, gelijk, getalKolom, Plaatsen, sorteerInStappen, Woordenboek, zeef, type Treffers } from './kolommen';
import { indexVelden, type IndexVelden } from './weergave';

export type PersonenVraag = Omit<PersonenZoekvraag, 'pagina' | 'paginaGrootte'>;
export type SignalenVraag = Omit<SignalenZoekvraag, 'pagina' | 'paginaGrootte'> & { statussen?: readonly SignaalStatus[] };

/** One person of a gemeente's PIB: ISI's state, what the user sees (with waiting changes), its list row and its slot. */
interface PersoonRecord {
  isi: Persoon;
  getoond: Persoon;
  lijst: PersoonInLijst;
  plaats: number;
}

interface SignaalRecord {
  isi: SignaalVolledig;
  /** As shown: ISI's status, or the one a waiting SIGNAALSTATUS change sets. R-SIG-3 counts this one. */
  status: SignaalStatus;
  lijst: SignaalInLijst;
  plaats: number;
}

type Soort = 'persoon' | 'signaal';

/**
 * What `warmStap` builds ahead, in this order: the default (BSN) order of both lists, then every
 * sort order a list offers (R-ZP-5, R-SIG-5), ascending and descending.
 */
const VOORAF: readonly (readonly [Soort, string])[] = [
  ['persoon', 'bsn'],
  ['signaal', 'bsn'],
  ...PERSONEN_KOLOMMEN.flatMap((k) => [['persoon', k.kolom], ['persoon', `-${k.kolom}`]] as const),
  ...SIGNAAL_KOLOMMEN.flatMap((k) => [['signaal', k.kolom], ['signaal', `-${k.kolom}`]] as const),
];

/** How long one `warmStap` works before it lets a message in. */
const STAP_MS = 8;

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
 * Memoised results: one search's slots in ISI's order. Any change to the gemeente drops them all;
 * a search is then answered from the kept orders again (which take in only what changed, lazily).
 */
class Resultaten {
  private readonly kaart = new Map<string, Treffers>();

  haal(zoekvraag: string, maak: () => Treffers): Treffers {
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

  /** Called for every record a sync or unlock sets; V8's `Map.clear` allocates a new table even when empty. */
  wis(): void {
    if (this.kaart.size > 0) this.kaart.clear();
  }
}

/** A person's R-ZP-2 criteria, by slot (kolommen.ts). */
class PersoonKolommen {
  readonly pvtPlichtig = getalKolom();
  readonly voldaan = getalKolom();
  readonly rechtOpMb = getalKolom();
  readonly verblijf = getalKolom();
  readonly factuurAanwezig = getalKolom();
  readonly startPvtPlicht = datumKolom();
  readonly eindePvtPlicht = datumKolom();
  readonly startDeelname = datumKolom();
  readonly eindeDeelname = datumKolom();

  zet(n: number, v: IndexVelden, w: Woordenboek): void {
    this.pvtPlichtig.zet(n, w.code(v.pvtPlichtig));
    this.voldaan.zet(n, w.code(v.voldaan));
    this.rechtOpMb.zet(n, w.code(v.rechtOpMb));
    this.verblijf.zet(n, w.code(v.verblijf));
    this.factuurAanwezig.zet(n, w.code(v.factuurAanwezig));
    this.startPvtPlicht.zet(n, datumGetal(v.datumStartPvtPlicht));
    this.eindePvtPlicht.zet(n, datumGetal(v.datumEindePvtPlicht));
    this.startDeelname.zet(n, datumGetal(v.datumStartDeelname));
    this.eindeDeelname.zet(n, datumGetal(v.datumEindeDeelname));
  }

  /** R-ZP-2 as ISI's WHERE clause reads it (server/domein/zoeken.ts): only the criteria given, each on its own column. */
  toets(zoek: PersonenVraag, w: Woordenboek): ((n: number) => boolean) | null {
    return alle([
      gelijk(this.pvtPlichtig.waarden, w, zoek.pvtPlichtig),
      gelijk(this.voldaan.waarden, w, zoek.voldaan),
      gelijk(this.rechtOpMb.waarden, w, zoek.rechtOpMb),
      gelijk(this.verblijf.waarden, w, zoek.verblijf),
      gelijk(this.factuurAanwezig.waarden, w, zoek.factuurAanwezig),
      binnen(this.startPvtPlicht.waarden, zoek.startPvtPlichtVan, zoek.startPvtPlichtTot),
      binnen(this.eindePvtPlicht.waarden, zoek.eindePvtPlichtVan, zoek.eindePvtPlichtTot),
      binnen(this.startDeelname.waarden, zoek.startDeelnameVan, zoek.startDeelnameTot),
      binnen(this.eindeDeelname.waarden, zoek.eindeDeelnameVan, zoek.eindeDeelnameTot),
    ]);
  }
}

/** A signal's R-SIG-4 criteria, with the status as shown, by slot. */
class SignaalKolommen {
  readonly bsn = getalKolom();
  readonly code = getalKolom();
  readonly status = getalKolom();
  readonly datum = datumKolom();

  zet(n: number, s: SignaalVolledig, status: SignaalStatus, w: Woordenboek): void {
    this.bsn.zet(n, w.code(s.bsn));
    this.code.zet(n, w.code(s.code));
    this.status.zet(n, w.code(status));
    this.datum.zet(n, datumGetal(s.datum));
  }

  toets(zoek: SignalenVraag, w: Woordenboek): ((n: number) => boolean) | null {
    const status = this.status.waarden;
    const statussen = zoek.statussen?.map((s) => w.zoek(s));
    return alle([
      gelijk(this.bsn.waarden, w, zoek.bsn),
      gelijk(this.code.waarden, w, zoek.code),
      binnen(this.datum.waarden, zoek.datumVan, zoek.datumTot),
      gelijk(status, w, zoek.status),
      statussen ? (n) => statussen.includes(status[n]!) : null,
    ]);
  }
}

/**
 * The caseload of one gemeente in memory (ARCHITECTURE.md: memory first): every person and signal
 * as ISI sent them, with the user's waiting changes laid over, and the orders every search, sort
 * and count is answered from. A search walks the kept order of its sort column once and checks
 * its criteria on each record's columns (kolommen.ts: a few milliseconds per 100,000 persons), so
 * nothing is sorted at query time and no per-criterion index has to be rebuilt after a change. An
 * order is built when first asked and takes a change in by binary insertion, so a sync page costs
 * a few map writes and the next search a pass over each kept order.
 *
 * A changed record gets a new slot; its old slot keeps the old record until every kept order has
 * taken the change in, so an order always compares the records as it holds them.
 *
 * The BSN index maps the BSN itself: in memory the persons are decrypted anyway, and on disk there
 * is no index at all (the chunks are encrypted whole), so a keyed hash would protect nothing here.
 */
export class Gemeentegeheugen {
  private readonly personen = new Map<string, PersoonRecord>();
  private readonly perBsn = new Map<string, string>();
  private readonly signalen = new Map<string, SignaalRecord>();
  private readonly signalenVanPersoon = new Map<string, Set<string>>();
  private readonly persoonPlaatsen = new Plaatsen<PersoonRecord>();
  private readonly signaalPlaatsen = new Plaatsen<SignaalRecord>();
  private readonly woordenboek = new Woordenboek();
  private readonly persoonKolommen = new PersoonKolommen();
  private readonly signaalKolommen = new SignaalKolommen();
  private persoonOrden = new Map<string, number[]>();
  private signaalOrden = new Map<string, number[]>();
  private signaalBsn: Map<string, string[]> | null = null;
  private readonly persoonResultaten = new Resultaten();
  private readonly signaalResultaten = new Resultaten();
  /** Changed since the kept orders were last brought up to date: by id, the slot the orders hold it in (null: new). */
  private veranderdePersonen = new Map<string, number | null>();
  private veranderdeSignalen = new Map<string, number | null>();
  /** The order `warmStap` is building, a step at a time; dropped when a record of its kind changes. */
  private bouw: { soort: Soort; sorteer: string; stappen: Generator<void, number[], void> } | null = null;
  constructor(readonly gc: string) {}

  get aantalPersonen(): number {
    return this.personen.size;
  }

  get aantalSignalen(): number {
    return this.signalen.size;
  }

  /**
   * A person's record replaced (or removed: null). Kept results go at once. With orders kept, the
   * first time an id changes its old slot is noted and kept, so the orders can be brought up to date
   * when next asked (`bijwerken`) by taking out and inserting only the changed records: a sync of a
   * thousand changes does not make the next search sort a hundred thousand again. With no order
   * kept (an unlock, a full sync) there is nothing to bring up to date and the old slot is free.
   */
  private vervangPersoon(id: string, nieuw: PersoonRecord | null): void {
    this.persoonResultaten.wis();
    if (this.bouw?.soort === 'persoon') this.bouw = null;
    const oud = this.personen.get(id);
    if (nieuw) this.personen.set(id, nieuw);
    else this.personen.delete(id);
    if (this.persoonOrden.size > 0 && !this.veranderdePersonen.has(id)) this.veranderdePersonen.set(id, oud?.plaats ?? null);
    else if (oud) this.persoonPlaatsen.geefVrij(oud.plaats);
  }

  private vervangSignaal(id: string, nieuw: SignaalRecord | null): void {
    this.signaalResultaten.wis();
    if (this.bouw?.soort === 'signaal') this.bouw = null;
    this.signaalBsn = null;
    const oud = this.signalen.get(id);
    if (nieuw) this.signalen.set(id, nieuw);
    else this.signalen.delete(id);
    if (this.signaalOrden.size > 0 && !this.veranderdeSignalen.has(id)) this.veranderdeSignalen.set(id, oud?.plaats ?? null);
    else if (oud) this.signaalPlaatsen.geefVrij(oud.plaats);
  }

  /** The kept orders with the changed records taken in (or dropped, when most changed); the old slots then free. */
  private bijwerken(): void {
    if (this.veranderdePersonen.size > 0) {
      const oud = this.veranderdePersonen;
      this.veranderdePersonen = new Map();
      this.persoonOrden = werkOrdenBij(this.persoonOrden, oud, this.personen, this.persoonPlaatsen, vergelijkPersonen);
    }
    if (this.veranderdeSignalen.size > 0) {
      const oud = this.veranderdeSignalen;
      this.veranderdeSignalen = new Map();
      this.signaalOrden = werkOrdenBij(this.signaalOrden, oud, this.signalen, this.signaalPlaatsen, vergelijkSignalen);
    }
  }

  // Writing

  /** ISI's state of these persons, shown through `toon` (the waiting changes); deletions first, as a page lists them. */
  zetPersonen(personen: readonly Persoon[], weg: readonly string[], toon: (p: Persoon) => Persoon): void {
    for (const id of weg) {
      const r = this.personen.get(id);
      if (!r) continue;
      this.vervangPersoon(id, null);
      if (this.perBsn.get(r.isi.bsn) === id) this.perBsn.delete(r.isi.bsn);
    }
    for (const p of personen) {
      const oud = this.personen.get(p.id);
      if (oud && oud.isi.bsn !== p.bsn && this.perBsn.get(oud.isi.bsn) === p.id) this.perBsn.delete(oud.isi.bsn);
      this.vervangPersoon(p.id, this.record(p, toon(p)));
      this.perBsn.set(p.bsn, p.id);
    }
  }

  /** The shown state of one person anew (an outbox change came or went); ISI's state stays. */
  toonOpnieuw(id: string, toon: (p: Persoon) => Persoon): void {
    const r = this.personen.get(id);
    if (r) this.vervangPersoon(id, this.record(r.isi, toon(r.isi)));
  }

  private record(isi: Persoon, getoond: Persoon): PersoonRecord {
    const velden = indexVelden(getoond);
    const r: PersoonRecord = { isi, getoond, lijst: lijstregel(getoond, velden), plaats: -1 };
    r.plaats = this.persoonPlaatsen.neem(r);
    this.persoonKolommen.zet(r.plaats, velden, this.woordenboek);
    return r;
  }

  private signaalRecord(isi: SignaalVolledig, status: SignaalStatus): SignaalRecord {
    const r: SignaalRecord = { isi, status, lijst: signaalregel(isi, status), plaats: -1 };
    r.plaats = this.signaalPlaatsen.neem(r);
    this.signaalKolommen.zet(r.plaats, isi, status, this.woordenboek);
    return r;
  }

  zetSignalen(signalen: readonly SignaalVolledig[], weg: readonly string[], status: (s: SignaalVolledig) => SignaalStatus): void {
    for (const id of weg) {
      const r = this.signalen.get(id);
      if (!r) continue;
      this.vervangSignaal(id, null);
      this.signalenVanPersoon.get(r.isi.persoonId)?.delete(id);
    }
    for (const s of signalen) {
      const oud = this.signalen.get(s.id);
      if (oud && oud.isi.persoonId !== s.persoonId) this.signalenVanPersoon.get(oud.isi.persoonId)?.delete(s.id);
      this.vervangSignaal(s.id, this.signaalRecord(s, status(s)));
      let set = this.signalenVanPersoon.get(s.persoonId);
      if (!set) this.signalenVanPersoon.set(s.persoonId, (set = new Set()));
      set.add(s.id);
    }
  }

  /** The shown status of these signals anew (a SIGNAALSTATUS change came or went). */
  toonSignalenOpnieuw(ids: readonly string[], status: (s: SignaalVolledig) => SignaalStatus): void {
    for (const id of ids) {
      const r = this.signalen.get(id);
      if (r) this.vervangSignaal(id, this.signaalRecord(r.isi, status(r.isi)));
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
    return { items: Array.from(deel, (n) => this.persoonPlaatsen.get(n).lijst), totaal: treffers.length, pagina, paginaGrootte };
  }

  /** R-SIG-3, R-SIG-4, R-SIG-5: as ISI's `signalen/_zoek`; `statussen` for R-SIG-3's list of Nieuw and In behandeling. */
  zoekSignalen(vraag: SignalenZoekvraag & { statussen?: readonly SignaalStatus[] }): { items: SignaalInLijst[]; totaal: number; pagina: number; paginaGrootte: number } {
    const { pagina = 1, paginaGrootte = SIGNALEN_PAGINA_GROOTTE, ...zoek } = vraag;
    this.bijwerken();
    const treffers = this.signaalResultaten.haal(JSON.stringify(zoek), () => this.ordenSignalen(zoek));
    const deel = treffers.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
    return { items: Array.from(deel, (n) => this.signaalPlaatsen.get(n).lijst), totaal: treffers.length, pagina, paginaGrootte };
  }

  /** R-SIG-3: signals with the status Nieuw or In behandeling, as shown. */
  openstaand(): number {
    let n = 0;
    for (const r of this.signalen.values()) if (isOpenstaand(r.status)) n++;
    return n;
  }

  /**
   * R-ZP-2 and R-ZP-5: a BSN through its index; otherwise the kept order of the sort column,
   * walked once with the criteria checked on each record's columns, so the hits come out in ISI's order.
   */
  private ordenPersonen(zoek: PersonenVraag): Treffers {
    const toets = this.persoonKolommen.toets(zoek, this.woordenboek);
    if (zoek.bsn) {
      const id = this.perBsn.get(zoek.bsn);
      const r = id === undefined ? undefined : this.personen.get(id);
      return r && r.getoond.bsn === zoek.bsn && (!toets || toets(r.plaats)) ? [r.plaats] : [];
    }
    const orde = this.persoonOrde(zoek.sorteer ?? 'bsn');
    return toets ? zeef(orde, toets) : orde;
  }

  /** R-SIG-4 and R-SIG-5: a BSN's few signals sorted; otherwise the kept order walked once, as for persons. */
  private ordenSignalen(zoek: SignalenVraag): Treffers {
    const toets = this.signaalKolommen.toets(zoek, this.woordenboek);
    if (zoek.bsn) {
      const vergelijk = vergelijkSignalen(zoek.sorteer);
      return (this.signaalBsnIndex().get(zoek.bsn) ?? []).map((id) => this.signalen.get(id)!)
        .sort((a, b) => vergelijk(a.lijst, b.lijst)).map((r) => r.plaats).filter((n) => !toets || toets(n));
    }
    const orde = this.signaalOrde(zoek.sorteer ?? 'bsn');
    return toets ? zeef(orde, toets) : orde;
  }

  /** A kept order; one not built yet is sorted now (the part `warmStap` already did is used). */
  private persoonOrde(sorteer: string): number[] {
    let orde = this.persoonOrden.get(sorteer);
    if (!orde) {
      orde = afmaken(this.bouw?.soort === 'persoon' && this.bouw.sorteer === sorteer ? this.bouw.stappen : this.ordeInStappen('persoon', sorteer));
      this.persoonOrden.set(sorteer, orde);
    }
    return orde;
  }

  private signaalOrde(sorteer: string): number[] {
    let orde = this.signaalOrden.get(sorteer);
    if (!orde) {
      orde = afmaken(this.bouw?.soort === 'signaal' && this.bouw.sorteer === sorteer ? this.bouw.stappen : this.ordeInStappen('signaal', sorteer));
      this.signaalOrden.set(sorteer, orde);
    }
    return orde;
  }

  /** One order, sorted in steps (kolommen.ts `sorteerInStappen`), as slots. */
  private ordeInStappen(soort: Soort, sorteer: string): Generator<void, number[], void> {
    return soort === 'persoon'
      ? slotsInStappen(this.personen.values(), vergelijkPersonen(sorteer))
      : slotsInStappen(this.signalen.values(), vergelijkSignalen(sorteer));
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

  /** The default (BSN) order of both lists is built: what the first search after a sync or an unlock needs. */
  get standaardKlaar(): boolean {
    return this.persoonOrden.has('bsn') && this.signaalOrden.has('bsn');
  }

  /**
   * Works for about STAP_MS on what a screen will ask for, so it finds it ready: the default (BSN)
   * order of both lists and the signals' BSN index first, then every other sort order, so a click
   * on a column header needs no sort. False when all is built. The worker calls it in its free
   * moments: a search that comes in between waits for one step, not for a whole sort.
   */
  warmStap(): boolean {
    this.bijwerken();
    const eind = performance.now() + STAP_MS;
    while (performance.now() < eind) {
      if (!this.bouw) {
        const volgende = VOORAF.find(([soort, o]) => !(soort === 'persoon' ? this.persoonOrden : this.signaalOrden).has(o));
        if (!volgende) return false;
        const [soort, sorteer] = volgende;
        this.bouw = { soort, sorteer, stappen: this.ordeInStappen(soort, sorteer) };
      }
      const { soort, sorteer, stappen } = this.bouw;
      const stap = stappen.next();
      if (!stap.done) continue;
      this.bouw = null;
      if (soort === 'persoon') this.persoonOrden.set(sorteer, stap.value);
      else this.signaalOrden.set(sorteer, stap.value);
      if (sorteer === 'bsn' && soort === 'signaal') this.signaalBsnIndex();
    }
    return true;
  }
}

/** Records sorted in steps by their list row, as their slots. */
function* slotsInStappen<R extends { lijst: L; plaats: number }, L>(records: Iterable<R>, vergelijk: (a: L, b: L) => number): Generator<void, number[], void> {
  const rij = yield* sorteerInStappen(Array.from(records), (a, b) => vergelijk(a.lijst, b.lijst));
  return rij.map((r) => r.plaats);
}

/** Up to this many changed records an order takes them in place (a move of the array each); more, and it is filtered and merged in one pass. */
const IN_PLAATS = 8;

/**
 * Each kept order with the changed records' old slots taken out (found by binary search on the
 * state the order holds them in) and their current slots inserted where they sort. Many changes are
 * merged in one pass instead; when most records changed the orders are dropped: sorting anew is
 * then cheaper. Either way the old slots are free afterwards.
 */
function werkOrdenBij<R extends { lijst: L; plaats: number }, L extends { id: string }>(
  orden: Map<string, number[]>, oud: ReadonlyMap<string, number | null>, records: ReadonlyMap<string, R>, plaatsen: Plaatsen<R>,
  volgorde: (sorteer: string) => (a: L, b: L) => number,
): Map<string, number[]> {
  const oudePlaatsen = [...oud.values()].filter((n): n is number => n !== null);
  const nu: number[] = [];
  for (const id of oud.keys()) {
    const r = records.get(id);
    if (r) nu.push(r.plaats);
  }
  const bijgewerkt = oud.size * 4 > records.size ? new Map<string, number[]>() : orden;
  const weg = new Set(oudePlaatsen);
  for (const [sorteer, orde] of bijgewerkt) {
    const vergelijk = volgorde(sorteer);
    const op = (a: number, b: number) => vergelijk(plaatsen.get(a).lijst, plaatsen.get(b).lijst);
    if (oud.size > IN_PLAATS) {
      bijgewerkt.set(sorteer, voegIn(orde.filter((n) => !weg.has(n)), nu.slice().sort(op), op));
      continue;
    }
    for (const n of oudePlaatsen) {
      let i = eersteNietVoor(orde, n, op);
      while (i < orde.length && orde[i] !== n) i++;
      if (i === orde.length) i = orde.indexOf(n);
      if (i >= 0) orde.splice(i, 1);
    }
    for (const n of nu) orde.splice(eersteNa(orde, n, op), 0, n);
  }
  for (const n of oudePlaatsen) plaatsen.geefVrij(n);
  return bijgewerkt;
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
