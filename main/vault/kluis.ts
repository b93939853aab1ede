import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsiFout } from '../isi/client';
import type { Geheimen } from '../platform/platform';
import { probleem } from '../../shared/probleem';

/** AES-256: the renderer imports the bytes as its CryptoKeys (shared/ipc.ts `Cachesleutel`). */
export const SLEUTEL_BYTES = 32;

export const SLEUTELMAP = 'cachesleutels';

/** The cache keys of the users of this machine, each wrapped by the OS's key store. */
export interface Kluis {
  /** This user's key: made at the first call, the same ever after, until `vergeet`. */
  sleutel(gebruikersnaam: string): Promise<Buffer>;
  /** Destroys this user's key, so what the cache holds can no longer be read; the next `sleutel` makes a new one. */
  vergeet(gebruikersnaam: string): Promise<void>;
  /** This user's cache was brought up to date with ISI now: the key's retention starts again. */
  gesynchroniseerd(gebruikersnaam: string, nu?: Date): Promise<void>;
  /**
   * Retention at start (policy `wissenNaDagenZonderSync`): destroys every key whose cache has not
   * synced for `dagen` days, whoever it belongs to, and returns how many went. It runs in main, not
   * behind an IPC call, so no renderer can destroy another user's key (issue 12, finding 7).
   */
  ruimOp(dagen: number, nu?: Date): Promise<number>;
}

function weigering(code: string, title: string, detail: string): IsiFout {
  return new IsiFout(probleem({ status: 503, code, title, detail }));
}

/**
 * The vault of main (ARCHITECTURE.md "Who owns what"): per user 32 random bytes, made once and
 * kept in the data folder only as the key store wrapped them. The file is named after a hash of
 * the user name, so the folder does not list who uses this machine.
 */
export function maakKluis({ geheimen, dataMap }: { geheimen: Geheimen; dataMap: string }): Kluis {
  const map = join(dataMap, SLEUTELMAP);
  const pad = (gebruikersnaam: string) => join(map, `${createHash('sha256').update(gebruikersnaam, 'utf8').digest('hex')}.sleutel`);
  // One operation at a time: two calls for a new user must not each make a key.
  let rij: Promise<unknown> = Promise.resolve();
  const opDeBeurt = <T>(werk: () => Promise<T>): Promise<T> => {
    const beurt = rij.then(werk);
    rij = beurt.catch(() => undefined);
    return beurt;
  };

  async function lees(bestand: string): Promise<Buffer> {
    let sleutel: Buffer | null = null;
    try {
      sleutel = await geheimen.ontsleutel(readFileSync(bestand));
    } catch {
      // below: one answer for a file the key store cannot unwrap
    }
    // Never replaced by a new key here: the cache and its unsent changes may still be readable once the key store is back.
    if (sleutel?.length !== SLEUTEL_BYTES) {
      throw weigering('SLEUTEL_ONLEESBAAR', 'Sleutel onleesbaar',
        'De sleutel van uw lokale gegevens kan niet worden gelezen: de sleutelopslag van het besturingssysteem is vergrendeld, gewijzigd of van een ander account. Ontgrendel de sleutelbos en start de app opnieuw; lukt dat niet, kies dan "Lokale gegevens wissen" (wijzigingen die nog niet verzonden zijn, gaan dan verloren).');
    }
    return sleutel;
  }

  return {
    sleutel: (gebruikersnaam) => opDeBeurt(async () => {
      const bezwaar = await geheimen.bezwaar();
      if (bezwaar) throw weigering('SLEUTELOPSLAG_ONVEILIG', 'Sleutelopslag niet veilig', bezwaar);
      const bestand = pad(gebruikersnaam);
      if (existsSync(bestand)) return lees(bestand);
      const sleutel = randomBytes(SLEUTEL_BYTES);
      mkdirSync(map, { recursive: true, mode: 0o700 });
      // Written aside and linked into place: the file is whole or absent, and another instance of the app that was first wins.
      const tijdelijk = `${bestand}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tijdelijk, await geheimen.versleutel(sleutel), { mode: 0o600 });
      try {
        linkSync(tijdelijk, bestand);
      } catch (fout) {
        if ((fout as NodeJS.ErrnoException).code !== 'EEXIST') throw fout;
        return lees(bestand);
      } finally {
        rmSync(tijdelijk, { force: true });
      }
      return sleutel;
    }),
    vergeet: (gebruikersnaam) => opDeBeurt(async () => rmSync(pad(gebruikersnaam), { force: true })),
    // The key file's modification time is the cache's last sync (its creation before the first):
    // the same moment the renderer's retention of the cache itself counts from (renderer/db/register.ts).
    gesynchroniseerd: (gebruikersnaam, nu = new Date()) => opDeBeurt(async () => {
      if (existsSync(pad(gebruikersnaam))) utimesSync(pad(gebruikersnaam), nu, nu);
    }),
    ruimOp: (dagen, nu = new Date()) => opDeBeurt(async () => {
      if (!existsSync(map)) return 0;
      const grens = nu.getTime() - dagen * 86_400_000;
      const oud = readdirSync(map).filter((naam) => naam.endsWith('.sleutel') && statSync(join(map, naam)).mtimeMs < grens);
      for (const naam of oud) rmSync(join(map, naam), { force: true });
      return oud.length;
    }),
  };
}
