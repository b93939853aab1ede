import { describe, expect, it } from 'vitest';
import { kolomLetter, kopVerschil, leesCsv, leesCsvDatum, leesTekst } from '../../../../main/files/csv';
import { schrijfCsv } from '../../../../shared/formats/csv';
import { MB_BESTAND_KOLOMMEN, PVT_EXTRACT_KOLOMMEN } from '../../../../shared/rules/bestanden';
import { verwachtBestandFout } from './hulp';

const utf8 = (tekst: string): Uint8Array => Buffer.from(tekst, 'utf8');
const KOP = [...MB_BESTAND_KOLOMMEN];

describe('reading a CSV of DUO (shared/formats/csv.ts dialect)', () => {
  it('R-DL-4: BOM, ";", CRLF, quoted fields with ";", doubled quotes and a line break inside', () => {
    const csv = schrijfCsv(KOP, [
      ['0014', 'Groningen', '012345611', 'Berg; "de Jonge"', 'Anna\r\nMaria'],
      ['0014', 'Groningen', '001234560', ' spatie ', ''],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(leesCsv(utf8(csv), KOP, 'mb.csv')).toEqual([
      ['0014', 'Groningen', '012345611', 'Berg; "de Jonge"', 'Anna\r\nMaria'],
      ['0014', 'Groningen', '001234560', ' spatie ', ''],
    ]);
  });

  it('R-DL-4: also without BOM, with LF line ends, a header-only file is zero rows', () => {
    expect(leesCsv(utf8('Gemeentecode;Gemeentenaam;BSN;Achternaam;Voornaam\n0034;Almere;012345623;A;B\n'), KOP, 'mb.csv')).toEqual([['0034', 'Almere', '012345623', 'A', 'B']]);
    expect(leesCsv(utf8(schrijfCsv(KOP, [])), KOP, 'mb.csv')).toEqual([]);
  });

  it('refuses a file that is not UTF-8 (Windows-1252 / latin-1 bytes), naming the file', async () => {
    const latin1 = Buffer.from('Gemeentecode;Gemeentenaam;BSN;Achternaam;Voornaam\r\n0014;Groningen;012345611;Zoë;Chloé\r\n', 'latin1');
    await verwachtBestandFout(Promise.resolve().then(() => leesCsv(latin1, KOP, 'mb_0014.csv')), 'BESTAND_CODERING', /'mb_0014\.csv' is niet in UTF-8/);
  });

  it('refuses an empty file: no bytes, only a BOM, only blank lines', async () => {
    for (const leeg of [new Uint8Array(0), utf8('\uFEFF'), utf8('\r\n\r\n')]) {
      await verwachtBestandFout(Promise.resolve().then(() => leesCsv(leeg, KOP, 'leeg.csv')), 'BESTAND_LEEG', /'leeg\.csv' is leeg/);
    }
  });

  it('refuses a row with a field too many or too few, and a broken quote, naming the line', async () => {
    const kop = 'Gemeentecode;Gemeentenaam;BSN;Achternaam;Voornaam\r\n';
    await verwachtBestandFout(Promise.resolve().then(() => leesCsv(utf8(`${kop}0014;Groningen;012345611;A;B\r\n0014;Groningen;012345623;A\r\n`), KOP, 'mb.csv')), 'CSV_ONLEESBAAR', /^Regel 3 van 'mb\.csv' heeft 4 velden in plaats van 5\./);
    await verwachtBestandFout(Promise.resolve().then(() => leesCsv(utf8(`${kop}0014;Groningen;012345611;A;B;C\r\n`), KOP, 'mb.csv')), 'CSV_ONLEESBAAR', /heeft 6 velden in plaats van 5/);
    await verwachtBestandFout(Promise.resolve().then(() => leesCsv(utf8(`${kop}0014;Groningen;012345611;"A;B\r\n`), KOP, 'mb.csv')), 'CSV_ONLEESBAAR', /aanhalingsteken/);
  });
});

describe('the header check names the difference', () => {
  it('a renamed column, by its letter', () => {
    const gevonden = PVT_EXTRACT_KOLOMMEN.map((k) => (k === 'Geboortedatum' ? 'Geb. datum' : k));
    expect(kopVerschil(PVT_EXTRACT_KOLOMMEN, gevonden)).toBe("kolom F heet 'Geb. datum' in plaats van 'Geboortedatum'");
  });

  it('a missing column, an extra one, both, a double one, and the order', () => {
    expect(kopVerschil(KOP, KOP.filter((k) => k !== 'Voornaam'))).toBe("de kolom 'Voornaam' ontbreekt");
    expect(kopVerschil(KOP, KOP.filter((k) => k !== 'BSN' && k !== 'Voornaam'))).toBe("de kolommen 'BSN', 'Voornaam' ontbreken");
    expect(kopVerschil(KOP, [...KOP, 'Telefoon'])).toBe("de kolom 'Telefoon' hoort er niet in");
    expect(kopVerschil(KOP, ['Gemeentecode', 'BSN', 'Achternaam', 'Voornaam', 'Adres', 'Woonplaats'])).toBe("de kolom 'Gemeentenaam' ontbreekt; de kolommen 'Adres', 'Woonplaats' horen er niet in");
    expect(kopVerschil(KOP, [...KOP, 'BSN'])).toBe("de kolom 'BSN' staat er meer dan eens in");
    expect(kopVerschil(KOP, ['BSN', 'Gemeentecode', 'Gemeentenaam', 'Achternaam', 'Voornaam'])).toBe("de kolommen staan in een andere volgorde dan 'Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam'");
    expect(kopVerschil(KOP, KOP)).toBeNull();
  });

  it('R-DL-3: leesCsv refuses a PVT extract whose header differs, with the difference in the message', async () => {
    const kop = PVT_EXTRACT_KOLOMMEN.map((k) => (k === 'MB gemeld bij BZK' ? 'Gemeld BZK' : k));
    await verwachtBestandFout(
      Promise.resolve().then(() => leesCsv(utf8(schrijfCsv(kop, [])), PVT_EXTRACT_KOLOMMEN, 'isi_pvt_0014_20250301.csv')),
      'CSV_KOP',
      /^De kopregel van 'isi_pvt_0014_20250301\.csv' is niet zoals DUO hem levert: kolom Q heet 'Gemeld BZK' in plaats van 'MB gemeld bij BZK'\. Het bestand is niet geopend\. Download het bestand opnieuw/,
    );
    // A column too few is told as such, not as row 2 having a field too many.
    await verwachtBestandFout(
      Promise.resolve().then(() => leesCsv(utf8(schrijfCsv(PVT_EXTRACT_KOLOMMEN.slice(0, 21), [Array(22).fill('x')])), PVT_EXTRACT_KOLOMMEN, 'x.csv')),
      'CSV_KOP',
      /de kolom 'Indicatie status factuur' ontbreekt/,
    );
  });
});

describe('helpers', () => {
  it('kolomLetter counts as Excel does', () => {
    expect([0, 21, 23, 25, 26, 27, 51, 52, 701, 702].map(kolomLetter)).toEqual(['A', 'V', 'X', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('leesCsvDatum: dd-mm-jjjj to ISO, empty to null, anything else refused with row and column', async () => {
    const plaats = { bestand: 'isi_pvt_0014_20250301.csv', rij: 7, kolom: 'Geboortedatum' };
    expect(leesCsvDatum('24-12-1991', plaats)).toBe('1991-12-24');
    expect(leesCsvDatum('', plaats)).toBeNull();
    for (const fout of ['1991-12-24', '31-02-1991', '24/12/1991']) {
      await verwachtBestandFout(Promise.resolve().then(() => leesCsvDatum(fout, plaats)), 'CSV_WAARDE', new RegExp(`^Rij 7 van 'isi_pvt_0014_20250301\\.csv': '${fout}' in kolom 'Geboortedatum' is geen datum \\(dd-mm-jjjj\\)`));
    }
  });

  it('leesTekst keeps the text without its BOM', () => {
    expect(leesTekst(utf8('\uFEFFDisclaimer\r\n- tekst'), 'disclaimer.txt')).toBe('Disclaimer\r\n- tekst');
  });
});
