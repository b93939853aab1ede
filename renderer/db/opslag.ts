import type { Persoon, SignaalVolledig } from '../../shared/schemas/api';
import { CacheFout } from './fouten';
import { pakIn, pakTekstIn, pakUitTekst } from './inpakken';
import type { BlokRij, CacheDatabase, EntryRij, LogRij } from './schema';
import type { Veldversleuteling } from './sleutels';
import type { SyncStand, UitgaandeEntry } from './types';

/** What one sync page, one answer of ISI or one chunk brings: ISI's state of these records, and what went. */
export interface Delta {
  personen: Persoon[];
  signalen: SignaalVolledig[];
  verwijderd: { personen: string[]; signalen: string[] };
}

/**
 * A gemeente on disk: its sync state and the directory of what holds its data (chunks first, then
 * the log entries in the order they were written). Replaying these in order gives the memory state
 * that `stand.cursor` describes.
 */
export interface Gids {
  stand: SyncStand;
  blokken: string[];
  log: string[];
  /** Numbers the next log entry, so its id is known before the transaction that writes it. */
  volgende: number;
}

/** An outbox entry with its place in the send order. */
export type Entry = UitgaandeEntry & {
  /**
   * The place in the send order: `aangemaakt` of the change it began as. A correction (vervang)
   * keeps it, so it neither overtakes nor falls behind the user's later changes of the same
   * person. `volgnummer` breaks ties within a millisecond.
   */
  plaats: string;
  volgnummer: number;
};

/** Persons or signals per chunk when the log is folded into chunks: about 1–3 MB of JSON each, an eighth of that on disk. */
export const BLOKGROOTTE = 4_000;

/** Where each ciphertext lives: its additional data, so it decrypts nowhere else. */
const plaats = {
  blok: (gc: string, id: string) => `blok/${gc}/${id}`,
  log: (gc: string, id: string) => `log/${gc}/${id}`,
  stand: (gc: string) => `stand/${gc}`,
  entry: (id: string) => `wachtrij/${id}`,
};

export const leegDelta = (): Delta => ({ personen: [], signalen: [], verwijderd: { personen: [], signalen: [] } });

export function leegStand(gc: string): SyncStand {
  return { gc, cursor: null, volledig: false, laatsteSync: null, totaal: null, verwerkt: 0 };
}

export const leegGids = (gc: string): Gids => ({ stand: leegStand(gc), blokken: [], log: [], volgende: 1 });

/**
 * A chunk or log entry decrypted, which proves it whole and written with this key (AES-GCM), and
 * not yet inflated and parsed (`leesDeel`): that costs the most, and is done a gemeente at a time.
 * A row of the old format decrypts to its delta at once.
 */
export type Deel = Delta | Uint8Array<ArrayBuffer>;

/**
 * What is on disk, decrypted: per gemeente its directory and its parts in replay order (still
 * being read and decrypted: CacheFout BESCHADIGD when one cannot be), the gemeente asked for first;
 * the outbox.
 */
export interface Geladen {
  gemeenten: Map<string, { gids: Gids; delen: Promise<Deel[]> }>;
  entries: Entry[];
}

const schrijver = new TextEncoder();

/** Decrypts, and turns any failure (a tampered file, a missing chunk, another key) into one refusal. */
async function leesVersleuteld<T>(v: Veldversleuteling, data: Uint8Array<ArrayBuffer> | undefined, waar: string): Promise<T> {
  if (!data) throw new CacheFout('BESCHADIGD');
  try {
    return await v.ontsleutel<T>(data, waar);
  } catch (e) {
    throw new CacheFout('BESCHADIGD', { cause: e });
  }
}

/** A chunk or log entry decrypted; any failure (missing, tampered, another key) one refusal. */
async function ontsleutelRij(v: Veldversleuteling, rij: BlokRij | LogRij | undefined, waar: string): Promise<Deel> {
  if (rij?.vorm !== 'deflate-raw') return leesVersleuteld<Delta>(v, rij?.data, waar);
  try {
    return await v.ontsleutelBytes(rij.data, waar);
  } catch (e) {
    throw new CacheFout('BESCHADIGD', { cause: e });
  }
}

/** A part as memory takes it: inflated (by `pakUit`) and parsed where it was kept compressed; bytes that do not inflate or parse, BESCHADIGD. */
export async function leesDeel(deel: Deel, pakUit = pakUitTekst): Promise<Delta> {
  if (!(deel instanceof Uint8Array)) return deel;
  try {
    const gelezen = JSON.parse(await pakUit(deel)) as Delta | Kolomblok;
    return 'kolommen' in gelezen ? uitKolommen(gelezen) : gelezen;
  } catch (e) {
    throw new CacheFout('BESCHADIGD', { cause: e });
  }
}

