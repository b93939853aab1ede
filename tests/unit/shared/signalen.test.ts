import { describe, expect, it } from 'vitest';
import { schrijfCsv } from '../../../shared/formats/csv';
import { plusDagen } from '../../../shared/datum';
import { signaalExportRij, SIGNAAL_EXPORT_KOLOMMEN } from '../../../shared/rules/bestanden';
import { MELDING_ALLEEN_RAADPLEGEN, type Rol } from '../../../shared/rules/rollen';
import {
  DOWNLOAD_BEZIG, DOWNLOAD_GELUKT, isOpenstaand, moetSignaalOpschonen, NIEUWE_SIGNAAL_STATUSSEN, omschrijvingInLijst, openstaandTekst,
  SIGNAAL_CODES, SIGNAAL_KOLOMMEN, SIGNAAL_STATUS_TEKST, SIGNAAL_STATUSSEN, SIGNAAL_TEKSTEN, SIGNALEN_PAGINA_GROOTTE, signalenGeselecteerdTekst,
  signalenGevondenTekst, signalenVoorGebeurtenis, termijnEindesVoorDag, termijnsignalenVoorDag, verhuisToegang, weigerSignaalFilters,
  weigerSignaalStatuswijziging, type GebeurtenisFeiten, type SignaalCode, type SignaalFilters, type SignaalStatus, type TeMakenSignaal,
} from '../../../shared/rules/signalen';
import { volgendeSortering, type Sortering } from '../../../shared/rules/zoeken';
import { SignaalCode as SignaalCodeSchema, Statuswijziging } from '../../../shared/schemas/api';

const ID = '3f6f1c1e-1d2b-4c59-9a51-0a6f0d1e2c3b';

describe('R-SIG-1 statuses', () => {
  it.each([
    ['NIEUW', 'Nieuw'],
    ['IN_BEHANDELING', 'In behandeling'],
    ['AFGEHANDELD', 'Afgehandeld'],
  ] as [SignaalStatus, string][])('R-SIG-1: %s is shown as "%s"', (status, tekst) => {
    expect(SIGNAAL_STATUS_TEKST[status]).toBe(tekst);
  });

  it('R-SIG-1: exactly three statuses', () => {
    expect([...SIGNAAL_STATUSSEN]).toEqual(['NIEUW', 'IN_BEHANDELING', 'AFGEHANDELD']);
  });
});

describe('R-SIG-2 DUO cleans signals', () => {
  type S = { status: SignaalStatus; datum: string; statusGewijzigdOp: string | null };
  const gevallen: [string, S, string, boolean][] = [
    ['Afgehandeld 6 days ago: kept', { status: 'AFGEHANDELD', datum: '2025-01-06', statusGewijzigdOp: '2025-03-03' }, '2025-03-09', false],
    ['Afgehandeld a week ago: deleted', { status: 'AFGEHANDELD', datum: '2025-01-06', statusGewijzigdOp: '2025-03-03' }, '2025-03-10', true],
    ['Afgehandeld longer ago: deleted', { status: 'AFGEHANDELD', datum: '2025-01-06', statusGewijzigdOp: '2025-03-03' }, '2025-04-01', true],
    ['the week counts from Afgehandeld, not from the signal date', { status: 'AFGEHANDELD', datum: '2024-01-06', statusGewijzigdOp: '2025-03-05' }, '2025-03-10', false],
    ['Afgehandeld without a change date counts from the signal date', { status: 'AFGEHANDELD', datum: '2025-03-03', statusGewijzigdOp: null }, '2025-03-10', true],
    ['Nieuw for more than a quarter, on the first day of a quarter: cleaned', { status: 'NIEUW', datum: '2024-12-31', statusGewijzigdOp: null }, '2025-04-01', true],
    ['Nieuw for exactly a quarter: kept until the next clean-up', { status: 'NIEUW', datum: '2025-01-01', statusGewijzigdOp: null }, '2025-04-01', false],
    ['Nieuw and old, but not the first day of a quarter: kept', { status: 'NIEUW', datum: '2024-06-01', statusGewijzigdOp: null }, '2025-04-02', false],
    ['Nieuw and old, the day before a quarter starts: kept', { status: 'NIEUW', datum: '2024-06-01', statusGewijzigdOp: null }, '2025-03-31', false],
    ['Nieuw, clean-up of 1 January', { status: 'NIEUW', datum: '2024-09-30', statusGewijzigdOp: null }, '2025-01-01', true],
    ['Nieuw, clean-up of 1 July', { status: 'NIEUW', datum: '2025-03-31', statusGewijzigdOp: null }, '2025-07-01', true],
    ['Nieuw, clean-up of 1 October', { status: 'NIEUW', datum: '2025-06-30', statusGewijzigdOp: null }, '2025-10-01', true],
    ['In behandeling is taken into treatment: never cleaned', { status: 'IN_BEHANDELING', datum: '2023-01-01', statusGewijzigdOp: '2023-01-02' }, '2025-04-01', false],
  ];
  it.each(gevallen)('R-SIG-2: %s', (_naam, signaal, vandaag, weg) => {
    expect(moetSignaalOpschonen(signaal, vandaag)).toBe(weg);
  });
});

