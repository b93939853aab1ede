import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_REGELEINDE, CSV_SCHEIDINGSTEKEN, csvRegel, schrijfCsv } from '../../../shared/formats/csv';

describe('CSV dialect of every ISI file (R-DL-3, R-DL-4, R-SIG-7)', () => {
  it('UTF-8 BOM, ";" and CRLF, so Dutch Excel opens it as it is', () => {
    expect([CSV_BOM, CSV_SCHEIDINGSTEKEN, CSV_REGELEINDE]).toEqual(['\uFEFF', ';', '\r\n']);
  });

  const velden: [string, string | number | null | undefined, string][] = [
    ['plain text', 'Groningen', 'Groningen'],
    ['a BSN with leading zeros stays text', '000022020', '000022020'],
    ['a date dd-mm-jjjj', '22-11-2017', '22-11-2017'],
    ['a number', 4, '4'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['empty', '', ''],
    ['a separator', 'Vrijstellingen;ontheffing', '"Vrijstellingen;ontheffing"'],
    ['a double quote', 'de "Nieuwe" gemeente', '"de ""Nieuwe"" gemeente"'],
    ['only a quote', '"', '""""'],
    ['a line feed', 'regel 1\nregel 2', '"regel 1\nregel 2"'],
    ['a carriage return', 'regel 1\rregel 2', '"regel 1\rregel 2"'],
    ['CRLF', 'regel 1\r\nregel 2', '"regel 1\r\nregel 2"'],
    ['a leading space Excel would drop', ' van', '" van"'],
    ['a trailing space', 'van ', '"van "'],
    ['an apostrophe needs no quotes', "'s-Hertogenbosch", "'s-Hertogenbosch"],
    ['diacritics stay as they are', 'Súdwest-Fryslân', 'Súdwest-Fryslân'],
    ['a comma is no separator here', 'Bijzondere omstandigheden, Ziekte', 'Bijzondere omstandigheden, Ziekte'],
  ];
  it.each(velden)('a field with %s', (_naam, waarde, verwacht) => {
    expect(csvRegel([waarde])).toBe(`${verwacht}\r\n`);
  });

  it.each([
    ['two plain fields', ['a', 'b'], 'a;b\r\n'],
    ['empty fields keep their place', ['', null, 'x', undefined], ';;x;\r\n'],
    ['quoting inside a row', ['994002026', 'A;B', 'C'], '994002026;"A;B";C\r\n'],
    ['no fields', [], '\r\n'],
  ] as [string, (string | null | undefined)[], string][])('a row with %s', (_naam, rij, verwacht) => {
    expect(csvRegel(rij)).toBe(verwacht);
  });

  it.each([
    ['header only', ['BSN', 'Achternaam'], [], '\uFEFFBSN;Achternaam\r\n'],
    ['header and two rows', ['BSN', 'Achternaam'], [['335297602', 'Ycobtgattcocotubgaumuffcotub'], ['000022020', 'O"Brien; jr.']],
      '\uFEFFBSN;Achternaam\r\n335297602;Ycobtgattcocotubgaumuffcotub\r\n000022020;"O""Brien; jr."\r\n'],
  ] as [string, string[], string[][], string][])('a file with %s', (_naam, kop, rijen, verwacht) => {
    expect(schrijfCsv(kop, rijen)).toBe(verwacht);
  });

  it('rows may come from a generator, so large extracts need not sit in memory', () => {
    function* rijen() {
      yield ['1'];
      yield ['2'];
    }
    expect(schrijfCsv(['n'], rijen())).toBe('\uFEFFn\r\n1\r\n2\r\n');
  });
});