/**
 * A chunk as compaction writes it: one kind of record, each field name once (`kolommen`) and each
 * record the array of its values in that order; a record of another shape is kept as itself, in
 * its place. A sync page names every field in every record: at an unlock of 100,000 persons in
 * Chromium, the 45 pages of a full sync were 128 MB of JSON and took 2.3–2.6 s to inflate and
 * parse, the same records in columns 68 MB and 1.2–1.5 s with the records built back.
 */
interface Kolomblok {
  soort: 'personen' | 'signalen';
  kolommen: string[];
  rijen: (unknown[] | Record<string, unknown>)[];
}

function uitKolommen({ soort, kolommen, rijen }: Kolomblok): Delta {
  if ((soort !== 'personen' && soort !== 'signalen') || !Array.isArray(kolommen) || !Array.isArray(rijen)) throw new Error('Geen blok in kolommen');
  const records = rijen.map((rij) => {
    if (!Array.isArray(rij)) return rij;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < kolommen.length; i++) record[kolommen[i]!] = rij[i];
    return record;
  });
  return { ...leegDelta(), [soort]: records };
}

/** A delta compressed for the disk, as main compresses a sync page. */
function pakDeltaIn(delta: Delta): Promise<Uint8Array<ArrayBuffer>> {
  return pakIn(schrijver.encode(JSON.stringify(delta)));
}

/**
 * Records serialised a piece at a time (pakTekstIn): a few milliseconds each, and a piece's text
 * small enough (about 30 KB) to stay in V8's young generation, where garbage is cheap: a fold makes
 * twice its JSON in garbage while the worker holds the whole caseload.
 */
const STUK = 100;

/** A chunk as JSON text in pieces (a Kolomblok), its records STUK at a time; `gestopt` ends it between pieces. */
function* blokTekst(soort: Kolomblok['soort'], records: readonly Record<string, unknown>[], gestopt: () => boolean): Generator<string> {
  const kolommen = Object.keys(records[0] ?? {});
  const alsRij = (r: Record<string, unknown>) => {
    const velden = Object.keys(r);
    return velden.length === kolommen.length && velden.every((v, i) => v === kolommen[i]) ? kolommen.map((k) => r[k]) : r;
  };
  yield `{"soort":"${soort}","kolommen":${JSON.stringify(kolommen)},"rijen":[`;
  for (let i = 0; i < records.length; i += STUK) {
    if (gestopt()) throw new Gestopt();
    yield (i > 0 ? ',' : '') + JSON.stringify(records.slice(i, i + STUK).map(alsRij)).slice(1, -1);
  }
  yield ']}';
}

/** A compaction given up halfway (the cache closed, the gemeente was emptied): nothing of it is written. */
class Gestopt extends Error {}

export function inVerzendvolgorde(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.plaats < b.plaats ? -1 : a.plaats > b.plaats ? 1 : a.volgnummer - b.volgnummer));
}

/**
 * The durable copy of one user's cache (ARCHITECTURE.md: memory first, IndexedDB its durable
 * copy): encrypted chunks plus an append-only encrypted delta log per gemeente, and the outbox.
 * Each write is one transaction that also writes the directory describing it. Decryption happens
 * in a few large calls at open; writes encrypt before their transaction (an IndexedDB transaction
 * commits as soon as it waits for anything else, WebCrypto included).
 */
export class Opslag {
  constructor(private readonly db: CacheDatabase, private readonly v: Veldversleuteling) {}

  /**
   * The directories and the outbox decrypted; every gemeente's parts asked for at once, `voorrang`'s
   * first (IndexedDB answers in the order asked), so memory can take in that gemeente while the
   * others are still read. The caller awaits every `delen`: a tampered or missing part refuses the
   * whole cache before anything is shown. Inflating and parsing is left to `leesDeel`.
   */
  async laad(voorrang: string | null = null): Promise<Geladen> {
    const [standen, entryRijen] = await Promise.all([this.db.stand.toArray(), this.db.wachtrij.toArray()]);
    const [gidsen, entries] = await Promise.all([
      Promise.all(standen.map(async (rij) => [rij.gc, await leesVersleuteld<Gids>(this.v, rij.data, plaats.stand(rij.gc))] as const)),
      this.leesEntries(entryRijen),
    ]);
    gidsen.sort(([a], [b]) => Number(b === voorrang) - Number(a === voorrang));
    const gemeenten = new Map(gidsen.map(([gc, gids]) => {
      const delen = this.leesDelen(gc, gids);
      // Awaited by the caller, perhaps only after another gemeente: not an unhandled rejection meanwhile.
      delen.catch(() => undefined);
      return [gc, { gids, delen }] as const;
    }));
    return { gemeenten, entries: inVerzendvolgorde(entries) };
  }