describe('R-SIG-3 how many are not handled yet', () => {
  it.each([
    ['NIEUW', true],
    ['IN_BEHANDELING', true],
    ['AFGEHANDELD', false],
  ] as [SignaalStatus, boolean][])('R-SIG-3: %s counts as open: %s', (status, open) => {
    expect(isOpenstaand(status)).toBe(open);
  });

  it.each([
    [0, 'Er zijn 0 signalen die nog niet zijn afgehandeld.'],
    [1, 'Er is 1 signaal dat nog niet is afgehandeld.'],
    [19, 'Er zijn 19 signalen die nog niet zijn afgehandeld.'],
  ])('R-SIG-3: %i open', (aantal, tekst) => {
    expect(openstaandTekst(aantal)).toBe(tekst);
  });
});

describe('R-SIG-4 filters in any combination', () => {
  const geldig: [string, SignaalFilters][] = [
    ['no filter', {}],
    ['BSN of §3.8', { bsn: '335297602' }],
    ['code signaal', { code: 'SS601' }],
    ['datum vanaf', { datumVan: '2017-11-22' }],
    ['datum tot en met', { datumTot: '2017-11-22' }],
    ['one day', { datumVan: '2017-11-22', datumTot: '2017-11-22' }],
    ['status', { status: 'IN_BEHANDELING' }],
    ['all together', { bsn: '335297602', code: 'SS601', datumVan: '2017-11-01', datumTot: '2017-11-30', status: 'NIEUW' }],
    ['an empty BSN field', { bsn: '', status: 'NIEUW' }],
    ['an emptied date field', { code: 'SS603', datumVan: '' }],
  ];
  it.each(geldig)('R-SIG-4: accepted: %s', (_naam, filters) => {
    expect(weigerSignaalFilters(filters)).toBeNull();
  });

  const fout: [string, SignaalFilters, string, string][] = [
    ['BSN failing the elfproef', { bsn: '123456789' }, 'R-BSN-1', 'bsn'],
    ['BSN of 8 digits', { bsn: '33529760' }, 'R-BSN-1', 'bsn'],
    ['impossible datum vanaf', { datumVan: '2017-11-31' }, 'R-SIG-4', 'datumVan'],
    ['impossible datum tot en met', { datumTot: '2017-02-29' }, 'R-SIG-4', 'datumTot'],
    ['tot en met before vanaf', { datumVan: '2017-11-22', datumTot: '2017-11-21' }, 'R-SIG-4', 'datumTot'],
  ];
  it.each(fout)('R-SIG-4: refused: %s', (_naam, filters, regel, veld) => {
    const w = weigerSignaalFilters(filters);
    expect(w?.regel).toBe(regel);
    expect(w?.status).toBe(400);
    expect(w?.fouten?.map((f) => f.veld)).toEqual([veld]);
  });

  it.each([
    [{ datumVan: '2017-11-31' }, "'Datum vanaf' is geen geldige datum."],
    [{ datumTot: '2017-02-29' }, "'Datum tot en met' is geen geldige datum."],
    [{ datumVan: '2017-11-22', datumTot: '2017-11-21' }, "'Datum tot en met' ligt voor 'Datum vanaf'."],
  ] as [SignaalFilters, string][])('R-SIG-4: %j says "%s"', (filters, melding) => {
    expect(weigerSignaalFilters(filters)?.fouten?.[0]?.melding).toBe(melding);
  });
});

