import Dexie, { type IndexableType } from 'dexie';
import { isOpenstaand, SIGNAAL_STATUSSEN, SIGNALEN_PAGINA_GROOTTE, type SignaalStatus } from '../../shared/rules/signalen';
import { DATUMBEREIKEN, PERSONEN_PAGINA_GROOTTE } from '../../shared/rules/zoeken';
import type {
  PersonenZoekvraag, Persoon, PersoonInLijst, Probleem, SignaalInLijst, SignaalVolledig, SignalenZoekvraag, Wijzigingen,
} from '../../shared/schemas/api';
import type { UitgaandeWijziging } from '../../shared/schemas/uitgaand';
import { CacheFout } from './fouten';
import { Sorteermemo } from './memo';
import { databasenaamVoor, meldGeopend, meldGesloten, noteerSync, registreer } from './register';
import {
  CacheDatabase, type EntryInhoud, type EntryRij, type IndexedDbBron, type PersoonKern, type PersoonRij, type SignaalKern, type SignaalRij,
} from './schema';
import { leesSleutel, leidSleutels, Veldversleuteling } from './sleutels';
import type { Cache, CachePersoon, SyncStand, UitgaandeEntry } from './types';
import { vergelijkPersonen, vergelijkSignalen } from './volgorde';
import { getoondeSignaalStatussen, indexVelden, raaktAan, toonPersoon, wachtendOp } from './weergave';

export interface CacheOpties {
  /** Another IndexedDB than the browser's (tests: a fresh fake-indexeddb factory each). */
  bron?: IndexedDbBron;
  /** When a cache opened for the first time counts as made (retention, `verouderd`). */
  nu?: Date;
}

/** Records read and decrypted together when the sort memo fills. */
const PARTIJ = 500;
/** Sorted results kept per open cache, so paging through one search sorts once. */
const BEWAARDE_VOLGORDES = 8;
/** R-SIG-3: Nieuw and In behandeling. */
const OPENSTAANDE_STATUSSEN = SIGNAAL_STATUSSEN.filter(isOpenstaand);
const TELLING: Record<SignaalStatus, 'nieuw' | 'inBehandeling' | 'afgehandeld'> = { NIEUW: 'nieuw', IN_BEHANDELING: 'inBehandeling', AFGEHANDELD: 'afgehandeld' };

/** Where each ciphertext lives: its additional data, so it decrypts nowhere else. */
const plaats = {
  persoonKern: (gc: string, id: string) => `persoon/${gc}/${id}/kern`,
  persoonIsi: (gc: string, id: string) => `persoon/${gc}/${id}/isi`,
  signaalKern: (id: string) => `signaal/${id}/kern`,
  entry: (id: string) => `wachtrij/${id}`,
  sleutelcontrole: 'meta/sleutelcontrole',
};
const SLEUTELCONTROLE = 'pib-cache';

/** An outbox entry with its place in the send order (schema.ts EntryRij). */
type Entry = UitgaandeEntry & Pick<EntryRij, 'plaats' | 'volgnummer'>;

const persoonSleutel = (gc: string, id: string) => `${gc}/${id}`;
/** The key range of one gemeente in a `[gc+…]` index. */
const alleVan = (gc: string): [IndexableType, IndexableType] => [[gc, Dexie.minKey], [gc, Dexie.maxKey]];

/**
 * Opens (or makes) the cache of `gebruikersnaam` with the key main handed over. Throws CacheFout
 * ONGELDIGE_SLEUTEL for a key that is not 32 bytes, VERKEERDE_SLEUTEL when the database was
 * written with another key (main lost or replaced it: wipe it with `wisCache` and sync again).
 */
export async function openCache(gebruikersnaam: string, sleutelBase64: string, opties: CacheOpties = {}): Promise<Cache> {
  const versleuteling = new Veldversleuteling(await leidSleutels(leesSleutel(sleutelBase64)));
  const databasenaam = await databasenaamVoor(gebruikersnaam);
  const db = new CacheDatabase(databasenaam, opties.bron);
  try {
    await db.open();
    await controleerSleutel(db, versleuteling);
    await registreer(gebruikersnaam, databasenaam, opties.nu ?? new Date(), opties.bron);
  } catch (e) {
    db.close();
    versleuteling.vergeet();
    throw e;
  }
  const cache = new OpenCache(gebruikersnaam, databasenaam, db, versleuteling, opties.bron);
  meldGeopend(databasenaam, cache);
  return cache;
}

