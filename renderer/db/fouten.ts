/**
 * Why the cache refused. The stores turn these into what the user sees; the codes are stable,
 * the messages Dutch and fit to show.
 * - `GESLOTEN`: called after `sluit()` (auto-lock, logout); open the cache again with the key.
 * - `VERKEERDE_SLEUTEL`: the key cannot read this cache (another key, or damaged data).
 * - `ONGELDIGE_SLEUTEL`: the key handed over is not 32 bytes of base64.
 * - `ONBEKENDE_ENTRY`: no outbox entry with this id (already sent or discarded).
 * - `BESCHADIGD`: a chunk, log entry or directory on disk does not decrypt or is missing (a damaged
 *   or tampered file): nothing is loaded; rebuild from ISI after the user confirms.
 * - `IN_GEBRUIK`: another window or tab of the app has this cache open (Web Locks: one writer).
 * - `ONGELDIGE_PAGINA`: a sync page that does not have the shape of the contract: not applied.
 * - `OPSLAG_VOL`: the browser refused to store more (quota): the data stay in memory, not on disk.
 * - `OPSLAG_MISLUKT`: another failure to write: as OPSLAG_VOL, the disk keeps its last complete state.
 */
export type CacheFoutCode = 'GESLOTEN' | 'VERKEERDE_SLEUTEL' | 'ONGELDIGE_SLEUTEL' | 'ONBEKENDE_ENTRY' | 'BESCHADIGD' | 'IN_GEBRUIK' | 'ONGELDIGE_PAGINA' | 'OPSLAG_VOL' | 'OPSLAG_MISLUKT';

const MELDINGEN: Record<CacheFoutCode, string> = {
  GESLOTEN: 'De lokale gegevens zijn vergrendeld. Log opnieuw in om ze te gebruiken.',
  VERKEERDE_SLEUTEL: 'De lokale gegevens kunnen met deze sleutel niet worden gelezen.',
  ONGELDIGE_SLEUTEL: 'De sleutel voor de lokale gegevens is ongeldig.',
  ONBEKENDE_ENTRY: 'Deze wijziging staat niet (meer) in de wachtrij.',
  BESCHADIGD: 'De gegevens op deze computer zijn beschadigd en kunnen niet worden gelezen. Er is niets van getoond. Kies "Opnieuw ophalen" om ze opnieuw bij DUO op te halen; tot dan werkt de applicatie rechtstreeks met DUO.',
  IN_GEBRUIK: 'De gegevens op deze computer zijn al geopend in een ander venster of tabblad van de applicatie. Sluit dat venster om hier offline te werken; tot dan werkt de applicatie hier rechtstreeks met DUO.',
  ONGELDIGE_PAGINA: 'DUO stuurde gegevens die niet te verwerken zijn; ze zijn niet overgenomen. De gegevens op deze computer kunnen verouderd zijn. Probeer het later opnieuw met "Nu bijwerken".',
  OPSLAG_VOL: 'Er is op deze computer geen ruimte meer voor de lokale gegevens. De applicatie werkt gewoon verder, maar wat na nu is opgehaald, is na afsluiten niet offline beschikbaar. Maak schijfruimte vrij en start de applicatie opnieuw.',
  OPSLAG_MISLUKT: 'De lokale gegevens konden niet op deze computer worden bewaard. De applicatie werkt gewoon verder, maar wat na nu is opgehaald, is na afsluiten niet offline beschikbaar. Start de applicatie opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder.',
};

export class CacheFout extends Error {
  override readonly name = 'CacheFout';

  constructor(readonly code: CacheFoutCode, options?: { cause?: unknown }) {
    super(MELDINGEN[code], options);
  }
}
