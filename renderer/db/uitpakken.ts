import { pakUitTekst } from './inpakken';

/**
 * Helpers: one beside the cache worker on two cores (a second measured no faster there: the cache
 * worker, the helpers and V8's collector share them), two where there are more.
 */
const HELPERS = Math.min(2, Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

/** Inflates compressed UTF-8 to its text, in a helper thread where there is one. */
export interface Uitpakker {
  pakUit(bytes: Uint8Array<ArrayBuffer>): Promise<string>;
  stop(): void;
}

/**
 * Helper workers (uitpakker.ts) that inflate what they are given, in turn. Measured on an unlock
 * of 100,000 persons: inflating took most of the 1.9 s the cache worker spent reading a gemeente's
 * parts (JSON.parse 0.2–0.3 s, replay 0.6–0.9 s), time another core can take. Where there are no
 * workers (unit tests in Node), or a helper fails, the same inflating runs here.
 */
export function startUitpakker(aantal = HELPERS): Uitpakker {
  if (typeof Worker !== 'function') return { pakUit: pakUitTekst, stop: () => undefined };
  const helpers = klaargezet ?? Array.from({ length: aantal }, () => startHelper());
  klaargezet = null;
  let beurt = 0;
  return {
    pakUit: (bytes) => helpers[beurt++ % helpers.length]!.pakUit(bytes),
    stop: () => helpers.forEach((h) => h.stop()),
  };
}

let klaargezet: Uitpakker[] | null = null;

/**
 * Helpers started with the cache worker (at the login screen), for its first unlock: loading a
 * helper's module took 0.3–0.9 s at an unlock in browser mode (its script comes from the host, busy
 * with the login's sync then), time the first part waited for.
 */
export function zetUitpakkersKlaar(aantal = HELPERS): void {
  if (typeof Worker === 'function') klaargezet ??= Array.from({ length: aantal }, () => startHelper());
}

function startHelper(): Uitpakker {
  const werker = new Worker(new URL('./uitpakker.ts', import.meta.url), { type: 'module', name: 'pib-uitpakker' });
  const wachtend = new Map<number, { klaar: (tekst: string) => void; faal: (e: Error) => void }>();
  let volgende = 1;
  let kapot = false;
  werker.onmessage = (e: MessageEvent<{ id: number; tekst: string } | { id: number; fout: string }>) => {
    const w = wachtend.get(e.data.id);
    wachtend.delete(e.data.id);
    if ('tekst' in e.data) w?.klaar(e.data.tekst);
    else w?.faal(new Error(e.data.fout));
  };
  werker.onerror = (e) => {
    kapot = true;
    for (const w of wachtend.values()) w.faal(new Error(`De uitpakker stopte: ${e.message}`));
    wachtend.clear();
  };
  const inHelper = (bytes: Uint8Array<ArrayBuffer>) => new Promise<string>((klaar, faal) => {
    const id = volgende++;
    wachtend.set(id, { klaar, faal });
    werker.postMessage({ id, bytes });
  });
  return {
    // Whatever went wrong in the helper is tried once more here: bytes that truly do not inflate fail here too.
    pakUit: (bytes) => (kapot ? pakUitTekst(bytes) : inHelper(bytes).catch(() => pakUitTekst(bytes))),
    stop: () => werker.terminate(),
  };
}
