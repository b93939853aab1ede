import { controlegetal } from '../../shared/formats/controlegetal';
import type { SignaalStatus } from '../../shared/rules/signalen';
import { Wijzigingen, type Persoon, type Probleem, type SignaalVolledig } from '../../shared/schemas/api';
import type { UitgaandeWijziging } from '../../shared/schemas/uitgaand';
import { CacheFout, type CacheFoutCode } from './fouten';
import { pakUitTekst, volgendeTaak } from './inpakken';
import { Gemeentegeheugen } from './geheugen';
import { startUitpakker, type Uitpakker } from './uitpakken';
import { aantalIn, inVerzendvolgorde, leegDelta, leegGids, leesDeel, Opslag, wisOnleesbaar, type Deel, type Delta, type Entry, type Geladen, type Gids } from './opslag';
import { databasenaamVoor, meldGeopend, meldGesloten, noteerSync, registreer } from './register';
import { CacheDatabase, type IndexedDbBron } from './schema';
import { leesSleutel, leidSleutels, Veldversleuteling } from './sleutels';
import type { Cache, CachePersoon, Paginabytes, SyncStand, Toegepast, UitgaandeEntry } from './types';
import { getoondeSignaalStatussen, raaktAan, toonPersoon } from './weergave';

export interface CacheOpties {
  /** Another IndexedDB than the browser's (tests: a fresh fake-indexeddb factory each). */
  bron?: IndexedDbBron;
  /** When a cache opened for the first time counts as made (retention, `verouderd`). */
  nu?: Date;
  /**
   * After BESCHADIGD and the user's confirmation: drop what cannot be read (every gemeente's data;
   * outbox entries that do not decrypt) and open empty, so the next sync is a full one.
   */
  herbouw?: boolean;
  /**
   * The gemeente the user works in: its memory is filled first and `openCache` returns as soon as
   * it is searchable; the others follow in the background, and a call for one of them waits until
   * it is in memory.
   */
  voorrang?: string | null;
  /** Tests: a compaction starts at once and does not wait for quiet moments. */
  vouwMeteen?: boolean;
}

/** Log entries of one gemeente before they are folded into chunks (compaction, in the background). */
export const LOG_GRENS = 64;
/**
 * A full sync of this many log entries (pages of up to 5,000 records) is folded into chunks as
 * soon as it is done: its pages name every field in every record, chunks in columns are half the
 * JSON and read back at an unlock in half the time (opslag.ts, Kolomblok). A smaller one is read
 * quickly either way.
 */
export const VOUW_NA_VOLLEDIGE_SYNC = 8;
/** Quiet after the last sync page before a compaction starts: a sync of the next gemeente is not slowed by it. */
const STIL_VOOR_VOUWEN_MS = 2_000;
/** Quiet (no call at all) before each piece of a compaction: a user searching keeps it waiting. */
const STIL_VOOR_STUK_MS = 1_000;
/** Quiet before the next background sort step: longer than the pause between a user's clicks takes to show. */
const STIL_MS = 250;
/** Disk writes that may wait behind memory before `pasToe` waits for them: bounds what a crash can lose, and memory. */
const ACHTERSTAND = 3;
/** Parts of a gemeente inflated ahead at an unlock: enough to keep the helper busy, few enough that memory holds only a few texts. */
const VOORUIT = 4;
const TELLING: Record<SignaalStatus, 'nieuw' | 'inBehandeling' | 'afgehandeld'> = { NIEUW: 'nieuw', IN_BEHANDELING: 'inBehandeling', AFGEHANDELD: 'afgehandeld' };
const SLEUTELCONTROLE = 'pib-cache';
const PLAATS_SLEUTELCONTROLE = 'meta/sleutelcontrole';

/** Closes under way, by database: a cache opened again right after waits until the last one wrote everything. */
const sluitend = new Map<string, Promise<void>>();

