import { basename } from 'node:path';
import type { z } from 'zod';
import type { GeopendBestand, OpgeslagenBestand } from '../../shared/ipc';
import { ISI_GROOTSTE_PAGINA } from '../../shared/rules/zoeken';
import { type BestandenRegister, bestandenRegister, bewaarBestand, type Werkboekbestand } from '../files';
import { GEEN_VERBINDING, type IsiClient, IsiFout } from '../isi/client';
import type { Platform } from '../platform/platform';
import type { Policy } from '../policy/schemas';
import { type Taak, type Voortgangen, voortgangen } from '../voortgang';

/** Offline the cache answers searches, but a workbook is made of what ISI sends. */
const VERBINDING_NODIG = "Voor 'Openen in Excel' is een verbinding met DUO (ISI) nodig: het bestand wordt gemaakt met de gegevens die DUO nu heeft. Controleer de netwerkverbinding en probeer het opnieuw.";

function verbindingNodig(fout: unknown): unknown {
  return fout instanceof IsiFout && fout.probleem.code === GEEN_VERBINDING.code ? new IsiFout({ ...fout.probleem, detail: VERBINDING_NODIG }) : fout;
}

/** Every row of a search, page after page, telling `meld` how many of how many arrived. */
export async function alleRijen<T>(haal: (pagina: number) => Promise<{ items: T[]; totaal: number }>, meld: (ontvangen: number, totaal: number) => void): Promise<T[]> {
  const rijen: T[] = [];
  for (let pagina = 1; ; pagina++) {
    const { items, totaal } = await haal(pagina);
    rijen.push(...items);
    meld(rijen.length, totaal);
    if (items.length < ISI_GROOTSTE_PAGINA || rijen.length >= totaal) return rijen;
  }
}

export interface Bestandswerk {
  /** The files the app wrote (R-DL-2). */
  register: BestandenRegister;
  /** The progress of each "Openen in Excel" under way. */
  taken: Voortgangen;
  bewaar(bestandsnaam: string, data: Uint8Array): Promise<z.input<typeof OpgeslagenBestand>>;
  inExcel(taakId: string, maak: (taak: Taak) => Promise<Werkboekbestand>): Promise<z.input<typeof GeopendBestand>>;
  haalBinair(pad: string, taak: Taak): Promise<{ data: Buffer; headers: Record<string, string> }>;
}

/**
 * What the services of personen, signalen and bestanden share of files: saving a download,
 * listing it (R-DL-2) and the "Openen in Excel" pipeline (fetch, convert with main/files, save, open).
 */
export function maakBestandswerk({ isi, platform, policy, aanbieden }: { isi: IsiClient; platform: Platform; policy: Policy; aanbieden?: ((pad: string) => string) | undefined }): Bestandswerk {
  const register = bestandenRegister(platform.dataMap());
  const taken = voortgangen();
  const downloadMap = () => policy.downloadMap ?? platform.downloadMap();

  /**
   * Saves a download in the download folder (policy's, else the user's Downloads) without
   * overwriting an earlier one, and keeps it in the list of files the app wrote (R-DL-2).
   */
  async function bewaar(bestandsnaam: string, data: Uint8Array): Promise<z.input<typeof OpgeslagenBestand>> {
    const pad = await bewaarBestand(downloadMap(), bestandsnaam, data);
    await register.registreer(pad);
    return { bestandsnaam: basename(pad), pad, grootte: data.byteLength };
  }

  /**
   * "Openen in Excel": `maak` fetches and converts, reporting progress under `taakId`; the workbook
   * is saved, listed (R-DL-2) and opened with the system's default application (Excel on a
   * gemeente PC). Not opening is no failure: the file is saved, and the answer says whether it opened.
   */
  async function inExcel(taakId: string, maak: (taak: Taak) => Promise<Werkboekbestand>): Promise<z.input<typeof GeopendBestand>> {
    const taak = taken.begin(taakId);
    try {
      const werkboek = await maak(taak);
      taak.fase('OPENEN');
      const opgeslagen = await bewaar(werkboek.bestandsnaam, werkboek.data);
      const geopend = await platform.openPad(opgeslagen.pad).then(() => true, () => false);
      const downloadUrl = aanbieden?.(opgeslagen.pad);
      taak.klaar();
      return { ...opgeslagen, rijen: werkboek.rijen, geopend, ...(downloadUrl === undefined ? {} : { downloadUrl }) };
    } catch (fout) {
      taak.stop();
      throw verbindingNodig(fout);
    }
  }

  /** A download of ISI with its bytes reported to the task as they arrive. */
  async function haalBinair(pad: string, taak: Taak): Promise<{ data: Buffer; headers: Record<string, string> }> {
    const { data, headers } = await isi.vraag<ArrayBuffer>('GET', pad, { binair: true, voortgang: (ontvangen, totaal) => taak.meld(ontvangen, totaal) });
    return { data: Buffer.from(data), headers };
  }

  return { register, taken, bewaar, inExcel, haalBinair };
}
