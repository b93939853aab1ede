import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';
import {
  legeZoekcriteria, PERSONEN_PAGINA_GROOTTE, schrijfSortering, ZOEKCRITERIA_VELDEN, zoekUitkomst,
  type PersoonSorteerkolom, type Sortering, type ZoekcriteriaOverig,
} from '../../shared/rules/zoeken';
import type { FactuurInvoer, PersonenZoekvraag, PersoonInLijst, Persoon, PvtWijziging } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { uitCacheOfIsi } from '../composables/uitCache';
import type { CachePersoon } from '../db/types';
import { useCacheStore } from './cache';
import { useSessieStore } from './sessie';
import { useSyncStore } from './sync';
import { MELDING_WACHT, useWachtrijStore, type Afloop } from './wachtrij';

/** The form of "Zoeken met overige velden": every criterion may be empty (null) while typing. */
export type ZoekFormulier = { [K in keyof ZoekcriteriaOverig]?: ZoekcriteriaOverig[K] | null };

export type Zoekvraag = { soort: 'BSN'; bsn: string } | { soort: 'OVERIG'; criteria: ZoekcriteriaOverig };

export interface Lijst {
  items: PersoonInLijst[];
  totaal: number;
  pagina: number;
  sortering: Sortering<PersoonSorteerkolom>;
}

/** What a search leads to (R-ZP-1, R-ZP-4): a message, one person, or the results list. */
export type Zoekresultaat = { soort: 'GEEN'; melding: string } | { soort: 'PERSOON'; id: string } | { soort: 'LIJST' };

/** A person as shown: ISI's state, with the user's unsent and refused changes counted when it comes from the cache. */
export type GetoondePersoon = Persoon & Partial<Pick<CachePersoon, 'wachtend' | 'geweigerd'>>;

/** What saving a change led to: ISI has it, or it waits in the outbox (then `melding` says so). */
export interface Opgeslagen {
  persoon: GetoondePersoon;
  verzonden: boolean;
}

export const STANDAARD_SORTERING: Sortering<PersoonSorteerkolom> = { kolom: 'bsn', aflopend: false };

/** The filled-in criteria only: an empty field is a field not used (R-ZP-2). */
export function ingevuldeCriteria(formulier: ZoekFormulier): ZoekcriteriaOverig {
  const uit: Record<string, string> = {};
  for (const veld of ZOEKCRITERIA_VELDEN) {
    const waarde = formulier[veld];
    if (typeof waarde === 'string' && waarde.trim() !== '') uit[veld] = waarde.trim();
  }
  return uit as ZoekcriteriaOverig;
}

/** A search as ISI takes it, in this sort order; the page is the caller's. */
export function isiZoekvraag(vraag: Zoekvraag, sortering: Sortering<PersoonSorteerkolom>): PersonenZoekvraag {
  return { ...(vraag.soort === 'BSN' ? { bsn: vraag.bsn } : vraag.criteria), sorteer: schrijfSortering(sortering) };
}

/**
 * Searching and showing persons of the chosen gemeente (§3.2–§3.6). The criteria stay filled in
 * while the user is logged in (R-ZP-3); the last search, its page and sort order are kept so that
 * "Terug naar zoekresultaten" returns to the same page and sort (R-ZP-5).
 */