/**
 * Opens (or makes) the cache of `gebruikersnaam` with the key main handed over and loads it into
 * memory: every chunk and log entry decrypted (so a tampered one refuses the whole cache), then
 * inflated and replayed a gemeente at a time, `voorrang` first. Throws CacheFout
 * ONGELDIGE_SLEUTEL for a key that is not 32 bytes, VERKEERDE_SLEUTEL when the database was written
 * with another key (main lost or replaced it: wipe it with `wisCache` and sync again), BESCHADIGD
 * when a part does not decrypt (nothing half-loaded: `herbouw` after the user confirmed), IN_GEBRUIK
 * when another window holds it.
 */
export async function openCache(gebruikersnaam: string, sleutelBase64: string, opties: CacheOpties = {}): Promise<Cache> {
  const versleuteling = new Veldversleuteling(await leidSleutels(leesSleutel(sleutelBase64)));
  const databasenaam = await databasenaamVoor(gebruikersnaam);
  await sluitend.get(databasenaam);
  const slot = await neemSlot(databasenaam);
  const db = new CacheDatabase(databasenaam, opties.bron);
  try {
    await db.open();
    await controleerSleutel(db, versleuteling);
    if (opties.herbouw) await wisOnleesbaar(db, versleuteling);
    const opslag = new Opslag(db, versleuteling);
    await opslag.zetOudeWachtrijOm();
    const geladen = await opslag.laad(opties.voorrang ?? null);
    const cache = new OpenCache(gebruikersnaam, databasenaam, db, versleuteling, opslag, slot, opties.bron, opties.vouwMeteen);
    // The register (another database) is written beside the reading in, not before it.
    await Promise.all([registreer(gebruikersnaam, databasenaam, opties.nu ?? new Date(), opties.bron), cache.laad(geladen)]);
    meldGeopend(databasenaam, cache);
    return cache;
  } catch (e) {
    db.close();
    versleuteling.vergeet();
    slot.laatLos();
    throw e;
  }
}

/**
 * One writer per cache (Web Locks): a second window or tab of the app is told why it works online
 * only instead of writing over the first one's data. Where the platform has no Web Locks (Node in
 * unit tests) there is only one window.
 */
async function neemSlot(databasenaam: string): Promise<{ laatLos(): void }> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return { laatLos: () => undefined };
  let laatLos!: () => void;
  const losgelaten = new Promise<void>((klaar) => (laatLos = klaar));
  const gekregen = await new Promise<boolean>((klaar) => {
    void locks.request(`pib-cache:${databasenaam}`, { ifAvailable: true }, async (lock) => {
      klaar(lock !== null);
      if (lock) await losgelaten;
    });
  });
  if (!gekregen) throw new CacheFout('IN_GEBRUIK');
  return { laatLos };
}

/** A known value under the key: another key fails here, at once, instead of on the first search. */
async function controleerSleutel(db: CacheDatabase, v: Veldversleuteling): Promise<void> {
  const rij = await db.meta.get('sleutelcontrole');
  if (rij) {
    if ((await v.ontsleutel<string>(rij.waarde, PLAATS_SLEUTELCONTROLE)) !== SLEUTELCONTROLE) throw new CacheFout('VERKEERDE_SLEUTEL');
    return;
  }
  await db.meta.add({ naam: 'sleutelcontrole', waarde: await v.versleutel(SLEUTELCONTROLE, PLAATS_SLEUTELCONTROLE) });
}

/** A page as main hands it over (compressed), not one already parsed. */
function vanMain(pagina: Wijzigingen | Paginabytes): pagina is Paginabytes {
  return 'gecomprimeerd' in pagina;
}

/**
 * A sync page checked against the contract (Wijzigingen) and taken as parsed: memory and the log on
 * disk then hold the very same records (fields the contract does not name ride along, unread).
 */
async function leesPagina(pagina: Wijzigingen | string | Paginabytes): Promise<Wijzigingen> {
  if (typeof pagina === 'object' && !vanMain(pagina)) return controleer(pagina);
  let ruw: unknown;
  try {
    ruw = JSON.parse(typeof pagina === 'string' ? pagina : await pakUitTekst(pagina.gecomprimeerd));
  } catch (e) {
    throw new CacheFout('ONGELDIGE_PAGINA', { cause: e });
  }
  return controleer(ruw);
}

function controleer(ruw: unknown): Wijzigingen {
  const gelezen = Wijzigingen.safeParse(ruw);
  if (!gelezen.success) throw new CacheFout('ONGELDIGE_PAGINA', { cause: gelezen.error });
  return ruw as Wijzigingen;
}

