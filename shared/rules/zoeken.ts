import { isGeldigeDatum, type IsoDatum } from '../datum';
import { veldfouten, type Veldfout, type Weigering } from './weigering';

/** R-ZP-2: the criteria of "Zoeken met overige velden". */
export interface ZoekcriteriaOverig {
  pvtPlichtig?: 'J' | 'N';
  startPvtPlichtVan?: IsoDatum;
  startPvtPlichtTot?: IsoDatum;
  eindePvtPlichtVan?: IsoDatum;
  eindePvtPlichtTot?: IsoDatum;
  startDeelnameVan?: IsoDatum;
  startDeelnameTot?: IsoDatum;
  eindeDeelnameVan?: IsoDatum;
  eindeDeelnameTot?: IsoDatum;
  voldaan?: 'J' | 'N';
  rechtOpMb?: 'J' | 'N';
  verblijf?: 'WOONACHTIG' | 'VOORMALIG';
  factuurAanwezig?: 'J' | 'N';
}

export const ZOEKCRITERIA_VELDEN = [
  'pvtPlichtig', 'startPvtPlichtVan', 'startPvtPlichtTot', 'eindePvtPlichtVan', 'eindePvtPlichtTot',
  'startDeelnameVan', 'startDeelnameTot', 'eindeDeelnameVan', 'eindeDeelnameTot',
  'voldaan', 'rechtOpMb', 'verblijf', 'factuurAanwezig',
] as const satisfies readonly (keyof ZoekcriteriaOverig)[];

export const ZOEKCRITERIA_LABELS: Record<keyof ZoekcriteriaOverig, string> = {
  pvtPlichtig: 'PVT-plichtig',
  startPvtPlichtVan: 'Datum start PVT-plicht vanaf',
  startPvtPlichtTot: 'Datum start PVT-plicht tot en met',
  eindePvtPlichtVan: 'Datum einde PVT-plicht vanaf',
  eindePvtPlichtTot: 'Datum einde PVT-plicht tot en met',
  startDeelnameVan: 'Datum start deelname PV-traject vanaf',
  startDeelnameTot: 'Datum start deelname PV-traject tot en met',
  eindeDeelnameVan: 'Datum einde deelname PV-traject vanaf',
  eindeDeelnameTot: 'Datum einde deelname PV-traject tot en met',
  voldaan: 'Voldaan aan PVT-plicht',
  rechtOpMb: 'Recht op maatschappelijke begeleiding',
  verblijf: 'Verblijf',
  factuurAanwezig: 'Factuur aanwezig',
};

/** The date ranges of R-ZP-2, each as [from, to]. */
export const DATUMBEREIKEN = [
  ['startPvtPlichtVan', 'startPvtPlichtTot'],
  ['eindePvtPlichtVan', 'eindePvtPlichtTot'],
  ['startDeelnameVan', 'startDeelnameTot'],
  ['eindeDeelnameVan', 'eindeDeelnameTot'],
] as const;

export const MELDING_MINSTENS_EEN_VELD = 'Vul minimaal één zoekveld in.';

/** R-ZP-2: at least one criterion; every date a real date; no range that ends before it starts. */
export function weigerZoekcriteria(c: ZoekcriteriaOverig): Weigering | null {
  const ingevuld = ZOEKCRITERIA_VELDEN.filter((v) => c[v] !== undefined && c[v] !== null && c[v] !== '');
  if (ingevuld.length === 0) return veldfouten('R-ZP-2', [{ veld: 'criteria', code: 'MINSTENS_EEN_VELD', melding: MELDING_MINSTENS_EEN_VELD }], MELDING_MINSTENS_EEN_VELD);
  const fouten: Veldfout[] = [];
  for (const [van, tot] of DATUMBEREIKEN) {
    for (const veld of [van, tot]) {
      const waarde = c[veld];
      // An empty date field is a field not filled in, as "wis velden" leaves it.
      if (waarde !== undefined && waarde !== '' && !isGeldigeDatum(waarde)) {
        fouten.push({ veld, code: 'ONGELDIGE_DATUM', melding: `'${ZOEKCRITERIA_LABELS[veld]}' is geen geldige datum.` });
      }
    }
    const a = c[van];
    const b = c[tot];
    if (a && b && isGeldigeDatum(a) && isGeldigeDatum(b) && b < a) {
      fouten.push({ veld: tot, code: 'VOOR_START', melding: `'${ZOEKCRITERIA_LABELS[tot]}' ligt voor '${ZOEKCRITERIA_LABELS[van]}'.` });
    }
  }
  return veldfouten('R-ZP-2', fouten);
}