  private async leesDelen(gc: string, gids: Gids): Promise<Deel[]> {
    const [blokken, log] = await Promise.all([this.db.blokken.bulkGet(gids.blokken), this.db.logboek.bulkGet(gids.log)]);
    return Promise.all([
      ...blokken.map((b, i) => ontsleutelRij(this.v, b, plaats.blok(gc, gids.blokken[i]!))),
      ...log.map((l, i) => ontsleutelRij(this.v, l, plaats.log(gc, gids.log[i]!))),
    ]);
  }

  private leesEntries(rijen: EntryRij[]): Promise<Entry[]> {
    return Promise.all(rijen.map((r) => leesVersleuteld<Entry>(this.v, r.data, plaats.entry(r.id))));
  }

  /**
   * Version 1 kept the outbox with its gemeente, person and kind in clear and the change in an
   * encrypted `inhoud`. Such rows are rewritten encrypted whole; the change itself is carried over.
   */
  async zetOudeWachtrijOm(): Promise<number> {
    const oud = (await this.db.wachtrij.toArray()) as unknown as (Omit<Entry, 'wijziging' | 'probleem' | 'serverStand'> & { inhoud?: Uint8Array<ArrayBuffer> })[];
    const om = await Promise.all(oud.filter((r) => r.inhoud).map(async ({ inhoud, ...r }) => {
      const rest = await leesVersleuteld<Pick<Entry, 'wijziging' | 'probleem' | 'serverStand'>>(this.v, inhoud, plaats.entry(r.id));
      return this.entryRij({ ...r, ...rest });
    }));
    if (om.length > 0) await this.db.wachtrij.bulkPut(om);
    return om.length;
  }

  private async entryRij(e: Entry): Promise<EntryRij> {
    return { id: e.id, data: await this.v.versleutel(e, plaats.entry(e.id)) };
  }

  /**
   * One sync page or answer of ISI: the delta appended to the log, compressed (when it changes
   * anything; `gecomprimeerd`: the delta as main compressed the sync page it came in, written as it
   * is) and the directory with the new state, in one transaction; together with outbox changes when
   * the answer settled an entry. Returns the directory as now on disk.
   */
  async schrijf(wijzigingen: { gc: string; gids: Gids; stand: SyncStand; delta: Delta | null; gecomprimeerd?: Uint8Array<ArrayBuffer> }[], entries: { erbij: Entry[]; weg: string[] } = { erbij: [], weg: [] }): Promise<Gids[]> {
    const logs: LogRij[] = [];
    const standen: { gc: string; data: Uint8Array<ArrayBuffer> }[] = [];
    const nieuw: Gids[] = [];
    for (const { gc, gids, stand, delta, gecomprimeerd } of wijzigingen) {
      let volgende = gids;
      if (delta && aantalIn(delta) > 0) {
        const id = `${gc}-${String(gids.volgende).padStart(8, '0')}`;
        const data = await this.v.versleutelBytes(gecomprimeerd ?? await pakDeltaIn(delta), plaats.log(gc, id));
        logs.push({ id, gc, aantal: aantalIn(delta), data, vorm: 'deflate-raw' });
        volgende = { ...gids, log: [...gids.log, id], volgende: gids.volgende + 1 };
      }
      volgende = { ...volgende, stand };
      standen.push({ gc, data: await this.v.versleutel(volgende, plaats.stand(gc)) });
      nieuw.push(volgende);
    }
    const erbij = await Promise.all(entries.erbij.map((e) => this.entryRij(e)));
    await this.db.transaction('rw', [this.db.logboek, this.db.stand, this.db.wachtrij], async () => {
      await this.db.logboek.bulkPut(logs);
      await this.db.stand.bulkPut(standen);
      await this.db.wachtrij.bulkDelete(entries.weg);
      await this.db.wachtrij.bulkPut(erbij);
    });
    return nieuw;
  }

