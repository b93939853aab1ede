import { randomBytes } from 'node:crypto';

/** How long a download link of the host may be used. */
export const DOWNLOAD_GELDIG_MS = 10 * 60_000;

export interface EenmaligeDownloads {
  /** Offers the saved file at `pad` once; returns the host's URL for it, `/download/<id>`. */
  bied(pad: string): string;
  /** The file behind this id, if it is still on offer; taking it ends the offer. */
  neem(id: string): string | null;
}

/** 128 random bits, as hex. */
export const DOWNLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Browser mode: besides opening a workbook on the host's machine, the browser offers it as a
 * download. Each saved file gets a link with a random id of its own, valid once and for ten
 * minutes: the URL names no BSN and no path, and a link read from a history or log later is spent.
 */
export function eenmaligeDownloads(klok: () => number = Date.now): EenmaligeDownloads {
  const aanbod = new Map<string, { pad: string; tot: number }>();

  function ruimOp(nu: number): void {
    for (const [id, a] of aanbod) if (a.tot <= nu) aanbod.delete(id);
  }

  return {
    bied(pad) {
      const nu = klok();
      ruimOp(nu);
      const id = randomBytes(16).toString('hex');
      aanbod.set(id, { pad, tot: nu + DOWNLOAD_GELDIG_MS });
      return `/download/${id}`;
    },
    neem(id) {
      ruimOp(klok());
      const a = aanbod.get(id);
      aanbod.delete(id);
      return a?.pad ?? null;
    },
  };
}