function naarBuiten({ plaats: _plaats, volgnummer: _volgnummer, ...entry }: Entry): UitgaandeEntry {
  return entry;
}

function nieuweEntry(w: UitgaandeWijziging, idempotencyKey: string, nu: Date, plek: Pick<Entry, 'id' | 'plaats' | 'volgnummer'>): Entry {
  return {
    idempotencyKey, soort: w.soort, gc: w.gc, persoonId: 'persoonId' in w ? w.persoonId : null, wijziging: w,
    status: 'WACHT', aangemaakt: nu.toISOString(), pogingen: 0, probleem: null, serverStand: null, ...plek,
  };
}

function isQuota(e: unknown): boolean {
  const naam = (e as { name?: string; inner?: { name?: string } } | null)?.name;
  const binnen = (e as { inner?: { name?: string } } | null)?.inner?.name;
  return naam === 'QuotaExceededError' || binnen === 'QuotaExceededError';
}

class OpenCache implements Cache {
  private gesloten = false;
  private readonly geheugens = new Map<string, Gemeentegeheugen>();
  /** In memory: the sync state each gemeente's memory is at (the disk may be a few pages behind). */
  private readonly standen = new Map<string, SyncStand>();
  /** On disk: each gemeente's directory as last written. */
  private readonly gidsen = new Map<string, Gids>();
  private entries: Entry[] = [];
  /** Disk writes, one after the other, in the order memory changed. */
  private staart: Promise<unknown> = Promise.resolve();
  private wachtend = 0;
  private schijffout: CacheFoutCode | null = null;
  private readonly compacterend = new Set<string>();
  private readonly nogmaalsVouwen = new Set<string>();
  /** When the last sync page came: compaction waits for a quiet moment. */
  private laatstePagina = 0;
  /** When the last call came in: the background sorting waits for a quiet moment. */
  private laatsteVraag = 0;
  /** Gemeenten still being read into memory after an unlock (or that failed to): their calls wait. */
  private readonly laden = new Map<string, Promise<void>>();

  constructor(
    readonly gebruikersnaam: string,
    private readonly databasenaam: string,
    private readonly db: CacheDatabase,
    private readonly v: Veldversleuteling,
    private readonly opslag: Opslag,
    private readonly slot: { laatLos(): void },
    private readonly bron: IndexedDbBron | undefined,
    private readonly vouwMeteen = false,
  ) {}

  /**
   * Memory from what was on disk: first the outbox (it is laid over everything), then each
   * gemeente's chunks and log in order, the first gemeente of `gemeenten` (the one asked for) first:
   * this resolves once that one is searchable and every part of every gemeente decrypted (at
   * 100,000 persons one gemeente takes about as long as the whole unlock target, so the others must
   * not stand before it). The others follow one after another in the background, a part a task, so
   * the first gemeente's searches are answered in between; a call for one of them waits until it is
   * in memory. A part that decrypted but does not parse (not tampering: AES-GCM proved it whole)
   * refuses that gemeente's calls and `allesGeladen` with BESCHADIGD (the store then refuses the
   * whole cache). The common orders are built right after a gemeente is in, in the worker's free
   * moments (a search that comes first builds the one it needs).
   */
  async laad({ gemeenten, entries }: Geladen): Promise<void> {
    this.entries = entries;
    for (const [gc, { gids }] of gemeenten) {
      this.gidsen.set(gc, gids);
      this.standen.set(gc, gids.stand);
    }
    const uitpakker = startUitpakker();
    let vorige: Promise<void> = Promise.resolve();
    const open: Promise<unknown>[] = [];
    for (const [i, [gc, { delen }]] of [...gemeenten].entries()) {
      const klaar = vorige.then(async () => this.laadGemeente(gc, await delen, i > 0, uitpakker));
      this.laden.set(gc, klaar);
      void klaar.then(() => this.laden.delete(gc), () => undefined);
      // The first one failing fails the open (nothing further starts); a later one only itself.
      vorige = i === 0 ? klaar : klaar.catch(() => undefined);
      open.push(i === 0 ? klaar : delen);
    }
    void vorige.then(uitpakker.stop, uitpakker.stop);
    try {
      await Promise.all(open);
    } catch (e) {
      // Refused as a whole: what the background would still read in goes nowhere.
      this.gesloten = true;
      throw e;
    }
  }

