/**
 * Why the cache refused. The stores turn these into what the user sees; the codes are stable,
 * the messages Dutch and fit to show.
 * - `GESLOTEN`: called after `sluit()` (auto-lock, logout); open the cache again with the key.
 * - `VERKEERDE_SLEUTEL`: the key cannot read this cache (another key, or damaged data).
 * - `ONGELDIGE_SLEUTEL`: the key handed over is not 32 bytes of base64.
 * - `ONBEKENDE_ENTRY`: no outbox entry with this id (already sent or discarded).
 */
export type CacheFoutCode = 'GESLOTEN' | 'VERKEERDE_SLEUTEL' | 'ONGELDIGE_SLEUTEL' | 'ONBEKENDE_ENTRY';

const MELDINGEN: Record<CacheFoutCode, string> = {
  GESLOTEN: 'De lokale gegevens zijn vergrendeld. Log opnieuw in om ze te gebruiken.',
  VERKEERDE_SLEUTEL: 'De lokale gegevens kunnen met deze sleutel niet worden gelezen.',
  ONGELDIGE_SLEUTEL: 'De sleutel voor de lokale gegevens is ongeldig.',
  ONBEKENDE_ENTRY: 'Deze wijziging staat niet (meer) in de wachtrij.',
};

export class CacheFout extends Error {
  override readonly name = 'CacheFout';

  constructor(readonly code: CacheFoutCode, options?: { cause?: unknown }) {
    super(MELDINGEN[code], options);
  }
}