/** A known value under the key: another key fails here, at once, instead of on the first search. */
async function controleerSleutel(db: CacheDatabase, v: Veldversleuteling): Promise<void> {
  const rij = await db.meta.get('sleutelcontrole');
  if (rij) {
    if ((await v.ontsleutel<string>(rij.waarde, plaats.sleutelcontrole)) !== SLEUTELCONTROLE) throw new CacheFout('VERKEERDE_SLEUTEL');
    return;
  }
  await db.meta.add({ naam: 'sleutelcontrole', waarde: await v.versleutel(SLEUTELCONTROLE, plaats.sleutelcontrole) });
}

function leegStand(gc: string): SyncStand {
  return { gc, cursor: null, volledig: false, laatsteSync: null, totaal: null, verwerkt: 0 };
}

function naarBuiten({ plaats: _plaats, volgnummer: _volgnummer, ...entry }: Entry): UitgaandeEntry {
  return entry;
}

function nieuweEntry(w: UitgaandeWijziging, idempotencyKey: string, nu: Date, plek: Pick<EntryRij, 'id' | 'plaats' | 'volgnummer'>): Entry {
  return {
    idempotencyKey, soort: w.soort, gc: w.gc, persoonId: 'persoonId' in w ? w.persoonId : null, wijziging: w,
    status: 'WACHT', aangemaakt: nu.toISOString(), pogingen: 0, probleem: null, serverStand: null, ...plek,
  };
}

/** What one outbox operation changes: entries written and removed, and ISI's state where it is now known. */
interface Wachtrijwijziging {
  erbij: Entry[];
  weg: string[];
  /** The entries whose person and signals must be shown anew (before and after the change). */
  raakt: UitgaandeEntry[];
  /** ISI's person as it now is, by gemeente and id. */
  isi?: Map<string, { gc: string; persoon: Persoon }>;
  /** ISI's signal status as it now is. */
  statusServer?: Map<string, SignaalStatus>;
}

class OpenCache implements Cache {
  private gesloten = false;
  private readonly personenMemo = new Sorteermemo<PersoonInLijst>();
  private readonly signalenMemo = new Sorteermemo<SignaalInLijst>();
  private readonly volgordes = new Map<string, { gc: string; ids: string[] }>();
  /** Raised on every write to a gemeente: a sort begun before it is not kept. */
  private readonly versies = new Map<string, number>();
  private readonly warmend = new Map<string, Promise<void>>();
  private staart: Promise<unknown> = Promise.resolve();

  constructor(
    readonly gebruikersnaam: string,
    private readonly databasenaam: string,
    private readonly db: CacheDatabase,
    private readonly v: Veldversleuteling,
    private readonly bron: IndexedDbBron | undefined,
  ) {}

  sluit(): void {
    if (this.gesloten) return;
    this.gesloten = true;
    this.v.vergeet();
    this.personenMemo.wis();
    this.signalenMemo.wis();
    this.volgordes.clear();
    this.db.close();
    meldGesloten(this.databasenaam, this);
  }

  /** Every call fails as GESLOTEN once the cache is closed, also one that was under way. */
  private async bewaakt<T>(taak: () => Promise<T>): Promise<T> {
    if (this.gesloten) throw new CacheFout('GESLOTEN');
    try {
      return await taak();
    } catch (e) {
      if (this.gesloten && !(e instanceof CacheFout)) throw new CacheFout('GESLOTEN', { cause: e });
      throw e;
    }
  }

  /**
   * Writes run one after the other: each reads and decrypts what it needs before its transaction
   * (an IndexedDB transaction commits as soon as it waits for anything else, WebCrypto included),
   * so no other write of this window may come in between.
   */
  private schrijf<T>(taak: () => Promise<T>): Promise<T> {
    const run = this.staart.then(() => this.bewaakt(taak));
    this.staart = run.catch(() => undefined);
    return run;
  }