  private async laadGemeente(gc: string, delen: readonly Deel[], opAchtergrond: boolean, uitpakker: Uitpakker): Promise<void> {
    const g = new Gemeentegeheugen(gc);
    // The helper inflates up to VOORUIT parts ahead of the one parsed and replayed here.
    const gelezen: Promise<Delta>[] = [];
    const vraag = (i: number) => {
      if (i >= delen.length) return;
      gelezen[i] = leesDeel(delen[i]!, uitpakker.pakUit);
      // Awaited in turn below; a part after a failed one is never awaited and must not count as unhandled.
      gelezen[i]!.catch(() => undefined);
    };
    for (let i = 0; i < VOORUIT; i++) vraag(i);
    for (let i = 0; i < delen.length; i++) {
      vraag(i + VOORUIT);
      if (opAchtergrond) await volgendeTaak();
      if (this.gesloten) return;
      this.pasDeltaToe(g, await gelezen[i]!);
    }
    if (this.gesloten) return;
    this.geheugens.set(gc, g);
    this.warmOpOpAchtergrond(gc, g);
    // A cache whose full sync was written before chunks were kept in columns is folded now.
    this.compacteerAlsNodig(gc);
  }

  allesGeladen(): Promise<void> {
    return Promise.all(this.laden.values()).then(() => undefined);
  }

  /**
   * The orders a screen asks for, built ahead a step (about 8 ms) a task (Gemeentegeheugen.warmStap):
   * a search or sync message that comes in between is answered after one step at most.
   */
  private warmOpOpAchtergrond(gc: string, g: Gemeentegeheugen): void {
    // The default orders at once (the first search needs them, and a step is short); the others not
    // while the user is working: they wait until nothing was asked for STIL_MS, so they do not take
    // the processor from the screen that is drawing an answer.
    const wacht = g.standaardKlaar ? Math.max(0, STIL_MS - (performance.now() - this.laatsteVraag)) : 0;
    setTimeout(() => {
      if (this.gesloten || this.geheugens.get(gc) !== g) return;
      const mag = !g.standaardKlaar || performance.now() - this.laatsteVraag >= STIL_MS;
      if (mag && !g.warmStap()) return;
      this.warmOpOpAchtergrond(gc, g);
    }, wacht);
  }

  sluit(): Promise<void> {
    if (this.gesloten) return sluitend.get(this.databasenaam) ?? Promise.resolve();
    this.gesloten = true;
    this.geheugens.clear();
    const klaar = this.staart.then(() => {
      this.v.vergeet();
      this.db.close();
      this.slot.laatLos();
      meldGesloten(this.databasenaam, this);
    }).finally(() => {
      if (sluitend.get(this.databasenaam) === klaar) sluitend.delete(this.databasenaam);
    });
    sluitend.set(this.databasenaam, klaar);
    return klaar;
  }

  private open(): void {
    if (this.gesloten) throw new CacheFout('GESLOTEN');
  }

  /**
   * Every call fails as GESLOTEN once the cache is closed. A call that reads or changes the memory
   * of `gemeenten` first waits until they are read in after an unlock (and fails as they failed).
   */
  private async bewaakt<T>(taak: () => T | Promise<T>, ...gemeenten: string[]): Promise<T> {
    this.open();
    this.laatsteVraag = performance.now();
    const laden = gemeenten.flatMap((gc) => this.laden.get(gc) ?? []);
    if (laden.length > 0) {
      await Promise.all(laden);
      this.open();
    }
    return taak();
  }

  /** The gemeente of an outbox entry, for `bewaakt` (none when it is unknown: the call fails as ONBEKENDE_ENTRY). */
  private gemeenteVan(entryId: string): string[] {
    const entry = this.entries.find((e) => e.id === entryId);
    return entry ? [entry.gc] : [];
  }

