import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { BestandFout } from './fout';
import { BESTAND_MODUS, MAP_MODUS } from './opslag';

export const REGISTER_BESTANDSNAAM = 'bestanden.json';

const GeschrevenBestand = z.object({ pad: z.string().min(1), bestandsnaam: z.string().min(1), gemaakt: z.iso.datetime() });
/** A file with personal data the app wrote (R-DL-2); `gemaakt` is an ISO timestamp. */
export type GeschrevenBestand = z.infer<typeof GeschrevenBestand>;

const DAG_MS = 86_400_000;

export interface BestandenRegister {
  /** The files the app wrote that still exist, oldest first; those removed by hand leave the list. */
  lijst(): Promise<GeschrevenBestand[]>;
  registreer(pad: string, gemaakt?: Date): Promise<GeschrevenBestand>;
  /** R-DL-2: the files older than `dagen` days at `nu`, to offer for deletion. */
  ouderDan(dagen: number, nu: Date): Promise<GeschrevenBestand[]>;
  /** Deletes a file the app wrote; any other path is refused, so this can never delete a file of the user. */
  verwijder(pad: string): Promise<void>;
}

/**
 * R-DL-2 in practice: the handbook asks to destroy the data and every copy after the analysis, so
 * the app keeps a list (`bestanden.json` in its data folder) of the files it wrote, to show their
 * age and delete them on request. Changes are made one at a time and saved atomically.
 */
export function bestandenRegister(dataMap: string): BestandenRegister {
  const registerPad = join(dataMap, REGISTER_BESTANDSNAAM);
  let wachtrij: Promise<unknown> = Promise.resolve();

  function naElkaar<T>(stap: () => Promise<T>): Promise<T> {
    const uitkomst = wachtrij.then(stap);
    wachtrij = uitkomst.catch(() => undefined);
    return uitkomst;
  }

  async function lees(): Promise<GeschrevenBestand[]> {
    let tekst: string;
    try {
      tekst = await readFile(registerPad, 'utf8');
    } catch (fout) {
      if ((fout as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fout;
    }
    try {
      return z.array(GeschrevenBestand).parse(JSON.parse(tekst));
    } catch {
      throw new BestandFout('REGISTER_ONLEESBAAR', `Het overzicht van de bestanden die de app heeft bewaard ('${registerPad}') is beschadigd. Verwijder dat bestand; de app begint dan een nieuw overzicht. Verwijder zelf de downloads met persoonsgegevens die u niet meer nodig hebt.`);
    }
  }

  async function bewaar(lijst: readonly GeschrevenBestand[]): Promise<void> {
    await mkdir(dataMap, { recursive: true, mode: MAP_MODUS });
    const tijdelijk = `${registerPad}.${randomUUID()}.tmp`;
    // The paths of files with BSNs: this user's alone, like the files themselves.
    await writeFile(tijdelijk, JSON.stringify(lijst, null, 2), { mode: BESTAND_MODUS });
    await rename(tijdelijk, registerPad);
  }

  const bestaat = (pad: string): Promise<boolean> => stat(pad).then(() => true, () => false);

  async function bijgewerkt(): Promise<GeschrevenBestand[]> {
    const lijst = await lees();
    const aanwezig = (await Promise.all(lijst.map(async (b) => ((await bestaat(b.pad)) ? b : null)))).filter((b) => b !== null);
    if (aanwezig.length !== lijst.length) await bewaar(aanwezig);
    return aanwezig;
  }

  return {
    lijst: () => naElkaar(bijgewerkt),

    registreer: (pad, gemaakt = new Date()) => naElkaar(async () => {
      const bestand = { pad: resolve(pad), bestandsnaam: basename(pad), gemaakt: gemaakt.toISOString() };
      const lijst = (await lees()).filter((b) => b.pad !== bestand.pad);
      await bewaar([...lijst, bestand].sort((a, b) => a.gemaakt.localeCompare(b.gemaakt)));
      return bestand;
    }),

    ouderDan: (dagen, nu) => naElkaar(async () => {
      const grens = nu.getTime() - dagen * DAG_MS;
      return (await bijgewerkt()).filter((b) => Date.parse(b.gemaakt) < grens);
    }),

    verwijder: (pad) => naElkaar(async () => {
      const doel = resolve(pad);
      const lijst = await lees();
      if (!lijst.some((b) => b.pad === doel)) {
        throw new BestandFout('NIET_IN_REGISTER', `'${pad}' is niet door de app bewaard en wordt daarom niet door de app verwijderd. Verwijder het zelf als u het niet meer nodig hebt.`);
      }
      await rm(doel, { force: true });
      await bewaar(lijst.filter((b) => b.pad !== doel));
    }),
  };
}