  /** After a write: the memo entries of rewritten records go, and sorted results of those gemeenten. */
  private gewijzigd(gcs: Iterable<string>, personen: Iterable<string>, signalen: Iterable<string>): void {
    this.personenMemo.vervalt(personen);
    this.signalenMemo.vervalt(signalen);
    for (const gc of new Set(gcs)) {
      this.versies.set(gc, (this.versies.get(gc) ?? 0) + 1);
      for (const [sleutel, v] of this.volgordes) if (v.gc === gc) this.volgordes.delete(sleutel);
    }
  }

  // Sync

  syncStand(gc: string): Promise<SyncStand> {
    return this.bewaakt(async () => (await this.db.stand.get(gc)) ?? leegStand(gc));
  }

  pasToe(gc: string, pagina: Wijzigingen, nu = new Date()): Promise<SyncStand> {
    return this.schrijf(async () => {
      const entries = await this.leesWachtrij();
      const statussen = getoondeSignaalStatussen(entries);
      const stand = (await this.db.stand.get(gc)) ?? leegStand(gc);
      const personen = await Promise.all(pagina.personen.map((p) => this.persoonRij(gc, p, toonPersoon(p, wachtendOp(entries, gc, p.id)))));
      const signalen = await Promise.all(pagina.signalen.map((s) => this.signaalRij(gc, s, statussen.get(s.id) ?? s.status)));
      const aantal = personen.length + signalen.length;
      // The first page of a full sync announces what is to come; every page counts what it brought.
      const eerste = stand.cursor === null;
      const laatsteSync = nu.toISOString();
      const nieuw: SyncStand = {
        gc,
        cursor: pagina.cursor,
        volledig: stand.volledig || !pagina.meer,
        laatsteSync,
        totaal: eerste ? (pagina.totaal ?? null) : stand.totaal,
        verwerkt: (eerste ? 0 : stand.verwerkt) + aantal,
      };
      await this.db.transaction('rw', [this.db.personen, this.db.signalen, this.db.stand], async () => {
        // Deletions first: a person who left the PIB and came back within one page is in both lists, and present.
        await this.db.personen.bulkDelete(pagina.verwijderd.personen.map((id): [string, string] => [gc, id]));
        await this.db.signalen.bulkDelete(pagina.verwijderd.signalen);
        await this.db.personen.bulkPut(personen);
        await this.db.signalen.bulkPut(signalen);
        await this.db.stand.put(nieuw);
      });
      // An empty page (the quick sync before every read, when nothing changed) keeps the sorted
      // results: else every search at 100,000 persons would sort again.
      if (aantal + pagina.verwijderd.personen.length + pagina.verwijderd.signalen.length > 0) {
        this.gewijzigd(
          [gc],
          [...pagina.personen.map((p) => p.id), ...pagina.verwijderd.personen].map((id) => persoonSleutel(gc, id)),
          [...pagina.signalen.map((s) => s.id), ...pagina.verwijderd.signalen],
        );
      }
      await noteerSync(this.gebruikersnaam, laatsteSync, this.bron);
      return nieuw;
    });
  }

  beginOpnieuw(gc: string): Promise<void> {
    return this.schrijf(async () => {
      const [personen, signalen] = await this.db.transaction('rw', [this.db.personen, this.db.signalen, this.db.stand], async () => {
        const p = await this.db.personen.where('[gc+id]').between(...alleVan(gc)).primaryKeys();
        const s = await this.db.signalen.where('gc').equals(gc).primaryKeys();
        await this.db.personen.bulkDelete(p);
        await this.db.signalen.bulkDelete(s);
        await this.db.stand.delete(gc);
        return [p, s] as const;
      });
      this.gewijzigd([gc], personen.map(([g, id]) => persoonSleutel(g, id)), signalen);
    });
  }

  private async persoonRij(gc: string, isi: Persoon, getoond: Persoon): Promise<PersoonRij> {
    const kern: PersoonKern = { bsn: isi.bsn, voornamen: isi.voornamen, achternaam: isi.achternaam, geboortedatum: isi.geboortedatum };
    const [kernBlob, isiBlob, bsnHash] = await Promise.all([
      this.v.versleutel(kern, plaats.persoonKern(gc, isi.id)),
      this.v.versleutel(isi, plaats.persoonIsi(gc, isi.id)),
      this.v.bsnHash(isi.bsn),
    ]);
    return { gc, id: isi.id, bsnHash, ...indexVelden(getoond), kern: kernBlob, isi: isiBlob };
  }