  private geheugen(gc: string): Gemeentegeheugen {
    let g = this.geheugens.get(gc);
    if (!g) this.geheugens.set(gc, (g = new Gemeentegeheugen(gc)));
    return g;
  }

  private gids(gc: string): Gids {
    return this.gidsen.get(gc) ?? leegGids(gc);
  }

  /**
   * A disk write after memory changed. Writes run in order; after one failed none follows, so the
   * disk keeps its last complete state and memory goes on alone (`opslagfout`). A sync page waits
   * only when more than ACHTERSTAND writes are behind, so a sync cannot run away from its own disk;
   * an outbox change waits for its write (`wacht`), because the user is told it is kept.
   */
  private async naarSchijf(taak: () => Promise<void>, wacht = false): Promise<void> {
    this.wachtend++;
    const run = this.staart.then(async () => {
      if (this.schijffout) return;
      try {
        await taak();
      } catch (e) {
        this.schijffout = isQuota(e) ? 'OPSLAG_VOL' : 'OPSLAG_MISLUKT';
        throw e;
      }
    }).finally(() => this.wachtend--);
    this.staart = run.catch(() => undefined);
    if (wacht || this.wachtend > ACHTERSTAND) await run;
    else run.catch(() => undefined);
  }

  opSchijf(): Promise<void> {
    return this.staart.then(() => undefined);
  }

  opslagfout(): Promise<CacheFoutCode | null> {
    return Promise.resolve(this.schijffout);
  }

  // Memory

  private wachtendOp(gc: string): Map<string, Entry[]> {
    const uit = new Map<string, Entry[]>();
    for (const e of this.entries) {
      if (e.status !== 'WACHT' || e.gc !== gc || !e.persoonId) continue;
      const lijst = uit.get(e.persoonId);
      if (lijst) lijst.push(e);
      else uit.set(e.persoonId, [e]);
    }
    return uit;
  }

  /** ISI's state from one delta, with the waiting changes laid over what the user sees. */
  private pasDeltaToe(g: Gemeentegeheugen, d: Delta): void {
    const wachtend = this.wachtendOp(g.gc);
    const statussen = getoondeSignaalStatussen(this.entries);
    // Deletions first: a person who left the PIB and came back within one page is in both lists, and present.
    g.zetPersonen(d.personen, d.verwijderd.personen, (p) => toonPersoon(p, wachtend.get(p.id) ?? []));
    g.zetSignalen(d.signalen, d.verwijderd.signalen, (s) => statussen.get(s.id) ?? s.status);
  }

  // Sync

  syncStand(gc: string): Promise<SyncStand> {
    return this.bewaakt(() => this.standen.get(gc) ?? leegGids(gc).stand);
  }

  pasToe(gc: string, pagina: Wijzigingen | string | Paginabytes, nu = new Date()): Promise<Toegepast> {
    return this.bewaakt(async () => {
      this.laatstePagina = performance.now();
      const p = await leesPagina(pagina);
      const stand = this.standen.get(gc) ?? leegGids(gc).stand;
      const delta: Delta = { personen: p.personen, signalen: p.signalen, verwijderd: p.verwijderd };
      // The first page of a full sync announces what is to come; every page counts what it brought.
      const eerste = stand.cursor === null;
      const nieuw: SyncStand = {
        gc,
        cursor: p.cursor,
        volledig: stand.volledig || !p.meer,
        laatsteSync: nu.toISOString(),
        totaal: eerste ? (p.totaal ?? null) : stand.totaal,
        verwerkt: (eerste ? 0 : stand.verwerkt) + p.personen.length + p.signalen.length,
      };
      this.pasDeltaToe(this.geheugen(gc), delta);
      this.standen.set(gc, nieuw);
      if (!p.meer) this.warmOpOpAchtergrond(gc, this.geheugen(gc));
      await this.naarSchijf(async () => {
        // A page from main goes to the log as main compressed it: the same data memory holds, not serialised again.
        const gecomprimeerd = typeof pagina === 'object' && vanMain(pagina) ? pagina.gecomprimeerd : undefined;
        const [gids] = await this.opslag.schrijf([{ gc, gids: this.gids(gc), stand: nieuw, delta, gecomprimeerd }]);
        this.gidsen.set(gc, gids!);
        // The register (another database) once per sync run, not once per page.
        if (!p.meer) await noteerSync(this.gebruikersnaam, nieuw.laatsteSync!, this.bron);
      });
      this.compacteerAlsNodig(gc);
      return { stand: nieuw, personen: [...p.verwijderd.personen, ...p.personen.map((x) => x.id)], signalen: p.signalen.length + p.verwijderd.signalen.length > 0 };
    }, gc);
  }

