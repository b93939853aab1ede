import { type App, ref } from 'vue';
import type { z } from 'zod';
import type { RendererFout } from '../shared/ipc';
import { interneFout, MELDING_INTERNE_FOUT, probleem } from '../shared/probleem';
import type { Probleem } from '../shared/schemas/api';
import { pib } from './bridge';
import { CacheFout } from './db/fouten';

/** What App.vue shows in its snackbar; null when nothing is to be said. */
export const onverwachteMelding = ref<string | null>(null);

type Bron = z.input<typeof RendererFout>['bron'];

/**
 * Reports an unexpected error to main's log over the contract (`log.fout`, masked and
 * rate-limited there). Never throws and never rejects: a report that fails must not become a
 * second unexpected error.
 */
export function meldOnverwacht(bron: Bron, fout: unknown): void {
  const e = fout instanceof Error ? fout : new Error(String(fout));
  Promise.resolve()
    .then(() => pib.log.fout({ bron, melding: `${e.name}: ${e.message}`.slice(0, 2000), stack: e.stack?.slice(0, 8000), route: location.pathname.slice(0, 200) }))
    .catch(() => undefined);
}

/**
 * A call that threw instead of returning its outcome, as the problem shown in place: a refusal of
 * the cache (locked during a search) with its own Dutch message, anything else as the one message
 * for a fault of the app, reported to main's log.
 */
export function probleemVanFout(fout: unknown): Probleem {
  if (fout instanceof CacheFout) {
    if (fout.code !== 'GESLOTEN') meldOnverwacht('aanroep', fout);
    return probleem({ status: fout.code === 'GESLOTEN' ? 423 : 500, code: `CACHE_${fout.code}`, title: 'Lokale gegevens', detail: fout.message });
  }
  meldOnverwacht('aanroep', fout);
  return interneFout();
}

/**
 * Whatever no code caught: an error in a component (Vue's errorHandler), in a script of the
 * window, or a promise nobody awaited. Each is reported to main's log and said once to the user.
 */
export function vangOnverwacht(app: App, venster: Window = window): void {
  const toon = (bron: Bron, fout: unknown) => {
    meldOnverwacht(bron, fout);
    onverwachteMelding.value = MELDING_INTERNE_FOUT;
  };
  app.config.errorHandler = (fout) => toon('vue', fout);
  venster.addEventListener('error', (e) => toon('venster', e.error ?? e.message));
  venster.addEventListener('unhandledrejection', (e) => toon('belofte', e.reason));
}
