import type { Antwoordbericht } from '../../shared/ipc';

/** In the JSON header of a binary frame, where a byte field was: its length (renderer/bridge/frame.ts reads it). */
const BYTES = '$bytes';
const schrijver = new TextEncoder();

/**
 * Browser mode's socket carries an answer as JSON text. An answer whose value holds bytes (a sync
 * page: megabytes) goes as one binary frame instead, so its bytes are neither escaped into a JSON
 * string nor parsed out of one on the renderer's thread: four bytes (big-endian) with the length
 * of the header, the header (the answer as JSON, each byte field replaced by its length), then the
 * byte fields in the order the header names them. Electron's IPC needs none of this: it clones
 * bytes as they are.
 */
export function naarFrame(bericht: Antwoordbericht): string | Uint8Array {
  const u = bericht.uitkomst;
  if (!u.ok || typeof u.waarde !== 'object' || u.waarde === null) return JSON.stringify(bericht);
  const delen: Uint8Array[] = [];
  const waarde: Record<string, unknown> = {};
  for (const [veld, v] of Object.entries(u.waarde)) {
    if (v instanceof Uint8Array) {
      waarde[veld] = { [BYTES]: v.byteLength };
      delen.push(v);
    } else waarde[veld] = v;
  }
  if (delen.length === 0) return JSON.stringify(bericht);
  const kop = schrijver.encode(JSON.stringify({ id: bericht.id, uitkomst: { ok: true, waarde } }));
  const frame = new Uint8Array(4 + kop.byteLength + delen.reduce((n, d) => n + d.byteLength, 0));
  new DataView(frame.buffer).setUint32(0, kop.byteLength);
  frame.set(kop, 4);
  let plek = 4 + kop.byteLength;
  for (const d of delen) {
    frame.set(d, plek);
    plek += d.byteLength;
  }
  return frame;
}