  /** Outbox changes that touch no record ISI has (a new change, a correction, a discarded refusal). */
  async schrijfEntries(erbij: Entry[], weg: string[]): Promise<void> {
    const rijen = await Promise.all(erbij.map((e) => this.entryRij(e)));
    await this.db.transaction('rw', this.db.wachtrij, async () => {
      await this.db.wachtrij.bulkDelete(weg);
      await this.db.wachtrij.bulkPut(rijen);
    });
  }

  /**
   * Compaction, its first half: a gemeente's state (as on disk when it was taken) as new chunks,
   * serialised, compressed and encrypted a piece at a time (`pauze` between pieces), outside the
   * write queue, so neither a sync page nor a change the user saves waits for it. Null when
   * `gestopt` said so between pieces.
   */
  async pakBlokkenIn(gc: string, personen: readonly Persoon[], signalen: readonly SignaalVolledig[], gestopt: () => boolean, pauze?: () => Promise<void>): Promise<BlokRij[] | null> {
    const blokken: BlokRij[] = [];
    const voeg = async (soort: Kolomblok['soort'], deel: readonly Record<string, unknown>[]) => {
      const id = crypto.randomUUID();
      blokken.push({ id, gc, aantal: deel.length, data: await this.v.versleutelBytes(await pakTekstIn(blokTekst(soort, deel, gestopt), pauze), plaats.blok(gc, id)), vorm: 'deflate-raw' });
    };
    try {
      for (let i = 0; i < personen.length; i += BLOKGROOTTE) await voeg('personen', personen.slice(i, i + BLOKGROOTTE));
      for (let i = 0; i < signalen.length; i += BLOKGROOTTE) await voeg('signalen', signalen.slice(i, i + BLOKGROOTTE));
    } catch (e) {
      if (e instanceof Gestopt) return null;
      throw e;
    }
    return blokken;
  }

  /**
   * Compaction, its second half: the new chunks in, the old chunks and the log entries they fold
   * (`gevouwen`: the directory the chunks were taken from) out, the directory pointing at the new
   * chunks followed by the log entries written since: one transaction, so a crash leaves either
   * the old directory (old chunks and log still there) or the new one.
   */
  async vervangDoorBlokken(gc: string, huidig: Gids, gevouwen: Gids, blokken: BlokRij[]): Promise<Gids> {
    const weg = new Set(gevouwen.log);
    const nieuw: Gids = { ...huidig, blokken: blokken.map((b) => b.id), log: huidig.log.filter((id) => !weg.has(id)) };
    const stand = await this.v.versleutel(nieuw, plaats.stand(gc));
    await this.db.transaction('rw', [this.db.blokken, this.db.logboek, this.db.stand], async () => {
      await this.db.blokken.bulkPut(blokken);
      await this.db.blokken.bulkDelete(gevouwen.blokken);
      await this.db.logboek.bulkDelete(gevouwen.log);
      await this.db.stand.put({ gc, data: stand });
    });
    return nieuw;
  }

  /** A 410 or a rebuild: the gemeente's data and directory go; the outbox stays. */
  async wisGemeente(gc: string): Promise<void> {
    await this.db.transaction('rw', [this.db.blokken, this.db.logboek, this.db.stand], async () => {
      await this.db.blokken.where('gc').equals(gc).delete();
      await this.db.logboek.where('gc').equals(gc).delete();
      await this.db.stand.delete(gc);
    });
  }
}

export function aantalIn(d: Delta): number {
  return d.personen.length + d.signalen.length + d.verwijderd.personen.length + d.verwijderd.signalen.length;
}

/**
 * A cache that cannot be read (BESCHADIGD), rebuilt after the user confirmed: every gemeente's
 * data and directory go, so the next sync is a full one. Outbox entries that still decrypt stay;
 * those that do not could not be sent by anyone and go, counted.
 */
export async function wisOnleesbaar(db: CacheDatabase, v: Veldversleuteling): Promise<{ verlorenWijzigingen: number }> {
  const rijen = await db.wachtrij.toArray();
  const onleesbaar: string[] = [];
  await Promise.all(rijen.map(async (r) => {
    try {
      await v.ontsleutel(r.data, plaats.entry(r.id));
    } catch {
      onleesbaar.push(r.id);
    }
  }));
  await db.transaction('rw', [db.blokken, db.logboek, db.stand, db.wachtrij], async () => {
    await db.blokken.clear();
    await db.logboek.clear();
    await db.stand.clear();
    await db.wachtrij.bulkDelete(onleesbaar);
  });
  return { verlorenWijzigingen: onleesbaar.length };
}
