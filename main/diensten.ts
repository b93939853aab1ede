import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { IPC } from '../shared/ipc';
import { type AppInfo, type GeopendBestand, type IngelogdeSessie, type Updatestand } from '../shared/ipc';
import { isOpenstaand, SIGNAAL_STATUSSEN, vergelijkSignalen, voegSamen, type SignaalSorteerkolom } from '../shared/rules/signalen';
import { ACHTERGROND_KOP, ACHTERGROND_WAARDE } from '../shared/rules/auth';
import { leesSortering } from '../shared/rules/zoeken';
import type { Gebruiker, PersonenZoekvraag, PersoonInLijst, Persoon, SignaalInLijst, SignalenZoekvraag } from '../shared/schemas/api';
import { type UitgaandeWijziging, type Verzending, WEIGERINGSSTATUSSEN } from '../shared/schemas/uitgaand';
import { BestandFout, bestandenRegister, bewaarBestand, converteerSignaalExport, converteerZip, schrijfLijst, type Werkboekbestand } from './files';
import { GEEN_VERBINDING, type IsiClient, IsiFout, SESSIE_VERLOPEN } from './isi/client';
import type { Platform } from './platform/platform';
import { beleidVoorRenderer } from './policy/beleid';
import { type Beleidsbron, organisatiebronnen } from './policy/bronnen';
import { instellingenDienst } from './policy/instellingen';
import type { Policy } from './policy/schemas';
import type { Kluis } from './vault/kluis';
import { type Taak, voortgangen } from './voortgang';

type Contract = typeof IPC;
type Args<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { args: infer A extends z.ZodType } ? z.output<A> : never;
type Resultaat<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { resultaat: infer R extends z.ZodType } ? z.input<R> : never;

/** One implementation per call of the contract; arguments arrive already validated. */
export type Diensten = { [D in keyof Contract]: { [K in keyof Contract[D]]: (args: Args<D, K>) => Promise<Resultaat<D, K>> } };

export interface DienstOpties {
  isi: IsiClient;
  platform: Platform;
  info: Omit<z.infer<typeof AppInfo>, 'isiUrl' | 'beleid'>;
  /** Read once at start-up (main/policy). */
  policy: Policy;
  kluis: Kluis;
  /** Browser mode: offers a saved workbook once as a download of the host and returns its URL (main/host/downloads.ts). */
  aanbieden?: (pad: string) => string;
  /** The organisation's policy sources, for the Instellingen screen (default: this machine's, main/policy/bronnen.ts). */
  bronnen?: () => Beleidsbron[];
  /** Where updates stand (the Electron entry's updater); without one the app does not update itself. */
  update?: () => z.input<typeof Updatestand>;
  /** Hears what the renderer reports of syncs and unsent changes (the updater waits for them). */
  bezigheid?: (b: { syncBezig: boolean; onverzonden: number }) => void;
}

/** Browser mode and tests have no updater: the host is updated with the project. */
const GEEN_UPDATER = (): z.input<typeof Updatestand> => ({ status: 'niet-beschikbaar', melding: 'Deze omgeving werkt zichzelf niet bij; de browsermodus wordt bijgewerkt met het project.' });

const gemeente = (gc: string) => `/api/v1/gemeenten/${gc}`;
const sleutel = (k: string) => ({ 'Idempotency-Key': k });
const versie = (v: number) => ({ 'If-Match': `"${v}"` });

/** ISI's largest page (API.md): "Openen in Excel" fetches a whole search in pages of this size. */
export const LIJST_PAGINA = 500;
/** R-SIG-3: "Toon deze signalen" shows these statuses together. */
const OPENSTAANDE_STATUSSEN = SIGNAAL_STATUSSEN.filter(isOpenstaand);
const DAG_MS = 86_400_000;
/** A page of 5,000 persons is a few megabytes: it may take longer than an ordinary answer. */
const SYNC_TIMEOUT_MS = 30_000;
/** The status probe while offline: ISI answers it at once or counts as unreachable. */
const PROBE_TIMEOUT_MS = 3_000;

/** Offline the cache answers searches, but a workbook is made of what ISI sends. */
const VERBINDING_NODIG = "Voor 'Openen in Excel' is een verbinding met DUO (ISI) nodig: het bestand wordt gemaakt met de gegevens die DUO nu heeft. Controleer de netwerkverbinding en probeer het opnieuw.";

