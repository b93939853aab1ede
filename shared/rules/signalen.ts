import { plusDagen, plusMaanden, kwartaalStart, type IsoDatum } from '../datum';
import { isGeldigeDatum } from '../datum';
import { weigerBsn } from './bsn';
import { magMuteren, MELDING_ALLEEN_RAADPLEGEN, type Rol } from './rollen';
import type { SignaalInLijst } from '../schemas/api';
import { veldfouten, weigering, type Veldfout, type Weigering } from './weigering';
import type { Sortering } from './zoeken';

/** R-SIG-1: the statuses of a signal. */
export const SIGNAAL_STATUSSEN = ['NIEUW', 'IN_BEHANDELING', 'AFGEHANDELD'] as const;
export type SignaalStatus = (typeof SIGNAAL_STATUSSEN)[number];
export const SIGNAAL_STATUS_TEKST: Record<SignaalStatus, string> = {
  NIEUW: 'Nieuw',
  IN_BEHANDELING: 'In behandeling',
  AFGEHANDELD: 'Afgehandeld',
};

/** R-SIG-8: the signal codes and their texts (there is no SS605). */
export const SIGNAAL_TEKSTEN = {
  SS601: 'Persoon is participatieplichtig.',
  SS602: 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn loopt over 2 maanden af.',
  SS603: 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn is overschreden.',
  SS604: 'De termijn is 2 weken geleden overschreden en de persoon heeft de participatieverklaring nog niet ondertekend of reden niet ondertekend of reden niet deelgenomen aan PV-traject is nog niet geregistreerd.',
  SS606: 'Inburgeringsplicht van persoon is gewijzigd.',
  SS607: 'Participatieplicht van persoon is gewijzigd.',
  SS608: 'Datum start participatieplicht is gewijzigd.',
  SS609: 'Datum einde participatieplicht is gewijzigd.',
  SS610: 'Recht op maatschappelijke begeleiding van persoon is gewijzigd.',
  SS611: 'Persoon heeft factuur geweigerd.',
  SS612: 'Persoon heeft factuur geaccepteerd.',
  SS613: 'Persoon is verhuisd naar uw gemeente.',
  SS614: 'Persoon is vertrokken uit uw gemeente.',
} as const;
export type SignaalCode = keyof typeof SIGNAAL_TEKSTEN;
export const SIGNAAL_CODES = Object.keys(SIGNAAL_TEKSTEN) as SignaalCode[];

/** R-SIG-8: the results screen says "Persoon is PVT-plichtig" for SS601. */
export function omschrijvingInLijst(code: SignaalCode): string {
  return code === 'SS601' ? 'Persoon is PVT-plichtig' : SIGNAAL_TEKSTEN[code];
}

/**
 * R-SIG-2: Afgehandeld signals are deleted after a week; once a quarter (on its first day) signals
 * not taken into treatment (still Nieuw) for more than a quarter are cleaned.
 */
export function moetSignaalOpschonen(s: { status: SignaalStatus; datum: IsoDatum; statusGewijzigdOp: IsoDatum | null }, vandaag: IsoDatum): boolean {
  if (s.status === 'AFGEHANDELD') return plusDagen(s.statusGewijzigdOp ?? s.datum, 7) <= vandaag;
  if (s.status === 'NIEUW' && kwartaalStart(vandaag) === vandaag) return s.datum < plusMaanden(vandaag, -3);
  return false;
}

/** R-SIG-3: the number not yet handled (Nieuw + In behandeling) and its sentence. */
export function isOpenstaand(status: SignaalStatus): boolean {
  return status !== 'AFGEHANDELD';
}

/** R-SIG-3: the statuses that count as not yet handled. */
export const OPENSTAANDE_STATUSSEN: readonly SignaalStatus[] = SIGNAAL_STATUSSEN.filter(isOpenstaand);

export function openstaandTekst(aantal: number): string {
  return aantal === 1 ? 'Er is 1 signaal dat nog niet is afgehandeld.' : `Er zijn ${aantal} signalen die nog niet zijn afgehandeld.`;
}

export interface SignaalFilters {
  bsn?: string;
  code?: SignaalCode;
  datumVan?: IsoDatum;
  datumTot?: IsoDatum;
  status?: SignaalStatus;
}

