import { z } from 'zod';
import {
  Bestanden, Factuur, Gebruiker, Gemeentecode, Id, Openstaand,
  PersonenLijst, PersonenZoekvraag, Persoon, type Probleem, SessieAanvraag, SignalenLijst, SignalenZoekvraag, Wetbepaling,
} from './schemas/api';
import { UitgaandeWijziging, Verzending } from './schemas/uitgaand';
import { BELEID, BELEIDSNAMEN, GEBRUIKERSINSTELLINGEN, HERKOMSTEN } from './beleid';

/**
 * The one list of calls the renderer may make to main: name, argument schema, result schema.
 * Main registers exactly these handlers and validates every argument; the preload exposes them
 * as `window.pib`; the browser-mode host serves the same list over a WebSocket. Add a call here
 * and all three have it.
 */
const kanaal = <A extends z.ZodType, R extends z.ZodType>(args: A, resultaat: R) => ({ args, resultaat });
const Leeg = z.strictObject({});
const InGemeente = { gc: Gemeentecode };
/** A file of "Downloaden bestanden" as ISI's list names it. */
const Bestandsnaam = z.string().regex(/^[a-z0-9_]+\.zip$/);

/**
 * What gemeente IT may set for every machine (main/policy), as far as the renderer needs it:
 * when to lock, when to sync, how long an unused cache may stay, what logout does with it.
 */
export const Beleid = z.object({
  vergrendelNaMinuten: BELEID.vergrendelNaMinuten.schema,
  syncIntervalMinuten: BELEID.syncIntervalMinuten.schema,
  wissenNaDagenZonderSync: BELEID.wissenNaDagenZonderSync.schema,
  cacheBijUitloggen: BELEID.cacheBijUitloggen.schema,
  /** R-DL-2: after this many days the app offers to delete the files it wrote. */
  bestandenBewarenDagen: BELEID.bestandenBewarenDagen.schema,
});
export type Beleid = z.infer<typeof Beleid>;

/**
 * A page of changes (`Wijzigingen`): ISI's JSON text as main compressed it (deflate-raw, off main's
 * thread in zlib's pool), passed on unparsed. The cache worker inflates, decodes and checks the page
 * against the contract once, and keeps the compressed bytes on disk encrypted as they came, so a
 * page of 5,000 records is neither serialised again nor escaped at any hop, and an eighth of its
 * size crosses to the renderer (browser mode's socket took 281 ms for a 2.9 MB page and 61 ms for
 * its 0.37 MB compressed; inflating it takes the worker about 50). `cursor` and `meer` are read by
 * main, so the next page can be fetched while this one is applied.
 */
export const Paginadata = z.object({ gecomprimeerd: z.instanceof(Uint8Array), cursor: z.string(), meer: z.boolean() });
export type Paginadata = z.infer<typeof Paginadata>;

/** One answer of browser mode's socket: the call's id (null for a message that had none) and its outcome. */
export interface Antwoordbericht {
  id: number | null;
  uitkomst: Uitkomst<unknown>;
}

export const AppInfo = z.object({
  versie: z.string(),
  modus: z.enum(['electron', 'browser']),
  isiUrl: z.string(),
  demo: z.boolean(),
  beleid: Beleid,
});
/**
 * One setting of the Instellingen screen (issue #11): its effective value (null: not set, the
 * declaration's `zonder` applies), where that came from, and whether the user may change it here.
 */
export const Instelling = z.object({
  sleutel: z.enum(BELEIDSNAMEN),
  waarde: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  herkomst: z.enum(HERKOMSTEN),
  /** The organisation's source (a registry key, a file); absent for the user's and the defaults. */
  bron: z.string().optional(),
  bewerkbaar: z.boolean(),
});
export const UPDATESTATUSSEN = ['uit', 'niet-beschikbaar', 'zoeken', 'actueel', 'beschikbaar', 'gedownload', 'uitgesteld', 'fout'] as const;
export const Updatestand = z.object({
  status: z.enum(UPDATESTATUSSEN),
  /** The new version, once known. */
  versie: z.string().optional(),
  /** In Dutch, for the screen: what happened or why not now. */
  melding: z.string().optional(),
});
export const Instellingen = z.object({
  instellingen: z.array(Instelling),
  versie: z.string(),
  modus: z.enum(['electron', 'browser']),
  isiUrl: z.string(),
  update: Updatestand,
  /** A saved change counts from the next start: true when config.json now says other than at this start. */
  herstartNodig: z.boolean(),
});
/** A user setting to save in config.json; null removes it (the default applies again). */
export const ZetInstelling = z.strictObject({
  sleutel: z.enum(GEBRUIKERSINSTELLINGEN),
  waarde: z.union([z.string().max(2000), z.number(), z.boolean()]).nullable(),
});
/** `vandaag` is ISI's date: rule pre-checks in the app use it, since ISI's rules run on it. */
/**
 * `idempotentieBewaarDagen`: how long ISI remembers an Idempotency-Key (its `/status`); the outbox
 * never resends a change older than that (issue 12, finding 4).
 */