  private async signaalRij(gc: string, s: SignaalVolledig, status: SignaalStatus): Promise<SignaalRij> {
    const kern: SignaalKern = { bsn: s.bsn, achternaam: s.achternaam };
    const [kernBlob, bsnHash] = await Promise.all([this.v.versleutel(kern, plaats.signaalKern(s.id)), this.v.bsnHash(s.bsn)]);
    return {
      id: s.id, gc, persoonId: s.persoonId, status, statusServer: s.status, code: s.code, omschrijving: s.omschrijving,
      datum: s.datum, statusGewijzigdOp: s.statusGewijzigdOp, bsnHash, kern: kernBlob,
    };
  }

  // Reading

  zoekPersonen(gc: string, vraag: PersonenZoekvraag): ReturnType<Cache['zoekPersonen']> {
    return this.bewaakt(async () => {
      const { pagina = 1, paginaGrootte = PERSONEN_PAGINA_GROOTTE, ...zoek } = vraag;
      const ids = await this.volgorde('personen', gc, zoek, () => this.ordenPersonen(gc, zoek));
      const deel = ids.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
      const regels = await this.vulPersonen(gc, deel, false);
      return { items: deel.flatMap((id) => regels.get(id) ?? []), totaal: ids.length, pagina, paginaGrootte };
    });
  }

  zoekSignalen(gc: string, vraag: Parameters<Cache['zoekSignalen']>[1]): ReturnType<Cache['zoekSignalen']> {
    return this.bewaakt(async () => {
      const { pagina = 1, paginaGrootte = SIGNALEN_PAGINA_GROOTTE, ...zoek } = vraag;
      const ids = await this.volgorde('signalen', gc, zoek, () => this.ordenSignalen(gc, zoek));
      const deel = ids.slice((pagina - 1) * paginaGrootte, pagina * paginaGrootte);
      const regels = await this.vulSignalen(deel, false);
      return { items: deel.flatMap((id) => regels.get(id) ?? []), totaal: ids.length, pagina, paginaGrootte };
    });
  }

  /** One search's ids in ISI's order, from the kept ones when the gemeente did not change since. */
  private async volgorde(soort: 'personen' | 'signalen', gc: string, zoek: object, orden: () => Promise<string[]>): Promise<string[]> {
    const sleutel = `${soort}|${gc}|${JSON.stringify(zoek)}`;
    const bewaard = this.volgordes.get(sleutel);
    if (bewaard) {
      // Most recently used last, so the oldest is the first to go.
      this.volgordes.delete(sleutel);
      this.volgordes.set(sleutel, bewaard);
      return bewaard.ids;
    }
    const versie = this.versies.get(gc) ?? 0;
    const ids = await orden();
    if (!this.gesloten && (this.versies.get(gc) ?? 0) === versie) {
      this.volgordes.set(sleutel, { gc, ids });
      if (this.volgordes.size > BEWAARDE_VOLGORDES) this.volgordes.delete(this.volgordes.keys().next().value!);
    }
    return ids;
  }

  /** R-ZP-2 through the indexes (each criterion one index, the sets intersected), then R-ZP-5's order on the memo. */
  private async ordenPersonen(gc: string, zoek: Omit<PersonenZoekvraag, 'pagina' | 'paginaGrootte'>): Promise<string[]> {
    // The hash before the transaction: waiting for WebCrypto inside it would end it.
    const bsnHash = zoek.bsn ? await this.v.bsnHash(zoek.bsn) : null;
    const t = this.db.personen;
    const treffers = await this.db.transaction('r', t, async () => {
      const gelijk = (veld: string, waarde: string) => t.where(`[gc+${veld}]`).equals([gc, waarde]).primaryKeys();
      const sets: Promise<[string, string][]>[] = [];
      if (bsnHash) sets.push(gelijk('bsnHash', bsnHash));
      if (zoek.pvtPlichtig) sets.push(gelijk('pvtPlichtig', zoek.pvtPlichtig));
      for (const [van, tot] of DATUMBEREIKEN) {
        if (zoek[van] || zoek[tot]) {
          const veld = DATUMVELDEN[van];
          sets.push(t.where(`[gc+${veld}]`).between([gc, zoek[van] || Dexie.minKey], [gc, zoek[tot] || Dexie.maxKey], true, true).primaryKeys());
        }
      }
      if (zoek.voldaan) sets.push(gelijk('voldaan', zoek.voldaan));
      if (zoek.rechtOpMb) sets.push(gelijk('rechtOpMb', zoek.rechtOpMb));
      if (zoek.verblijf) sets.push(gelijk('verblijf', zoek.verblijf));
      // R-ZP-6: the index holds factuurAanwezig as the rule gives it, so "Nee" finds no N.v.t.
      if (zoek.factuurAanwezig) sets.push(gelijk('factuurAanwezig', zoek.factuurAanwezig));
      if (sets.length === 0) sets.push(t.where('[gc+id]').between(...alleVan(gc)).primaryKeys());
      return doorsnede((await Promise.all(sets)).map((s) => s.map(([, id]) => id)));
    });
    const regels = await this.vulPersonen(gc, treffers, false);
    return [...regels.values()].sort(vergelijkPersonen(zoek.sorteer)).map((r) => r.id);
  }