/** R-SIG-4: any combination of BSN, code, date from / to and including, and status. */
export function weigerSignaalFilters(f: SignaalFilters): Weigering | null {
  if (f.bsn !== undefined && f.bsn !== '') {
    const bsnFout = weigerBsn(f.bsn);
    if (bsnFout) return bsnFout;
  }
  const fouten: Veldfout[] = [];
  for (const veld of ['datumVan', 'datumTot'] as const) {
    const waarde = f[veld];
    if (waarde !== undefined && waarde !== '' && !isGeldigeDatum(waarde)) fouten.push({ veld, code: 'ONGELDIGE_DATUM', melding: `'${veld === 'datumVan' ? 'Datum vanaf' : 'Datum tot en met'}' is geen geldige datum.` });
  }
  if (fouten.length === 0 && f.datumVan && f.datumTot && f.datumTot < f.datumVan) {
    fouten.push({ veld: 'datumTot', code: 'VOOR_START', melding: "'Datum tot en met' ligt voor 'Datum vanaf'." });
  }
  return veldfouten('R-SIG-4', fouten);
}

/** R-SIG-5: the results screen: 10 rows a page, these columns, default sort BSN. */
export const SIGNALEN_PAGINA_GROOTTE = 10;
export const SIGNAAL_KOLOMMEN = [
  { kolom: 'status', titel: 'Status signaal' },
  { kolom: 'bsn', titel: 'BSN' },
  { kolom: 'achternaam', titel: 'Achternaam' },
  { kolom: 'code', titel: 'Code signaal' },
  { kolom: 'omschrijving', titel: 'Omschrijving signaal' },
  { kolom: 'datum', titel: 'Datum signaal' },
] as const;
export type SignaalSorteerkolom = (typeof SIGNAAL_KOLOMMEN)[number]['kolom'];

/** R-SIG-5: status sorts as Nieuw, In behandeling, Afgehandeld (ISI's SQL and the cache use this too). */
export const SIGNAAL_STATUS_RANG: Readonly<Record<SignaalStatus, number>> = { NIEUW: 1, IN_BEHANDELING: 2, AFGEHANDELD: 3 };
const tekst = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * R-SIG-5: the order ISI sorts signals in (a column, then BSN, date and id ascending), so two of
 * its sorted lists can be merged into one. Status sorts as Nieuw, In behandeling, Afgehandeld.
 */
export function vergelijkSignalen({ kolom, aflopend }: Sortering<SignaalSorteerkolom>): (a: SignaalInLijst, b: SignaalInLijst) => number {
  const richting = aflopend ? -1 : 1;
  // Chosen once, not per comparison: the cache sorts whole caseloads with this.
  const kolomVolgorde = kolom === 'status'
    ? (a: SignaalInLijst, b: SignaalInLijst) => SIGNAAL_STATUS_RANG[a.status] - SIGNAAL_STATUS_RANG[b.status]
    : (a: SignaalInLijst, b: SignaalInLijst) => tekst(a[kolom], b[kolom]);
  return (a, b) => richting * kolomVolgorde(a, b) || tekst(a.bsn, b.bsn) || tekst(a.datum, b.datum) || tekst(a.id, b.id);
}

/**
 * The first `n` of two sorted lists merged. A two-pointer merge takes every item of both lists
 * exactly once and in each list's own order, so consecutive pages never repeat or skip a signal.
 */
export function voegSamen<T>(a: readonly T[], b: readonly T[], vergelijk: (x: T, y: T) => number, n: number): T[] {
  const uit: T[] = [];
  let i = 0;
  let j = 0;
  while (uit.length < n && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && vergelijk(a[i]!, b[j]!) <= 0)) uit.push(a[i++]!);
    else uit.push(b[j++]!);
  }
  return uit;
}

export function signalenGevondenTekst(n: number): string {
  return n === 1 ? 'Er is 1 signaal gevonden.' : `Er zijn ${n} signalen gevonden.`;
}

export function signalenGeselecteerdTekst(n: number): string {
  return n === 1 ? 'Er is 1 signaal geselecteerd.' : `Er zijn ${n} signalen geselecteerd.`;
}

/** R-SIG-6: setting the status of selected signals needs WI2013MUT, and a selection. */
export const NIEUWE_SIGNAAL_STATUSSEN = ['IN_BEHANDELING', 'AFGEHANDELD'] as const;
export function weigerSignaalStatuswijziging(rollen: readonly Rol[], ids: readonly string[]): Weigering | null {
  if (!magMuteren(rollen)) return weigering('R-ROL-3', 403, MELDING_ALLEEN_RAADPLEGEN);
  if (ids.length === 0) return veldfouten('R-SIG-6', [{ veld: 'ids', code: 'VERPLICHT', melding: 'Selecteer eerst één of meer signalen.' }]);
  return null;
}

/** R-SIG-7: the notices around "Download alle signalen" and the export's columns. */
export const DOWNLOAD_BEZIG = 'Even geduld a.u.b. - Alle signalen worden gedownload';
export const DOWNLOAD_GELUKT = 'GELUKT - Download gereed - Alle signalen zijn succesvol gedownload';
export const SIGNAAL_EXPORT_KOLOMMEN = ['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal'] as const;

