import Dexie, { type Table } from 'dexie';

/** Where IndexedDB comes from: the browser's by default, a fresh fake-indexeddb factory in tests. */
export interface IndexedDbBron {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** Encrypted with the cache's AES key (sleutels.ts): IV followed by ciphertext. */
export type Versleuteld = Uint8Array<ArrayBuffer>;

/**
 * A chunk: many persons or many signals of one gemeente as ISI has them, encrypted as one value.
 * In clear only its random id, the gemeente and the sizes: nothing that identifies or links to a
 * person (ARCHITECTURE.md).
 */
export interface BlokRij {
  id: string;
  gc: string;
  aantal: number;
  data: Versleuteld;
  /** What `data` decrypts to: deflate-raw compressed JSON (inpakken.ts); absent: JSON, as written before compression came. */
  vorm?: 'deflate-raw';
}

/**
 * One entry of the append-only delta log: what one sync page or one answer of ISI changed
 * ({@link Delta}), encrypted whole. Compaction folds the log into new chunks.
 */
export interface LogRij {
  id: string;
  gc: string;
  aantal: number;
  data: Versleuteld;
  /** As {@link BlokRij.vorm}. */
  vorm?: 'deflate-raw';
}

/**
 * Where a gemeente stands on disk, encrypted ({@link Gids}): its sync state and the chunk
 * directory (which chunks, then which log entries in order). Written in the same transaction as
 * the chunks or log entry it describes, so a crash at any point leaves the last complete state.
 */
export interface StandRij {
  gc: string;
  data: Versleuteld;
}

/** One outbox entry, encrypted whole (its gemeente, person and change included). */
export interface EntryRij {
  id: string;
  data: Versleuteld;
}

export interface MetaRij {
  naam: 'sleutelcontrole';
  waarde: Versleuteld;
}

/**
 * One user's cache. Versions only ever get added: a change of tables or indexes is a new
 * `this.version(n + 1).stores({...})` with, where rows must be rewritten, an `.upgrade(tx => ...)`
 * (README.md). An upgrade cannot decrypt (its transaction ends as soon as it awaits WebCrypto), so
 * data that must be re-encrypted is converted after the key check when the cache opens (cache.ts).
 * The outbox must always be carried over, never dropped.
 */
export class CacheDatabase extends Dexie {
  blokken!: Table<BlokRij, string>;
  logboek!: Table<LogRij, string>;
  stand!: Table<StandRij, string>;
  wachtrij!: Table<EntryRij, string>;
  meta!: Table<MetaRij, string>;

  constructor(naam: string, bron?: IndexedDbBron) {
    super(naam, bron);
    // Version 1 kept one record per person and signal, with the search fields in clear.
    this.version(1).stores({
      personen: '[gc+id], [gc+bsnHash], [gc+pvtPlichtig], [gc+datumStartPvtPlicht], [gc+datumEindePvtPlicht], '
        + '[gc+datumStartDeelname], [gc+datumEindeDeelname], [gc+voldaan], [gc+rechtOpMb], [gc+verblijf], '
        + '[gc+factuurAanwezig], [gc+signaalAanwezig]',
      signalen: 'id, gc, [gc+bsnHash], [gc+code], [gc+datum], [gc+status], [gc+omschrijving], [gc+persoonId]',
      wachtrij: 'id, [gc+persoonId]',
      stand: 'gc',
      meta: 'naam',
    });
    // Version 2: encrypted chunks and a delta log; nothing about a person in clear. The old rows
    // go (the next sync is a full one); the outbox stays and is re-encrypted whole at open.
    this.version(2).stores({
      personen: null,
      signalen: null,
      blokken: 'id, gc',
      logboek: 'id, gc',
      wachtrij: 'id',
    }).upgrade(async (tx) => {
      await tx.table('stand').clear();
    });
  }
}
