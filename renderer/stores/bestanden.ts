import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import type { GeschrevenBestand as GeschrevenBestandSchema, OpgeslagenBestand as OpgeslagenBestandSchema, Uitkomst } from '../../shared/ipc';
import type { Bestand, Probleem } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { useSessieStore } from './sessie';

export type Bestandsvermelding = z.infer<typeof Bestand>;
export type OpgeslagenBestand = z.infer<typeof OpgeslagenBestandSchema>;
export type GeschrevenBestand = z.infer<typeof GeschrevenBestandSchema>;

/**
 * "Downloaden bestanden" (R-DL-1): the gemeente's files, and the one last saved; and R-DL-2 in
 * practice: the files the app wrote on this computer, to delete them when they are not needed.
 */
export const useBestandenStore = defineStore('bestanden', () => {
  const lijst = ref<{ gc: string; bestanden: Bestandsvermelding[] } | null>(null);
  const bezigMet = ref<string | null>(null);
  const opgeslagen = ref<OpgeslagenBestand | null>(null);
  /** Null until read: at login (App.vue), then after every file the app writes or deletes. */
  const geschreven = ref<GeschrevenBestand[] | null>(null);
  const geschrevenProbleem = ref<Probleem | null>(null);

  async function laad(gc: string): Promise<Uitkomst<Bestandsvermelding[]>> {
    const u = await pib.bestanden.lijst({ gc });
    if (u.ok) lijst.value = { gc, bestanden: u.waarde };
    return u;
  }

  /** R-DL-1: one file as zip; main saves it in the Downloads folder and says where. */
  async function download(gc: string, bestandsnaam: string): Promise<Uitkomst<OpgeslagenBestand>> {
    bezigMet.value = bestandsnaam;
    opgeslagen.value = null;
    try {
      const u = await pib.bestanden.download({ gc, bestandsnaam });
      if (u.ok) {
        opgeslagen.value = u.waarde;
        void verversGeschreven();
      }
      return u;
    } finally {
      bezigMet.value = null;
    }
  }

  /** R-DL-2: the files the app wrote that are still there, with their age. */
  async function laadGeschreven(): Promise<void> {
    const u = await pib.bestanden.geschreven({});
    geschrevenProbleem.value = u.ok ? null : u.probleem;
    if (u.ok) geschreven.value = u.waarde;
  }

  /** The list, once read, kept current: after the app wrote a file, and on each visit (a file removed by hand leaves it). */
  async function verversGeschreven(): Promise<void> {
    if (geschreven.value !== null) await laadGeschreven();
  }

  /** R-DL-2: deletes files the app wrote (main refuses any other); the list is read again either way. */
  async function verwijderGeschreven(paden: string[]): Promise<Uitkomst<{ verwijderd: number }>> {
    const u = await pib.bestanden.verwijderGeschreven({ paden });
    await laadGeschreven();
    return u;
  }

  watch(() => useSessieStore().gebruiker, (g) => {
    if (g) return;
    lijst.value = null;
    opgeslagen.value = null;
    geschreven.value = null;
    geschrevenProbleem.value = null;
  });

  return { lijst, bezigMet, opgeslagen, geschreven, geschrevenProbleem, laad, download, laadGeschreven, verversGeschreven, verwijderGeschreven };
});
