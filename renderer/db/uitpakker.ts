/// <reference lib="webworker" />
/**
 * The inflating helper of the cache worker (uitpakken.ts): inflates the parts of an unlock on the
 * other processor core, so the cache worker parses and replays one part while the next is
 * inflated. Holds no key: it sees compressed bytes that were already decrypted.
 */
import { pakUitTekst } from './inpakken';

self.onmessage = (e: MessageEvent<{ id: number; bytes: Uint8Array<ArrayBuffer> }>) => {
  const { id, bytes } = e.data;
  pakUitTekst(bytes).then(
    (tekst) => self.postMessage({ id, tekst }),
    (fout: unknown) => self.postMessage({ id, fout: String(fout) }),
  );
};
