import { describe, expect, it } from 'vitest';
import { afmaken, datumGetal, sorteerInStappen, zeef } from '../../../../renderer/db/kolommen';

describe('renderer/db/kolommen: de machinerie onder het zoeken in het geheugen', () => {
  it('sorteren in stappen geeft dezelfde volgorde als één stabiele sortering, ook bij gelijke sleutels', () => {
    for (const lengte of [0, 1, 4095, 4096, 4097, 20_000]) {
      // Many ties: only a stable sort keeps the records of one key in their original order.
      const rij = Array.from({ length: lengte }, (_, i) => ({ sleutel: (i * 7919) % 53, nr: i }));
      const vergelijk = (a: { sleutel: number }, b: { sleutel: number }) => a.sleutel - b.sleutel;
      const verwacht = [...rij].sort(vergelijk);
      const stappen = sorteerInStappen([...rij], vergelijk);
      let aantal = 0;
      let r = stappen.next();
      while (!r.done) {
        aantal++;
        r = stappen.next();
      }
      expect(r.value, `lengte ${lengte}`).toEqual(verwacht);
      // 20,000 records: 5 runs sorted and 3 rounds of merging, a step every 4,096 records.
      if (lengte === 20_000) expect(aantal).toBeGreaterThan(10);
    }
    expect(afmaken(sorteerInStappen([3, 1, 2], (a, b) => a - b))).toEqual([1, 2, 3]);
  });

  it('een datum JJJJ-MM-DD wordt een getal dat sorteert als de tekst; null en iets anders vallen in geen enkel bereik', () => {
    expect(datumGetal('2024-07-01')).toBe(20240701);
    expect(datumGetal('2024-07-01') < datumGetal('2024-12-31')).toBe(true);
    for (const geen of [null, undefined, '', '2024-7-1', '01-07-2024']) {
      const d = datumGetal(geen);
      expect(d >= Number.NEGATIVE_INFINITY || d <= Number.POSITIVE_INFINITY).toBe(false);
    }
  });

  it('zeef houdt de volgorde en neemt alleen wat de toets doorlaat', () => {
    const uit = zeef([5, 3, 8, 1, 9], (n) => n > 2);
    expect(uit).toBeInstanceOf(Int32Array);
    expect([...uit]).toEqual([5, 3, 8, 9]);
  });
});
