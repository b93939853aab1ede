import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bestanden, type Persoon as PersoonType } from '../../../shared/schemas/api';
import { startTestServer } from '../../helpers/isi';
import { haalBytes, leesCsv, maakPersoon, verwachtKoppen, verwachtProbleem, zetKlok } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01' });

let token = '';
let raadplegen = '';
let metReden: PersoonType;
let mbPersoon: PersoonType;

beforeAll(async () => {
  token = await isi.login('demo-muteren');
  raadplegen = await isi.login('demo-raadplegen');
  // Made before the day's files are first asked for, so they are in today's files.
  metReden = await maakPersoon(isi, token, {
    gemeentecode: '0014', voornamen: 'Anna Maria', voorvoegsels: 'van der', achternaam: 'Berg; "de Jonge"', geslacht: 2, geboortedatum: '1991-12-24',
    datumStartPvtPlicht: '2023-06-01', datumEindePvtPlicht: '2024-05-31', redenNietVoldaan: 'GEEN_AANBOD', rechtOpMb: 'J', datumMbGemeldBijBzk: '2021-02-11',
  });
  mbPersoon = await maakPersoon(isi, token, { gemeentecode: '0014', achternaam: 'Mbpersoon', voornamen: 'Karim', rechtOpMb: 'J', datumMbGemeldBijBzk: '2021-02-11', gemeenteEersteVestiging: '0014' });
});

