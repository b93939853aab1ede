import { z } from 'zod';

/**
 * The one declaration of the managed configuration (docs/beleid.md, issue #11), as VS Code
 * declares its policies once: every key with its type, range, default, who may set it and a Dutch
 * and English title and description. main/policy reads and validates by it; the docs table, the
 * ADMX/ADML templates, the macOS .mobileconfig and the JSON Schema of the Linux file are generated
 * from it (scripts/genereer-beleid.ts), and a test fails when one of them is stale.
 */

/** `machine`: only the organisation (Group Policy, MDM, the root-owned file); `gebruiker`: the user's config.json too. */
export type Bereik = 'machine' | 'gebruiker';
export interface Tekst { nl: string; en: string }

interface Gemeen {
  bereik: Bereik;
  titel: Tekst;
  uitleg: Tekst;
  /** Shown instead of a default value where there is none (e.g. "the Downloads folder"). */
  zonder?: Tekst;
}

const getal = (min: number, max: number, standaard: number, g: Gemeen) =>
  ({ soort: 'getal' as const, min, max, standaard, schema: z.number().int().min(min).max(max), ...g });
const keuze = <const O extends readonly [string, ...string[]]>(opties: O, standaard: O[number], g: Gemeen & { opties: Record<O[number], Tekst> }) =>
  ({ ...g, soort: 'keuze' as const, waarden: opties, standaard, schema: z.enum(opties) });
const janee = (standaard: boolean, g: Gemeen) => ({ soort: 'janee' as const, standaard, schema: z.boolean(), ...g });
const tekst = (vorm: Tekstvorm, g: Gemeen & { zonder: Tekst }) =>
  ({ soort: 'tekst' as const, vorm, standaard: undefined, schema: z.string().min(1).max(2000).refine((w) => TEKSTVORMEN[vorm].test(w)), ...g });

