import type { Antwoordbericht } from '../../shared/ipc';

/** As main/host/frame.ts marks a byte field in the header. */
const BYTES = '$bytes';
const lezer = new TextDecoder();

/** The answer of a frame main/host/frame.ts `naarFrame` made; the byte fields are views on the frame, not copies. */
export function uitFrame(data: string | ArrayBuffer): Antwoordbericht | { sleutel: string } {
  if (typeof data === 'string') return JSON.parse(data) as Antwoordbericht | { sleutel: string };
  const lengte = new DataView(data).getUint32(0);
  const bericht = JSON.parse(lezer.decode(new Uint8Array(data, 4, lengte))) as Antwoordbericht & { uitkomst: { ok: true; waarde: Record<string, unknown> } };
  let plek = 4 + lengte;
  const waarde = bericht.uitkomst.waarde;
  for (const [veld, v] of Object.entries(waarde)) {
    if (typeof v !== 'object' || v === null || !(BYTES in v)) continue;
    const n = (v as Record<typeof BYTES, number>)[BYTES];
    waarde[veld] = new Uint8Array(data, plek, n);
    plek += n;
  }
  return bericht;
}