  /** R-SIG-4 through the indexes, then R-SIG-5's order on the memo. */
  private async ordenSignalen(gc: string, zoek: Omit<SignalenZoekvraag, 'pagina' | 'paginaGrootte'> & { statussen?: readonly SignaalStatus[] }): Promise<string[]> {
    const bsnHash = zoek.bsn ? await this.v.bsnHash(zoek.bsn) : null;
    const t = this.db.signalen;
    const treffers = await this.db.transaction('r', t, async () => {
      const sets: Promise<string[]>[] = [];
      if (bsnHash) sets.push(t.where('[gc+bsnHash]').equals([gc, bsnHash]).primaryKeys());
      if (zoek.code) sets.push(t.where('[gc+code]').equals([gc, zoek.code]).primaryKeys());
      if (zoek.datumVan || zoek.datumTot) sets.push(t.where('[gc+datum]').between([gc, zoek.datumVan || Dexie.minKey], [gc, zoek.datumTot || Dexie.maxKey], true, true).primaryKeys());
      if (zoek.status) sets.push(t.where('[gc+status]').equals([gc, zoek.status]).primaryKeys());
      if (zoek.statussen) sets.push(t.where('[gc+status]').anyOf(zoek.statussen.map((s) => [gc, s])).primaryKeys());
      if (sets.length === 0) sets.push(t.where('gc').equals(gc).primaryKeys());
      return doorsnede(await Promise.all(sets));
    });
    const regels = await this.vulSignalen(treffers, false);
    return [...regels.values()].sort(vergelijkSignalen(zoek.sorteer)).map((r) => r.id);
  }

  private vulPersonen(gc: string, ids: readonly string[], opAchtergrond: boolean): Promise<Map<string, PersoonInLijst>> {
    const rijen = (deel: string[]) => this.db.personen.bulkGet(deel.map((id): [string, string] => [gc, id]));
    return this.vul(this.personenMemo, (id) => persoonSleutel(gc, id), ids, rijen, (r) => this.persoonInLijst(r), opAchtergrond);
  }

  private vulSignalen(ids: readonly string[], opAchtergrond: boolean): Promise<Map<string, SignaalInLijst>> {
    return this.vul(this.signalenMemo, (id) => id, ids, (deel) => this.db.signalen.bulkGet(deel), (r) => this.signaalInLijst(r), opAchtergrond);
  }

  /**
   * The list rows of these records: from the memo, the missing ones read in batches and their kern
   * decrypted (and kept). With a warm memo a page decrypts nothing. In the background the window
   * may paint between batches.
   */
  private async vul<R, T extends { id: string }>(
    memo: Sorteermemo<T>,
    sleutel: (id: string) => string,
    ids: readonly string[],
    lees: (deel: string[]) => Promise<(R | undefined)[]>,
    naarRegel: (rij: R) => Promise<T>,
    opAchtergrond: boolean,
  ): Promise<Map<string, T>> {
    const uit = new Map<string, T>();
    const missend: string[] = [];
    for (const id of ids) {
      const r = memo.get(sleutel(id));
      if (r) uit.set(id, r);
      else missend.push(id);
    }
    for (let i = 0; i < missend.length; i += PARTIJ) {
      if (opAchtergrond && i > 0) await pauze();
      const stempel = memo.begin();
      try {
        const rijen = await lees(missend.slice(i, i + PARTIJ));
        // A record deleted since its id was found is simply not there.
        for (const r of await Promise.all(rijen.map((rij) => rij && naarRegel(rij)))) {
          if (!r) continue;
          memo.zet(sleutel(r.id), r, stempel);
          uit.set(r.id, r);
        }
      } finally {
        memo.klaar();
      }
    }
    return uit;
  }

