import { isGeldigeDatum } from '../datum';
import { MELDING_VERHUISD } from './pvt';
import { magMuteren, MELDING_ALLEEN_RAADPLEGEN, type Rol } from './rollen';
import { veldfouten, weigering, type Veldfout, type Weigering } from './weigering';

/** R-FAC-2: the amount is set by DUO and cannot be changed: € 150,00. */
export const FACTUUR_BEDRAG_CENTEN = 15_000;

/** R-FAC-5: the status codes of an invoice. */
export const FACTUUR_STATUSSEN = {
  1: 'Factuur afgewezen',
  2: 'Factuur opgenomen',
  3: 'Aanvraag lening nog in behandeling',
  4: 'Factuur vrijgegeven',
  5: 'Factuur betaald',
  6: 'Factuur geweigerd',
} as const;
export type FactuurStatus = keyof typeof FACTUUR_STATUSSEN;

export interface Factuur {
  factuurnummer: string;
  factuurdatum: string;
  debiteurnummer: string | null;
  bedrag: number;
  status: FactuurStatus | null;
  geaccepteerd: boolean;
}

export interface FactuurInvoer {
  factuurnummer: string;
  factuurdatum: string;
  debiteurnummer?: string | null;
}

export interface FactuurPersoon {
  lening: boolean;
  datumVoldaan: string | null;
  factuur: Factuur | null;
  verblijf: 'WOONACHTIG' | 'VOORMALIG';
}

export const MELDING_GEEN_FACTUUR = 'Geen factuur gevonden.';
export const MELDING_GEEN_REKENINGNUMMER = 'Rekeningnummer van uw gemeente is niet bekend bij DUO';

/** R-ZP-6: "N.v.t." when the person cannot get an invoice (no DUO loan), else whether one exists. */
export function factuurAanwezig(p: { lening: boolean; factuur: Factuur | null }): 'NVT' | 'J' | 'N' {
  if (p.factuur) return 'J';
  return p.lening ? 'N' : 'NVT';
}

/** R-FAC-1: an invoice can be added only with a loan, a datum voldaan, and none processed yet. */
export function weigerFactuurToevoegen(p: FactuurPersoon): Weigering | null {
  const reden = p.factuur
    ? 'Er is al een factuur voor deze persoon verwerkt; een nieuwe factuur indienen is niet mogelijk.'
    : !p.lening
      ? 'De persoon heeft geen lening bij DUO.'
      : p.datumVoldaan === null
        ? "'Datum voldaan aan PVT-plicht' is niet gevuld."
        : null;
  return reden === null ? null : weigering('R-FAC-1', 409, `U kunt voor deze persoon (nu) geen factuur indienen. ${reden}`);
}

export function magFactuurToevoegen(p: FactuurPersoon): boolean {
  return weigerFactuurToevoegen(p) === null;
}

const ALFANUMERIEK = /^[A-Za-z0-9]+$/;

/** R-FAC-2: factuurnummer required, ≤ 16 alphanumeric; factuurdatum a date; debiteurnummer ≤ 10. */
export function weigerFactuurInvoer(invoer: FactuurInvoer): Weigering | null {
  const fouten: Veldfout[] = [];
  const nummer = invoer.factuurnummer.trim();
  if (nummer === '') fouten.push({ veld: 'factuurnummer', code: 'VERPLICHT', melding: "Het veld 'Factuurnummer' is verplicht." });
  else if (nummer.length > 16 || !ALFANUMERIEK.test(nummer)) {
    fouten.push({ veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: 'Het factuurnummer mag maximaal 16 posities hebben en moet alfanumeriek zijn, bijvoorbeeld ABCDEF1234567890.' });
  }
  if (invoer.factuurdatum.trim() === '') fouten.push({ veld: 'factuurdatum', code: 'VERPLICHT', melding: "Het veld 'Factuurdatum' is verplicht." });
  else if (!isGeldigeDatum(invoer.factuurdatum)) fouten.push({ veld: 'factuurdatum', code: 'ONGELDIGE_DATUM', melding: "'Factuurdatum' is geen geldige datum." });
  const debiteur = invoer.debiteurnummer?.trim() ?? '';
  if (debiteur !== '' && (debiteur.length > 10 || !ALFANUMERIEK.test(debiteur))) {
    fouten.push({ veld: 'debiteurnummer', code: 'ONGELDIG_FORMAAT', melding: 'Het debiteurnummer mag maximaal 10 posities hebben en moet alfanumeriek zijn.' });
  }
  return veldfouten('R-FAC-2', fouten);
}

/** R-FAC-3: without a bank account number of the gemeente at DUO no invoice can be submitted. */
export function weigerZonderRekeningnummer(rekeningnummer: string | null): Weigering | null {
  return weigerRekeningnummerOnbekend(Boolean(rekeningnummer));
}

/** R-FAC-3 as the app knows it before sending: only whether DUO has the number (the number stays at ISI). */
export function weigerRekeningnummerOnbekend(bekend: boolean): Weigering | null {
  return bekend ? null : weigering('R-FAC-3', 409, MELDING_GEEN_REKENINGNUMMER);
}

/** R-FAC-4: once the person accepted the invoice it can be neither changed nor removed. */
export function weigerGeaccepteerdeFactuur(factuur: Factuur | null): Weigering | null {
  if (factuur === null) return weigering('R-FAC-1', 404, MELDING_GEEN_FACTUUR);
  return factuur.geaccepteerd
    ? weigering('R-FAC-4', 409, 'De persoon heeft deze factuur geaccepteerd. Een geaccepteerde factuur kan niet meer worden gewijzigd of verwijderd.')
    : null;
}

/** R-ROL-3 and R-SIG-9 for invoice changes. */
export function weigerFactuurMuteren(p: { verblijf: 'WOONACHTIG' | 'VOORMALIG' }, rollen: readonly Rol[]): Weigering | null {
  if (!magMuteren(rollen)) return weigering('R-ROL-3', 403, MELDING_ALLEEN_RAADPLEGEN);
  if (p.verblijf !== 'WOONACHTIG') return weigering('R-SIG-9', 403, MELDING_VERHUISD);
  return null;
}

/** R-FAC-5: the person's answer to an invoice, its new status and the signal it raises. */
export function factuurAntwoord(geaccepteerd: boolean): { status: FactuurStatus; geaccepteerd: boolean; signaal: 'SS611' | 'SS612' } {
  return geaccepteerd ? { status: 4, geaccepteerd: true, signaal: 'SS612' } : { status: 6, geaccepteerd: false, signaal: 'SS611' };
}

/** R-FAC-5: the name of a status (the code is DUO's, not the reader's), empty for none. */
export function toonFactuurStatus(status: FactuurStatus | null): string {
  return status === null ? '' : FACTUUR_STATUSSEN[status];
}

/** R-FAC-2: € 150,00 as a Dutch amount. */
export function toonBedrag(centen: number): string {
  const euro = Math.floor(centen / 100);
  const rest = String(centen % 100).padStart(2, '0');
  return `€ ${euro.toLocaleString('nl-NL')},${rest}`;
}