  /**
   * Folds a gemeente's log into chunks in the background, once its full sync is done (folding
   * during it would rewrite everything again and again): when the log is long (LOG_GRENS), and at
   * once after a full sync of many pages (VOUW_NA_VOLLEDIGE_SYNC). It waits until no sync page came
   * for a while and no gemeente is still being read in, so it does not slow a sync that goes on
   * with the next gemeente, or an unlock.
   */
  private compacteerAlsNodig(gc: string): void {
    if (!this.standen.get(gc)?.volledig) return;
    if (this.compacterend.has(gc)) {
      // Looked at again once the one under way is done: its look at the log may have come too early.
      this.nogmaalsVouwen.add(gc);
      return;
    }
    this.compacterend.add(gc);
    void this.stil(() => this.laatstePagina, STIL_VOOR_VOUWEN_MS, () => this.laden.size === 0)
      .then(() => this.compacteer(gc))
      .catch(() => undefined)
      .finally(() => {
        this.compacterend.delete(gc);
        if (this.nogmaalsVouwen.delete(gc)) this.compacteerAlsNodig(gc);
      });
  }

  /**
   * Resolves once `sinds()` lies `ms` in the past and `ook()` holds (or the cache closed): the quiet
   * a fold waits for, before it starts (no sync page, no gemeente being read in) and before each
   * piece (no call at all: measured right after a full sync, BSN → person p95 went from 90–160 ms
   * to 226 while a fold ran between searches).
   */
  private stil(sinds: () => number, ms: number, ook: () => boolean = () => true): Promise<void> {
    return new Promise((klaar) => {
      const kijk = () => {
        const wacht = this.vouwMeteen ? 0 : ms - (performance.now() - sinds());
        if (this.gesloten || (wacht <= 0 && ook())) klaar();
        else setTimeout(kijk, wacht > 0 ? wacht : STIL_MS);
      };
      // Always a macrotask first: a message that came in meanwhile is answered before the next piece.
      setTimeout(kijk, 0);
    });
  }

  /**
   * The state is taken in the write queue, when every write before it is done: the disk's
   * directory, and memory, which may be a few pages ahead of it (the log entries of those pages
   * follow the new chunks, and replaying them on top gives the same state). Serialising and
   * compressing (seconds at 100,000 persons) run outside the queue, so no sync page and no saved
   * change waits for them; only the last transaction is queued. A failed write is recorded by
   * `naarSchijf` (opslagfout).
   */
  private async compacteer(gc: string): Promise<void> {
    const g = this.geheugens.get(gc);
    if (!g) return;
    const genomen: { gids: Gids; personen: Persoon[]; signalen: SignaalVolledig[] }[] = [];
    await this.naarSchijf(async () => {
      const gids = this.gids(gc);
      const lang = gids.log.length >= LOG_GRENS || (gids.blokken.length === 0 && gids.log.length >= VOUW_NA_VOLLEDIGE_SYNC);
      if (gids.stand.volledig && lang && this.geheugens.get(gc) === g) genomen.push({ gids, personen: g.isiPersonen(), signalen: g.isiSignalen() });
    }, true);
    const [basis] = genomen;
    if (!basis) return;
    // Given up when the cache closes or the gemeente is emptied (a 410, a rebuild): the old directory stays.
    const vervallen = () => this.gesloten || this.geheugens.get(gc) !== g;
    const blokken = await this.opslag.pakBlokkenIn(gc, basis.personen, basis.signalen, vervallen, () => this.stil(() => this.laatsteVraag, STIL_VOOR_STUK_MS));
    if (!blokken || vervallen()) return;
    await this.naarSchijf(async () => {
      if (vervallen()) return;
      this.gidsen.set(gc, await this.opslag.vervangDoorBlokken(gc, this.gids(gc), basis.gids, blokken));
    }, true);
  }