describe('R-SIG-5 results list', () => {
  it('R-SIG-5: columns of §3.8 after the select box, 10 rows a page', () => {
    expect(SIGNAAL_KOLOMMEN.map((k) => k.titel)).toEqual(['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal']);
    expect(SIGNALEN_PAGINA_GROOTTE).toBe(10);
  });

  it.each([
    [19, 'Er zijn 19 signalen gevonden.', 'Er zijn 19 signalen geselecteerd.'],
    [0, 'Er zijn 0 signalen gevonden.', 'Er zijn 0 signalen geselecteerd.'],
    [1, 'Er is 1 signaal gevonden.', 'Er is 1 signaal geselecteerd.'],
  ])('R-SIG-5: %i signals', (n, gevonden, geselecteerd) => {
    expect(signalenGevondenTekst(n)).toBe(gevonden);
    expect(signalenGeselecteerdTekst(n)).toBe(geselecteerd);
  });

  type S = Sortering<'status' | 'bsn' | 'code' | 'datum'>;
  it.each([
    ["default BSN, click 'Code signaal': laag naar hoog", { kolom: 'bsn', aflopend: false }, 'code', { kolom: 'code', aflopend: false }],
    ["click 'Code signaal' again: hoog naar laag", { kolom: 'code', aflopend: false }, 'code', { kolom: 'code', aflopend: true }],
    ["then 'Datum signaal': laag naar hoog", { kolom: 'code', aflopend: true }, 'datum', { kolom: 'datum', aflopend: false }],
  ] as [string, S, S['kolom'], S][])('R-SIG-5: %s', (_naam, huidig, kolom, verwacht) => {
    expect(volgendeSortering(huidig, kolom)).toEqual(verwacht);
  });
});

describe('R-SIG-6 changing the status of selected signals', () => {
  it.each([
    ['WI2013MUT with a selection', ['WI2013MUT'], [ID], null],
    ['WI2013MUT with all selected (header box)', ['WI2013', 'WI2013MUT'], [ID, 'a1b2c3d4-0000-4000-8000-000000000001'], null],
    ['WI2013MUT without a selection', ['WI2013MUT'], [], {
      regel: 'R-SIG-6', status: 400, melding: 'Niet alle velden zijn goed ingevuld.',
      fouten: [{ veld: 'ids', code: 'VERPLICHT', melding: 'Selecteer eerst één of meer signalen.' }],
    }],
    ['only WI2013 (footnote 8)', ['WI2013'], [ID], { regel: 'R-ROL-3', status: 403, melding: MELDING_ALLEEN_RAADPLEGEN }],
  ] as [string, Rol[], string[], unknown][])('R-SIG-6: %s', (_naam, rollen, ids, verwacht) => {
    expect(weigerSignaalStatuswijziging(rollen, ids)).toEqual(verwacht);
  });

  it.each([
    ['IN_BEHANDELING', true],
    ['AFGEHANDELD', true],
    ['NIEUW', false],
  ])('R-SIG-6: setting status %s is possible: %s', (status, mogelijk) => {
    expect((NIEUWE_SIGNAAL_STATUSSEN as readonly string[]).includes(status)).toBe(mogelijk);
    expect(Statuswijziging.safeParse({ ids: [ID], status }).success).toBe(mogelijk);
  });
});

describe('R-SIG-7 "Download alle signalen"', () => {
  it.each([
    ['while downloading', DOWNLOAD_BEZIG, 'Even geduld a.u.b. - Alle signalen worden gedownload'],
    ['when done', DOWNLOAD_GELUKT, 'GELUKT - Download gereed - Alle signalen zijn succesvol gedownload'],
  ])('R-SIG-7: the notice %s', (_naam, constante, tekst) => {
    expect(constante).toBe(tekst);
  });

  const rijen: [string, Parameters<typeof signaalExportRij>[0], string[]][] = [
    ['the first signal of §3.8', { status: 'IN_BEHANDELING', bsn: '335297602', achternaam: 'Ycobtgattcocotubgaumuffcotub', code: 'SS601', datum: '2017-11-22' },
      ['In behandeling', '335297602', 'Ycobtgattcocotubgaumuffcotub', 'SS601', 'Persoon is PVT-plichtig', '22-11-2017']],
    ['a Nieuw signal of §3.8', { status: 'NIEUW', bsn: '335304205', achternaam: 'Ycobtgattcocotuttsmbfgattb', code: 'SS601', datum: '2017-11-22' },
      ['Nieuw', '335304205', 'Ycobtgattcocotuttsmbfgattb', 'SS601', 'Persoon is PVT-plichtig', '22-11-2017']],
    ['an Afgehandeld SS614 with a leading-zero BSN', { status: 'AFGEHANDELD', bsn: '000022020', achternaam: 'Test', code: 'SS614', datum: '2025-01-02' },
      ['Afgehandeld', '000022020', 'Test', 'SS614', 'Persoon is vertrokken uit uw gemeente.', '02-01-2025']],
  ];
  it.each(rijen)('R-SIG-7: export row for %s', (_naam, signaal, rij) => {
    expect(signaalExportRij(signaal)).toEqual(rij);
  });

  it('R-SIG-7: the export opens in Excel: BOM, header, ; and CRLF', () => {
    const csv = schrijfCsv(SIGNAAL_EXPORT_KOLOMMEN, [signaalExportRij({ status: 'IN_BEHANDELING', bsn: '335297602', achternaam: 'Ycobtgattcocotubgaumuffcotub', code: 'SS601', datum: '2017-11-22' })]);
    expect(csv).toBe(
      '\uFEFFStatus signaal;BSN;Achternaam;Code signaal;Omschrijving signaal;Datum signaal\r\n' +
      'In behandeling;335297602;Ycobtgattcocotubgaumuffcotub;SS601;Persoon is PVT-plichtig;22-11-2017\r\n',
    );
  });
});

