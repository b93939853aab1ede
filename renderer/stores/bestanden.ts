import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { z } from 'zod';
import type { OpgeslagenBestand as OpgeslagenBestandSchema, Uitkomst } from '../../shared/ipc';
import type { Bestand } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { useSessieStore } from './sessie';

export type Bestandsvermelding = z.infer<typeof Bestand>;
export type OpgeslagenBestand = z.infer<typeof OpgeslagenBestandSchema>;

/** "Downloaden bestanden" (R-DL-1): the gemeente's files, and the one last saved. */
export const useBestandenStore = defineStore('bestanden', () => {
  const lijst = ref<{ gc: string; bestanden: Bestandsvermelding[] } | null>(null);
  const bezigMet = ref<string | null>(null);
  const opgeslagen = ref<OpgeslagenBestand | null>(null);

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
      if (u.ok) opgeslagen.value = u.waarde;
      return u;
    } finally {
      bezigMet.value = null;
    }
  }

  watch(() => useSessieStore().gebruiker, (g) => {
    if (g) return;
    lijst.value = null;
    opgeslagen.value = null;
  });

  return { lijst, bezigMet, opgeslagen, laad, download };
});
