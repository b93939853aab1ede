import { toonDatum } from '../datum';
import type { Persoon } from '../schemas/api';
import { toonMbGemeldBijBzk, toonRechtOpMb } from './mb';
import { REDENEN } from './pvt';
import { toonJaNee } from './zoeken';

export const GESLACHT_TEKST = { 0: 'Onbekend', 1: 'Man', 2: 'Vrouw' } as const;

export interface Regel {
  label: string;
  waarde: string;
  toelichting?: string;
}

export function volledigeNaam(p: Pick<Persoon, 'voornamen' | 'voorvoegsels' | 'achternaam'>): string {
  return [p.voornamen, p.voorvoegsels, p.achternaam].filter((d) => d && d.trim() !== '').join(' ');
}

/** R-PER-1: block Persoon: naam, BSN, geslacht, gemeente and indicatie inburgeringsplicht. */
export function persoonBlok(p: Persoon, gemeentenaam: string): Regel[] {
  return [
    { label: 'Naam', waarde: volledigeNaam(p) },
    { label: 'BSN', waarde: p.bsn },
    { label: 'Geslacht', waarde: GESLACHT_TEKST[p.geslacht] },
    { label: 'Gemeente', waarde: gemeentenaam },
    { label: 'Indicatie inburgeringsplicht', waarde: p.inburgeringsplichtig ? 'Ja' : 'Nee' },
  ];
}

/** R-PER-1: block Signalen: the counts per status; "Raadplegen" opens this person's signals. */
export function signalenBlok(p: Persoon): Regel[] {
  return [
    { label: 'Totaal', waarde: String(p.signalen.totaal) },
    { label: 'Nieuw', waarde: String(p.signalen.nieuw) },
    { label: 'In behandeling', waarde: String(p.signalen.inBehandeling) },
    { label: 'Afgehandeld', waarde: String(p.signalen.afgehandeld) },
  ];
}

/** R-PER-2: what the two gemeente fields mean (the handbook's footnote 6). */
export const TOELICHTING_EERSTE_VESTIGING = 'De gemeente waar iemand woont op het moment dat hij/zij PVT-plichtig is gesteld.';
export const TOELICHTING_EINDE_PVT = 'De gemeente waar de participatieverklaring ondertekend is en daarmee door de inburgeraar aan de PVT-plicht is voldaan.';

/** R-PER-1 with R-PER-2 and R-MB-1: the tab Persoonsgegevens, in the handbook's order. */
export function persoonsgegevens(p: Persoon): Regel[] {
  return [
    { label: 'Gemeente Eerste Vestiging', waarde: p.gemeenteEersteVestiging?.naam ?? '', toelichting: TOELICHTING_EERSTE_VESTIGING },
    { label: 'Gemeente ondertekening participatieverklaring', waarde: p.gemeenteEindePvt?.naam ?? '', toelichting: TOELICHTING_EINDE_PVT },
    { label: 'PVT-plichtig', waarde: toonJaNee(p.pvtPlichtig) },
    { label: 'Datum start PVT-plicht', waarde: toonDatum(p.datumStartPvtPlicht) },
    { label: 'Datum einde PVT-plicht', waarde: toonDatum(p.datumEindePvtPlicht) },
    { label: 'Datum start deelname PV-traject', waarde: toonDatum(p.datumStartDeelname) },
    { label: 'Datum einde deelname PV-traject', waarde: toonDatum(p.datumEindeDeelname) },
    { label: 'Datum voldaan aan PVT-plicht', waarde: toonDatum(p.datumVoldaan) },
    { label: 'Reden niet voldaan aan PVT-plicht', waarde: p.redenNietVoldaan ? REDENEN[p.redenNietVoldaan].tekst : '' },
    { label: 'Recht op maatschappelijke begeleiding', waarde: toonRechtOpMb(p.rechtOpMb) },
    { label: 'Datum maatschappelijke begeleiding gemeld bij BZK', waarde: toonMbGemeldBijBzk(p.datumMbGemeldBijBzk) },
  ];
}
