import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { Uitkomst } from '../../shared/ipc';
import { weigerBsn } from '../../shared/rules/bsn';
import type { Wetbepaling } from '../../shared/schemas/api';
import type { z } from 'zod';
import { pib } from '../bridge';
import { naVoorcontrole } from '../composables/voorcontrole';
import { useSessieStore } from './sessie';

export type WetAntwoord = z.infer<typeof Wetbepaling>;

/** "Zoeken wet inburgering" (R-WET-1): the BSN typed and the answer, kept while going to the person and back. */
export const useWetStore = defineStore('wet', () => {
  const bsn = ref('');
  const antwoord = ref<{ gc: string; bsn: string; wetbepaling: WetAntwoord } | null>(null);

  /** R-BSN-1 before anything is sent; then which law, as the chosen gemeente may see it. */
  async function bepaal(gc: string): Promise<Uitkomst<WetAntwoord>> {
    const gezocht = bsn.value.trim();
    antwoord.value = null;
    const u = await naVoorcontrole(weigerBsn(gezocht), () => pib.wet.bepaal({ gc, bsn: gezocht }));
    if (u.ok) antwoord.value = { gc, bsn: gezocht, wetbepaling: u.waarde };
    return u;
  }

  function wis(): void {
    bsn.value = '';
    antwoord.value = null;
  }

  // The answer leaves the screen at a lock or logout; the BSN typed stays for the same user's unlock.
  watch(() => useSessieStore().gebruiker, (g) => {
    if (!g) antwoord.value = null;
  });
  watch(() => useSessieStore().eigenaar, wis);

  return { bsn, antwoord, bepaal, wis };
});
