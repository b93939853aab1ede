import { resolve } from 'node:path';
import type { z } from 'zod';
import type { Bestanden } from '../../shared/schemas/api';
import { BestandFout, converteerZip } from '../files';
import type { IsiClient } from '../isi/client';
import type { Platform } from '../platform/platform';
import type { Bestandswerk } from './excel';
import { gemeente, type Sessiestand } from './stand';
import type { Diensten } from './typen';

const DAG_MS = 86_400_000;

const PDF_NIET_BESCHIKBAAR = "Opslaan als PDF kan alleen in de desktop-app. Kies in de browser 'Afdrukken' en dan als printer 'Opslaan als PDF'.";

/** Local date and time as 20250301-1405, for file names that sort by when they were made. */
function tijdstempel(d: Date): string {
  const twee = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${twee(d.getMonth() + 1)}${twee(d.getDate())}-${twee(d.getHours())}${twee(d.getMinutes())}`;
}

/**
 * ISI's files (R-DL-1 … R-DL-4) and the files the app wrote on this computer (R-DL-2), which hold
 * BSNs: only a logged-in user sees or deletes them (issue 12, finding 7).
 */
export function bestandenDiensten({ isi, platform, stand, werk }: { isi: IsiClient; platform: Platform; stand: Sessiestand; werk: Bestandswerk }): Diensten['bestanden'] {
  /** Paths `bestanden.geschreven` listed in this run: what the user may ask to delete. */
  const getoond = new Set<string>();

  return {
    lijst: async ({ gc }) => (await isi.vraag<z.input<typeof Bestanden>>('GET', `${gemeente(gc)}/bestanden`)).data,
    download: async ({ gc, bestandsnaam }) => {
      const { data } = await isi.vraag<ArrayBuffer>('GET', `${gemeente(gc)}/bestanden/${bestandsnaam}`, { binair: true });
      return werk.bewaar(`${bestandsnaam.replace(/\.zip$/, '')}_${gc}.zip`, Buffer.from(data));
    },
    openInExcel: ({ gc, bestandsnaam, taakId }) => werk.inExcel(taakId, async (taak) => {
      const { data } = await werk.haalBinair(`${gemeente(gc)}/bestanden/${bestandsnaam}`, taak);
      taak.fase('OMZETTEN');
      return converteerZip(data, bestandsnaam, { gc });
    }),
    voortgang: async ({ taakId }) => werk.taken.stand(taakId),
    geschreven: async () => {
      stand.ingelogd();
      const nu = Date.now();
      const lijst = await werk.register.lijst();
      for (const b of lijst) getoond.add(b.pad);
      return lijst.map((b) => ({ ...b, dagenOud: Math.max(0, Math.floor((nu - Date.parse(b.gemaakt)) / DAG_MS)) }));
    },
    opslaanAlsPdf: async () => {
      stand.ingelogd();
      if (!platform.alsPdf) throw new BestandFout('PDF_NIET_BESCHIKBAAR', PDF_NIET_BESCHIKBAAR);
      // The overview names a person: its file name does not (no BSN in a path, a log line or a recent-files list).
      const opgeslagen = await werk.bewaar(`overzicht-persoon-${tijdstempel(new Date())}.pdf`, await platform.alsPdf());
      return { ...opgeslagen, geopend: await platform.openPad(opgeslagen.pad).then(() => true, () => false) };
    },
    verwijderGeschreven: async ({ paden }) => {
      stand.ingelogd();
      const bekend = new Set((await werk.register.lijst()).map((b) => b.pad));
      // Checked before anything goes, and without looking at the disk: a path that is not in the
      // register and was never shown in the list refuses the whole request, whether or not such a
      // file exists (issue 12, finding 7: the answer reveals nothing about other paths). A file of
      // the list that was removed by hand meanwhile is simply gone already.
      const vreemd = paden.find((p) => !bekend.has(resolve(p)) && !getoond.has(resolve(p)));
      if (vreemd !== undefined) {
        throw new BestandFout('NIET_IN_REGISTER', `'${vreemd}' is niet door de app bewaard en wordt daarom niet door de app verwijderd; er is niets verwijderd. Kies alleen bestanden uit de lijst 'Bestanden op deze computer'.`);
      }
      const weg = [...new Set(paden.map((p) => resolve(p)))].filter((p) => bekend.has(p));
      for (const pad of weg) await werk.register.verwijder(pad);
      return { verwijderd: weg.length };
    },
  };
}