  beginOpnieuw(gc: string): Promise<void> {
    return this.bewaakt(async () => {
      this.geheugens.set(gc, new Gemeentegeheugen(gc));
      this.standen.delete(gc);
      await this.naarSchijf(async () => {
        await this.opslag.wisGemeente(gc);
        this.gidsen.delete(gc);
      });
    }, gc);
  }

  // Reading: from memory only, never waiting for the disk or the network

  zoekPersonen(gc: string, vraag: Parameters<Cache['zoekPersonen']>[1]): ReturnType<Cache['zoekPersonen']> {
    return this.bewaakt(() => this.geheugen(gc).zoekPersonen(vraag), gc);
  }

  zoekSignalen(gc: string, vraag: Parameters<Cache['zoekSignalen']>[1]): ReturnType<Cache['zoekSignalen']> {
    return this.bewaakt(() => this.geheugen(gc).zoekSignalen(vraag), gc);
  }

  haalPersoon(gc: string, id: string): Promise<CachePersoon | null> {
    return this.bewaakt(() => {
      const g = this.geheugen(gc);
      const getoond = g.persoon(id);
      if (!getoond) return null;
      // R-SIG-3: the counts follow the status shown, as the signal list does.
      const tellingen = { ...getoond.signalen };
      for (const { isi, status } of g.signalenVan(id)) {
        if (status === isi.status) continue;
        tellingen[TELLING[isi.status]]--;
        tellingen[TELLING[status]]++;
      }
      const eigen = this.entries.filter((e) => e.gc === gc && e.persoonId === id);
      return {
        ...getoond,
        signalen: tellingen,
        wachtend: eigen.filter((e) => e.status === 'WACHT').length,
        geweigerd: eigen.filter((e) => e.status === 'GEWEIGERD').length,
      };
    }, gc);
  }

  openstaand(gc: string): Promise<number> {
    return this.bewaakt(() => this.geheugen(gc).openstaand(), gc);
  }

  aantallen(gc: string): Promise<{ personen: number; signalen: number }> {
    return this.bewaakt(() => {
      const g = this.geheugen(gc);
      return { personen: g.aantalPersonen, signalen: g.aantalSignalen };
    }, gc);
  }

  controlegetal(gc: string): Promise<string> {
    return this.bewaakt(() => {
      const g = this.geheugen(gc);
      return controlegetal(g.isiPersonen(), g.isiSignalen());
    }, gc);
  }

  // The outbox

  wachtrij(): Promise<UitgaandeEntry[]> {
    return this.bewaakt(() => this.entries.map(naarBuiten));
  }

  private vind(entryId: string): Entry {
    const entry = this.entries.find((e) => e.id === entryId);
    if (!entry) throw new CacheFout('ONBEKENDE_ENTRY');
    return entry;
  }

  /**
   * The outbox as `na`, what the user sees of every person and signal it touches anew, and (where
   * ISI answered) ISI's new state of them: memory at once, the disk in one transaction.
   */
  private async zetWachtrij(na: Entry[], raakt: readonly UitgaandeEntry[], erbij: Entry[], weg: string[], isi: Map<string, Delta> = new Map()): Promise<void> {
    this.entries = inVerzendvolgorde(na);
    const wachtend = new Map<string, Map<string, Entry[]>>();
    const statussen = getoondeSignaalStatussen(this.entries);
    const toon = (gc: string) => (p: Persoon) => {
      let perGemeente = wachtend.get(gc);
      if (!perGemeente) wachtend.set(gc, (perGemeente = this.wachtendOp(gc)));
      return toonPersoon(p, perGemeente.get(p.id) ?? []);
    };
    const status = (s: SignaalVolledig) => statussen.get(s.id) ?? s.status;
    for (const [gc, d] of isi) this.pasDeltaToe(this.geheugen(gc), d);
    for (const e of raakt) {
      const { persoon, signalen } = raaktAan(e);
      const g = this.geheugen(e.gc);
      if (persoon) g.toonOpnieuw(persoon, toon(e.gc));
      if (signalen.length > 0) g.toonSignalenOpnieuw(signalen, status);
    }
    const entries = { erbij, weg };
    await this.naarSchijf(async () => {
      if (isi.size === 0) return this.opslag.schrijfEntries(erbij, weg);
      const gidsen = await this.opslag.schrijf([...isi].map(([gc, delta]) => ({ gc, gids: this.gids(gc), stand: this.gids(gc).stand, delta })), entries);
      for (const gids of gidsen) this.gidsen.set(gids.stand.gc, gids);
    }, true);
  }