const PDF_NIET_BESCHIKBAAR = "Opslaan als PDF kan alleen in de desktop-app. Kies in de browser 'Afdrukken' en dan als printer 'Opslaan als PDF'.";

/** Local date and time as 20250301-1405, for file names that sort by when they were made. */
function tijdstempel(d: Date): string {
  const twee = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${twee(d.getMonth() + 1)}${twee(d.getDate())}-${twee(d.getHours())}${twee(d.getMinutes())}`;
}

const Paginakop = z.object({ cursor: z.string(), meer: z.boolean() });

/**
 * Where a page of changes leads (its cursor, and whether more follow), read in main so the next
 * page is fetched while the cache worker checks and applies this one; the rest of the page is the
 * worker's to check. Not JSON, or without these: ISI's answer is not what the contract says.
 */
function leesPaginakop(json: string): z.infer<typeof Paginakop> {
  let gelezen: unknown = null;
  try {
    gelezen = JSON.parse(json);
  } catch {
    // not JSON: refused below like any other page that breaks the contract
  }
  const kop = Paginakop.safeParse(gelezen);
  if (kop.success) return kop.data;
  throw new IsiFout({ type: 'urn:pib:probleem:ongeldige_pagina', title: 'Ongeldig antwoord', status: 502, code: 'ONGELDIGE_PAGINA', detail: 'DUO (ISI) stuurde gegevens die niet aan de afspraken voldoen; ze zijn niet verwerkt. Probeer het later opnieuw.' });
}

function verbindingNodig(fout: unknown): unknown {
  return fout instanceof IsiFout && fout.probleem.code === GEEN_VERBINDING.code ? new IsiFout({ ...fout.probleem, detail: VERBINDING_NODIG }) : fout;
}

/** Every row of a search, page after page, telling `meld` how many of how many arrived. */
async function alleRijen<T>(haal: (pagina: number) => Promise<{ items: T[]; totaal: number }>, meld: (ontvangen: number, totaal: number) => void): Promise<T[]> {
  const rijen: T[] = [];
  for (let pagina = 1; ; pagina++) {
    const { items, totaal } = await haal(pagina);
    rijen.push(...items);
    meld(rijen.length, totaal);
    if (items.length < LIJST_PAGINA || rijen.length >= totaal) return rijen;
  }
}

/** This computer's date, for a file named before ISI told its own (no login yet). */
function lokaleDatum(nu = new Date()): string {
  return `${nu.getFullYear()}-${String(nu.getMonth() + 1).padStart(2, '0')}-${String(nu.getDate()).padStart(2, '0')}`;
}

/**
 * The services behind the IPC contract, the same in Electron and in browser mode: most calls are
 * one request to ISI; "Openen in Excel" fetches, converts, saves and opens (main/files). The
 * session token stays here; the renderer only learns who is logged in.
 */
/**
 * The file name of the signal export: always `signalen_<gc>_<jjjjmmdd>.csv`, built here. Only the
 * date is taken from ISI's Content-Disposition, and only in exactly that pattern; a name with a
 * path, another extension or anything else from the header never reaches the disk (issue 12,
 * finding 10). Without a date there, `vandaag` (ISI's date, JJJJ-MM-DD).
 */
export function exportNaam(gc: string, contentDisposition: string | undefined, vandaag: string): string {
  const datum = new RegExp(`^attachment; filename="signalen_${gc}_(\\d{8})\\.csv"$`).exec((contentDisposition ?? '').trim())?.[1];
  return `signalen_${gc}_${datum ?? vandaag.replace(/-/g, '')}.csv`;
}

export function maakDiensten({ isi, platform, info, policy, kluis, aanbieden, bronnen = () => organisatiebronnen(), update = GEEN_UPDATER, bezigheid = () => undefined }: DienstOpties): Diensten {
  let sessie: z.infer<typeof IngelogdeSessie> | null = null;
  const register = bestandenRegister(platform.dataMap());
  const taken = voortgangen();
  const instellingen = instellingenDienst({ dataMap: platform.dataMap(), bronnen, start: policy, versie: info.versie, modus: info.modus, isiUrl: isi.basisUrl, update });
  const downloadMap = () => policy.downloadMap ?? platform.downloadMap();
  /** ISI's date (its files are named after it, R-DL-1). */
  const vandaag = () => sessie?.vandaag ?? lokaleDatum();
  /** Paths `bestanden.geschreven` listed in this run: what the user may ask to delete. */
  const getoond = new Set<string>();
  /** The files the app wrote hold BSNs: only a logged-in user sees or deletes them (issue 12, finding 7). */
  const moetIngelogdZijn = () => {
    if (!isi.ingelogd || !sessie) throw new IsiFout(SESSIE_VERLOPEN);
  };

  async function beeindigSessie(): Promise<Record<string, never>> {
    if (isi.ingelogd) await isi.vraag('DELETE', '/api/v1/sessies/huidig').catch(() => undefined);
    isi.zetToken(null);
    sessie = null;
    return {};
  }

  const haalPersoon = async (gc: string, id: string) => (await isi.vraag<Persoon>('GET', `${gemeente(gc)}/personen/${id}`)).data;

  /** The one ISI request of each kind of change, as the portal's own forms make it. */
  async function stuur(w: UitgaandeWijziging, idempotencyKey: string): Promise<unknown> {
    const persoonPad = 'persoonId' in w ? `${gemeente(w.gc)}/personen/${w.persoonId}` : '';
    const koppen = { ...sleutel(idempotencyKey), ...('versie' in w ? versie(w.versie) : {}) };
    switch (w.soort) {
      case 'PVT':
        return (await isi.vraag('PUT', `${persoonPad}/pvt`, { body: w.wijziging, headers: koppen })).data;
      case 'FACTUUR_OPSLAAN':
        return (await isi.vraag(w.nieuw ? 'POST' : 'PUT', `${persoonPad}/factuur`, { body: w.invoer, headers: koppen })).data;
      case 'FACTUUR_VERWIJDEREN':
        await isi.vraag('DELETE', `${persoonPad}/factuur`, { headers: koppen });
        return null;
      case 'SIGNAALSTATUS':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/signalen/statuswijzigingen`, { body: { ids: w.ids, status: w.status }, headers: koppen })).data;
      case 'WAARDEPAPIEREN':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/waardepapierbestellingen`, { body: w.bestelling, headers: koppen })).data;
      case 'CONTACT':
        return (await isi.vraag('POST', `${gemeente(w.gc)}/contactberichten`, { body: w.bericht, headers: koppen })).data;
    }
  }

  /**
   * ARCHITECTURE.md "the way of a change": ISI took it, or refused the change itself (kept as
   * rejected beside the server's person), or it did not arrive: thrown, so the outbox keeps the
   * entry and sends it again later with the same key.
   */
  async function verstuur({ idempotencyKey, wijziging: w }: { idempotencyKey: string; wijziging: UitgaandeWijziging }): Promise<Verzending> {
    let antwoord: unknown;
    try {
      antwoord = await stuur(w, idempotencyKey);
    } catch (fout) {
      // IN_BEHANDELING: the first send with this key is still being handled; a later try gets its answer.
      if (!(fout instanceof IsiFout) || !WEIGERINGSSTATUSSEN.includes(fout.probleem.status) || fout.probleem.code === 'IN_BEHANDELING') throw fout;
      const serverStand = 'persoonId' in w ? await haalPersoon(w.gc, w.persoonId).catch(() => null) : null;
      return { uitkomst: 'GEWEIGERD', probleem: fout.probleem, serverStand };
    }
    if (w.soort === 'PVT') return { uitkomst: 'VERZONDEN', antwoord, persoon: antwoord as Persoon };
    // The change arrived either way; without the person now the next sync brings it.
    const persoon = 'persoonId' in w ? await haalPersoon(w.gc, w.persoonId).catch(() => null) : null;
    return { uitkomst: 'VERZONDEN', antwoord, persoon };
  }

  /**
   * Saves a download in the download folder (policy's, else the user's Downloads) without
   * overwriting an earlier one, and keeps it in the list of files the app wrote (R-DL-2).
   */
  async function bewaar(bestandsnaam: string, data: Uint8Array): Promise<{ bestandsnaam: string; pad: string; grootte: number }> {
    const pad = await bewaarBestand(downloadMap(), bestandsnaam, data);
    await register.registreer(pad);
    return { bestandsnaam: basename(pad), pad, grootte: data.byteLength };
  }

  /**
   * "Openen in Excel": `maak` fetches and converts, reporting progress under `taakId`; the workbook
   * is saved, listed (R-DL-2) and opened with the system's default application (Excel on a
   * gemeente PC). Not opening is no failure: the file is saved, and the answer says whether it opened.
   */
  async function inExcel(taakId: string, maak: (taak: Taak) => Promise<Werkboekbestand>): Promise<z.input<typeof GeopendBestand>> {
    const taak = taken.begin(taakId);
    try {
      const werkboek = await maak(taak);
      taak.fase('OPENEN');
      const opgeslagen = await bewaar(werkboek.bestandsnaam, werkboek.data);
      const geopend = await platform.openPad(opgeslagen.pad).then(() => true, () => false);
      const downloadUrl = aanbieden?.(opgeslagen.pad);
      taak.klaar();
      return { ...opgeslagen, rijen: werkboek.rijen, geopend, ...(downloadUrl === undefined ? {} : { downloadUrl }) };
    } catch (fout) {
      taak.stop();
      throw verbindingNodig(fout);
    }
  }

  /** A download of ISI with its bytes reported to the task as they arrive. */
  async function haalBinair(pad: string, taak: Taak): Promise<{ data: Buffer; headers: Record<string, string> }> {
    const { data, headers } = await isi.vraag<ArrayBuffer>('GET', pad, { binair: true, voortgang: (ontvangen, totaal) => taak.meld(ontvangen, totaal) });
    return { data: Buffer.from(data), headers };
  }

  const zoekPersonen = async (gc: string, vraag: PersonenZoekvraag) =>
    (await isi.vraag<{ items: PersoonInLijst[]; totaal: number }>('POST', `${gemeente(gc)}/personen/_zoek`, { body: vraag })).data;
  const zoekSignalen = async (gc: string, vraag: SignalenZoekvraag) =>
    (await isi.vraag<{ items: SignaalInLijst[]; totaal: number }>('POST', `${gemeente(gc)}/signalen/_zoek`, { body: vraag })).data;

  /**
   * R-SIG-3 "Toon deze signalen": ISI filters on one status, so each open status is fetched in the
   * chosen order and the two lists are merged in ISI's own order, as the results screen does.
   */
  async function openstaandeSignalen(gc: string, sorteer: string, taak: Taak): Promise<SignaalInLijst[]> {
    const tellers = OPENSTAANDE_STATUSSEN.map(() => ({ ontvangen: 0, totaal: null as number | null }));
    const meld = () => {
      const totalen = tellers.map((t) => t.totaal);
      taak.meld(tellers.reduce((som, t) => som + t.ontvangen, 0), totalen.every((t) => t !== null) ? totalen.reduce((som, t) => som + t, 0) : null);
    };
    const [a, b] = await Promise.all(OPENSTAANDE_STATUSSEN.map((status, i) => alleRijen(
      (pagina) => zoekSignalen(gc, { status, sorteer, pagina, paginaGrootte: LIJST_PAGINA }),
      (ontvangen, totaal) => {
        tellers[i] = { ontvangen, totaal };
        meld();
      },
    ))) as [SignaalInLijst[], SignaalInLijst[]];
    return voegSamen(a, b, vergelijkSignalen(leesSortering<SignaalSorteerkolom>(sorteer)), a.length + b.length);
  }

  return {
    app: {
      info: async () => ({ ...info, isiUrl: isi.basisUrl, beleid: beleidVoorRenderer(policy) }),
      instellingen: async () => instellingen.lees(),
      zetInstelling: async (args) => instellingen.zet(args),
      meldBezigheid: async (args) => {
        bezigheid(args);
        return {};
      },
    },
    sessie: {
      inloggen: async (args) => {
        const { data } = await isi.vraag<{ token: string; verlooptOp: string; gebruiker: Gebruiker }>('POST', '/api/v1/sessies', { body: args, open: true });
        isi.zetToken(data.token);
        const status = await isi.vraag<{ vandaag: string; idempotentieBewaarDagen?: number }>('GET', '/api/v1/status', { open: true }).catch(() => null);
        const bewaar = status?.data.idempotentieBewaarDagen;
        sessie = {
          gebruiker: data.gebruiker, verlooptOp: data.verlooptOp,
          ...(status ? { vandaag: status.data.vandaag } : {}),
          ...(Number.isInteger(bewaar) && bewaar! >= 1 ? { idempotentieBewaarDagen: bewaar } : {}),
        };
        return sessie;
      },
      uitloggen: beeindigSessie,
      huidig: async () => (isi.ingelogd ? sessie : null),
      // Locked is logged out towards ISI: unlocking is logging in again, with the second factor.
      vergrendel: beeindigSessie,
    },
    cache: {
      sleutel: async () => {
        if (!isi.ingelogd || !sessie) throw new IsiFout(SESSIE_VERLOPEN);
        const { gebruikersnaam } = sessie.gebruiker;
        return { gebruikersnaam, sleutel: (await kluis.sleutel(gebruikersnaam)).toString('base64') };
      },
      // Only the logged-in user destroys a key, and only their own (issue 12, finding 7); the
      // retention of other users' keys is main's own, at start (Kluis.ruimOp).
      vergeet: async ({ gebruikersnaam }) => {
        moetIngelogdZijn();
        if (sessie!.gebruiker.gebruikersnaam !== gebruikersnaam) {
          throw new IsiFout({ type: 'urn:pib:probleem:verboden', title: 'Niet toegestaan', status: 403, code: 'ANDERE_GEBRUIKER', detail: 'U kunt alleen uw eigen lokale gegevens wissen. Log in als die gebruiker om de zijne te wissen; er is niets gewist.' });
        }
        await kluis.vergeet(gebruikersnaam);
        return {};
      },
    },
    sync: {
      pagina: async ({ gc, cursor }) => {
        const vraag = new URLSearchParams({ limiet: String(policy.syncPaginaGrootte), ...(cursor === null ? {} : { vanaf: cursor }) });
        // A sync is the app's own work: it does not keep the session alive at ISI (issue 12, finding 6).
        const { data: json } = await isi.vraag<string>('GET', `${gemeente(gc)}/wijzigingen?${vraag}`, { timeoutMs: SYNC_TIMEOUT_MS, tekst: true, headers: { [ACHTERGROND_KOP]: ACHTERGROND_WAARDE } });
        const kop = leesPaginakop(json);
        if (sessie) await kluis.gesynchroniseerd(sessie.gebruiker.gebruikersnaam);
        return { json, ...kop };
      },
      bereikbaar: async () => (await isi.vraag<{ vandaag: string }>('GET', '/api/v1/status', { open: true, timeoutMs: PROBE_TIMEOUT_MS })).data,
    },
    uitgaand: {
      verstuur,
    },
    personen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/personen/_zoek`, { body: vraag })).data,
      haal: async ({ gc, id }) => haalPersoon(gc, id),
      openInExcel: ({ gc, vraag, taakId }) => inExcel(taakId, async (taak) => {
        const rijen = await alleRijen((pagina) => zoekPersonen(gc, { ...vraag, pagina, paginaGrootte: LIJST_PAGINA }), (n, totaal) => taak.meld(n, totaal));
        taak.fase('OMZETTEN');
        return schrijfLijst('personen', rijen, { gc, datum: vandaag() });
      }),
    },
    factuur: {
      haal: async ({ gc, id }) => {
        try {
          return (await isi.vraag<never>('GET', `${gemeente(gc)}/personen/${id}/factuur`)).data;
        } catch (fout) {
          // R-FAC-1: no invoice is an answer ("Geen factuur gevonden."), not a failure.
          if ((fout as { probleem?: { status: number } }).probleem?.status === 404) return null;
          throw fout;
        }
      },
    },
    signalen: {
      zoek: async ({ gc, vraag }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/signalen/_zoek`, { body: vraag })).data,
      openstaand: async ({ gc }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/signalen/openstaand`)).data,
      downloadAlle: async ({ gc }) => {
        const { data, headers } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/signalen/export`, { binair: true });
        return bewaar(exportNaam(gc, headers['content-disposition'], vandaag()), Buffer.from(data));
      },
      openInExcel: ({ gc, taakId }) => inExcel(taakId, async (taak) => {
        const { data, headers } = await haalBinair(`${gemeente(gc)}/signalen/export`, taak);
        taak.fase('OMZETTEN');
        // ISI names the export after its date (signalen_<gc>_<jjjjmmdd>.csv); the workbook keeps it.
        const datum = /_(\d{4})(\d{2})(\d{2})\.csv"/.exec(headers['content-disposition'] ?? '');
        return converteerSignaalExport(data, { gc, datum: datum ? `${datum[1]}-${datum[2]}-${datum[3]}` : vandaag() });
      }),
      lijstInExcel: (args) => inExcel(args.taakId, async (taak) => {
        const { gc } = args;
        const rijen = 'vraag' in args
          ? await alleRijen((pagina) => zoekSignalen(gc, { ...args.vraag, pagina, paginaGrootte: LIJST_PAGINA }), (n, totaal) => taak.meld(n, totaal))
          : await openstaandeSignalen(gc, args.openstaand.sorteer ?? 'bsn', taak);
        taak.fase('OMZETTEN');
        return schrijfLijst('signalen', rijen, { gc, datum: vandaag() });
      }),
    },
    bestanden: {
      lijst: async ({ gc }) => (await isi.vraag<never>('GET', `${gemeente(gc)}/bestanden`)).data,
      download: async ({ gc, bestandsnaam }) => {
        const { data } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/bestanden/${bestandsnaam}`, { binair: true });
        return bewaar(`${bestandsnaam.replace(/\.zip$/, '')}_${gc}.zip`, Buffer.from(data));
      },
      openInExcel: ({ gc, bestandsnaam, taakId }) => inExcel(taakId, async (taak) => {
        const { data } = await haalBinair(`${gemeente(gc)}/bestanden/${bestandsnaam}`, taak);
        taak.fase('OMZETTEN');
        return converteerZip(data, bestandsnaam, { gc });
      }),
      voortgang: async ({ taakId }) => taken.stand(taakId),
      geschreven: async () => {
        moetIngelogdZijn();
        const nu = Date.now();
        const lijst = await register.lijst();
        for (const b of lijst) getoond.add(b.pad);
        return lijst.map((b) => ({ ...b, dagenOud: Math.max(0, Math.floor((nu - Date.parse(b.gemaakt)) / DAG_MS)) }));
      },
      opslaanAlsPdf: async () => {
        moetIngelogdZijn();
        if (!platform.alsPdf) throw new BestandFout('PDF_NIET_BESCHIKBAAR', PDF_NIET_BESCHIKBAAR);
        // The overview names a person: its file name does not (no BSN in a path, a log line or a recent-files list).
        const opgeslagen = await bewaar(`overzicht-persoon-${tijdstempel(new Date())}.pdf`, await platform.alsPdf());
        return { ...opgeslagen, geopend: await platform.openPad(opgeslagen.pad).then(() => true, () => false) };
      },
      verwijderGeschreven: async ({ paden }) => {
        moetIngelogdZijn();
        const bekend = new Set((await register.lijst()).map((b) => b.pad));
        // Checked before anything goes, and without looking at the disk: a path that is not in the
        // register and was never shown in the list refuses the whole request, whether or not such a
        // file exists (issue 12, finding 7: the answer reveals nothing about other paths). A file of
        // the list that was removed by hand meanwhile is simply gone already.
        const vreemd = paden.find((p) => !bekend.has(resolve(p)) && !getoond.has(resolve(p)));
        if (vreemd !== undefined) {
          throw new BestandFout('NIET_IN_REGISTER', `'${vreemd}' is niet door de app bewaard en wordt daarom niet door de app verwijderd; er is niets verwijderd. Kies alleen bestanden uit de lijst 'Bestanden op deze computer'.`);
        }
        const weg = [...new Set(paden.map((p) => resolve(p)))].filter((p) => bekend.has(p));
        for (const pad of weg) await register.verwijder(pad);
        return { verwijderd: weg.length };
      },
    },
    wet: {
      bepaal: async ({ gc, bsn }) => (await isi.vraag<never>('POST', `${gemeente(gc)}/wetbepalingen`, { body: { bsn } })).data,
    },
  };
}
