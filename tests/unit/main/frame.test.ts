import { describe, expect, it } from 'vitest';
import { naarFrame } from '../../../main/host/frame';
import { uitFrame } from '../../../renderer/bridge/frame';

/** What the socket hands the renderer: an ArrayBuffer of its own for a binary frame. */
function overDeDraad(frame: string | Uint8Array): string | ArrayBuffer {
  return typeof frame === 'string' ? frame : frame.slice().buffer;
}

describe('browser mode\'s socket frames (main/host/frame.ts, renderer/bridge/frame.ts)', () => {
  it('an answer with bytes goes as one binary frame and comes back with the same bytes and fields', () => {
    const json = new TextEncoder().encode('{"personen":[{"naam":"Ça va \\"é\\""}]}');
    const gecomprimeerd = new Uint8Array([0, 255, 1, 2, 3]);
    const frame = naarFrame({ id: 7, uitkomst: { ok: true, waarde: { json, cursor: 'c1', gecomprimeerd, meer: true } } });
    expect(frame).toBeInstanceOf(Uint8Array);
    // The page's bytes are in the frame as they are, not escaped into a string.
    expect(Buffer.from(frame as Uint8Array).includes(Buffer.from(json))).toBe(true);
    const terug = uitFrame(overDeDraad(frame));
    expect(terug).toEqual({ id: 7, uitkomst: { ok: true, waarde: { json, cursor: 'c1', gecomprimeerd, meer: true } } });
  });

  it('an answer without bytes, a refusal and an empty value stay JSON text', () => {
    const berichten = [
      { id: 1, uitkomst: { ok: true as const, waarde: { vandaag: '2025-03-01' } } },
      { id: 2, uitkomst: { ok: false as const, probleem: { type: 'urn:x', title: 'Nee', status: 409, detail: 'Niet.', code: 'X' } } },
      { id: null, uitkomst: { ok: true as const, waarde: null } },
    ];
    for (const b of berichten) {
      const frame = naarFrame(b);
      expect(typeof frame).toBe('string');
      expect(uitFrame(overDeDraad(frame))).toEqual(b);
    }
  });
});