/** The gemeente's file as a zip, opened. */
async function open(gc: string, bestandsnaam: string, t = token): Promise<{ zip: JSZip; headers: Headers }> {
  const r = await haalBytes(isi, `/api/v1/gemeenten/${gc}/bestanden/${bestandsnaam}`, t);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/zip');
  expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${bestandsnaam}"`);
  expect(r.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return { zip: await JSZip.loadAsync(r.bytes), headers: r.headers };
}

async function csvUit(zip: JSZip, naam: string): Promise<string[][]> {
  const bestand = zip.file(naam);
  expect(bestand, naam).not.toBeNull();
  const bytes = await bestand!.async('nodebuffer');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return leesCsv(bytes.toString('utf8'));
}

/** R-DL-3 (legend §4.4), columns A to V in order. */
const PVT_KOLOMMEN = [
  'BSN', 'Voornamen', 'Voorvoegsels', 'Achternaam', 'Geslacht', 'Geboortedatum', 'Gemeente eerste vestiging', 'Gemeente einde PVT',
  'PVT-plichtig', 'Datum start PVT-plicht', 'Datum einde PVT-plicht', 'Datum start deelname PV-traject', 'Datum einde deelname PV-traject',
  'Datum voldaan PVT-plicht', 'Reden niet voldaan aan PVT-plicht', 'Recht op maatschappelijke begeleiding', 'MB gemeld bij BZK',
  'Factuur aanwezig', 'Factuurnummer', 'Factuurdatum', 'Debiteurnummer', 'Indicatie status factuur',
];

describe('GET /bestanden (R-DL-1)', () => {
  it('R-DL-1: the list holds "PVT extract in csv formaat" isi_pvt.zip of today and the MB files per year', async () => {
    const r = await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden', { token: raadplegen });
    expect(r.status).toBe(200);
    verwachtKoppen(r);
    const lijst = Bestanden.parse(r.body);
    expect(lijst).toContainEqual({ omschrijving: 'PVT extract in csv formaat', datum: '2025-03-01', bestandsnaam: 'isi_pvt.zip' });
    expect(lijst).toContainEqual({ omschrijving: 'Maatschappelijke begeleiding 2021 in csv formaat', datum: '2025-03-01', bestandsnaam: 'maatschappelijke_begeleiding_2021.zip' });
    for (const b of lijst.filter((x) => x.bestandsnaam !== 'isi_pvt.zip')) {
      const jaar = /^maatschappelijke_begeleiding_(\d{4})\.zip$/.exec(b.bestandsnaam)?.[1];
      expect(jaar, b.bestandsnaam).toBeDefined();
      expect(b.omschrijving).toBe(`Maatschappelijke begeleiding ${jaar} in csv formaat`);
    }
  });

  it('R-DL-1: an unknown file → 404', async () => {
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden/geheim.zip', { token }), 404);
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden/..%2F..%2Fetc%2Fpasswd', { token }), 404);
    verwachtProbleem(await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden/maatschappelijke_begeleiding_1999.zip', { token }), 404);
  });
});

describe('the PVT extract isi_pvt.zip (R-DL-1 … R-DL-3)', () => {
  let zip: JSZip;
  let rijen: string[][];
  beforeAll(async () => {
    zip = (await open('0014', 'isi_pvt.zip', raadplegen)).zip;
    const csv = Object.keys(zip.files).find((n) => n.endsWith('.csv') && n !== 'legenda.csv')!;
    rijen = await csvUit(zip, csv);
  });

  it('R-DL-1: the zip holds a CSV whose name holds the gemeentecode, a legend and a disclaimer', () => {
    expect(Object.keys(zip.files).sort()).toEqual(['disclaimer.txt', 'isi_pvt_0014_20250301.csv', 'legenda.csv']);
  });

  it('R-DL-3: the 22 columns A–V in the legend\'s order', () => {
    expect(rijen[0]).toEqual(PVT_KOLOMMEN);
    for (const rij of rijen) expect(rij).toHaveLength(22);
  });

  it('R-DL-3: one row per person of the PIB (uitgeschreven excluded), sorted on BSN', async () => {
    const w = (await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token, body: { verblijf: 'WOONACHTIG' } })).body.totaal as number;
    const v = (await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token, body: { verblijf: 'VOORMALIG' } })).body.totaal as number;
    const data = rijen.slice(1);
    expect(data).toHaveLength(w + v);
    const bsns = data.map((r) => r[0]!);
    expect(bsns).toEqual([...bsns].sort());
    expect(new Set(bsns).size).toBe(bsns.length);
    const uitgeschreven = isi.db.prepare("SELECT bsn FROM personen WHERE uitgeschreven = 1 AND gemeentecode = '0014'").all() as { bsn: string }[];
    expect(uitgeschreven.length).toBeGreaterThan(0);
    for (const u of uitgeschreven) expect(bsns).not.toContain(u.bsn);
  });

  it('R-DL-3: every value has its legend\'s form: dates dd-mm-jjjj, J/N/empty, N.v.t./J/N, status 1–6 or empty', () => {
    const datum = /^(\d{2}-\d{2}-\d{4})?$/;
    for (const r of rijen.slice(1)) {
      expect(r[0]).toMatch(/^\d{9}$/);
      expect(['0', '1', '2']).toContain(r[4]);
      for (const i of [5, 9, 10, 11, 12, 13, 19]) expect(r[i], `${PVT_KOLOMMEN[i]} ${r[i]}`).toMatch(datum);
      expect(r[5]).not.toBe('');
      expect(['', 'J', 'N']).toContain(r[8]);
      expect(['', 'J', 'N']).toContain(r[15]);
      expect(['', 'J', 'N']).toContain(r[16]);
      expect(['N.v.t.', 'J', 'N']).toContain(r[17]);
      expect(['', '1', '2', '3', '4', '5', '6']).toContain(r[21]);
      // An invoice number only where Factuur aanwezig is J.
      expect(r[18] !== '').toBe(r[17] === 'J');
    }
  });

  it('R-DL-3: the handbook\'s invoice person 604269602 exactly', () => {
    expect(rijen.find((r) => r[0] === '604269602')).toEqual([
      '604269602', 'Test', '', 'Ycobtstbbstbucabmsubgicacob', '1', '17-05-1985', 'Groningen', 'Groningen', 'J', '15-01-2019', '14-01-2020',
      '01-10-2019', '15-10-2019', '15-10-2019', '', 'N', 'N', 'J', '155441', '04-11-2019', '', '2',
    ]);
    expect(rijen.find((r) => r[0] === '994002026')?.slice(14, 18)).toEqual(['', 'N', 'N', 'N.v.t.']);
  });

  it('R-DL-3: the reason as the handbook\'s text, names with ";" and quotes intact, MB gemeld J', () => {
    expect(rijen.find((r) => r[0] === metReden.bsn)).toEqual([
      metReden.bsn, 'Anna Maria', 'van der', 'Berg; "de Jonge"', '2', '24-12-1991', 'Groningen', '', 'J', '01-06-2023', '31-05-2024',
      '', '', '', 'Gemeente kon binnen de PVT-termijn geen PV-traject aanbieden', 'J', 'J', 'N.v.t.', '', '', '', '',
    ]);
  });

  it('R-DL-3: the legend lists the 22 columns A–V', async () => {
    const legenda = await csvUit(zip, 'legenda.csv');
    expect(legenda[0]).toEqual(['Kolom', 'Naam', 'Definitie', 'Mogelijke waarden', 'Herkomst']);
    expect(legenda.slice(1).map((r) => r[0])).toEqual('ABCDEFGHIJKLMNOPQRSTUV'.split(''));
    expect(legenda.slice(1).map((r) => r[1])).toEqual(PVT_KOLOMMEN);
    expect(legenda.find((r) => r[0] === 'E')?.[3]).toContain('2 = Vrouwelijk');
    expect(legenda.find((r) => r[0] === 'V')?.[3]).toContain("6 = 'Factuur geweigerd'");
  });

  it('R-DL-2: the disclaimer: newest version, prevent improper use, destroy after analysis, only for the Wet inburgering', async () => {
    const tekst = await zip.file('disclaimer.txt')!.async('string');
    expect(tekst).toContain('meest recente versie');
    expect(tekst).toContain('oneigenlijk gebruik');
    expect(tekst).toContain('vernietigen');
    expect(tekst).toContain('uitvoering van de Wet inburgering');
  });
});