// §3.9, "De volgende signalen kunnen voorkomen", verbatim.
const HANDBOEK_SIGNALEN: [SignaalCode, string][] = [
  ['SS601', 'Persoon is participatieplichtig.'],
  ['SS602', 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn loopt over 2 maanden af.'],
  ['SS603', 'Persoon heeft de participatieverklaring nog niet ondertekend en de termijn is overschreden.'],
  ['SS604', 'De termijn is 2 weken geleden overschreden en de persoon heeft de participatieverklaring nog niet ondertekend of reden niet ondertekend of reden niet deelgenomen aan PV-traject is nog niet geregistreerd.'],
  ['SS606', 'Inburgeringsplicht van persoon is gewijzigd.'],
  ['SS607', 'Participatieplicht van persoon is gewijzigd.'],
  ['SS608', 'Datum start participatieplicht is gewijzigd.'],
  ['SS609', 'Datum einde participatieplicht is gewijzigd.'],
  ['SS610', 'Recht op maatschappelijke begeleiding van persoon is gewijzigd.'],
  ['SS611', 'Persoon heeft factuur geweigerd.'],
  ['SS612', 'Persoon heeft factuur geaccepteerd.'],
  ['SS613', 'Persoon is verhuisd naar uw gemeente.'],
  ['SS614', 'Persoon is vertrokken uit uw gemeente.'],
];

describe('R-SIG-8 codes and texts', () => {
  it.each(HANDBOEK_SIGNALEN)('R-SIG-8: %s "%s"', (code, tekst) => {
    expect(SIGNAAL_TEKSTEN[code]).toBe(tekst);
  });

  it('R-SIG-8: exactly the 13 codes, in order, without SS605', () => {
    expect(SIGNAAL_CODES).toEqual(HANDBOEK_SIGNALEN.map(([code]) => code));
    expect(SIGNAAL_CODES).toHaveLength(13);
    expect(SIGNAAL_CODES).not.toContain('SS605');
  });

  it.each([
    ['SS605', false],
    ['SS600', false],
    ['SS615', false],
    ['ss601', false],
    ['SS601', true],
    ['SS614', true],
  ])('R-SIG-8: the code filter accepts %s: %s', (code, geldig) => {
    expect(SignaalCodeSchema.safeParse(code).success).toBe(geldig);
  });

  it.each(HANDBOEK_SIGNALEN)('R-SIG-8: %s in the results list', (code, tekst) => {
    expect(omschrijvingInLijst(code)).toBe(code === 'SS601' ? 'Persoon is PVT-plichtig' : tekst);
  });
});

describe('R-SIG-9 moving', () => {
  it.each([
    ['the new gemeente (SS613) reads and changes', 'WOONACHTIG', { magLezen: true, magWijzigen: true }],
    ['the old gemeente (SS614) only reads', 'VOORMALIG', { magLezen: true, magWijzigen: false }],
  ] as [string, 'WOONACHTIG' | 'VOORMALIG', unknown][])('R-SIG-9: %s', (_naam, verblijf, toegang) => {
    expect(verhuisToegang(verblijf)).toEqual(toegang);
  });

  it.each([
    ['Groningen → Almere', '0014', '0034'],
    ['Almere → Groningen', '0034', '0014'],
  ])('R-SIG-9: a move %s signals both gemeenten', (_naam, van, naar) => {
    expect(signalenVoorGebeurtenis({ type: 'VERHUISD', gemeentecode: van, naarGemeentecode: naar })).toEqual([
      { code: 'SS614', gemeentecode: van },
      { code: 'SS613', gemeentecode: naar },
    ]);
  });
});

describe('R-SIG-10 (inferred) which event raises which signal', () => {
  const gebeurtenissen: [string, GebeurtenisFeiten, TeMakenSignaal[]][] = [
    ['FACTUUR_GEACCEPTEERD', { type: 'FACTUUR_GEACCEPTEERD', gemeentecode: '0014' }, [{ code: 'SS612', gemeentecode: '0014' }]],
    ['FACTUUR_GEWEIGERD', { type: 'FACTUUR_GEWEIGERD', gemeentecode: '0014' }, [{ code: 'SS611', gemeentecode: '0014' }]],
    ['VERHUISD to another gemeente', { type: 'VERHUISD', gemeentecode: '0014', naarGemeentecode: '0034' }, [{ code: 'SS614', gemeentecode: '0014' }, { code: 'SS613', gemeentecode: '0034' }]],
    ['VERHUISD within the gemeente', { type: 'VERHUISD', gemeentecode: '0014', naarGemeentecode: '0014' }, []],
    ['VERHUISD without a new gemeente', { type: 'VERHUISD', gemeentecode: '0014' }, []],
    ['PVT_PLICHT_GEWIJZIGD to J: also becomes PVT-plichtig', { type: 'PVT_PLICHT_GEWIJZIGD', gemeentecode: '0014', pvtPlichtigWordt: 'J' }, [{ code: 'SS607', gemeentecode: '0014' }, { code: 'SS601', gemeentecode: '0014' }]],
    ['PVT_PLICHT_GEWIJZIGD to N', { type: 'PVT_PLICHT_GEWIJZIGD', gemeentecode: '0014', pvtPlichtigWordt: 'N' }, [{ code: 'SS607', gemeentecode: '0014' }]],
    ['PVT_PLICHT_GEWIJZIGD to onbepaald', { type: 'PVT_PLICHT_GEWIJZIGD', gemeentecode: '0014', pvtPlichtigWordt: null }, [{ code: 'SS607', gemeentecode: '0014' }]],
    ['INBURGERINGSPLICHT_GEWIJZIGD', { type: 'INBURGERINGSPLICHT_GEWIJZIGD', gemeentecode: '0034' }, [{ code: 'SS606', gemeentecode: '0034' }]],
    ['TERMIJN_GEWIJZIGD, start only', { type: 'TERMIJN_GEWIJZIGD', gemeentecode: '0014', startGewijzigd: true }, [{ code: 'SS608', gemeentecode: '0014' }]],
    ['TERMIJN_GEWIJZIGD, einde only', { type: 'TERMIJN_GEWIJZIGD', gemeentecode: '0014', eindeGewijzigd: true }, [{ code: 'SS609', gemeentecode: '0014' }]],
    ['TERMIJN_GEWIJZIGD, both', { type: 'TERMIJN_GEWIJZIGD', gemeentecode: '0014', startGewijzigd: true, eindeGewijzigd: true }, [{ code: 'SS608', gemeentecode: '0014' }, { code: 'SS609', gemeentecode: '0014' }]],
    ['TERMIJN_GEWIJZIGD, nothing actually changed', { type: 'TERMIJN_GEWIJZIGD', gemeentecode: '0014', startGewijzigd: false, eindeGewijzigd: false }, []],
    ['MB_RECHT_GEWIJZIGD', { type: 'MB_RECHT_GEWIJZIGD', gemeentecode: '0014' }, [{ code: 'SS610', gemeentecode: '0014' }]],
    ['MB_GEMELD_BIJ_BZK: no signal in §3.9', { type: 'MB_GEMELD_BIJ_BZK', gemeentecode: '0014' }, []],
    ['UITGESCHREVEN: no signal in §3.9', { type: 'UITGESCHREVEN', gemeentecode: '0014' }, []],
    ['OVERLEDEN: no signal in §3.9', { type: 'OVERLEDEN', gemeentecode: '0014' }, []],
  ];
  it.each(gebeurtenissen)('R-SIG-10: %s', (_naam, gebeurtenis, signalen) => {
    expect(signalenVoorGebeurtenis(gebeurtenis)).toEqual(signalen);
  });

  type P = Parameters<typeof termijnsignalenVoorDag>[0];
  const open = (einde: string): P => ({ pvtPlichtig: 'J', datumEindePvtPlicht: einde, datumVoldaan: null, redenNietVoldaan: null });

  // [einde PVT-plicht, SS602 on, SS603 on, SS604 on]
  const termijnen: [string, string, string, string][] = [
    ['2020-06-30', '2020-04-30', '2020-07-01', '2020-07-15'],
    ['2025-04-30', '2025-02-28', '2025-05-01', '2025-05-15'],
    ['2025-03-31', '2025-01-31', '2025-04-01', '2025-04-15'],
    ['2024-04-30', '2024-02-29', '2024-05-01', '2024-05-15'],
    ['2025-12-31', '2025-10-31', '2026-01-01', '2026-01-15'],
    ['2025-02-28', '2024-12-28', '2025-03-01', '2025-03-15'],
  ];
  const dagen = termijnen.flatMap(([einde, ss602, ss603, ss604]) => [
    [einde, plusDagen(ss602, -1), []],
    [einde, ss602, ['SS602']],
    [einde, plusDagen(ss602, 1), []],
    [einde, einde, []],
    [einde, ss603, ['SS603']],
    [einde, plusDagen(ss604, -1), []],
    [einde, ss604, ['SS604']],
    [einde, plusDagen(ss604, 1), []],
  ] as [string, string, SignaalCode[]][]);
  it.each(dagen)('R-SIG-10: einde PVT-plicht %s, no signature, no reason: on %s raise %j', (einde, dag, codes) => {
    expect(termijnsignalenVoorDag(open(einde), dag)).toEqual(codes);
  });

  const omstandigheden: [string, Partial<P>, SignaalCode[]][] = [
    ['voldaan: none of the three', { datumVoldaan: '2020-05-18' }, []],
    ['a reason registered: SS602 and SS603, but no SS604', { redenNietVoldaan: 'GEEN_AANBOD' }, ['SS602', 'SS603']],
    ['not PVT-plichtig: nothing', { pvtPlichtig: 'N' }, []],
    ['PVT-plichtig onbepaald: nothing', { pvtPlichtig: null }, []],
    ['no einde known: nothing', { datumEindePvtPlicht: null }, []],
  ];
  it.each(omstandigheden)('R-SIG-10: term signals over the whole term when %s', (_naam, afwijking, codes) => {
    const p = { ...open('2020-06-30'), ...afwijking };
    const gezien: SignaalCode[] = [];
    for (let dag = '2019-07-01'; dag <= '2020-12-31'; dag = plusDagen(dag, 1)) gezien.push(...termijnsignalenVoorDag(p, dag));
    expect(gezien).toEqual(codes);
  });

  const eindes = Array.from({ length: 37 }, (_, i) => [plusDagen('2025-01-20', i * 10)] as [string]);
  it.each(eindes)('R-SIG-10: einde %s: each term signal once, and the daily look-up finds the person', (einde) => {
    const gezien: SignaalCode[] = [];
    for (let dag = plusDagen(einde, -100); dag <= plusDagen(einde, 30); dag = plusDagen(dag, 1)) {
      const codes = termijnsignalenVoorDag(open(einde), dag);
      gezien.push(...codes);
      if (codes.length > 0) expect(termijnEindesVoorDag(dag).some(({ van, tot }) => van <= einde && einde <= tot)).toBe(true);
    }
    expect(gezien).toEqual(['SS602', 'SS603', 'SS604']);
  });

  // Month ends make "two months before" many-to-one: the daily run must still find every such end.
  const maandeinden: [string, string[]][] = [
    ['2025-02-28', ['2025-04-28', '2025-04-29', '2025-04-30']],
    ['2024-02-29', ['2024-04-29', '2024-04-30']],
    ['2025-01-31', ['2025-03-31']],
    ['2024-12-28', ['2025-02-28']],
    ['2024-12-31', []],
    ['2025-04-30', ['2025-06-30']],
  ];
  it.each(maandeinden)('R-SIG-10: on %s SS602 is raised for the ends %j, all within the look-up', (dag, verwacht) => {
    const gevonden: string[] = [];
    for (let einde = plusDagen(dag, 40); einde <= plusDagen(dag, 70); einde = plusDagen(einde, 1)) {
      if (termijnsignalenVoorDag(open(einde), dag).includes('SS602')) gevonden.push(einde);
    }
    expect(gevonden).toEqual(verwacht);
    const bereik = termijnEindesVoorDag(dag)[0];
    for (const einde of gevonden) expect(bereik && bereik.van <= einde && einde <= bereik.tot).toBe(true);
  });
});
