import { describe, expect, it } from 'vitest';
import {
  dagenTussen, isGeldigeDatum, jaarVan, kwartaalStart, leesNlDatum, lokaleDatum, plusDagen, plusMaanden, toonDatum, weekdag,
} from '../../../shared/datum';

describe('dates: stored YYYY-MM-DD, shown dd-mm-jjjj', () => {
  it.each([
    ['2020-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['1799-12-31', false],
    ['1800-01-01', true],
    ['30-06-2020', false],
    ['2020-6-30', false],
    ['2020-06-30T00:00:00Z', false],
    ['', false],
  ])('isGeldigeDatum(%j) is %s', (datum, geldig) => {
    expect(isGeldigeDatum(datum)).toBe(geldig);
  });

  it.each([
    ['2020-06-30', 1, '2020-07-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-29', 2, '2025-03-31'],
    ['2025-10-25', 2, '2025-10-27'],
    ['2025-03-03', 14, '2025-03-17'],
    ['2025-07-15', -15, '2025-06-30'],
    ['2025-01-01', 0, '2025-01-01'],
  ])('plusDagen(%s, %i) is %s, also across daylight saving time', (datum, dagen, verwacht) => {
    expect(plusDagen(datum, dagen)).toBe(verwacht);
  });

  it.each([
    ['2020-06-30', -2, '2020-04-30'],
    ['2025-04-30', -2, '2025-02-28'],
    ['2024-04-30', -2, '2024-02-29'],
    ['2025-03-31', -2, '2025-01-31'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-31', -3, '2025-02-28'],
    ['2025-01-31', -2, '2024-11-30'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-04-01', -3, '2025-01-01'],
    ['2025-02-28', 2, '2025-04-28'],
    ['2025-10-31', 14, '2026-12-31'],
  ])('plusMaanden(%s, %i) is %s (a missing day falls back to the month end)', (datum, maanden, verwacht) => {
    expect(plusMaanden(datum, maanden)).toBe(verwacht);
  });

  it.each([
    ['2025-03-03', '2025-03-17', 14],
    ['2025-03-17', '2025-03-03', -14],
    ['2024-02-01', '2024-03-01', 29],
    ['2025-03-29', '2025-03-31', 2],
    ['2019-07-01', '2020-06-30', 365],
  ])('dagenTussen(%s, %s) is %i', (van, tot, dagen) => {
    expect(dagenTussen(van, tot)).toBe(dagen);
  });

  it.each([
    ['2025-03-03', 1],
    ['2025-03-04', 2],
    ['2025-03-08', 6],
    ['2025-03-09', 7],
    ['2017-11-22', 3],
    ['2024-02-29', 4],
  ])('weekdag(%s) is %i (1 = maandag … 7 = zondag)', (datum, dag) => {
    expect(weekdag(datum)).toBe(dag);
  });

  it.each([
    ['2019-07-01', '01-07-2019'],
    ['2017-11-22', '22-11-2017'],
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['onbekend', 'onbekend'],
  ] as [string | null | undefined, string][])('toonDatum(%j) is %j', (datum, tekst) => {
    expect(toonDatum(datum)).toBe(tekst);
  });

  it.each([
    ['30-06-2020', '2020-06-30'],
    [' 01-07-2019 ', '2019-07-01'],
    ['29-02-2024', '2024-02-29'],
    ['29-02-2025', null],
    ['31-04-2025', null],
    ['1-7-2019', null],
    ['2019-07-01', null],
    ['', null],
  ] as [string, string | null][])('leesNlDatum(%j) is %j', (tekst, datum) => {
    expect(leesNlDatum(tekst)).toBe(datum);
  });

  it.each([
    ['2025-01-01', '2025-01-01'],
    ['2025-03-31', '2025-01-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025-06-30', '2025-04-01'],
    ['2025-08-15', '2025-07-01'],
    ['2025-12-31', '2025-10-01'],
  ])('kwartaalStart(%s) is %s', (datum, start) => {
    expect(kwartaalStart(datum)).toBe(start);
  });

  it.each([
    ['2017-10-01', 2017],
    ['2025-12-31', 2025],
  ])('jaarVan(%s) is %i', (datum, jaar) => {
    expect(jaarVan(datum)).toBe(jaar);
  });

  it.each([
    ['plusDagen', () => plusDagen('2025-02-30', 1)],
    ['plusMaanden', () => plusMaanden('30-06-2020', 1)],
    ['weekdag', () => weekdag('')],
    ['dagenTussen', () => dagenTussen('2025-01-01', '2025-13-01')],
  ])('%s refuses an impossible date instead of guessing', (_naam, f) => {
    expect(f).toThrow(RangeError);
  });

  it('lokaleDatum: the date on this computer\'s clock, also late in the evening and early in the year', () => {
    expect(lokaleDatum(new Date(2025, 2, 1, 23, 30))).toBe('2025-03-01');
    expect(lokaleDatum(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });
});