/** R-SIG-9: after a move the old gemeente may read but not change; the new one may both. */
export function verhuisToegang(verblijf: 'WOONACHTIG' | 'VOORMALIG'): { magLezen: boolean; magWijzigen: boolean } {
  return { magLezen: true, magWijzigen: verblijf === 'WOONACHTIG' };
}

export const GEBEURTENIS_TYPES = [
  'FACTUUR_GEACCEPTEERD', 'FACTUUR_GEWEIGERD', 'VERHUISD', 'PVT_PLICHT_GEWIJZIGD',
  'INBURGERINGSPLICHT_GEWIJZIGD', 'TERMIJN_GEWIJZIGD', 'MB_RECHT_GEWIJZIGD', 'MB_GEMELD_BIJ_BZK',
  'UITGESCHREVEN', 'OVERLEDEN',
] as const;
export type GebeurtenisType = (typeof GEBEURTENIS_TYPES)[number];

export interface TeMakenSignaal {
  code: SignaalCode;
  gemeentecode: string;
}

export interface GebeurtenisFeiten {
  type: GebeurtenisType;
  gemeentecode: string;
  naarGemeentecode?: string;
  pvtPlichtigWordt?: 'J' | 'N' | null;
  startGewijzigd?: boolean;
  eindeGewijzigd?: boolean;
}

/**
 * R-SIG-10 (inferred): the signals a DUO event raises, each for the gemeente it concerns:
 * SS606–SS610 on the matching change, SS611/SS612 on the invoice answer, SS613/SS614 on a move,
 * SS601 when the person becomes PVT-plichtig.
 */
export function signalenVoorGebeurtenis(g: GebeurtenisFeiten): TeMakenSignaal[] {
  const hier = (code: SignaalCode): TeMakenSignaal => ({ code, gemeentecode: g.gemeentecode });
  switch (g.type) {
    case 'FACTUUR_GEACCEPTEERD':
      return [hier('SS612')];
    case 'FACTUUR_GEWEIGERD':
      return [hier('SS611')];
    case 'VERHUISD':
      return g.naarGemeentecode && g.naarGemeentecode !== g.gemeentecode
        ? [hier('SS614'), { code: 'SS613', gemeentecode: g.naarGemeentecode }]
        : [];
    case 'PVT_PLICHT_GEWIJZIGD':
      return g.pvtPlichtigWordt === 'J' ? [hier('SS607'), hier('SS601')] : [hier('SS607')];
    case 'INBURGERINGSPLICHT_GEWIJZIGD':
      return [hier('SS606')];
    case 'TERMIJN_GEWIJZIGD':
      return [...(g.startGewijzigd ? [hier('SS608')] : []), ...(g.eindeGewijzigd ? [hier('SS609')] : [])];
    case 'MB_RECHT_GEWIJZIGD':
      return [hier('SS610')];
    case 'MB_GEMELD_BIJ_BZK':
    case 'UITGESCHREVEN':
    case 'OVERLEDEN':
      return [];
  }
}

/**
 * R-SIG-10 (inferred): the term signals DUO's daily run raises on day `dag` for a PVT-plichtig
 * person: SS602 two months before the term ends without signature, SS603 the day after it
 * passed without signature, SS604 two weeks after that with neither signature nor reason.
 */
export function termijnsignalenVoorDag(
  p: { pvtPlichtig: 'J' | 'N' | null; datumEindePvtPlicht: IsoDatum | null; datumVoldaan: IsoDatum | null; redenNietVoldaan: string | null },
  dag: IsoDatum,
): SignaalCode[] {
  if (p.pvtPlichtig !== 'J' || p.datumEindePvtPlicht === null || p.datumVoldaan !== null) return [];
  const einde = p.datumEindePvtPlicht;
  const codes: SignaalCode[] = [];
  if (dag === plusMaanden(einde, -2)) codes.push('SS602');
  if (dag === plusDagen(einde, 1)) codes.push('SS603');
  if (dag === plusDagen(einde, 15) && p.redenNietVoldaan === null) codes.push('SS604');
  return codes;
}

/**
 * The ends of term for which `termijnsignalenVoorDag` can raise something on `dag`, as ranges
 * for an indexed look-up (month arithmetic is not invertible at month ends, so the SS602 range
 * spans a few days; the pure function decides).
 */
export function termijnEindesVoorDag(dag: IsoDatum): { van: IsoDatum; tot: IsoDatum }[] {
  const over2Maanden = plusMaanden(dag, 2);
  return [
    { van: over2Maanden, tot: plusDagen(over2Maanden, 3) },
    { van: plusDagen(dag, -1), tot: plusDagen(dag, -1) },
    { van: plusDagen(dag, -15), tot: plusDagen(dag, -15) },
  ];
}