  private async persoonInLijst(r: PersoonRij): Promise<PersoonInLijst> {
    const k = await this.v.ontsleutel<PersoonKern>(r.kern, plaats.persoonKern(r.gc, r.id));
    return {
      id: r.id, bsn: k.bsn, voornaam: k.voornamen, achternaam: k.achternaam, geboortedatum: k.geboortedatum,
      pvtPlichtig: r.pvtPlichtig || null, voldaan: r.voldaan, rechtOpMb: r.rechtOpMb || null,
      factuurAanwezig: r.factuurAanwezig, signaalAanwezig: r.signaalAanwezig,
    };
  }

  private async signaalInLijst(r: SignaalRij): Promise<SignaalInLijst> {
    const k = await this.v.ontsleutel<SignaalKern>(r.kern, plaats.signaalKern(r.id));
    return { id: r.id, persoonId: r.persoonId, status: r.status, bsn: k.bsn, achternaam: k.achternaam, code: r.code, omschrijving: r.omschrijving, datum: r.datum };
  }

  warmOp(gc: string): Promise<void> {
    if (this.gesloten) return Promise.resolve();
    let run = this.warmend.get(gc);
    if (!run) {
      run = (async () => {
        try {
          const personen = await this.db.personen.where('[gc+id]').between(...alleVan(gc)).primaryKeys();
          await this.vulPersonen(gc, personen.map(([, id]) => id), true);
          await this.vulSignalen(await this.db.signalen.where('gc').equals(gc).primaryKeys(), true);
        } catch (e) {
          // Closing (auto-lock) while warming is normal: the memo is gone anyway.
          if (!this.gesloten) throw e;
        } finally {
          this.warmend.delete(gc);
        }
      })();
      this.warmend.set(gc, run);
    }
    return run;
  }

  haalPersoon(gc: string, id: string): Promise<CachePersoon | null> {
    return this.bewaakt(async () => {
      const rij = await this.db.personen.get([gc, id]);
      if (!rij) return null;
      const [isi, entries, signalen] = await Promise.all([
        this.v.ontsleutel<Persoon>(rij.isi, plaats.persoonIsi(gc, id)),
        this.leesEntries(await this.db.wachtrij.where('[gc+persoonId]').equals([gc, id]).toArray()),
        this.db.signalen.where('[gc+persoonId]').equals([gc, id]).toArray(),
      ]);
      const getoond = toonPersoon(isi, wachtendOp(entries, gc, id));
      // R-SIG-3: the counts follow the status shown, as the signal list does.
      const tellingen = { ...getoond.signalen };
      for (const s of signalen) {
        if (s.status === s.statusServer) continue;
        tellingen[TELLING[s.statusServer]]--;
        tellingen[TELLING[s.status]]++;
      }
      return {
        ...getoond,
        signalen: tellingen,
        wachtend: entries.filter((e) => e.status === 'WACHT').length,
        geweigerd: entries.filter((e) => e.status === 'GEWEIGERD').length,
      };
    });
  }

  openstaand(gc: string): Promise<number> {
    return this.bewaakt(() => this.db.signalen.where('[gc+status]').anyOf(OPENSTAANDE_STATUSSEN.map((s) => [gc, s])).count());
  }

  aantallen(gc: string): Promise<{ personen: number; signalen: number }> {
    return this.bewaakt(async () => ({
      personen: await this.db.personen.where('[gc+id]').between(...alleVan(gc)).count(),
      signalen: await this.db.signalen.where('gc').equals(gc).count(),
    }));
  }

  // The outbox

  wachtrij(): Promise<UitgaandeEntry[]> {
    return this.bewaakt(async () => (await this.leesWachtrij()).map(naarBuiten));
  }

  private async leesWachtrij(): Promise<Entry[]> {
    return this.leesEntries(await this.db.wachtrij.toArray());
  }