export const IngelogdeSessie = z.object({ gebruiker: Gebruiker, verlooptOp: z.string(), vandaag: z.string().optional(), idempotentieBewaarDagen: z.number().int().min(1).optional() });
export const OpgeslagenBestand = z.object({ bestandsnaam: z.string(), pad: z.string(), grootte: z.number().int() });
/**
 * "Openen in Excel": the workbook as saved (`rijen`: data rows of its first sheet), whether the
 * system's default application opened it, and in browser mode the host's one-time link to it.
 */
export const GeopendBestand = OpgeslagenBestand.extend({ rijen: z.number().int(), geopend: z.boolean(), downloadUrl: z.string().optional() });
export const EXCEL_FASEN = ['DOWNLOADEN', 'OMZETTEN', 'OPENEN', 'KLAAR'] as const;
/** How far an "Openen in Excel" is: bytes of a file, or rows of a list, received of `totaal` (null: not known). */
export const Voortgang = z.object({ ontvangen: z.number().int().min(0), totaal: z.number().int().min(0).nullable(), fase: z.enum(EXCEL_FASEN) });
/** A file the app wrote (R-DL-2), with its age in whole days. */
export const GeschrevenBestand = z.object({ pad: z.string(), bestandsnaam: z.string(), gemaakt: z.string(), dagenOud: z.number().int().min(0) });
/** Chosen by the renderer for each "Openen in Excel", so that it can ask `bestanden.voortgang` meanwhile. */
const MetTaak = { taakId: Id };
/**
 * The cache key of the logged-in user, 32 random bytes (base64), made once and kept wrapped by
 * main/vault. The renderer imports it at once as non-extractable CryptoKeys and forgets the bytes.
 */
export const Cachesleutel = z.object({ gebruikersnaam: z.string(), sleutel: z.string() });

/**
 * An unexpected error of the renderer, for main's log. Bounded, so a page in a loop cannot fill
 * the disk; main masks anything that may be a BSN and takes only so many a minute (main/log/renderer.ts).
 */
export const RendererFout = z.strictObject({
  bron: z.enum(['vue', 'venster', 'belofte', 'aanroep', 'vergrendelen']),
  melding: z.string().max(2000),
  stack: z.string().max(8000).optional(),
  /** The route the user was on (a path, never with a BSN: the app puts none in a route). */
  route: z.string().max(200).optional(),
});

