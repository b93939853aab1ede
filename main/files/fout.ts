import type { Probleem } from '../../shared/schemas/api';
import { probleem } from '../../shared/probleem';

/** Why a downloaded file or a file of the app was refused; `code` is what the IPC layer and tests match on. */
export type BestandProbleemCode =
  | 'GEEN_ZIP'
  | 'ZIP_LEEG'
  | 'ZIP_TE_VEEL_BESTANDEN'
  | 'ZIP_PAD_IN_NAAM'
  | 'ZIP_MAP'
  | 'ZIP_DUBBEL_BESTAND'
  | 'ZIP_ONVERWACHT_BESTAND'
  | 'ZIP_ANDERE_GEMEENTE'
  | 'ZIP_CSV_ONTBREEKT'
  | 'ZIP_TE_GROOT'
  | 'ZIP_GROOTTE_KLOPT_NIET'
  | 'BESTAND_LEEG'
  | 'BESTAND_CODERING'
  | 'CSV_ONLEESBAAR'
  | 'CSV_KOP'
  | 'CSV_WAARDE'
  | 'ONGELDIGE_BESTANDSNAAM'
  | 'OPSLAAN_MISLUKT'
  | 'PDF_NIET_BESCHIKBAAR'
  | 'REGISTER_ONLEESBAAR'
  | 'NIET_IN_REGISTER';

/** What the user can do about a downloaded file that is not what DUO hands out. */
export const OPNIEUW_DOWNLOADEN = "Download het bestand opnieuw via 'Downloaden bestanden'. Gebeurt dit weer, neem dan contact op met DUO.";

/**
 * A refusal of main/files, carrying the typed problem the IPC layer hands to the renderer as it
 * is (ARCHITECTURE.md: errors are values at boundaries, exceptions inside).
 */
export class BestandFout extends Error {
  readonly probleem: Probleem & { code: BestandProbleemCode };

  constructor(readonly code: BestandProbleemCode, detail: string) {
    super(detail);
    this.name = 'BestandFout';
    this.probleem = { ...probleem({ status: 422, code, title: 'Bestand geweigerd', detail }), code };
  }
}
