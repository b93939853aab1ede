import { FACTUUR_BEDRAG_CENTEN, factuurAanwezig } from '../../shared/rules/factuur';
import type { SignaalStatus } from '../../shared/rules/signalen';
import type { Persoon } from '../../shared/schemas/api';
import type { UitgaandeEntry } from './types';

/** The waiting changes on one person of one gemeente, in send order. */
export function wachtendOp(entries: readonly UitgaandeEntry[], gc: string, persoonId: string): UitgaandeEntry[] {
  return entries.filter((e) => e.status === 'WACHT' && e.gc === gc && e.persoonId === persoonId);
}

/**
 * What the user sees: ISI's state with the unsent changes (WACHT) laid over it, in send order.
 * Refused changes (GEWEIGERD) are not laid over: the person is ISI's again, the refusal is shown
 * beside it.
 */
export function toonPersoon(isi: Persoon, wachtend: readonly UitgaandeEntry[]): Persoon {
  let p = isi;
  for (const { wijziging: w } of wachtend) {
    switch (w.soort) {
      case 'PVT':
        p = { ...p, ...w.wijziging };
        break;
      case 'FACTUUR_OPSLAAN': {
        // As ISI will record it (routes/factuur.ts): trimmed, its own amount, awaiting the person's answer.
        const factuur = {
          factuurnummer: w.invoer.factuurnummer.trim(),
          factuurdatum: w.invoer.factuurdatum.trim(),
          debiteurnummer: w.invoer.debiteurnummer?.trim() || null,
          bedrag: FACTUUR_BEDRAG_CENTEN,
          status: null,
          geaccepteerd: false,
        };
        p = { ...p, factuur, factuurAanwezig: factuurAanwezig({ lening: p.lening, factuur }) };
        break;
      }
      case 'FACTUUR_VERWIJDEREN':
        // R-ZP-6: without an invoice the person shows Nee with a loan, N.v.t. without.
        p = { ...p, factuur: null, factuurAanwezig: factuurAanwezig({ lening: p.lening, factuur: null }) };
        break;
    }
  }
  return p;
}

/**
 * The fields ISI's search reads (R-ZP-2) and the list columns it sorts on (R-ZP-5), of a person as
 * shown, so a local search finds what the user changed. `''` stands for none, as ISI's
 * `coalesce(.., '')` sorts it; a date that is null is in no range.
 */
export interface IndexVelden {
  pvtPlichtig: 'J' | 'N' | '';
  datumStartPvtPlicht: string | null;
  datumEindePvtPlicht: string | null;
  datumStartDeelname: string | null;
  datumEindeDeelname: string | null;
  voldaan: 'J' | 'N';
  rechtOpMb: 'J' | 'N' | '';
  verblijf: 'WOONACHTIG' | 'VOORMALIG';
  factuurAanwezig: 'NVT' | 'J' | 'N';
  signaalAanwezig: 'J' | 'N';
}

export function indexVelden(p: Persoon): IndexVelden {
  return {
    pvtPlichtig: p.pvtPlichtig ?? '',
    datumStartPvtPlicht: p.datumStartPvtPlicht,
    datumEindePvtPlicht: p.datumEindePvtPlicht,
    datumStartDeelname: p.datumStartDeelname,
    datumEindeDeelname: p.datumEindeDeelname,
    // R-ZP-2: voldaan is whether a datum voldaan is registered, as ISI's search reads it.
    voldaan: p.datumVoldaan ? 'J' : 'N',
    rechtOpMb: p.rechtOpMb ?? '',
    verblijf: p.verblijf,
    factuurAanwezig: p.factuurAanwezig,
    signaalAanwezig: p.signalen.totaal > 0 ? 'J' : 'N',
  };
}

/** The status each signal shows under the waiting SIGNAALSTATUS changes; a later change wins. */
export function getoondeSignaalStatussen(entries: readonly UitgaandeEntry[]): Map<string, SignaalStatus> {
  const uit = new Map<string, SignaalStatus>();
  for (const { status, wijziging: w } of entries) {
    if (status === 'WACHT' && w.soort === 'SIGNAALSTATUS') for (const id of w.ids) uit.set(id, w.status);
  }
  return uit;
}

/** The signals an entry changes locally, and the person it changes: what to recompute when it comes or goes. */
export function raaktAan(e: UitgaandeEntry): { persoon: string | null; signalen: readonly string[] } {
  return { persoon: e.persoonId, signalen: e.wijziging.soort === 'SIGNAALSTATUS' ? e.wijziging.ids : [] };
}