/** R-ZP-3: the criteria stay filled in for the session; "wis velden" returns to this. */
export function legeZoekcriteria(): ZoekcriteriaOverig {
  return {};
}

export const MELDING_GEEN_RESULTATEN = 'Er zijn geen zoekresultaten gevonden.';

/** R-ZP-1: a BSN that is not in the PIB of the chosen gemeente. */
export function meldingNietGevondenInGemeente(gemeentenaam: string): string {
  return `Deze persoon is niet gevonden in de gegevens van gemeente ${gemeentenaam}.`;
}

/**
 * R-ZP-1, R-ZP-4: what a search leads to: 0 results a message, 1 the person screen, more the
 * results list.
 */
export function zoekUitkomst(totaal: number, metBsn: boolean, gemeentenaam: string): { soort: 'GEEN' | 'PERSOON' | 'LIJST'; melding?: string } {
  if (totaal === 0) return { soort: 'GEEN', melding: metBsn ? meldingNietGevondenInGemeente(gemeentenaam) : MELDING_GEEN_RESULTATEN };
  return { soort: totaal === 1 ? 'PERSOON' : 'LIJST' };
}

/** The largest page ISI returns of persons or signals (API.md); longer lists are fetched in pages of this size. */
export const ISI_GROOTSTE_PAGINA = 500;

/** R-ZP-5: the columns of "Gevonden personen", 20 a page, default sort BSN ascending. */
export const PERSONEN_PAGINA_GROOTTE = 20;

export const PERSONEN_KOLOMMEN = [
  { kolom: 'bsn', titel: 'BSN' },
  { kolom: 'voornaam', titel: 'Voornaam' },
  { kolom: 'achternaam', titel: 'Achternaam' },
  { kolom: 'geboortedatum', titel: 'Geboortedatum' },
  { kolom: 'pvtPlichtig', titel: 'PVT-plichtig' },
  { kolom: 'voldaan', titel: 'Voldaan aan PVT-plicht' },
  { kolom: 'rechtOpMb', titel: 'Recht op maatschappelijke begeleiding' },
  { kolom: 'factuurAanwezig', titel: 'Factuur aanwezig' },
  { kolom: 'signaalAanwezig', titel: 'Signaal aanwezig' },
] as const;
export type PersoonSorteerkolom = (typeof PERSONEN_KOLOMMEN)[number]['kolom'];

export interface Sortering<K extends string> {
  kolom: K;
  aflopend: boolean;
}

/** `-bsn` → descending on bsn; the wire form of a sort order. */
export function leesSortering<K extends string>(waarde: string): Sortering<K> {
  return waarde.startsWith('-') ? { kolom: waarde.slice(1) as K, aflopend: true } : { kolom: waarde as K, aflopend: false };
}

export function schrijfSortering<K extends string>(s: Sortering<K>): string {
  return `${s.aflopend ? '-' : ''}${s.kolom}`;
}

/** R-ZP-5, R-SIG-5: a header click sorts ascending; clicking the same header again descending. */
export function volgendeSortering<K extends string>(huidig: Sortering<K>, kolom: K): Sortering<K> {
  return huidig.kolom === kolom ? { kolom, aflopend: !huidig.aflopend } : { kolom, aflopend: false };
}

/** J/N as the lists show them. */
export function toonJaNee(waarde: 'J' | 'N' | null | undefined): string {
  return waarde === 'J' ? 'Ja' : waarde === 'N' ? 'Nee' : '';
}

/** R-ZP-6: Factuur aanwezig as the list shows it. */
export function toonFactuurAanwezig(waarde: 'NVT' | 'J' | 'N'): string {
  return waarde === 'NVT' ? 'N.v.t.' : toonJaNee(waarde);
}