describe('the MB file (R-DL-4)', () => {
  it('R-DL-4: Gemeentecode / Gemeentenaam / BSN / Achternaam / Voornaam of everyone with a right to MB reported that year', async () => {
    const { zip } = await open('0014', 'maatschappelijke_begeleiding_2021.zip');
    expect(Object.keys(zip.files).sort()).toEqual(['disclaimer.txt', 'maatschappelijke_begeleiding_2021_0014_20250301.csv']);
    const [kop, ...rijen] = await csvUit(zip, 'maatschappelijke_begeleiding_2021_0014_20250301.csv');
    expect(kop).toEqual(['Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam']);
    expect(rijen).toContainEqual(['0014', 'Groningen', mbPersoon.bsn, 'Mbpersoon', 'Karim']);
    expect(rijen).toContainEqual(['0014', 'Groningen', metReden.bsn, 'Berg; "de Jonge"', 'Anna Maria']);
    const verwacht = isi.db.prepare(`SELECT bsn FROM personen WHERE recht_op_mb = 'J' AND gemeente_eerste_vestiging = '0014' AND wet = 'WI2013'
                                     AND datum_mb_gemeld_bij_bzk BETWEEN '2021-01-01' AND '2021-12-31' ORDER BY bsn`).all() as { bsn: string }[];
    expect(rijen.map((r) => r[2])).toEqual(verwacht.map((v) => v.bsn));
  });

  it('R-DL-4: every MB year in the list opens as a zip with its CSV', async () => {
    const lijst = Bestanden.parse((await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden', { token })).body);
    const mb = lijst.filter((b) => b.bestandsnaam.startsWith('maatschappelijke_begeleiding_'));
    expect(mb.length).toBeGreaterThanOrEqual(2);
    for (const b of mb) {
      const { zip } = await open('0014', b.bestandsnaam);
      const csv = `${b.bestandsnaam.replace('.zip', '')}_0014_20250301.csv`;
      const [kop, ...rijen] = await csvUit(zip, csv);
      expect(kop).toEqual(['Gemeentecode', 'Gemeentenaam', 'BSN', 'Achternaam', 'Voornaam']);
      expect(rijen.length).toBeGreaterThan(0);
      for (const r of rijen) expect(r.slice(0, 2)).toEqual(['0014', 'Groningen']);
    }
  });
});

describe('daily refresh (R-DL-1)', () => {
  it('R-DL-1: the next day the files carry the new date and the changes of the day before', async () => {
    const nieuw = await maakPersoon(isi, token, { gemeentecode: '0014', achternaam: 'Gisteren' });
    const vandaag = (await open('0014', 'isi_pvt.zip')).zip;
    const csvVandaag = await csvUit(vandaag, 'isi_pvt_0014_20250301.csv');
    expect(csvVandaag.some((r) => r[0] === nieuw.bsn)).toBe(false);
    await zetKlok(isi, token, '2025-03-02');
    const lijst = Bestanden.parse((await isi.vraag('GET', '/api/v1/gemeenten/0014/bestanden', { token })).body);
    expect(lijst).toContainEqual({ omschrijving: 'PVT extract in csv formaat', datum: '2025-03-02', bestandsnaam: 'isi_pvt.zip' });
    const morgen = (await open('0014', 'isi_pvt.zip')).zip;
    const csv = await csvUit(morgen, 'isi_pvt_0014_20250302.csv');
    expect(csv.find((r) => r[0] === nieuw.bsn)?.[3]).toBe('Gisteren');
  });

  it('R-GEM-1: each gemeente gets its own file: Almere\'s extract holds only Almere\'s PIB', async () => {
    const { zip } = await open('0034', 'isi_pvt.zip');
    const rijen = await csvUit(zip, 'isi_pvt_0034_20250302.csv');
    expect(rijen.some((r) => r[0] === '491945449')).toBe(true);
    expect(rijen.some((r) => r[0] === '604269602')).toBe(false);
  });
});
