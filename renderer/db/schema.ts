import Dexie, { type Table } from 'dexie';
import type { SignaalCode, SignaalStatus } from '../../shared/rules/signalen';
import type { Persoon, Probleem } from '../../shared/schemas/api';
import type { UitgaandeWijziging, WijzigingSoort } from '../../shared/schemas/uitgaand';
import type { EntryStatus, SyncStand } from './types';

/** Where IndexedDB comes from: the browser's by default, a fresh fake-indexeddb factory in tests. */
export interface IndexedDbBron {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** Encrypted with the cache's AES key (sleutels.ts): IV followed by ciphertext. */
export type Versleuteld = Uint8Array<ArrayBuffer>;

/**
 * A person as one gemeente's PIB holds it. Only what identifies nobody is in clear, as index:
 * the criteria of R-ZP-2 and the list columns of R-ZP-5 that are not personal, always as the
 * person is shown (ISI's state with the unsent changes laid over it, weergave.ts).
 */
export interface PersoonRij {
  gc: string;
  id: string;
  /** HMAC of the BSN (R-ZP-1 search by BSN). */
  bsnHash: string;
  /** '' for none: IndexedDB cannot index null, and ISI sorts none first (coalesce(.., '')). */
  pvtPlichtig: 'J' | 'N' | '';
  /** Null dates stay out of their index, so no range finds them (as SQL's comparisons with NULL). */
  datumStartPvtPlicht: string | null;
  datumEindePvtPlicht: string | null;
  datumStartDeelname: string | null;
  datumEindeDeelname: string | null;
  voldaan: 'J' | 'N';
  rechtOpMb: 'J' | 'N' | '';
  verblijf: 'WOONACHTIG' | 'VOORMALIG';
  factuurAanwezig: 'NVT' | 'J' | 'N';
  signaalAanwezig: 'J' | 'N';
  /** The personal sort fields alone ({@link PersoonKern}), small so the sort memo fills cheaply. */
  kern: Versleuteld;
  /** The whole Persoon as ISI has it (as synced, or as ISI answered a change). */
  isi: Versleuteld;
}

export interface PersoonKern {
  bsn: string;
  voornamen: string;
  achternaam: string;
  geboortedatum: string;
}

export interface SignaalRij {
  id: string;
  gc: string;
  persoonId: string;
  /** As shown: ISI's status, or the one an unsent SIGNAALSTATUS change sets. R-SIG-3 counts this one. */
  status: SignaalStatus;
  /** As ISI has it. */
  statusServer: SignaalStatus;
  code: SignaalCode;
  omschrijving: string;
  datum: string;
  statusGewijzigdOp: string | null;
  bsnHash: string;
  kern: Versleuteld;
}

export interface SignaalKern {
  bsn: string;
  achternaam: string;
}

export interface EntryRij {
  id: string;
  gc: string;
  persoonId: string | null;
  soort: WijzigingSoort;
  status: EntryStatus;
  idempotencyKey: string;
  aangemaakt: string;
  /**
   * The place in the send order: `aangemaakt` of the change it began as. A correction (vervang)
   * keeps it, so it neither overtakes nor falls behind the user's later changes of the same
   * person. `volgnummer` breaks ties within a millisecond.
   */
  plaats: string;
  volgnummer: number;
  pogingen: number;
  /** {@link EntryInhoud}: the change (invoice numbers, names, e-mail) and ISI's refusal. */
  inhoud: Versleuteld;
}

export interface EntryInhoud {
  wijziging: UitgaandeWijziging;
  probleem: Probleem | null;
  serverStand: Persoon | null;
}

export type StandRij = SyncStand;

export interface MetaRij {
  naam: 'sleutelcontrole';
  waarde: Versleuteld;
}

/**
 * One user's cache. Versions only ever get added: a change of tables or indexes is a new
 * `this.version(n + 1).stores({...})` with, where rows must be rewritten, an `.upgrade(tx => ...)`
 * (README.md). An upgrade cannot decrypt (its transaction ends as soon as it awaits WebCrypto), so
 * one that needs encrypted fields rewritten empties the gemeente's data and stand instead: the next
 * sync is a full one. The outbox must always be carried over, never dropped.
 */
export class CacheDatabase extends Dexie {
  personen!: Table<PersoonRij, [string, string]>;
  signalen!: Table<SignaalRij, string>;
  wachtrij!: Table<EntryRij, string>;
  stand!: Table<StandRij, string>;
  meta!: Table<MetaRij, string>;

  constructor(naam: string, bron?: IndexedDbBron) {
    super(naam, bron);
    this.version(1).stores({
      // R-ZP-2 criteria and R-ZP-5's non-personal sort columns, each compound with the gemeente.
      personen: '[gc+id], [gc+bsnHash], [gc+pvtPlichtig], [gc+datumStartPvtPlicht], [gc+datumEindePvtPlicht], '
        + '[gc+datumStartDeelname], [gc+datumEindeDeelname], [gc+voldaan], [gc+rechtOpMb], [gc+verblijf], '
        + '[gc+factuurAanwezig], [gc+signaalAanwezig]',
      // R-SIG-4 criteria and R-SIG-5's non-personal sort columns; persoonId for a person's counts.
      signalen: 'id, gc, [gc+bsnHash], [gc+code], [gc+datum], [gc+status], [gc+omschrijving], [gc+persoonId]',
      // The outbox stays small: read whole and put in send order in memory.
      wachtrij: 'id, [gc+persoonId]',
      stand: 'gc',
      meta: 'naam',
    });
  }
}
