/**
 * Help (issue 13, point 14): each screen names its section of DUO's handbook "Handleiding Portal
 * Inburgering voor de Wet inburgering 2013" (v2025.1) and links to the page where DUO publishes its
 * handbooks, the address the handbook itself gives (§1: "U vindt deze handleiding op DUO
 * Zakelijk"). Not a guessed address of the PDF itself: DUO moves its files, that page stays. It
 * opens in the user's own browser: main lets only DUO's site out of the window
 * (main/electron/beveiliging.ts).
 */
export const HANDBOEK_URL = 'https://duo.nl/zakelijk/inburgering-ketenpartners/inloggen/';

export interface Handboeksectie {
  paragraaf: string;
  titel: string;
  pagina: number;
}

/** Per screen (route name) its section, with the page the handbook's table of contents gives. */
export const HANDBOEK_SECTIES: Readonly<Record<string, Handboeksectie>> = {
  inloggen: { paragraaf: '2', titel: 'Toegang tot de gegevens', pagina: 5 },
  inburgering: { paragraaf: '3.1', titel: 'Startscherm', pagina: 9 },
  'zoeken-personen': { paragraaf: '3.2', titel: 'Personen opzoeken', pagina: 11 },
  'gevonden-personen': { paragraaf: '3.3', titel: 'Gevonden personen', pagina: 13 },
  persoon: { paragraaf: '3.4', titel: 'Scherm van de persoon', pagina: 14 },
  'pvt-wijzigen': { paragraaf: '3.5', titel: 'Invoeren of wijzigen gegevens PVT', pagina: 16 },
  'factuur-wijzigen': { paragraaf: '3.6', titel: 'Invoeren of wijzigen factuur', pagina: 19 },
  'zoeken-signalen': { paragraaf: '3.7', titel: 'Zoeken signalen', pagina: 22 },
  'selecteren-signalen': { paragraaf: '3.8', titel: 'Gevonden signalen', pagina: 24 },
  'downloaden-bestanden': { paragraaf: '3.10', titel: 'Downloaden bestand', pagina: 27 },
  'zoeken-wet': { paragraaf: '3.12', titel: 'Onder welke wet valt een persoon', pagina: 29 },
  'waardepapieren-bestellen': { paragraaf: '3.13', titel: 'Waardepapieren bestellen', pagina: 31 },
  contact: { paragraaf: '3.14', titel: 'Contact opnemen met het Servicecentrum Inburgering', pagina: 32 },
};

/** The page with DUO's handbooks; the link names the section, and its page for a screen reader. */
export const handboekLink = (_s: Handboeksectie) => HANDBOEK_URL;
export const handboekLinkTekst = (s: Handboeksectie) => `Handleiding §${s.paragraaf} ${s.titel}`;
/** For a screen reader: where the link leads, since it leaves the app. */
export const handboekLinkLabel = (s: Handboeksectie) => `${handboekLinkTekst(s)} (blz. ${s.pagina}): de handleidingen op DUO Zakelijk, opent in uw browser`;