export const IPC = {
  log: {
    /** The renderer reports an unexpected error; what the user sees is the renderer's one clear message. */
    fout: kanaal(RendererFout, Leeg),
  },
  app: {
    info: kanaal(Leeg, AppInfo),
    /** Every setting with its effective value and source, the version, the ISI address and the update state. */
    instellingen: kanaal(Leeg, Instellingen),
    /** Saves one user setting in config.json after checking it; refused for a key the organisation manages. */
    zetInstelling: kanaal(ZetInstelling, Instellingen),
    /** The renderer tells main a sync is under way or changes wait to be sent: no update is fetched or installed then. */
    meldBezigheid: kanaal(z.strictObject({ syncBezig: z.boolean(), onverzonden: z.number().int().min(0).max(1_000_000) }), Leeg),
  },
  sessie: {
    inloggen: kanaal(SessieAanvraag, IngelogdeSessie),
    uitloggen: kanaal(Leeg, Leeg),
    huidig: kanaal(Leeg, IngelogdeSessie.nullable()),
    /** Auto-lock (§ offline cache): main forgets the ISI session; unlocking is logging in again. */
    vergrendel: kanaal(Leeg, Leeg),
  },
  cache: {
    sleutel: kanaal(Leeg, Cachesleutel),
    /** "Lokale gegevens wissen" and retention: main destroys the user's wrapped key, so what is left on disk is unreadable. */
    vergeet: kanaal(z.strictObject({ gebruikersnaam: z.string().min(1).max(100) }), Leeg),
  },
  sync: {
    /** One page of changes of gemeente `gc` after `cursor` (null: a full sync from the start). A 410 means: start over. */
    pagina: kanaal(z.strictObject({ ...InGemeente, cursor: z.string().max(2000).nullable() }), Paginadata),
    /** Whether ISI answers now (its status, with a short timeout): the app's connection state while offline. */
    bereikbaar: kanaal(Leeg, z.object({ vandaag: z.string() })),
  },
  uitgaand: {
    /** Sends one outbox entry to ISI with its Idempotency-Key (and If-Match where a person changes). */
    verstuur: kanaal(z.strictObject({ idempotencyKey: Id, wijziging: UitgaandeWijziging }), Verzending),
  },
  personen: {
    zoek: kanaal(z.strictObject({ ...InGemeente, vraag: PersonenZoekvraag }), PersonenLijst),
    haal: kanaal(z.strictObject({ ...InGemeente, id: Id }), Persoon),
    /** Every row of this search (not only a page), in its sort order, as a workbook; `pagina` and `paginaGrootte` are main's. */
    openInExcel: kanaal(z.strictObject({ ...InGemeente, ...MetTaak, vraag: PersonenZoekvraag }), GeopendBestand),
  },
  factuur: {
    haal: kanaal(z.strictObject({ ...InGemeente, id: Id }), Factuur.nullable()),
  },
  signalen: {
    zoek: kanaal(z.strictObject({ ...InGemeente, vraag: SignalenZoekvraag }), SignalenLijst),
    openstaand: kanaal(z.strictObject(InGemeente), Openstaand),
    downloadAlle: kanaal(z.strictObject(InGemeente), OpgeslagenBestand),
    /** R-SIG-7 "Download alle signalen" as a workbook. */
    openInExcel: kanaal(z.strictObject({ ...InGemeente, ...MetTaak }), GeopendBestand),
    /**
     * Every row of the signal list shown, in its sort order, as a workbook: of a search (`vraag`), or
     * of R-SIG-3 "Toon deze signalen" (`openstaand`: Nieuw and In behandeling together).
     */
    lijstInExcel: kanaal(
      z.union([
        z.strictObject({ ...InGemeente, ...MetTaak, vraag: SignalenZoekvraag }),
        z.strictObject({ ...InGemeente, ...MetTaak, openstaand: z.strictObject({ sorteer: SignalenZoekvraag.shape.sorteer }) }),
      ]),
      GeopendBestand,
    ),
  },
  bestanden: {
    lijst: kanaal(z.strictObject(InGemeente), Bestanden),
    download: kanaal(z.strictObject({ ...InGemeente, bestandsnaam: Bestandsnaam }), OpgeslagenBestand),
    /** R-DL-1 … R-DL-4: a file of the list as a workbook, saved and opened. */
    openInExcel: kanaal(z.strictObject({ ...InGemeente, ...MetTaak, bestandsnaam: Bestandsnaam }), GeopendBestand),
    /** The progress of the "Openen in Excel" with this `taakId`; null when none runs (not yet, or reported done). */
    voortgang: kanaal(z.strictObject(MetTaak), Voortgang.nullable()),
    /** R-DL-2: the files the app wrote that are still there, oldest first. */
    geschreven: kanaal(Leeg, z.array(GeschrevenBestand)),
    /**
     * "Opslaan als PDF" (issue 13): the window as printed (the person screen's overview), saved in
     * the download folder, listed (R-DL-2) and opened. Desktop app only; browser mode refuses it.
     */
    opslaanAlsPdf: kanaal(Leeg, OpgeslagenBestand.extend({ geopend: z.boolean() })),
    /** R-DL-2: deletes these files; only files of `geschreven`, any other path is refused and nothing deleted. */
    verwijderGeschreven: kanaal(z.strictObject({ paden: z.array(z.string().min(1).max(4096)).min(1).max(1000) }), z.object({ verwijderd: z.number().int() })),
  },
  wet: {
    bepaal: kanaal(z.strictObject({ ...InGemeente, bsn: z.string().max(20) }), Wetbepaling),
  },
} as const;

type Contract = typeof IPC;
export type Domein = keyof Contract;
export type KanaalNaam = { [D in Domein]: `${D}.${Extract<keyof Contract[D], string>}` }[Domein];

/** Errors are values across the boundary: a result, or the problem that refused it. */
export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; probleem: z.infer<typeof Probleem> };

export type PibApi = {
  [D in Domein]: {
    [K in keyof Contract[D]]: Contract[D][K] extends { args: infer A extends z.ZodType; resultaat: infer R extends z.ZodType }
      ? (args: z.input<A>) => Promise<Uitkomst<z.output<R>>>
      : never;
  };
};

export function kanalen(): KanaalNaam[] {
  return (Object.keys(IPC) as Domein[]).flatMap((d) => Object.keys(IPC[d]).map((k) => `${d}.${k}` as KanaalNaam));
}

export function kanaalSchema(naam: string): { args: z.ZodType; resultaat: z.ZodType } | null {
  const delen = naam.split('.');
  if (delen.length !== 2) return null;
  const [domein, call] = delen as [string, string];
  // Own properties only: `constructor.name` or `__proto__.x` must not reach Object's inheritance.
  if (!Object.hasOwn(IPC, domein)) return null;
  const d = IPC[domein as Domein] as Record<string, { args: z.ZodType; resultaat: z.ZodType }>;
  return Object.hasOwn(d, call) ? d[call]! : null;
}

/** Builds `window.pib` from one function that carries a call across (ipcRenderer, WebSocket). */
export function bouwApi(roep: (kanaal: KanaalNaam, args: unknown) => Promise<Uitkomst<unknown>>): PibApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<Uitkomst<unknown>>>> = {};
  for (const naam of kanalen()) {
    const [domein, call] = naam.split('.') as [string, string];
    (api[domein] ??= {})[call] = (args: unknown) => roep(naam, args ?? {});
  }
  return api as unknown as PibApi;
}

export const MELDING_ONGELDIGE_AANROEP = 'De applicatie deed een ongeldige aanroep. Probeer het opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder.';