  zetInWachtrij(wijziging: UitgaandeWijziging, idempotencyKey: string, nu = new Date()): Promise<UitgaandeEntry> {
    return this.bewaakt(async () => {
      const volgnummer = Math.max(0, ...this.entries.map((e) => e.volgnummer)) + 1;
      const entry = nieuweEntry(wijziging, idempotencyKey, nu, { id: crypto.randomUUID(), plaats: nu.toISOString(), volgnummer });
      await this.zetWachtrij([...this.entries, entry], [entry], [entry], []);
      return naarBuiten(entry);
    }, wijziging.gc);
  }

  mislukt(entryId: string): Promise<void> {
    return this.bewaakt(async () => {
      const na = { ...this.vind(entryId) };
      na.pogingen++;
      this.entries = this.entries.map((e) => (e.id === entryId ? na : e));
      await this.naarSchijf(() => this.opslag.schrijfEntries([na], []), true);
    });
  }

  verzonden(entryId: string, persoon: Persoon | null): Promise<void> {
    return this.bewaakt(async () => {
      const entry = this.vind(entryId);
      const delta = leegDelta();
      const g = this.geheugen(entry.gc);
      if (persoon) delta.personen.push(persoon);
      else if (entry.persoonId) {
        // ISI took the change without sending the person back (a deleted invoice): the change is
        // ISI's state now, until the next sync brings ISI's own.
        const oud = g.isiPersoon(entry.persoonId);
        if (oud) delta.personen.push(toonPersoon(oud, [entry]));
      }
      if (entry.wijziging.soort === 'SIGNAALSTATUS') {
        for (const id of entry.wijziging.ids) {
          const s = g.isiSignaal(id);
          if (s) delta.signalen.push({ ...s, status: entry.wijziging.status });
        }
      }
      const isi = aantalIn(delta) > 0 ? new Map([[entry.gc, delta]]) : new Map<string, Delta>();
      await this.zetWachtrij(this.entries.filter((e) => e.id !== entryId), [entry], [], [entryId], isi);
    }, ...this.gemeenteVan(entryId));
  }

  geweigerd(entryId: string, probleem: Probleem, serverStand: Persoon | null): Promise<void> {
    return this.bewaakt(async () => {
      const entry = this.vind(entryId);
      const na: Entry = { ...entry, status: 'GEWEIGERD', probleem, serverStand };
      const isi = serverStand ? new Map([[entry.gc, { ...leegDelta(), personen: [serverStand] }]]) : new Map<string, Delta>();
      await this.zetWachtrij(this.entries.map((e) => (e.id === entryId ? na : e)), [entry], [na], [], isi);
    }, ...this.gemeenteVan(entryId));
  }

  verwerp(entryId: string): Promise<void> {
    return this.bewaakt(async () => {
      const entry = this.vind(entryId);
      await this.zetWachtrij(this.entries.filter((e) => e.id !== entryId), [entry], [], [entryId]);
    }, ...this.gemeenteVan(entryId));
  }

  vervang(entryId: string, wijziging: UitgaandeWijziging, idempotencyKey: string, nu = new Date()): Promise<UitgaandeEntry> {
    return this.bewaakt(async () => {
      const entry = this.vind(entryId);
      // The same entry, corrected: its id (what the stores wait on) and its place stay.
      const nieuw = nieuweEntry(wijziging, idempotencyKey, nu, { id: entry.id, plaats: entry.plaats, volgnummer: entry.volgnummer });
      await this.zetWachtrij(this.entries.map((e) => (e.id === entryId ? nieuw : e)), [entry, nieuw], [nieuw], []);
      return naarBuiten(nieuw);
    }, ...this.gemeenteVan(entryId), wijziging.gc);
  }
}
