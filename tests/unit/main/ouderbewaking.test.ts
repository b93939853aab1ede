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
    // The watch's clock is fake: five checks pass in no time, while the child really lives.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = vi.fn();
      bewaakOuder(kind.pid!, stop, 20);
      vi.advanceTimersByTime(5 * 20);
      expect(stop).not.toHaveBeenCalled();
      const weg = new Promise((klaar) => kind.once('exit', klaar));
      kind.kill();
      await weg;
      vi.advanceTimersByTime(20);
      expect(stop).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(5 * 20);
      expect(stop).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      kind.kill();
    }
  });
});