/** A loopback host may be reached over plain http (the reference server on this machine); every other over https only. */
const LOOPBACK = String.raw`(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])`;
/** Case-sensitive on purpose: the same patterns stand in the JSON Schema of the Linux file, which has no flags. */
export const TEKSTVORMEN = {
  /** https, or http to this machine only: over the network the token and BSNs never travel in clear. */
  veiligeUrl: new RegExp(String.raw`^(?:https://[^\s/?#@]+|http://${LOOPBACK}(?::\d{1,5})?)(?:/[^\s?#]*)?$`),
  /** An absolute path on Windows (C:\…, \\server\…) or elsewhere (/…). */
  pad: /^(?:[a-zA-Z]:[\\/]|\\\\|\/)/,
  /** `systeem`, or the http(s) URL of a proxy server. */
  proxy: /^(?:systeem|https?:\/\/[^\s/?#]+\/?)$/,
} as const;
export type Tekstvorm = keyof typeof TEKSTVORMEN;

export const TEKSTVORM_TOEGESTAAN: Record<Tekstvorm, Tekst> = {
  veiligeUrl: { nl: 'een https-URL (http alleen naar deze computer: localhost, 127.0.0.1 of [::1])', en: 'an https URL (http only to this computer: localhost, 127.0.0.1 or [::1])' },
  pad: { nl: 'een absoluut pad', en: 'an absolute path' },
  proxy: { nl: '"systeem" of de http(s)-URL van een proxyserver', en: '"systeem" or the http(s) URL of a proxy server' },
};

export const BELEID = {
  isiUrl: tekst('veiligeUrl', {
    // Machine only (issue #11): which server gets the token and the BSNs is the organisation's choice.
    bereik: 'machine',
    titel: { nl: 'Adres van ISI', en: 'ISI address' },
    uitleg: {
      nl: 'Het adres van de ISI-server van DUO waarmee de app werkt. Over het netwerk alleen https: het token en BSN\'s gaan nooit onversleuteld over de lijn.',
      en: 'The address of DUO\'s ISI server the app works with. Over the network https only: the token and BSNs never travel in clear.',
    },
    zonder: { nl: 'geen: de app zegt bij het starten dat dit adres moet worden ingesteld', en: 'none: at start-up the app says this address must be configured' },
  }),
  vergrendelNaMinuten: getal(1, 480, 15, {
    bereik: 'gebruiker',
    titel: { nl: 'Vergrendelen na minuten', en: 'Lock after minutes' },
    uitleg: { nl: 'De app vergrendelt na zoveel minuten zonder gebruik; ontgrendelen is opnieuw inloggen (met de code van de authenticator-app).', en: 'The app locks after this many minutes without use; unlocking is logging in again (with the code of the authenticator app).' },
  }),
  syncIntervalMinuten: getal(1, 1440, 5, {
    bereik: 'gebruiker',
    titel: { nl: 'Synchroniseren elke minuten', en: 'Synchronise every minutes' },
    uitleg: { nl: 'Hoe vaak de app de wijzigingen van ISI in de lokale gegevens haalt zolang iemand is ingelogd.', en: 'How often the app fetches ISI\'s changes into the local cache while someone is logged in.' },
  }),
  wissenNaDagenZonderSync: getal(1, 365, 14, {
    bereik: 'gebruiker',
    titel: { nl: 'Wissen na dagen zonder synchronisatie', en: 'Wipe after days without synchronisation' },
    uitleg: { nl: 'Lokale gegevens die zoveel dagen niet zijn gesynchroniseerd, worden gewist (hun sleutel vernietigd).', en: 'A local cache not synchronised for this many days is wiped (its key destroyed).' },
  }),
  cacheBijUitloggen: keuze(['vragen', 'wissen'], 'vragen', {
    bereik: 'gebruiker',
    titel: { nl: 'Lokale gegevens bij uitloggen', en: 'Local data on logging out' },
    uitleg: { nl: 'Bij uitloggen: "vragen" vraagt of de lokale gegevens blijven, "wissen" wist ze altijd.', en: 'On logging out: "vragen" asks whether to keep the local data, "wissen" always wipes it.' },
    opties: { vragen: { nl: 'Vragen', en: 'Ask' }, wissen: { nl: 'Wissen', en: 'Wipe' } },
  }),
  bestandenBewarenDagen: getal(1, 3650, 30, {
    bereik: 'gebruiker',
    titel: { nl: 'Opgeslagen bestanden bewaren dagen', en: 'Keep saved files days' },
    uitleg: { nl: 'R-DL-2: "Downloaden bestanden" toont de bestanden die de app op deze computer opsloeg en biedt aan die van zoveel dagen of ouder te verwijderen.', en: 'R-DL-2: "Downloaden bestanden" lists the files the app saved on this computer and offers to delete those this many days old or older.' },
  }),
  downloadMap: tekst('pad', {
    bereik: 'gebruiker',
    titel: { nl: 'Map voor downloads', en: 'Download folder' },
    uitleg: { nl: 'Waar geëxporteerde en gedownloade bestanden worden opgeslagen (zips, CSV, de werkmappen van "Openen in Excel"); wordt gemaakt als die ontbreekt.', en: 'Where exported and downloaded files are saved (zips, CSV, the workbooks of "Openen in Excel"); created when missing.' },
    zonder: { nl: 'de map Downloads van de gebruiker', en: 'the user\'s Downloads folder' },
  }),
  logNiveau: keuze(['uit', 'fout', 'waarschuwing', 'info', 'debug'], 'info', {
    bereik: 'gebruiker',
    titel: { nl: 'Logniveau', en: 'Log level' },
    uitleg: { nl: 'Wat de app in haar logbestand schrijft. Een BSN staat er nooit in.', en: 'What the app writes to its log file. A BSN is never in it.' },
    opties: {
      uit: { nl: 'Niets', en: 'Nothing' }, fout: { nl: 'Alleen fouten', en: 'Errors only' }, waarschuwing: { nl: 'Fouten en waarschuwingen', en: 'Errors and warnings' },
      info: { nl: 'Ook gewone gebeurtenissen', en: 'Ordinary events too' }, debug: { nl: 'Alles (voor foutzoeken)', en: 'Everything (for troubleshooting)' },
    },
  }),
  logMap: tekst('pad', {
    bereik: 'machine',
    titel: { nl: 'Map voor logbestanden', en: 'Log folder' },
    uitleg: { nl: 'Waar de app haar logbestanden schrijft (ten hoogste 5 bestanden van 5 MB).', en: 'Where the app writes its log files (at most 5 files of 5 MB).' },
    zonder: { nl: 'de logmap van de app (zie docs/deploying.md)', en: 'the app\'s log folder (see docs/deploying.md)' },
  }),
  zwakkeSleutelopslagToestaan: janee(false, {
    bereik: 'machine',
    titel: { nl: 'Zwakke sleutelopslag toestaan', en: 'Allow weak key storage' },
    uitleg: { nl: 'Op Linux zonder sleutelbos (GNOME Keyring, KWallet) kan Electron de sleutel van de lokale gegevens alleen bewaren onder een wachtwoord dat op elke computer hetzelfde is (basic_text); de app weigert dan lokale gegevens, tenzij dit aan staat.', en: 'On Linux without a keyring (GNOME Keyring, KWallet) Electron can only keep the cache key under a password that is the same on every machine (basic_text); the app then refuses the local cache unless this is on.' },
  }),
  // ISI's largest page (API.md): a full sync of 100,000 persons in the fewest round trips; an incremental sync brings few anyway.
  syncPaginaGrootte: getal(10, 5000, 5000, {
    bereik: 'machine',
    titel: { nl: 'Wijzigingen per synchronisatieverzoek', en: 'Changes per synchronisation request' },
    uitleg: { nl: 'Hoeveel wijzigingen één verzoek aan ISI vraagt tijdens het synchroniseren.', en: 'How many changes one request to ISI asks for during synchronisation.' },
  }),
  extraCaCertificaten: tekst('pad', {
    bereik: 'machine',
    titel: { nl: 'Extra CA-certificaten', en: 'Extra CA certificates' },
    uitleg: { nl: 'Een PEM-bestand met CA-certificaten die de app naast de gewone vertrouwt, alleen voor de verbinding met ISI (bijvoorbeeld de CA van een TLS-inspecterende proxy).', en: 'A PEM file of CA certificates the app trusts besides the usual ones, only for the connection to ISI (e.g. the CA of a TLS-inspecting proxy).' },
    zonder: { nl: 'geen: alleen de gewone CA\'s', en: 'none: only the usual CAs' },
  }),
  proxy: tekst('proxy', {
    bereik: 'machine',
    titel: { nl: 'Proxy', en: 'Proxy' },
    uitleg: { nl: '"systeem" gebruikt de proxy van het besturingssysteem (in de desktop-app) of HTTPS_PROXY (in browsermodus); een URL gebruikt die proxyserver voor ISI.', en: '"systeem" uses the operating system\'s proxy (in the desktop app) or HTTPS_PROXY (in browser mode); a URL uses that proxy server for ISI.' },
    zonder: { nl: 'geen: rechtstreeks verbinden', en: 'none: connect directly' },
  }),
  demoServerToestaan: janee(false, {
    bereik: 'machine',
    titel: { nl: 'Demoserver toestaan', en: 'Allow the demo server' },
    uitleg: { nl: 'Of een geïnstalleerde app mag werken met een ISI-adres uit de omgeving (PIB_ISI_URL, de ISI-referentieserver in demomodus). Uit: alleen het ingestelde isiUrl telt.', en: 'Whether an installed app may work with an ISI address from the environment (PIB_ISI_URL, the ISI reference server in demo mode). Off: only the configured isiUrl counts.' },
  }),
  updateModus: keuze(['uit', 'melden', 'automatisch'], 'uit', {
    bereik: 'machine',
    titel: { nl: 'Updates', en: 'Updates' },
    uitleg: { nl: '"uit": de app zoekt niet naar updates; "melden": de app meldt een nieuwe versie; "automatisch": de app haalt die op en installeert hem bij afsluiten. Nooit tijdens een synchronisatie of met onverzonden wijzigingen.', en: '"uit": the app does not look for updates; "melden": the app reports a new version; "automatisch": the app fetches it and installs it on quit. Never during a synchronisation or with unsent changes.' },
    opties: { uit: { nl: 'Uit', en: 'Off' }, melden: { nl: 'Melden', en: 'Notify' }, automatisch: { nl: 'Automatisch', en: 'Automatic' } },
  }),
  updateUrl: tekst('veiligeUrl', {
    bereik: 'machine',
    titel: { nl: 'Adres van de updates', en: 'Update address' },
    uitleg: { nl: 'De webserver van de organisatie met latest.yml en de installatiebestanden (verplicht als updateModus niet "uit" is).', en: 'The organisation\'s web server with latest.yml and the installers (required when updateModus is not "uit").' },
    zonder: { nl: 'geen', en: 'none' },
  }),
  devtoolsToestaan: janee(false, {
    bereik: 'machine',
    titel: { nl: 'Ontwikkelhulpmiddelen toestaan', en: 'Allow developer tools' },
    uitleg: { nl: 'Of de ontwikkelhulpmiddelen (DevTools) van het venster open kunnen.', en: 'Whether the window\'s developer tools (DevTools) can open.' },
  }),
  inhoudBeschermen: janee(false, {
    bereik: 'machine',
    titel: { nl: 'Schermafbeeldingen blokkeren', en: 'Block screenshots' },
    uitleg: { nl: 'Het venster van de app wordt niet vastgelegd door schermafbeeldingen en schermopnames (Windows en macOS).', en: 'The app\'s window is kept out of screenshots and screen recordings (Windows and macOS).' },
  }),
} as const;

export type Beleidsnaam = keyof typeof BELEID;
export const BELEIDSNAMEN = Object.keys(BELEID) as Beleidsnaam[];
type Declaratie = (typeof BELEID)[Beleidsnaam];

/** What a key accepts, in the words of the error messages, the docs and the templates. */
export function toegestaan(d: Declaratie, taal: keyof Tekst = 'nl'): string {
  const of = taal === 'nl' ? ' of ' : ' or ';
  switch (d.soort) {
    case 'getal': return taal === 'nl' ? `een geheel getal van ${d.min} tot en met ${d.max}` : `a whole number from ${d.min} to ${d.max}`;
    case 'keuze': return d.waarden.map((w) => `"${w}"`).join(of);
    case 'janee': return `true${of}false`;
    case 'tekst': return TEKSTVORM_TOEGESTAAN[d.vorm][taal];
  }
}

type Schemas = { [K in Beleidsnaam]: (typeof BELEID)[K]['standaard'] extends undefined ? z.ZodOptional<(typeof BELEID)[K]['schema']> : (typeof BELEID)[K]['schema'] };

/** Every key, each with its value (keys without a default may be absent). */
export const Policy = z.object(
  Object.fromEntries(BELEIDSNAMEN.map((k) => [k, BELEID[k].standaard === undefined ? BELEID[k].schema.optional() : BELEID[k].schema])) as Schemas,
);
export type Policy = z.infer<typeof Policy>;

export const STANDAARD_POLICY = Object.fromEntries(
  BELEIDSNAMEN.filter((k) => BELEID[k].standaard !== undefined).map((k) => [k, BELEID[k].standaard]),
) as Policy;

export const ALLEEN_MACHINE = BELEIDSNAMEN.filter((k) => BELEID[k].bereik === 'machine');
export const GEBRUIKERSINSTELLINGEN = BELEIDSNAMEN.filter((k) => BELEID[k].bereik === 'gebruiker');

/** A parse-time error map: a wrong value of a policy key says, in Dutch, what the key accepts. */
export function beleidsmelding(issue: z.core.$ZodRawIssue): string | undefined {
  const naam = issue.path?.[0];
  return typeof naam === 'string' && Object.hasOwn(BELEID, naam) ? `moet ${toegestaan(BELEID[naam as Beleidsnaam])} zijn` : undefined;
}

/** Where a value came from, as the Instellingen screen says it. */
export const HERKOMSTEN = ['organisatie', 'gebruiker', 'standaard'] as const;
export type Herkomst = (typeof HERKOMSTEN)[number];

/** The Windows registry key IT's Group Policy writes (HKLM for every key, HKCU for the user's). */
export const REGISTERSLEUTEL = String.raw`SOFTWARE\Policies\Gemeente\PortalInburgering`;
/** The bundle id: macOS managed preferences live in /Library/Managed Preferences/<this>.plist. */
export const BUNDEL_ID = 'nl.gemeente.portal-inburgering';

/**
 * What holds between keys: updates need an address to fetch them from. Null when all is well,
 * else the key at fault and why.
 */
export function samenhang(p: Policy): { sleutel: Beleidsnaam; melding: string } | null {
  if (p.updateModus !== 'uit' && !p.updateUrl) return { sleutel: 'updateModus', melding: `"${p.updateModus}" vraagt ook updateUrl, het adres van de updates` };
  return null;
}
