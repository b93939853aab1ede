import type { z } from 'zod';
import type { Voortgang } from '../shared/ipc';

type Stand = z.infer<typeof Voortgang>;

/** How long a finished task's KLAAR waits to be read before it goes. */
const KLAAR_BEWAREN_MS = 10_000;

/** One "Openen in Excel" as it reports its progress. */
export interface Taak {
  /** `ontvangen` of `totaal` (bytes of a file, rows of a list; null: not known) have arrived. */
  meld(ontvangen: number, totaal: number | null): void;
  fase(fase: 'OMZETTEN' | 'OPENEN'): void;
  /** Done: KLAAR is reported once (or for a few seconds), then the task goes. */
  klaar(): void;
  /** Failed: the call itself brings the problem; the task goes at once. */
  stop(): void;
}

export interface Voortgangen {
  begin(taakId: string): Taak;
  /** The progress of the task with this id; null when none runs under it. */
  stand(taakId: string): Stand | null;
}

/**
 * The progress of the "Openen in Excel" calls under way, by the id the renderer chose for each.
 * The IPC contract is request and answer, so the renderer asks for it (`bestanden.voortgang`)
 * while its call runs. Only running tasks are held: a task leaves when it fails, or when its
 * KLAAR has been read.
 */
export function voortgangen(): Voortgangen {
  const taken = new Map<string, { stand: Stand; opruimen?: NodeJS.Timeout }>();

  function weg(taakId: string, taak: { opruimen?: NodeJS.Timeout }): void {
    // A later call may have taken the same id: only this task's own entry goes.
    if (taken.get(taakId) !== taak) return;
    clearTimeout(taak.opruimen);
    taken.delete(taakId);
  }

  return {
    begin(taakId) {
      const taak: { stand: Stand; opruimen?: NodeJS.Timeout } = { stand: { ontvangen: 0, totaal: null, fase: 'DOWNLOADEN' } };
      taken.set(taakId, taak);
      return {
        meld: (ontvangen, totaal) => {
          taak.stand = { ...taak.stand, ontvangen, totaal };
        },
        fase: (fase) => {
          taak.stand = { ...taak.stand, fase };
        },
        klaar: () => {
          taak.stand = { ...taak.stand, fase: 'KLAAR' };
          taak.opruimen = setTimeout(() => weg(taakId, taak), KLAAR_BEWAREN_MS);
          taak.opruimen.unref();
        },
        stop: () => weg(taakId, taak),
      };
    },
    stand(taakId) {
      const taak = taken.get(taakId);
      if (!taak) return null;
      if (taak.stand.fase === 'KLAAR') weg(taakId, taak);
      return taak.stand;
    },
  };
}