  /** Decrypted, in send order. */
  private async leesEntries(rijen: readonly EntryRij[]): Promise<Entry[]> {
    const entries = await Promise.all(rijen.map(async ({ inhoud, ...r }): Promise<Entry> => ({ ...r, ...(await this.v.ontsleutel<EntryInhoud>(inhoud, plaats.entry(r.id))) })));
    return entries.sort((a, b) => (a.plaats < b.plaats ? -1 : a.plaats > b.plaats ? 1 : a.volgnummer - b.volgnummer));
  }

  private async entryRij({ wijziging, probleem, serverStand, ...e }: Entry): Promise<EntryRij> {
    const inhoud: EntryInhoud = { wijziging, probleem, serverStand };
    return { ...e, inhoud: await this.v.versleutel(inhoud, plaats.entry(e.id)) };
  }

  private async vind(entryId: string): Promise<{ voor: Entry[]; entry: Entry }> {
    const voor = await this.leesWachtrij();
    const entry = voor.find((e) => e.id === entryId);
    if (!entry) throw new CacheFout('ONBEKENDE_ENTRY');
    return { voor, entry };
  }

  zetInWachtrij(wijziging: UitgaandeWijziging, idempotencyKey: string, nu = new Date()): Promise<UitgaandeEntry> {
    return this.schrijf(async () => {
      const voor = await this.leesWachtrij();
      const volgnummer = Math.max(0, ...voor.map((e) => e.volgnummer)) + 1;
      const entry = nieuweEntry(wijziging, idempotencyKey, nu, { id: crypto.randomUUID(), plaats: nu.toISOString(), volgnummer });
      await this.schrijfWachtrij([...voor, entry], { erbij: [entry], weg: [], raakt: [entry] });
      return naarBuiten(entry);
    });
  }

  mislukt(entryId: string): Promise<void> {
    return this.schrijf(() => this.db.transaction('rw', this.db.wachtrij, async () => {
      const rij = await this.db.wachtrij.get(entryId);
      if (!rij) throw new CacheFout('ONBEKENDE_ENTRY');
      await this.db.wachtrij.update(entryId, { pogingen: rij.pogingen + 1 });
    }));
  }

  verzonden(entryId: string, persoon: Persoon | null): Promise<void> {
    return this.schrijf(async () => {
      const { voor, entry } = await this.vind(entryId);
      const isi = new Map<string, { gc: string; persoon: Persoon }>();
      if (persoon) isi.set(persoonSleutel(entry.gc, persoon.id), { gc: entry.gc, persoon });
      else if (entry.persoonId) {
        // ISI took the change without sending the person back (a deleted invoice): the change is
        // ISI's state now, until the next sync brings ISI's own.
        const rij = await this.db.personen.get([entry.gc, entry.persoonId]);
        if (rij) {
          const oud = await this.v.ontsleutel<Persoon>(rij.isi, plaats.persoonIsi(entry.gc, entry.persoonId));
          isi.set(persoonSleutel(entry.gc, entry.persoonId), { gc: entry.gc, persoon: toonPersoon(oud, [entry]) });
        }
      }
      const statusServer = new Map<string, SignaalStatus>();
      if (entry.wijziging.soort === 'SIGNAALSTATUS') for (const id of entry.wijziging.ids) statusServer.set(id, entry.wijziging.status);
      await this.schrijfWachtrij(voor.filter((e) => e.id !== entryId), { erbij: [], weg: [entryId], raakt: [entry], isi, statusServer });
    });
  }

  geweigerd(entryId: string, probleem: Probleem, serverStand: Persoon | null): Promise<void> {
    return this.schrijf(async () => {
      const { voor, entry } = await this.vind(entryId);
      const na: Entry = { ...entry, status: 'GEWEIGERD', probleem, serverStand };
      const isi = new Map<string, { gc: string; persoon: Persoon }>();
      if (serverStand) isi.set(persoonSleutel(entry.gc, serverStand.id), { gc: entry.gc, persoon: serverStand });
      await this.schrijfWachtrij(voor.map((e) => (e.id === entryId ? na : e)), { erbij: [na], weg: [], raakt: [entry], isi });
    });
  }

  verwerp(entryId: string): Promise<void> {
    return this.schrijf(async () => {
      const { voor, entry } = await this.vind(entryId);
      await this.schrijfWachtrij(voor.filter((e) => e.id !== entryId), { erbij: [], weg: [entryId], raakt: [entry] });
    });
  }

