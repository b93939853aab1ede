import { computed, onBeforeUnmount, ref } from 'vue';
import type { z } from 'zod';
import type { GeopendBestand as GeopendBestandSchema, Uitkomst, Voortgang as VoortgangSchema } from '../../shared/ipc';
import type { PersonenZoekvraag } from '../../shared/schemas/api';
import { pib } from '../bridge';
import { useBestandenStore } from '../stores/bestanden';
import type { Signalenlijstvraag } from '../stores/signalen';
import { useAanroep } from './useAanroep';

export type GeopendBestand = z.infer<typeof GeopendBestandSchema>;
export type Voortgang = z.infer<typeof VoortgangSchema>;

/** What to open in Excel: a file of "Downloaden bestanden", all signals (R-SIG-7), or the list a screen shows. */
export type ExcelOpdracht =
  | { soort: 'BESTAND'; gc: string; bestandsnaam: string }
  | { soort: 'ALLE_SIGNALEN'; gc: string }
  | { soort: 'PERSONEN'; gc: string; vraag: PersonenZoekvraag }
  | { soort: 'SIGNALEN'; lijst: Signalenlijstvraag };

/** How often the progress is asked for while main works on it. */
export const VOORTGANG_INTERVAL_MS = 300;

export const FASE_TEKST: Record<Voortgang['fase'], string> = {
  DOWNLOADEN: 'De gegevens worden bij DUO opgehaald',
  OMZETTEN: 'Het Excel-bestand wordt gemaakt',
  OPENEN: 'Het bestand wordt opgeslagen en geopend',
  KLAAR: 'Het bestand is klaar',
};

function start(opdracht: ExcelOpdracht, taakId: string): Promise<Uitkomst<GeopendBestand>> {
  switch (opdracht.soort) {
    case 'BESTAND':
      return pib.bestanden.openInExcel({ gc: opdracht.gc, bestandsnaam: opdracht.bestandsnaam, taakId });
    case 'ALLE_SIGNALEN':
      return pib.signalen.openInExcel({ gc: opdracht.gc, taakId });
    case 'PERSONEN':
      return pib.personen.openInExcel({ gc: opdracht.gc, vraag: opdracht.vraag, taakId });
    case 'SIGNALEN':
      return pib.signalen.lijstInExcel({ ...opdracht.lijst, taakId });
  }
}

/**
 * "Openen in Excel", the same on every screen that has it: main fetches, converts, saves and
 * opens; meanwhile its progress is asked for every 300 ms (the IPC contract is request and
 * answer, so progress crosses by asking). Afterwards `bestand` says where the file is, whether it
 * opened and, in browser mode, the link to download it; a refusal is in `probleem`.
 */
export function useOpenInExcel() {
  const { bezig, probleem, voer } = useAanroep();
  const voortgang = ref<Voortgang | null>(null);
  const bestand = ref<GeopendBestand | null>(null);
  /** The task being followed; null stops the following (done, or the screen left). */
  let gevolgd: string | null = null;

  async function volg(taakId: string): Promise<void> {
    while (gevolgd === taakId) {
      await new Promise((klaar) => setTimeout(klaar, VOORTGANG_INTERVAL_MS));
      if (gevolgd !== taakId) return;
      const u = await pib.bestanden.voortgang({ taakId });
      if (gevolgd === taakId && u.ok && u.waarde) voortgang.value = u.waarde;
    }
  }

  async function open(opdracht: ExcelOpdracht): Promise<GeopendBestand | null> {
    if (bezig.value) return null;
    const taakId = crypto.randomUUID();
    bestand.value = null;
    voortgang.value = { ontvangen: 0, totaal: null, fase: 'DOWNLOADEN' };
    gevolgd = taakId;
    void volg(taakId);
    try {
      bestand.value = await voer(() => start(opdracht, taakId));
    } finally {
      gevolgd = null;
      voortgang.value = null;
    }
    // R-DL-2: the new file joins the list of files on this computer.
    if (bestand.value) void useBestandenStore().laadGeschreven();
    return bestand.value;
  }

  /** While downloading with a known size: how far, in whole percents; otherwise null (no measure). */
  const procent = computed(() => {
    const v = voortgang.value;
    if (!v || v.fase !== 'DOWNLOADEN' || !v.totaal) return null;
    return Math.min(100, Math.floor((100 * v.ontvangen) / v.totaal));
  });

  onBeforeUnmount(() => {
    gevolgd = null;
  });

  return { bezig, probleem, voortgang, procent, bestand, open };
}
