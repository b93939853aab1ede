import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import type { Persoon } from '../../shared/schemas/api';
import type { Antwoord, UitgaandeWijziging, Verzending, WijzigingSoort } from '../../shared/schemas/uitgaand';
import { pib } from '../bridge';
import { CacheFout } from '../db';
import type { UitgaandeEntry } from '../db/types';
import { useCacheStore } from './cache';
import { useSessieStore } from './sessie';
import { useSyncStore } from './sync';

/**
 * How long a form waits for ISI's answer to the change it just queued before saying it waits in
 * the outbox. When the app knows it is offline, or ISI cannot be reached at all (connection
 * refused), it does not wait: the form says so at once. Only a slow ISI is waited for this long, so
 * that an ordinary save on a busy network still ends in its own confirmation. An answer that comes
 * later still lands: the screen follows the cache.
 */
export const WACHTBUDGET_MS = 4_000;

/** What became of a change of kind `S` the user made: ISI took it (with its answer), or it waits in the outbox. */
export type Afloop<S extends WijzigingSoort = WijzigingSoort> = { soort: 'VERZONDEN'; antwoord: Antwoord<S>; persoon: Persoon | null } | { soort: 'WACHT'; entry: UitgaandeEntry };

/**
 * ISI's answer to a change of kind `S`: main asked ISI for exactly that answer
 * (main/diensten/uitgaand.ts) and checked it against the contract before it crossed.
 */
const antwoordOp = <S extends WijzigingSoort>(antwoord: Antwoord): Antwoord<S> => antwoord as Antwoord<S>;

const PERSOON_GROEP: Partial<Record<UitgaandeWijziging['soort'], string>> = { PVT: 'PVT', FACTUUR_OPSLAAN: 'FACTUUR', FACTUUR_VERWIJDEREN: 'FACTUUR' };

/**
 * How long ISI remembers an Idempotency-Key when it does not say (its `/status` before issue 12):
 * the 24 hours such a server kept them.
 */
export const BEWAARDAGEN_ONBEKEND = 1;
/** Stop resending this long before ISI forgets the key: the request itself takes time too. */
const MARGE_MS = 3_600_000;

export const MELDING_STATUS_ONBEKEND = 'Status onbekend — controleer bij DUO.';

export const MELDING_WACHT = 'Er is nu geen verbinding met DUO. Uw wijziging is op deze computer bewaard en wacht op verzending; de applicatie verstuurt haar zodra er weer verbinding is.';

/**
 * The outbox (ARCHITECTURE.md "the way of a change"): every change is written to the cache with
 * its entry in one transaction, then sent by main with its Idempotency-Key, in the order made. A
 * refusal stays as GEWEIGERD beside ISI's current state until the user tries again or lets it go;
 * a lost connection leaves the entry waiting, to be sent again with the same key. Nothing is dropped.
 */
