import type { Paginadata } from '../../shared/ipc';
import type { SignaalStatus } from '../../shared/rules/signalen';
import type { PersonenLijst, PersonenZoekvraag, Persoon, Probleem, SignalenLijst, SignalenZoekvraag, Wijzigingen } from '../../shared/schemas/api';
import type { UitgaandeWijziging, WijzigingSoort } from '../../shared/schemas/uitgaand';
import type { z } from 'zod';
import type { CacheFoutCode } from './fouten';

type PersonenLijstT = z.infer<typeof PersonenLijst>;
type SignalenLijstT = z.infer<typeof SignalenLijst>;
type PersoonT = z.infer<typeof Persoon>;
type ProbleemT = z.infer<typeof Probleem>;

/** Where the cache of one gemeente stands. */
export interface SyncStand {
  gc: string;
  /** The cursor after the last page applied; null before the first page. */
  cursor: string | null;
  /** True once a full sync reached its last page (`meer: false`); reads wait for this. */
  volledig: boolean;
  /** When the last page was applied (ISO 8601 date-time), for "Gegevens van <datum tijd>". */
  laatsteSync: string | null;
  /** During a full sync: items (persons + signals) to come, as the first page said, and applied so far. */
  totaal: number | null;
  verwerkt: number;
}

/** What one sync page did: the new state, and what it touched (open screens refresh in place). */
/** A sync page as main hands it over (`Paginadata` without its cursor): ISI's JSON text, deflate-raw compressed. */
export type Paginabytes = Pick<Paginadata, 'gecomprimeerd'>;

export interface Toegepast {
  stand: SyncStand;
  /** Persons changed or gone. */
  personen: string[];
  /** Whether any signal changed or went. */
  signalen: boolean;
}

export type EntryStatus = 'WACHT' | 'GEWEIGERD';

/** One outbox entry, decrypted. Kept until ISI took it or the user discarded it (never dropped silently). */
export interface UitgaandeEntry {
  id: string;
  /** Made when the user acted; the same on every try (API.md: Idempotency-Key). */
  idempotencyKey: string;
  soort: WijzigingSoort;
  gc: string;
  /** The person it concerns (PVT, invoice), for "wacht op verzending" on that person. */
  persoonId: string | null;
  wijziging: UitgaandeWijziging;
  status: EntryStatus;
  aangemaakt: string;
  pogingen: number;
  /** Set when GEWEIGERD: ISI's problem, and the person as ISI had it then. */
  probleem: ProbleemT | null;
  serverStand: PersoonT | null;
}

/** A person as the app shows it: ISI's state with the user's unsent changes laid over it. */
export type CachePersoon = PersoonT & {
  /** Unsent changes (WACHT) on this person: shown as "wacht op verzending". */
  wachtend: number;
  /** Refused changes (GEWEIGERD) on this person. */
  geweigerd: number;
};

/**
 * The offline cache of one user (renderer/db): the caseload of every gemeente in memory, answered
 * from in-memory indexes; IndexedDB (Dexie) holds it as AES-GCM encrypted chunks and a delta log.
 * Runs in a Web Worker in the app (werker.ts), in-process in unit tests: the same class either way.
 * Every method may be called only while the cache is open.
 */
export interface Cache {
  readonly gebruikersnaam: string;
  /**
   * Drops the keys and everything decrypted from memory (auto-lock, logout). Calls from then on fail
   * with GESLOTEN; what was already applied is written to disk first, so nothing the user did is lost.
   */
  sluit(): Promise<void>;

  syncStand(gc: string): Promise<SyncStand>;
  /**
   * Applies one page of `wijzigingen` (as main hands it over, compressed; or as JSON text, or
   * parsed) to memory at once (a page that does not fit the contract is
   * refused with ONGELDIGE_PAGINA and changes nothing) and appends it compressed to the encrypted
   * log, with the new cursor in the same transaction. The disk follows behind memory; `opSchijf`
   * waits for it.
   */
  pasToe(gc: string, pagina: Wijzigingen | string | Paginabytes, nu?: Date): Promise<Toegepast>;
  /** A 410: forget the gemeente's cursor and data (unsent changes stay) so the next sync is a full one. */
  beginOpnieuw(gc: string): Promise<void>;
  /** Resolves when everything applied so far is on disk. */
  opSchijf(): Promise<void>;
  /**
   * Resolves when every gemeente on disk is in memory: an unlock returns when the chosen gemeente
   * is, the others follow in the background. Rejects as BESCHADIGD when one of them could not be read.
   */
  allesGeladen(): Promise<void>;
  /** Why the durable copy stopped (OPSLAG_VOL), or null: memory keeps working either way. */
  opslagfout(): Promise<CacheFoutCode | null>;

  /** R-ZP-1, R-ZP-2, R-ZP-5 from memory, with the same answer ISI gives to `_zoek`. */
  zoekPersonen(gc: string, vraag: PersonenZoekvraag): Promise<PersonenLijstT>;
  haalPersoon(gc: string, id: string): Promise<CachePersoon | null>;
  /** R-SIG-4, R-SIG-5 from memory, as ISI's `signalen/_zoek`; `statussen` (more than one) for R-SIG-3's list. */
  zoekSignalen(gc: string, vraag: SignalenZoekvraag & { statussen?: readonly SignaalStatus[] }): Promise<SignalenLijstT>;
  /** R-SIG-3: the number of signals with status Nieuw or In behandeling. */
  openstaand(gc: string): Promise<number>;
  aantallen(gc: string): Promise<{ personen: number; signalen: number }>;
  /** The check number (shared/formats/controlegetal.ts) over ISI's state of every person and signal of `gc` held here. */
  controlegetal(gc: string): Promise<string>;

  /**
   * The way of a change: the local change (the person or signals as the user left them) and the
   * outbox entry, in one transaction.
   */
  zetInWachtrij(wijziging: UitgaandeWijziging, idempotencyKey: string, nu?: Date): Promise<UitgaandeEntry>;
  /** Every entry, WACHT and GEWEIGERD, in send order (by `aangemaakt`; a corrected entry keeps its place, see `vervang`). */
  wachtrij(): Promise<UitgaandeEntry[]>;
  /** ISI took the entry: it goes; the person ISI answered with (if any) replaces the local one. */
  verzonden(entryId: string, persoon: PersoonT | null): Promise<void>;
  /** A failed try (no connection): the entry stays WACHT, with one more attempt counted. */
  mislukt(entryId: string): Promise<void>;
  /** ISI refused: the entry stays as GEWEIGERD with the problem and ISI's current person; the local person is ISI's again. */
  geweigerd(entryId: string, probleem: ProbleemT, serverStand: PersoonT | null): Promise<void>;
  /** "Verwerpen": the user lets the refused change go. */
  verwerp(entryId: string): Promise<void>;
  /**
   * "Opnieuw proberen" after editing: the refused entry is replaced by the new change (new key, the
   * version of ISI's current person). Also for a waiting entry (a correction before it was sent).
   * The entry keeps its id and its place in the send order (so it neither overtakes nor falls
   * behind later changes of the same person); it is WACHT again, with `aangemaakt: nu`, no attempts,
   * no problem.
   */
  vervang(entryId: string, wijziging: UitgaandeWijziging, idempotencyKey: string, nu?: Date): Promise<UitgaandeEntry>;
}

/** Every cache on this machine, by user, for retention at start (wissenNaDagenZonderSync). */
export interface CacheRegister {
  gebruikersnaam: string;
  databasenaam: string;
  laatsteSync: string | null;
  /** When the cache was first opened (ISO 8601): a cache never synced expires counting from here. */
  aangemaakt: string;
}
