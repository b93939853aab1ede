import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import type { z } from 'zod';
import type { OpgeslagenBestand as OpgeslagenBestandSchema, Uitkomst } from '../../shared/ipc';
import type { IsoDatum } from '../../shared/datum';
import type { Rol } from '../../shared/rules/rollen';
import {
  OPENSTAANDE_STATUSSEN, SIGNALEN_PAGINA_GROOTTE, vergelijkSignalen, voegSamen, weigerSignaalFilters, weigerSignaalStatuswijziging,
  type NIEUWE_SIGNAAL_STATUSSEN, type SignaalCode, type SignaalFilters, type SignaalSorteerkolom, type SignaalStatus,
} from '../../shared/rules/signalen';
import { ISI_GROOTSTE_PAGINA, schrijfSortering, volgendeSortering, type Sortering } from '../../shared/rules/zoeken';
import type { SignaalInLijst, SignalenZoekvraag } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { uitCacheOfIsi } from '../composables/uitCache';
import { naVoorcontrole } from '../composables/voorcontrole';
import { useSessieStore } from './sessie';
import { useSyncStore } from './sync';
import { useWachtrijStore } from './wachtrij';

/** The search form of "Zoeken signalen WI2013" (R-SIG-4), as the user fills it in. */
export interface SignaalCriteria {
  bsn: string;
  code: SignaalCode | null;
  datumVan: IsoDatum | null;
  datumTot: IsoDatum | null;
  status: SignaalStatus | null;
}

export function legeSignaalCriteria(): SignaalCriteria {
  return { bsn: '', code: null, datumVan: null, datumTot: null, status: null };
}

/** The filled-in criteria as the rule and the server take them; empty fields are left out. */
export function naarFilters(c: SignaalCriteria): SignaalFilters {
  const bsn = c.bsn.trim();
  return {
    ...(bsn !== '' ? { bsn } : {}),
    ...(c.code ? { code: c.code } : {}),
    ...(c.datumVan ? { datumVan: c.datumVan } : {}),
    ...(c.datumTot ? { datumTot: c.datumTot } : {}),
    ...(c.status ? { status: c.status } : {}),
  };
}

/** The search the results screen shows: for which gemeente, with which filters. */
export interface Zoekopdracht {
  gc: string;
  filters: SignaalFilters;
  /** R-SIG-3 "Toon deze signalen": every signal with the status Nieuw or In behandeling. */
  openstaand: boolean;
}

export const STANDAARD_SORTERING: Sortering<SignaalSorteerkolom> = { kolom: 'bsn', aflopend: false };
const PAGINA = SIGNALEN_PAGINA_GROOTTE;
/**
 * A status change of many signals goes to ISI in blocks of this many, one outbox change each, so the
 * screen can count progress and a refusal or a lost connection halfway leaves a clear count behind.
 */
export const STATUS_BLOK = 100;

export type OpgeslagenBestand = z.infer<typeof OpgeslagenBestandSchema>;
/** "Openen in Excel" of the list shown: the search, or "Toon deze signalen", in the sort order shown. */
export type Signalenlijstvraag = { gc: string; vraag: SignalenZoekvraag } | { gc: string; openstaand: { sorteer: string } };
type Pagina = { items: SignaalInLijst[]; totaal: number };

// Main merges the same two lists for "Openen in Excel", so the order lives in shared/.
export { vergelijkSignalen, voegSamen };