export const useWachtrijStore = defineStore('wachtrij', () => {
  const cacheStore = useCacheStore();
  const sessie = useSessieStore();
  const entries = ref<UitgaandeEntry[]>([]);
  const bewaarMs = computed(() => (sessie.sessie?.idempotentieBewaarDagen ?? BEWAARDAGEN_ONBEKEND) * 86_400_000);
  /**
   * A waiting change older than ISI remembers its key (issue 12, finding 4). It may have reached ISI
   * on an earlier try whose answer was lost; sent again, ISI would no longer know the key and apply it
   * a second time (an order or a message has no If-Match to stop that). So it is not sent again: the
   * user checks at DUO, then lets it go or sends it deliberately as a new change.
   */
  function statusOnbekend(e: UitgaandeEntry, nu = Date.now()): boolean {
    return e.status === 'WACHT' && nu - Date.parse(e.aangemaakt) >= bewaarMs.value - MARGE_MS;
  }
  const wachtend = computed(() => entries.value.filter((e) => e.status === 'WACHT' && !statusOnbekend(e)));
  const onbekend = computed(() => entries.value.filter((e) => statusOnbekend(e)));
  const geweigerd = computed(() => entries.value.filter((e) => e.status === 'GEWEIGERD'));
  const afgehandeld = new Map<string, (v: Verzending | null) => void>();
  let verzenden: Promise<void> | null = null;
  /** The entry whose request is on its way: it is never replaced, or ISI's answer would land on the wrong change. */
  let onderweg: string | null = null;
  /** The last entry ISI settled (taken or refused), for a screen that shows its person to follow. */
  const laatstVerzonden = ref<{ gc: string; persoonId: string | null; teller: number } | null>(null);
  let tellerVerzonden = 0;
  /**
   * The person as the screen showed it just before the change was made, per entry: the "was" beside
   * the "wordt" of a waiting change in the Wachtrij. In memory only (it identifies a person): after a
   * restart the Wachtrij shows what will be sent without it.
   */
  const voorStand = ref(new Map<string, Persoon>());

  async function ververs(): Promise<void> {
    entries.value = (await cacheStore.cache?.wachtrij()) ?? [];
    // A change sent, let go, or a cache closed: its "was" goes from memory too.
    if ([...voorStand.value.keys()].some((id) => !entries.value.some((e) => e.id === id))) {
      voorStand.value = new Map([...voorStand.value].filter(([id]) => entries.value.some((e) => e.id === id)));
    }
  }

  /** Sends every waiting entry in order; stops at the first that cannot be delivered (no connection). */
  function verstuurAlles(): Promise<void> {
    verzenden ??= (async () => {
      const cache = cacheStore.cache;
      if (!cache || !sessie.gebruiker) return;
      for (;;) {
        // Read again each round: sending one entry may have moved the version of the next (volgVersie).
        const e = (await cache.wachtrij()).find((x) => x.status === 'WACHT' && !statusOnbekend(x));
        if (!e) break;
        onderweg = e.id;
        const u = await pib.uitgaand.verstuur({ idempotencyKey: e.idempotencyKey, wijziging: e.wijziging });
        if (cacheStore.cache !== cache) return;
        useSyncStore().meld(u);
        if (!u.ok) {
          await cache.mislukt(e.id);
          if (u.probleem.status === 401) sessie.verlopen(u.probleem.detail);
          afgehandeld.get(e.id)?.(null);
          break;
        }
        if (u.waarde.uitkomst === 'VERZONDEN') {
          await cache.verzonden(e.id, u.waarde.persoon);
          await volgVersie(e, u.waarde.persoon);
        } else {
          await cache.geweigerd(e.id, u.waarde.probleem, u.waarde.serverStand);
        }
        afgehandeld.get(e.id)?.(u.waarde);
        laatstVerzonden.value = { gc: e.gc, persoonId: e.persoonId, teller: ++tellerVerzonden };
      }
    })().catch((fout: unknown) => {
      // Locked or logged out during a send: the entry stays in the outbox for the next login.
      if (!(fout instanceof CacheFout && fout.code === 'GESLOTEN')) throw fout;
    }).finally(async () => {
      onderweg = null;
      verzenden = null;
      await ververs();
    });
    return verzenden;
  }

  /**
   * A later change on the same person was made on top of the one just sent: it carries the new
   * version, else ISI would see a conflict with the user's own change. It was never sent, so it
   * keeps its key.
   */
  async function volgVersie(verzonden: UitgaandeEntry, persoon: Persoon | null): Promise<void> {
    const cache = cacheStore.cache;
    if (!cache || !persoon || !verzonden.persoonId) return;
    for (const e of await cache.wachtrij()) {
      const w = e.wijziging;
      if (e.status === 'WACHT' && e.persoonId === persoon.id && 'versie' in w && w.versie < persoon.versie) {
        await cache.vervang(e.id, { ...w, versie: persoon.versie }, e.idempotencyKey);
      }
    }
  }

  function wachtOp(entryId: string): Promise<Verzending | null> {
    return new Promise((klaar) => {
      const tijd = setTimeout(() => klaar(null), useSyncStore().online === false ? 0 : WACHTBUDGET_MS);
      afgehandeld.set(entryId, (v) => {
        clearTimeout(tijd);
        afgehandeld.delete(entryId);
        klaar(v);
      });
    });
  }

  /**
   * A change of the user: into the outbox (replacing a refused or waiting change of the same kind
   * on the same person, so a correction is "opnieuw proberen"), then sent at once. The form learns
   * ISI's answer, ISI's refusal (shown in place, what was typed stays), or that the change waits.
   */
  async function wijzig<W extends UitgaandeWijziging>(w: W, idempotencyKey: string): Promise<Uitkomst<Afloop<W['soort']>>> {
    const cache = await cacheStore.open();
    if (!cache) return rechtstreeks(w, idempotencyKey);
    const groep = PERSOON_GROEP[w.soort];
    const eerder = groep && 'persoonId' in w
      ? (await cache.wachtrij()).find((e) => e.id !== onderweg && e.persoonId === w.persoonId && e.gc === w.gc && PERSOON_GROEP[e.soort] === groep)
      : undefined;
    const voor = 'persoonId' in w && !(eerder && voorStand.value.has(eerder.id)) ? await cache.haalPersoon(w.gc, w.persoonId) : null;
    const entry = eerder ? await cache.vervang(eerder.id, w, idempotencyKey) : await cache.zetInWachtrij(w, idempotencyKey);
    if (voor) voorStand.value = new Map(voorStand.value).set(entry.id, voor);
    await ververs();
    const antwoord = wachtOp(entry.id);
    void (async () => {
      // A send already under way may have started before this entry existed: then one more round.
      await verstuurAlles();
      if (afgehandeld.has(entry.id)) await verstuurAlles();
      afgehandeld.get(entry.id)?.(null);
    })();
    const v = await antwoord;
    void useSyncStore().synchroniseer(w.gc);
    if (!v) return { ok: true, waarde: { soort: 'WACHT', entry } };
    if (v.uitkomst === 'GEWEIGERD') return { ok: false, probleem: v.probleem };
    return { ok: true, waarde: { soort: 'VERZONDEN', antwoord: antwoordOp<W['soort']>(v.antwoord), persoon: v.persoon } };
  }

  /** Without a cache (main keeps no key on this machine): straight to ISI, as the portal does. */
  async function rechtstreeks<W extends UitgaandeWijziging>(w: W, idempotencyKey: string): Promise<Uitkomst<Afloop<W['soort']>>> {
    const u = useSyncStore().meld(await pib.uitgaand.verstuur({ idempotencyKey, wijziging: w }));
    if (!u.ok) return u;
    if (u.waarde.uitkomst === 'GEWEIGERD') return { ok: false, probleem: u.waarde.probleem };
    return { ok: true, waarde: { soort: 'VERZONDEN', antwoord: antwoordOp<W['soort']>(u.waarde.antwoord), persoon: u.waarde.persoon } };
  }

  /**
   * "Opnieuw proberen" of a refused entry as it is (signal status, order, message), with a new key;
   * also "Toch versturen" of an entry whose status is unknown, after the user checked at DUO.
   */
  async function probeerOpnieuw(entry: UitgaandeEntry): Promise<void> {
    await cacheStore.cache?.vervang(entry.id, entry.wijziging, crypto.randomUUID());
    await ververs();
    await verstuurAlles();
  }

  /** "Verwerpen": the user lets a refused change (or one whose status is unknown) go; ISI's state stays. */
  async function verwerp(entry: UitgaandeEntry): Promise<void> {
    await cacheStore.cache?.verwerp(entry.id);
    await ververs();
  }

  /**
   * "Niet versturen" (issue 13, point 12): a waiting change taken back before ISI has it. One whose
   * request is on its way cannot be: ISI may be applying it this moment. Returns whether it went.
   */
  async function nietVersturen(entry: UitgaandeEntry): Promise<boolean> {
    if (entry.id === onderweg || entry.status !== 'WACHT') return false;
    await cacheStore.cache?.verwerp(entry.id);
    const zonder = new Map(voorStand.value);
    zonder.delete(entry.id);
    voorStand.value = zonder;
    await ververs();
    return true;
  }

  function zoek(entryId: string): UitgaandeEntry | null {
    return entries.value.find((e) => e.id === entryId) ?? null;
  }

  /** The refusal ISI gave to this person's change of this kind, if it is still in the outbox. */
  function geweigerdOp(persoonId: string, soort: 'PVT' | 'FACTUUR'): UitgaandeEntry | null {
    return geweigerd.value.find((e) => e.persoonId === persoonId && PERSOON_GROEP[e.soort] === soort) ?? null;
  }

  watch(() => cacheStore.cache, async (cache) => {
    await ververs();
    if (cache) void verstuurAlles();
  });
  // ARCHITECTURE.md: the outbox is sent the moment ISI answers again, and after every good sync,
  // without a click.
  const sync = useSyncStore();
  watch(() => sync.online, (nu, was) => {
    if (nu && was === false && wachtend.value.length > 0) void verstuurAlles();
  });
  watch(() => sync.geslaagd, () => {
    if (wachtend.value.length > 0) void verstuurAlles();
  });

  return {
    entries, wachtend, geweigerd, onbekend, voorStand, statusOnbekend, laatstVerzonden,
    ververs, verstuurAlles, wijzig, probeerOpnieuw, verwerp, nietVersturen, zoek, geweigerdOp,
  };
});
