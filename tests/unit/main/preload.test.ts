import { describe, expect, it, vi } from 'vitest';
import { kanalen } from '../../../shared/ipc';

// The preload runs in Electron's sandbox; here its two Electron calls are stand-ins, so what it
// hands to the page can be read and compared with the contract.
const { exposeInMainWorld, invoke } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (kanaal: string) => ({ ok: true, waarde: kanaal })),
}));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));

await import('../../../main/preload');

describe('preload', () => {
  it('exposes one thing to the page: window.pib', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('pib');
  });

  it('window.pib holds exactly the channels of the contract, as functions', () => {
    const api = exposeInMainWorld.mock.calls[0]![1] as Record<string, Record<string, unknown>>;
    const blootgesteld = Object.entries(api).flatMap(([domein, calls]) => Object.keys(calls).map((call) => `${domein}.${call}`));
    expect(blootgesteld.sort()).toEqual([...kanalen()].sort());
    for (const calls of Object.values(api)) for (const f of Object.values(calls)) expect(typeof f).toBe('function');
  });

  it('each call is one invoke on the channel of the same name, nothing else of ipcRenderer', async () => {
    const api = exposeInMainWorld.mock.calls[0]![1] as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>;
    for (const naam of kanalen()) {
      const [domein, call] = naam.split('.') as [string, string];
      invoke.mockClear();
      await expect(api[domein]![call]!({ gc: '0014' })).resolves.toEqual({ ok: true, waarde: naam });
      expect(invoke).toHaveBeenCalledExactlyOnceWith(naam, { gc: '0014' });
    }
    invoke.mockClear();
    await api.app!.info!();
    expect(invoke).toHaveBeenCalledExactlyOnceWith('app.info', {});
  });
});