  vervang(entryId: string, wijziging: UitgaandeWijziging, idempotencyKey: string, nu = new Date()): Promise<UitgaandeEntry> {
    return this.schrijf(async () => {
      const { voor, entry } = await this.vind(entryId);
      // The same entry, corrected: its id (what the stores wait on) and its place stay.
      const nieuw = nieuweEntry(wijziging, idempotencyKey, nu, { id: entry.id, plaats: entry.plaats, volgnummer: entry.volgnummer });
      await this.schrijfWachtrij(voor.map((e) => (e.id === entryId ? nieuw : e)), { erbij: [nieuw], weg: [], raakt: [entry, nieuw] });
      return naarBuiten(nieuw);
    });
  }

  /**
   * The outbox as `na`, and every person and signal it touches shown anew, in one transaction:
   * what the user sees never differs from what the outbox says. WAARDEPAPIEREN and CONTACT touch
   * no record.
   */
  private async schrijfWachtrij(na: Entry[], w: Wachtrijwijziging): Promise<void> {
    const personen = new Map<string, [string, string]>();
    const signaalIds = new Set<string>(w.statusServer?.keys());
    for (const e of w.raakt) {
      const { persoon, signalen } = raaktAan(e);
      if (persoon) personen.set(persoonSleutel(e.gc, persoon), [e.gc, persoon]);
      for (const id of signalen) signaalIds.add(id);
    }
    for (const [sleutel, { gc, persoon }] of w.isi ?? []) personen.set(sleutel, [gc, persoon.id]);

    const persoonRijen: PersoonRij[] = [];
    for (const [sleutel, [gc, id]] of personen) {
      const nieuwIsi = w.isi?.get(sleutel)?.persoon;
      if (nieuwIsi) {
        persoonRijen.push(await this.persoonRij(gc, nieuwIsi, toonPersoon(nieuwIsi, wachtendOp(na, gc, id))));
        continue;
      }
      const oud = await this.db.personen.get([gc, id]);
      if (!oud) continue;
      // Only the shown state changes: the encrypted fields stay as they are.
      const isi = await this.v.ontsleutel<Persoon>(oud.isi, plaats.persoonIsi(gc, id));
      persoonRijen.push({ ...oud, ...indexVelden(toonPersoon(isi, wachtendOp(na, gc, id))) });
    }
    const getoond = getoondeSignaalStatussen(na);
    const signaalRijen = (await this.db.signalen.bulkGet([...signaalIds])).flatMap((r) => {
      if (!r) return [];
      const statusServer = w.statusServer?.get(r.id) ?? r.statusServer;
      return [{ ...r, statusServer, status: getoond.get(r.id) ?? statusServer }];
    });
    const entryRijen = await Promise.all(w.erbij.map((e) => this.entryRij(e)));

    await this.db.transaction('rw', [this.db.wachtrij, this.db.personen, this.db.signalen], async () => {
      await this.db.wachtrij.bulkDelete(w.weg);
      await this.db.wachtrij.bulkPut(entryRijen);
      await this.db.personen.bulkPut(persoonRijen);
      await this.db.signalen.bulkPut(signaalRijen);
    });
    this.gewijzigd(
      [...persoonRijen.map((r) => r.gc), ...signaalRijen.map((r) => r.gc)],
      persoonRijen.map((r) => persoonSleutel(r.gc, r.id)),
      signaalRijen.map((r) => r.id),
    );
  }
}

const DATUMVELDEN: Record<(typeof DATUMBEREIKEN)[number][0], keyof PersoonRij> = {
  startPvtPlichtVan: 'datumStartPvtPlicht',
  eindePvtPlichtVan: 'datumEindePvtPlicht',
  startDeelnameVan: 'datumStartDeelname',
  eindeDeelnameVan: 'datumEindeDeelname',
};

/** The ids in every set: a search meets every criterion. */
function doorsnede(sets: string[][]): string[] {
  const [kleinste, ...rest] = [...sets].sort((a, b) => a.length - b.length);
  const andere = rest.map((s) => new Set(s));
  return (kleinste ?? []).filter((id) => andere.every((s) => s.has(id)));
}

/** Lets the window paint between batches of a background fill. */
function pauze(): Promise<void> {
  return new Promise((klaar) => setTimeout(klaar, 0));
}
