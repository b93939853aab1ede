import { describe, expect, it } from 'vitest';
import { herstelbaar } from '../../../shared/rules/weigering';

// Issue 13, point 3: the Wachtrij offers "Opnieuw proberen" only where a change can cure the refusal.
describe('herstelbaar', () => {
  it.each([
    ['R-FAC-3', 409, false], // no bank account at DUO: no invoice can ever be taken
    ['R-ROL-3', 403, false],
    ['R-ROL-2', 403, false],
    ['R-SIG-9', 403, false],
    ['R-PVT-1', 409, false],
    ['R-PVT-5', 400, true], // a reason before its date: another date cures it
    ['R-FAC-2', 400, true],
    ['R-SIG-6', 404, false], // the signal is gone at DUO
  ] as const)('%s (%i): %s', (regel, status, verwacht) => {
    expect(herstelbaar({ status, regel })).toBe(verwacht);
  });

  it('a conflict without a rule (412: the person changed at DUO) can be cured by taking DUO\'s version', () => {
    expect(herstelbaar({ status: 412 })).toBe(true);
  });
});