/** "Selecteren signalen WI2013": the search, its page, sort and selection, and the open count. */
export const useSignalenStore = defineStore('signalen', () => {
  const criteria = reactive<SignaalCriteria>(legeSignaalCriteria());
  const opdracht = ref<Zoekopdracht | null>(null);
  const sortering = ref<Sortering<SignaalSorteerkolom>>({ ...STANDAARD_SORTERING });
  const pagina = ref(1);
  const items = ref<SignaalInLijst[]>([]);
  const totaal = ref(0);
  const geselecteerd = ref<Set<string>>(new Set());
  const openstaand = ref<{ gc: string; aantal: number } | null>(null);
  /** Every signal of the search is selected, not only those on this page (handbook §3.9, issue 13 point 4). */
  const alleGeselecteerd = ref(false);
  /** While a status change of many signals runs: how many of how many ISI has handled. */
  const voortgang = ref<{ klaar: number; totaal: number } | null>(null);
  let volgnummer = 0;

  const aantalPaginas = computed(() => Math.max(1, Math.ceil(totaal.value / PAGINA)));
  const aantalGeselecteerd = computed(() => geselecteerd.value.size);
  const paginaGeheelGeselecteerd = computed(() => items.value.length > 0 && items.value.every((s) => geselecteerd.value.has(s.id)));
  const paginaDeelsGeselecteerd = computed(() => !paginaGeheelGeselecteerd.value && items.value.some((s) => geselecteerd.value.has(s.id)));
  const lijstvraag = computed<Signalenlijstvraag | null>(() => {
    const o = opdracht.value;
    if (!o) return null;
    const sorteer = schrijfSortering(sortering.value);
    return o.openstaand ? { gc: o.gc, openstaand: { sorteer } } : { gc: o.gc, vraag: { ...o.filters, sorteer } };
  });

  /** R-SIG-3: the number of signals with status Nieuw or In behandeling. */
  async function laadOpenstaand(gc: string): Promise<Uitkomst<{ aantal: number }>> {
    const u = await uitCacheOfIsi(gc, async (cache) => ({ aantal: await cache.openstaand(gc) }), () => pib.signalen.openstaand({ gc }));
    if (u.ok) openstaand.value = { gc, aantal: u.waarde.aantal };
    return u;
  }

  /** R-SIG-4: search with the criteria as filled in, after the same check the server makes. */
  async function zoek(gc: string): Promise<Uitkomst<Pagina>> {
    const filters = naarFilters(criteria);
    return naVoorcontrole(weigerSignaalFilters(filters), () => begin({ gc, filters, openstaand: false }));
  }

  /** R-SIG-3: "Toon deze signalen", whatever the criteria in the form say. */
  async function toonOpenstaand(gc: string): Promise<Uitkomst<Pagina>> {
    return begin({ gc, filters: {}, openstaand: true });
  }

  async function begin(nieuw: Zoekopdracht): Promise<Uitkomst<Pagina>> {
    opdracht.value = nieuw;
    sortering.value = { ...STANDAARD_SORTERING };
    pagina.value = 1;
    geselecteerd.value = new Set();
    alleGeselecteerd.value = false;
    items.value = [];
    totaal.value = 0;
    return haalPagina();
  }

  /** R-SIG-5: a header click sorts ascending, a second click on it descending; back to page 1. */
  async function sorteer(kolom: SignaalSorteerkolom): Promise<Uitkomst<Pagina>> {
    sortering.value = volgendeSortering(sortering.value, kolom);
    pagina.value = 1;
    return haalPagina();
  }

  async function naarPagina(n: number): Promise<Uitkomst<Pagina>> {
    pagina.value = Math.min(Math.max(1, Math.trunc(n)), aantalPaginas.value);
    return haalPagina();
  }

  /** The same search again, for `gc` (the chosen gemeente may have changed meanwhile). */
  async function ververs(gc: string): Promise<Uitkomst<Pagina>> {
    if (!opdracht.value) return { ok: true, waarde: { items: [], totaal: 0 } };
    if (opdracht.value.gc !== gc) return begin({ ...opdracht.value, gc });
    return haalPagina();
  }

  async function haalPagina(): Promise<Uitkomst<Pagina>> {
    const o = opdracht.value;
    if (!o) return { ok: true, waarde: { items: [], totaal: 0 } };
    const mijn = ++volgnummer;
    const vraag = { ...o.filters, pagina: pagina.value, paginaGrootte: PAGINA, sorteer: schrijfSortering(sortering.value) };
    const u = await uitCacheOfIsi<Pagina>(
      o.gc,
      (cache) => cache.zoekSignalen(o.gc, o.openstaand ? { ...vraag, statussen: OPENSTAANDE_STATUSSEN } : vraag),
      () => (o.openstaand ? paginaOpenstaand(o.gc, pagina.value) : zoekPagina(o.gc, vraag)),
    );
    // Only the newest request may fill the list: quick clicks on pages or headers overtake each other.
    if (mijn !== volgnummer || !u.ok) return u;
    const laatste = Math.max(1, Math.ceil(u.waarde.totaal / PAGINA));
    if (u.waarde.items.length === 0 && pagina.value > laatste) {
      // After a status change the last page may have emptied: show the new last page.
      pagina.value = laatste;
      return haalPagina();
    }
    items.value = u.waarde.items;
    totaal.value = u.waarde.totaal;
    return u;
  }

  async function zoekPagina(gc: string, vraag: SignalenZoekvraag): Promise<Uitkomst<Pagina>> {
    const u = await pib.signalen.zoek({ gc, vraag: { ...vraag, sorteer: schrijfSortering(sortering.value) } });
    return u.ok ? { ok: true, waarde: { items: u.waarde.items, totaal: u.waarde.totaal } } : u;
  }

  /** The first `n` signals of one search, in pieces of at most the server's largest page. */
  async function eersteSignalen(gc: string, filters: SignaalFilters, n: number): Promise<Uitkomst<Pagina>> {
    const grootte = Math.min(n, ISI_GROOTSTE_PAGINA);
    const verzameld: SignaalInLijst[] = [];
    for (let p = 1; ; p++) {
      const u = await zoekPagina(gc, { ...filters, pagina: p, paginaGrootte: grootte });
      if (!u.ok) return u;
      verzameld.push(...u.waarde.items);
      if (verzameld.length >= n || verzameld.length >= u.waarde.totaal || u.waarde.items.length < grootte) {
        return { ok: true, waarde: { items: verzameld.slice(0, n), totaal: u.waarde.totaal } };
      }
    }
  }

  /**
   * R-SIG-3 "Toon deze signalen" shows Nieuw and In behandeling together, but the server filters on
   * one status. Choice: two searches, one per status, each sorted by the server on the chosen
   * column, merged here in the server's own order. Page p needs the first p·10 of each; the total
   * is the sum of both totals. Sorting and paging stay the server's; only the merge is done here.
   */
  async function paginaOpenstaand(gc: string, p: number): Promise<Uitkomst<Pagina>> {
    const n = p * PAGINA;
    const delen = await Promise.all(OPENSTAANDE_STATUSSEN.map((status) => eersteSignalen(gc, { status }, n)));
    const fout = delen.find((d) => !d.ok);
    if (fout) return fout;
    const [a, b] = delen.map((d) => (d as { ok: true; waarde: Pagina }).waarde) as [Pagina, Pagina];
    const samen = voegSamen(a.items, b.items, vergelijkSignalen(sortering.value), n);
    return { ok: true, waarde: { items: samen.slice(n - PAGINA, n), totaal: a.totaal + b.totaal } };
  }

  function selecteer(id: string, aan: boolean): void {
    alleGeselecteerd.value = false;
    const nieuw = new Set(geselecteerd.value);
    if (aan) nieuw.add(id);
    else nieuw.delete(id);
    geselecteerd.value = nieuw;
  }

  /** The header box: every signal on this page gets a tick, or (when all had one) none does. */
  function selecteerPagina(aan: boolean): void {
    alleGeselecteerd.value = false;
    const nieuw = new Set(geselecteerd.value);
    for (const s of items.value) {
      if (aan) nieuw.add(s.id);
      else nieuw.delete(s.id);
    }
    geselecteerd.value = nieuw;
  }

  /** Every signal id of the search shown, in its sort order: from the cache at once, or from ISI page by page. */
  async function alleIds(o: Zoekopdracht): Promise<Uitkomst<string[]>> {
    const sorteer = schrijfSortering(sortering.value);
    const u = await uitCacheOfIsi<Pagina>(
      o.gc,
      (cache) => cache.zoekSignalen(o.gc, { ...o.filters, sorteer, pagina: 1, paginaGrootte: Math.max(1, totaal.value), ...(o.openstaand ? { statussen: OPENSTAANDE_STATUSSEN } : {}) }),
      async () => {
        if (!o.openstaand) return eersteSignalen(o.gc, o.filters, Number.MAX_SAFE_INTEGER);
        const delen = await Promise.all(OPENSTAANDE_STATUSSEN.map((status) => eersteSignalen(o.gc, { status }, Number.MAX_SAFE_INTEGER)));
        const fout = delen.find((d) => !d.ok);
        if (fout) return fout;
        const items = delen.flatMap((d) => (d as { ok: true; waarde: Pagina }).waarde.items);
        return { ok: true, waarde: { items, totaal: items.length } };
      },
    );
    return u.ok ? { ok: true, waarde: u.waarde.items.map((s) => s.id) } : u;
  }

  /** Gmail's pattern: after the header box, "Alle N signalen van deze zoekopdracht selecteren". */
  async function selecteerAlles(): Promise<Uitkomst<{ aantal: number }>> {
    const o = opdracht.value;
    if (!o) return { ok: true, waarde: { aantal: 0 } };
    const u = await alleIds(o);
    if (!u.ok) return u;
    if (opdracht.value !== o) return { ok: true, waarde: { aantal: 0 } };
    geselecteerd.value = new Set(u.waarde);
    alleGeselecteerd.value = true;
    return { ok: true, waarde: { aantal: u.waarde.length } };
  }

  function selectieOpheffen(): void {
    geselecteerd.value = new Set();
    alleGeselecteerd.value = false;
  }

  /**
   * R-SIG-6 (R-ROL-3): the selected signals to a new status, through the outbox, in blocks of
   * STATUS_BLOK with `voortgang` counting; then the list and the counts again. The first block carries
   * the act's key, each further block a key of its own made now. `verzonden` false: (part of) the change
   * waits for a connection (the list shows it already). A refusal halfway says how many went before it.
   */
  async function wijzigStatus(rollen: readonly Rol[], status: (typeof NIEUWE_SIGNAAL_STATUSSEN)[number], idempotencyKey: string): Promise<Uitkomst<{ bijgewerkt: number; verzonden: boolean }>> {
    const o = opdracht.value;
    const ids = [...geselecteerd.value];
    const weigering = weigerSignaalStatuswijziging(rollen, ids);
    if (weigering || !o) return naVoorcontrole(weigering, async () => ({ ok: true, waarde: { bijgewerkt: 0, verzonden: true } }));
    const blokken = Array.from({ length: Math.ceil(ids.length / STATUS_BLOK) }, (_, i) => ids.slice(i * STATUS_BLOK, (i + 1) * STATUS_BLOK));
    const idempotencyKeys = blokken.map((_, i) => (i === 0 ? idempotencyKey : crypto.randomUUID()));
    let bijgewerkt = 0;
    let verzonden = true;
    voortgang.value = blokken.length > 1 ? { klaar: 0, totaal: ids.length } : null;
    try {
      for (const [i, blok] of blokken.entries()) {
        const u = await useWachtrijStore().wijzig({ soort: 'SIGNAALSTATUS', gc: o.gc, ids: blok, status }, idempotencyKeys[i]!);
        if (!u.ok) {
          const klaar = ids.slice(0, i * STATUS_BLOK);
          geselecteerd.value = new Set(ids.slice(i * STATUS_BLOK));
          alleGeselecteerd.value = false;
          await Promise.all([haalPagina(), laadOpenstaand(o.gc)]);
          return i === 0 ? u : { ok: false, probleem: { ...u.probleem, detail: `${u.probleem.detail} De status van ${klaar.length} signalen was al gewijzigd; de overige ${ids.length - klaar.length} blijven geselecteerd.` } };
        }
        verzonden &&= u.waarde.soort === 'VERZONDEN';
        bijgewerkt += u.waarde.soort === 'VERZONDEN' ? u.waarde.antwoord.bijgewerkt : blok.length;
        if (voortgang.value) voortgang.value = { klaar: voortgang.value.klaar + blok.length, totaal: ids.length };
      }
    } finally {
      voortgang.value = null;
    }
    geselecteerd.value = new Set();
    alleGeselecteerd.value = false;
    const [lijst] = await Promise.all([haalPagina(), laadOpenstaand(o.gc)]);
    if (!lijst.ok) return lijst;
    return { ok: true, waarde: { bijgewerkt, verzonden } };
  }

  /** R-SIG-7: every signal of the gemeente as CSV, whatever its status or the filters; main saves it. */
  async function downloadAlle(gc: string): Promise<Uitkomst<OpgeslagenBestand>> {
    return pib.signalen.downloadAlle({ gc });
  }

  function wisCriteria(): void {
    Object.assign(criteria, legeSignaalCriteria());
  }

  function reset(): void {
    wisCriteria();
    opdracht.value = null;
    sortering.value = { ...STANDAARD_SORTERING };
    pagina.value = 1;
    items.value = [];
    totaal.value = 0;
    geselecteerd.value = new Set();
    alleGeselecteerd.value = false;
    openstaand.value = null;
  }

  // The list and the count follow the cache in place when a sync brings something new.
  watch(() => useSyncStore().bijgewerkt, (b) => {
    if (!b) return;
    if (opdracht.value?.gc === b.gc) void haalPagina();
    if (openstaand.value?.gc === b.gc) void laadOpenstaand(b.gc);
  });

  // A lock takes the signals off the screen; the search (what was typed) stays for the same user's unlock.
  watch(() => useSessieStore().gebruiker, (g) => {
    if (g) return;
    items.value = [];
    geselecteerd.value = new Set();
    alleGeselecteerd.value = false;
    openstaand.value = null;
  });
  // A BSN typed by one user is not shown to the next: everything goes when another user logs in, or at logout.
  watch(() => useSessieStore().eigenaar, reset);

  return {
    criteria, opdracht, sortering, pagina, items, totaal, geselecteerd, openstaand, alleGeselecteerd, voortgang,
    aantalPaginas, aantalGeselecteerd, paginaGeheelGeselecteerd, paginaDeelsGeselecteerd, lijstvraag,
    laadOpenstaand, zoek, toonOpenstaand, sorteer, naarPagina, ververs, selecteer, selecteerPagina, selecteerAlles, selectieOpheffen,
    wijzigStatus, downloadAlle, wisCriteria, reset,
  };
});