export const usePersonenStore = defineStore('personen', () => {
  const sessie = useSessieStore();
  const cacheStore = useCacheStore();
  const sync = useSyncStore();
  const wachtrij = useWachtrijStore();

  const tab = ref<'BSN' | 'OVERIG'>('BSN');
  const bsn = ref('');
  const criteria = ref<ZoekFormulier>(legeZoekcriteria());
  const zoekvraag = ref<Zoekvraag | null>(null);
  const lijst = ref<Lijst | null>(null);
  const persoon = ref<GetoondePersoon | null>(null);
  /** Where a person screen was opened from outside the person screens (signals, wet), to go back to. */
  const herkomst = ref<{ id: string; pad: string } | null>(null);
  /** A confirmation for the next screen (after saving), shown once. */
  const melding = ref<string | null>(null);
  /**
   * The person shown changed in the background (a sync, or ISI's late answer to a change): the
   * person screen loads it anew, a form says so and keeps what was typed.
   */
  const persoonBijgewerkt = ref<string | null>(null);
  // The list a search just fetched is shown as it is; any later visit asks ISI again, so a change
  // made on the person screen shows in the list.
  let netGezocht = false;
  let voorgehaald: { id: string; gc: string; uitkomst: Promise<Uitkomst<GetoondePersoon>> } | null = null;

  const gc = computed(() => sessie.gekozenGemeenteCode);
  /** Whether the user reached a person through the results list (more than one result). */
  const heeftResultatenlijst = computed(() => lijst.value !== null && lijst.value.totaal > 1);
  /** "Openen in Excel": the search shown, in the sort order shown; main fetches every page of it. */
  const lijstvraag = computed(() => (zoekvraag.value && lijst.value ? isiZoekvraag(zoekvraag.value, lijst.value.sortering) : null));

  function geenGemeente<T>(): Uitkomst<T> {
    return { ok: false, probleem: probleem({ status: 400, code: 'GEEN_GEMEENTE', title: 'Geen gemeente', detail: 'Kies eerst een gemeente.' }) };
  }

  async function vraagOp(vraag: Zoekvraag, pagina: number, sortering: Sortering<PersoonSorteerkolom>): Promise<Uitkomst<Lijst>> {
    if (!gc.value) return geenGemeente();
    const body: PersonenZoekvraag = { ...isiZoekvraag(vraag, sortering), pagina, paginaGrootte: PERSONEN_PAGINA_GROOTTE };
    const g = gc.value;
    const u = await uitCacheOfIsi(g, (cache) => cache.zoekPersonen(g, body), () => pib.personen.zoek({ gc: g, vraag: body }));
    if (!u.ok) return u;
    return { ok: true, waarde: { items: u.waarde.items, totaal: u.waarde.totaal, pagina: u.waarde.pagina, sortering } };
  }

  /** R-ZP-1, R-ZP-4: a new search, from page 1 sorted on BSN. */
  async function zoek(vraag: Zoekvraag): Promise<Uitkomst<Zoekresultaat>> {
    const u = await vraagOp(vraag, 1, STANDAARD_SORTERING);
    if (!u.ok) return u;
    const uitkomst = zoekUitkomst(u.waarde.totaal, vraag.soort === 'BSN', sessie.gekozenGemeente?.naam ?? '');
    zoekvraag.value = vraag;
    lijst.value = u.waarde;
    herkomst.value = null;
    netGezocht = true;
    if (uitkomst.soort === 'GEEN') return { ok: true, waarde: { soort: 'GEEN', melding: uitkomst.melding ?? '' } };
    if (uitkomst.soort === 'PERSOON') {
      const id = u.waarde.items[0]!.id;
      // The person is asked for now, while the screen changes: the person screen then takes this answer.
      const g = gc.value!;
      const vooruit = leesPersoon(g, id);
      // Whoever takes it handles a failure; nobody may (the user went elsewhere).
      vooruit.catch(() => undefined);
      voorgehaald = { id, gc: g, uitkomst: vooruit };
      return { ok: true, waarde: { soort: 'PERSOON', id } };
    }
    return { ok: true, waarde: { soort: 'LIJST' } };
  }

  /** R-ZP-5: another page or sort order of the last search (server-side paging and sorting). */
  async function toonPagina(pagina: number, sortering: Sortering<PersoonSorteerkolom>): Promise<Uitkomst<Lijst>> {
    if (!zoekvraag.value) return { ok: false, probleem: probleem({ status: 400, code: 'GEEN_ZOEKVRAAG', title: 'Geen zoekopdracht', detail: 'Er is nog geen zoekopdracht. Zoek eerst personen.' }) };
    const huidig = lijst.value;
    const zelfde = huidig && huidig.pagina === pagina && huidig.sortering.kolom === sortering.kolom && huidig.sortering.aflopend === sortering.aflopend;
    const vers = netGezocht;
    netGezocht = false;
    if (huidig && zelfde && vers) return { ok: true, waarde: huidig };
    const u = await vraagOp(zoekvraag.value, pagina, sortering);
    if (u.ok) lijst.value = u.waarde;
    return u;
  }

  /**
   * R-PER-1: the person as the cache has it (ISI's state with the user's unsent changes), with
   * `versie` for If-Match. A person the cache does not hold (another law, outside the PIB) comes from ISI.
   */
  function haalPersoon(id: string): Promise<Uitkomst<GetoondePersoon>> {
    const g = gc.value;
    if (!g) return Promise.resolve(geenGemeente());
    // The search that found this one person asked already: its answer, once.
    const al = voorgehaald;
    voorgehaald = null;
    if (al?.id === id && al.gc === g) return al.uitkomst;
    return leesPersoon(g, id);
  }

  async function leesPersoon(g: string, id: string): Promise<Uitkomst<GetoondePersoon>> {
    const cache = await cacheStore.open();
    const gevonden = cache ? await cache.haalPersoon(g, id) : null;
    if (gevonden) sync.verversOpAchtergrond(g);
    const u: Uitkomst<GetoondePersoon> = gevonden ? { ok: true, waarde: gevonden } : sync.meld(await pib.personen.haal({ gc: g, id }));
    if (u.ok && gc.value === g) {
      persoon.value = u.waarde;
      if (persoonBijgewerkt.value === id) persoonBijgewerkt.value = null;
    }
    return u;
  }

  /**
   * ISI's state of a person now, not the cache's (which may not have synced yet): after a version
   * conflict (412) the form shows what DUO holds and may continue on that version.
   */
  async function haalBijIsi(id: string): Promise<Uitkomst<Persoon>> {
    if (!gc.value) return geenGemeente();
    return sync.meld(await pib.personen.haal({ gc: gc.value, id }));
  }

  /** The person the screens show is now `p` (a newer version the user chose to continue on). */
  function toon(p: GetoondePersoon): void {
    persoon.value = p;
  }

  /** After a change: ISI's answer, or (when it waits) the person as the cache now shows it. */
  async function naWijziging(g: string, p: Persoon, u: Uitkomst<Afloop>): Promise<Uitkomst<Opgeslagen>> {
    if (!u.ok) return u;
    const verzonden = u.waarde.soort === 'VERZONDEN';
    const lokaal = await cacheStore.cache?.haalPersoon(g, p.id);
    const na: GetoondePersoon = lokaal ?? (u.waarde.soort === 'VERZONDEN' ? u.waarde.persoon : null) ?? p;
    if (persoon.value?.id === p.id) persoon.value = na;
    if (!verzonden) meld(MELDING_WACHT);
    return { ok: true, waarde: { persoon: na, verzonden } };
  }

  /** R-PVT-2: the four PVT fields, with the version read (If-Match) and one key per click. */
  async function wijzigPvt(p: Persoon, wijziging: PvtWijziging, idempotencyKey: string): Promise<Uitkomst<Opgeslagen>> {
    if (!gc.value) return geenGemeente();
    return naWijziging(gc.value, p, await wachtrij.wijzig({ soort: 'PVT', gc: gc.value, persoonId: p.id, versie: p.versie, wijziging }, idempotencyKey));
  }

  /** R-FAC-1, R-FAC-2, R-FAC-4: add (nieuw) or change the invoice. */
  async function slaFactuurOp(p: Persoon, nieuw: boolean, invoer: FactuurInvoer, idempotencyKey: string): Promise<Uitkomst<Opgeslagen>> {
    if (!gc.value) return geenGemeente();
    return naWijziging(gc.value, p, await wachtrij.wijzig({ soort: 'FACTUUR_OPSLAAN', gc: gc.value, persoonId: p.id, versie: p.versie, nieuw, invoer }, idempotencyKey));
  }

  /** R-FAC-4: remove an invoice the person has not accepted. */
  async function verwijderFactuur(p: Persoon, idempotencyKey: string): Promise<Uitkomst<Opgeslagen>> {
    if (!gc.value) return geenGemeente();
    return naWijziging(gc.value, p, await wachtrij.wijzig({ soort: 'FACTUUR_VERWIJDEREN', gc: gc.value, persoonId: p.id, versie: p.versie }, idempotencyKey));
  }

  /** R-ZP-3: "wis velden". */
  function wisVelden(): void {
    criteria.value = legeZoekcriteria();
  }

  function meld(tekst: string | null): void {
    melding.value = tekst;
  }

  function neemMelding(): string | null {
    const m = melding.value;
    melding.value = null;
    return m;
  }

  function vergeetResultaten(): void {
    voorgehaald = null;
    zoekvraag.value = null;
    lijst.value = null;
    persoon.value = null;
    herkomst.value = null;
  }

  /** The list shown, asked again quietly: the screen follows the cache in place. */
  async function verversLijst(): Promise<void> {
    const vraag = zoekvraag.value;
    const huidig = lijst.value;
    if (!vraag || !huidig) return;
    const u = await vraagOp(vraag, huidig.pagina, huidig.sortering);
    if (u.ok && zoekvraag.value === vraag) lijst.value = u.waarde;
  }

  watch(() => sync.bijgewerkt, (b) => {
    if (!b || b.gc !== gc.value) return;
    if (persoon.value && b.personen.has(persoon.value.id)) persoonBijgewerkt.value = persoon.value.id;
    void verversLijst();
  });
  watch(() => wachtrij.laatstVerzonden, (v) => {
    if (v && v.gc === gc.value && persoon.value && v.persoonId === persoon.value.id) persoonBijgewerkt.value = v.persoonId;
  });

  // R-GEM-1: results belong to one gemeente; another gemeente means searching again.
  watch(gc, vergeetResultaten);
  // R-GEM-1: another gemeente: the BSN and the message of the other gemeente's search go too (issue 13, point 6).
  watch(gc, (nu, was) => {
    if (!nu || !was || nu === was) return;
    bsn.value = '';
    melding.value = null;
  });
  // A lock takes the persons off the screen; the criteria stay for the same user's unlock.
  watch(() => sessie.gebruiker, (g) => {
    if (!g) vergeetResultaten();
  });
  // R-ZP-3: the criteria stay filled in only while the same user is logged in.
  watch(() => sessie.eigenaar, () => {
    vergeetResultaten();
    wisVelden();
    bsn.value = '';
    tab.value = 'BSN';
    melding.value = null;
  });

  return {
    tab, bsn, criteria, zoekvraag, lijst, persoon, persoonBijgewerkt, melding, herkomst, heeftResultatenlijst, lijstvraag,
    zoek, toonPagina, haalPersoon, haalBijIsi, toon, wijzigPvt, slaFactuurOp, verwijderFactuur, wisVelden, meld, neemMelding, vergeetResultaten,
  };
});
