import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { bewaakOuder, leeft, ouderPid } from '../../../main/ouderbewaking';

describe('ouderbewaking', () => {
  it('reads the parent pid npm start hands over, and nothing else', () => {
    expect(ouderPid({ PIB_OUDER_PID: '1234' })).toBe(1234);
    for (const waarde of [undefined, '', '0', '-5', '12.5', 'abc']) expect(ouderPid({ PIB_OUDER_PID: waarde }), String(waarde)).toBeNull();
  });

  it('tells a living process from one that is gone', async () => {
    expect(leeft(process.pid)).toBe(true);
    const kind = spawn(process.execPath, ['-e', '']);
    await new Promise((klaar) => kind.once('exit', klaar));
    expect(leeft(kind.pid!)).toBe(false);
  });

  it('stops once the parent is gone, and not before', async () => {
    const kind = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const stop = vi.fn();
    bewaakOuder(kind.pid!, stop, 20);
    await new Promise((klaar) => setTimeout(klaar, 100));
    expect(stop).not.toHaveBeenCalled();
    kind.kill();
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    await new Promise((klaar) => setTimeout(klaar, 100));
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
