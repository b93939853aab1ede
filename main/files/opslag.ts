import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { BestandFout } from './fout';

const MAX_KOPIEEN = 999;

function opslagFout(fout: unknown, map: string): unknown {
  const code = (fout as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new BestandFout('OPSLAAN_MISLUKT', `De app mag niet schrijven in de map '${map}'. Kies een andere map voor downloads of vraag uw beheerder om schrijfrechten.`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new BestandFout('OPSLAAN_MISLUKT', `Er is geen ruimte meer op de schijf van '${map}'. Maak ruimte vrij (verwijder bijvoorbeeld oude downloads) en probeer het opnieuw.`);
  }
  return fout;
}

/**
 * Workbooks and extracts hold BSNs: readable by this OS user alone (0600), in folders the app
 * creates for this user alone (0700) (issue 12, finding 8). A folder that exists keeps its mode.
 */
export const BESTAND_MODUS = 0o600;
export const MAP_MODUS = 0o700;

async function schrijfVolledig(pad: string, data: Uint8Array): Promise<void> {
  const handle = await open(pad, 'wx', BESTAND_MODUS);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Saves `data` as `naam` in `map` without ever overwriting a file: when the name is taken it
 * becomes `naam (2).xlsx`, `naam (3).xlsx`, …. The name is claimed with an exclusive create (so
 * two saves at once cannot pick the same one), the data written to a temporary file beside it and
 * flushed, then renamed over the claim: whoever opens the file sees all of it or nothing, even
 * after a crash halfway. Returns the path the file got.
 */
export async function bewaarBestand(map: string, naam: string, data: Uint8Array): Promise<string> {
  if (naam === '' || naam !== basename(naam) || /[/\\\0]/.test(naam) || naam.startsWith('.')) {
    throw new BestandFout('ONGELDIGE_BESTANDSNAAM', `'${naam}' is geen geldige bestandsnaam om op te slaan.`);
  }
  const extensie = extname(naam);
  const stam = naam.slice(0, naam.length - extensie.length);
  try {
    await mkdir(map, { recursive: true, mode: MAP_MODUS });
    for (let n = 1; n <= MAX_KOPIEEN; n++) {
      const pad = join(map, n === 1 ? naam : `${stam} (${n})${extensie}`);
      try {
        await (await open(pad, 'wx', BESTAND_MODUS)).close();
      } catch (fout) {
        if ((fout as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw fout;
      }
      const tijdelijk = join(map, `.${basename(pad)}.${randomUUID()}.tmp`);
      try {
        await schrijfVolledig(tijdelijk, data);
        await rename(tijdelijk, pad);
      } catch (fout) {
        await rm(tijdelijk, { force: true });
        await rm(pad, { force: true });
        throw fout;
      }
      return pad;
    }
  } catch (fout) {
    throw opslagFout(fout, map);
  }
  throw new BestandFout('OPSLAAN_MISLUKT', `In de map '${map}' staan al ${MAX_KOPIEEN} bestanden met de naam '${naam}'. Ruim oude exemplaren op en probeer het opnieuw.`);
}
