import type { z } from 'zod';
import type { RendererFout } from '../../shared/ipc';
import { logboek } from './logboek';

/** Enough for a burst of real errors; a page that throws in a loop is cut off after it. */
const PER_MINUUT = 20;

/**
 * `log.fout`: the renderer's unexpected errors in main's log, masked there like every line
 * (logboek.ts). At most `perMinuut` a minute are written; the ones dropped are counted in the
 * first line written after the minute, so a flood is seen without filling the disk.
 */
export function rendererLog(opties: { perMinuut?: number; nu?: () => number } = {}): { fout(f: z.output<typeof RendererFout>): Promise<Record<string, never>> } {
  const perMinuut = opties.perMinuut ?? PER_MINUUT;
  const nu = opties.nu ?? Date.now;
  let begin = nu();
  let geschreven = 0;
  let overgeslagen = 0;
  return {
    async fout(f) {
      if (nu() - begin >= 60_000) {
        begin = nu();
        geschreven = 0;
      }
      if (geschreven >= perMinuut) {
        overgeslagen++;
        return {};
      }
      geschreven++;
      logboek().error({ bron: 'renderer', soort: f.bron, route: f.route, melding: f.melding, stack: f.stack, ...(overgeslagen ? { overgeslagen } : {}) }, 'onverwachte fout in het venster');
      overgeslagen = 0;
      return {};
    },
  };
}
