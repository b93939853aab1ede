import { describe, expect, it } from 'vitest';
import { factuurAanwezig, magFactuurToevoegen, type Factuur } from '../../../shared/rules/factuur';
import {
  legeZoekcriteria, leesSortering, MELDING_GEEN_RESULTATEN, MELDING_MINSTENS_EEN_VELD, meldingNietGevondenInGemeente,
  PERSONEN_KOLOMMEN, PERSONEN_PAGINA_GROOTTE, schrijfSortering, toonFactuurAanwezig, toonJaNee, volgendeSortering,
  weigerZoekcriteria, ZOEKCRITERIA_LABELS, ZOEKCRITERIA_VELDEN, zoekUitkomst, type PersoonSorteerkolom, type Sortering,
  type ZoekcriteriaOverig,
} from '../../../shared/rules/zoeken';
import { PersonenZoekvraag } from '../../../shared/schemas/api';

describe('R-ZP-1 search by BSN', () => {
  const uitkomsten: [string, number, string, { soort: string; melding?: string }][] = [
    ['in the PIB of Groningen: open the person', 1, 'Groningen', { soort: 'PERSOON' }],
    ['not in the PIB of Almere', 0, 'Almere', { soort: 'GEEN', melding: 'Deze persoon is niet gevonden in de gegevens van gemeente Almere.' }],
    ['not in the PIB of Groningen', 0, 'Groningen', { soort: 'GEEN', melding: 'Deze persoon is niet gevonden in de gegevens van gemeente Groningen.' }],
  ];
  it.each(uitkomsten)('R-ZP-1: %s', (_naam, totaal, gemeente, verwacht) => {
    expect(zoekUitkomst(totaal, true, gemeente)).toEqual(verwacht);
  });

  it('R-ZP-1: the not-found message names the chosen gemeente', () => {
    expect(meldingNietGevondenInGemeente('Eemsdelta')).toBe('Deze persoon is niet gevonden in de gegevens van gemeente Eemsdelta.');
  });
});

describe('R-ZP-2 search with other fields', () => {
  const geldig: [string, ZoekcriteriaOverig][] = [
    ['PVT-plichtig Ja', { pvtPlichtig: 'J' }],
    ['PVT-plichtig Nee', { pvtPlichtig: 'N' }],
    ['datum start PVT-plicht vanaf', { startPvtPlichtVan: '2019-07-01' }],
    ['datum start PVT-plicht tot en met', { startPvtPlichtTot: '2019-07-01' }],
    ['datum einde PVT-plicht van/tot', { eindePvtPlichtVan: '2020-06-01', eindePvtPlichtTot: '2020-06-30' }],
    ['datum start deelname van = tot (one day)', { startDeelnameVan: '2019-09-12', startDeelnameTot: '2019-09-12' }],
    ['datum einde deelname vanaf', { eindeDeelnameVan: '2019-09-12' }],
    ['datum einde deelname tot en met', { eindeDeelnameTot: '2019-09-12' }],
    ['voldaan aan PVT-plicht Nee', { voldaan: 'N' }],
    ['recht op maatschappelijke begeleiding Ja', { rechtOpMb: 'J' }],
    ['verblijf woonachtig', { verblijf: 'WOONACHTIG' }],
    ['verblijf voormalig woonachtig', { verblijf: 'VOORMALIG' }],
    ["factuur aanwezig 'Nee' (§3.2: personen waarvoor dit wél mogelijk is)", { factuurAanwezig: 'N' }],
    ['a leap day', { startPvtPlichtVan: '2020-02-29' }],
    ['every field at once', {
      pvtPlichtig: 'J', startPvtPlichtVan: '2019-01-01', startPvtPlichtTot: '2019-12-31', eindePvtPlichtVan: '2020-01-01',
      eindePvtPlichtTot: '2020-12-31', startDeelnameVan: '2019-02-01', startDeelnameTot: '2019-11-30', eindeDeelnameVan: '2019-02-01',
      eindeDeelnameTot: '2019-11-30', voldaan: 'J', rechtOpMb: 'N', verblijf: 'WOONACHTIG', factuurAanwezig: 'J',
    }],
  ];
  it.each(geldig)('R-ZP-2: accepted: %s', (_naam, criteria) => {
    expect(weigerZoekcriteria(criteria)).toBeNull();
  });

  it('R-ZP-2: no field at all: "U dient minimaal één zoekveld in te vullen"', () => {
    expect(weigerZoekcriteria({})).toEqual({
      regel: 'R-ZP-2',
      status: 400,
      melding: MELDING_MINSTENS_EEN_VELD,
      fouten: [{ veld: 'criteria', code: 'MINSTENS_EEN_VELD', melding: 'Vul minimaal één zoekveld in.' }],
    });
  });

  const fout: [string, ZoekcriteriaOverig, { veld: string; code: string; melding: string }[]][] = [
    ['an impossible date', { startPvtPlichtVan: '2019-02-30' }, [
      { veld: 'startPvtPlichtVan', code: 'ONGELDIGE_DATUM', melding: "'Datum start PVT-plicht vanaf' is geen geldige datum." },
    ]],
    ['29 February outside a leap year', { eindePvtPlichtTot: '2019-02-29' }, [
      { veld: 'eindePvtPlichtTot', code: 'ONGELDIGE_DATUM', melding: "'Datum einde PVT-plicht tot en met' is geen geldige datum." },
    ]],
    ['a Dutch-format date where ISO is sent', { startDeelnameVan: '12-09-2019' }, [
      { veld: 'startDeelnameVan', code: 'ONGELDIGE_DATUM', melding: "'Datum start deelname PV-traject vanaf' is geen geldige datum." },
    ]],
    ['tot en met before vanaf', { eindePvtPlichtVan: '2020-06-30', eindePvtPlichtTot: '2020-06-29' }, [
      { veld: 'eindePvtPlichtTot', code: 'VOOR_START', melding: "'Datum einde PVT-plicht tot en met' ligt voor 'Datum einde PVT-plicht vanaf'." },
    ]],
    ['two errors at once', { startDeelnameVan: '2019-13-01', eindeDeelnameVan: '2019-09-12', eindeDeelnameTot: '2019-09-11' }, [
      { veld: 'startDeelnameVan', code: 'ONGELDIGE_DATUM', melding: "'Datum start deelname PV-traject vanaf' is geen geldige datum." },
      { veld: 'eindeDeelnameTot', code: 'VOOR_START', melding: "'Datum einde deelname PV-traject tot en met' ligt voor 'Datum einde deelname PV-traject vanaf'." },
    ]],
  ];
  it.each(fout)('R-ZP-2: refused: %s', (_naam, criteria, fouten) => {
    expect(weigerZoekcriteria(criteria)).toEqual({ regel: 'R-ZP-2', status: 400, melding: 'Niet alle velden zijn goed ingevuld.', fouten });
  });

  // An emptied date picker leaves '' behind; the handbook's error is for a chosen date that is
  // wrong ("Als een niet correcte/toegestane datum wordt gekozen"), not for a field left empty.
  const leeg: [string, ZoekcriteriaOverig, boolean][] = [
    ['only an empty date: still no criterion', { startPvtPlichtVan: '' }, false],
    ['a criterion plus an emptied date field', { pvtPlichtig: 'J', startPvtPlichtVan: '' }, true],
    ['a criterion plus an emptied tot-field', { voldaan: 'N', eindeDeelnameTot: '' }, true],
  ];
  it.each(leeg)('R-ZP-2: empty date field: %s', (_naam, criteria, toegestaan) => {
    const w = weigerZoekcriteria(criteria);
    if (toegestaan) expect(w).toBeNull();
    else expect(w?.fouten).toEqual([{ veld: 'criteria', code: 'MINSTENS_EEN_VELD', melding: MELDING_MINSTENS_EEN_VELD }]);
  });

  it.each([...ZOEKCRITERIA_VELDEN])('R-ZP-2: criterion %s has a Dutch label', (veld) => {
    expect(ZOEKCRITERIA_LABELS[veld]).toMatch(/^[A-Z]/);
  });

  it.each([
    ['the J/N and verblijf criteria of §3.2 together', { pvtPlichtig: 'J', voldaan: 'N', rechtOpMb: 'J', verblijf: 'VOORMALIG', factuurAanwezig: 'N' }, true],
    ['J/N only', { pvtPlichtig: 'Ja' }, false],
    ['an unknown verblijf', { verblijf: 'ELDERS' }, false],
    ['an unknown field', { naam: 'Test' }, false],
    ['an impossible date', { startPvtPlichtVan: '2019-02-30' }, false],
  ] as [string, unknown, boolean][])('R-ZP-2: PersonenZoekvraag schema: %s', (_naam, vraag, geldig) => {
    expect(PersonenZoekvraag.safeParse(vraag).success).toBe(geldig);
  });
});

describe('R-ZP-3 criteria stay filled in; "wis velden" empties them', () => {
  const vorige: [string, ZoekcriteriaOverig][] = [
    ['PVT-plichtig', { pvtPlichtig: 'J' }],
    ['a date range', { startPvtPlichtVan: '2019-07-01', startPvtPlichtTot: '2019-07-31' }],
    ['a refused range', { eindeDeelnameVan: '2019-09-12', eindeDeelnameTot: '2019-09-11' }],
  ];
  // The screen keeps the criteria object for the session, so checking must leave it as typed.
  it.each(vorige)('R-ZP-3: checking %s leaves the criteria as they were', (_naam, criteria) => {
    const kopie = structuredClone(criteria);
    weigerZoekcriteria(criteria);
    expect(criteria).toEqual(kopie);
  });

  it('R-ZP-3: "wis velden" gives a fresh empty form that needs a criterion again', () => {
    const gewist = legeZoekcriteria();
    expect(gewist).toEqual({});
    expect(gewist).not.toBe(legeZoekcriteria());
    expect(weigerZoekcriteria(gewist)?.regel).toBe('R-ZP-2');
  });
});

describe('R-ZP-4 number of results', () => {
  const aantallen: [number, { soort: string; melding?: string }][] = [
    [0, { soort: 'GEEN', melding: 'Er zijn geen zoekresultaten gevonden.' }],
    [1, { soort: 'PERSOON' }],
    [2, { soort: 'LIJST' }],
    [20, { soort: 'LIJST' }],
    [21, { soort: 'LIJST' }],
    [1000, { soort: 'LIJST' }],
  ];
  it.each(aantallen)('R-ZP-4: %i result(s) with other fields', (totaal, verwacht) => {
    expect(zoekUitkomst(totaal, false, 'Groningen')).toEqual(verwacht);
  });

  it('R-ZP-4: the message is the handbook sentence', () => {
    expect(MELDING_GEEN_RESULTATEN).toBe('Er zijn geen zoekresultaten gevonden.');
  });
});

describe('R-ZP-5 results list', () => {
  it('R-ZP-5: the nine columns of §3.3 in order, 20 rows a page', () => {
    expect(PERSONEN_KOLOMMEN.map((k) => k.titel)).toEqual([
      'BSN', 'Voornaam', 'Achternaam', 'Geboortedatum', 'PVT-plichtig', 'Voldaan aan PVT-plicht',
      'Recht op maatschappelijke begeleiding', 'Factuur aanwezig', 'Signaal aanwezig',
    ]);
    expect(PERSONEN_PAGINA_GROOTTE).toBe(20);
  });

  type S = Sortering<PersoonSorteerkolom>;
  const klikken: [string, S, PersoonSorteerkolom, S][] = [
    ["default BSN, click 'Geboortedatum': laag naar hoog", { kolom: 'bsn', aflopend: false }, 'geboortedatum', { kolom: 'geboortedatum', aflopend: false }],
    ["click 'Geboortedatum' again: hoog naar laag", { kolom: 'geboortedatum', aflopend: false }, 'geboortedatum', { kolom: 'geboortedatum', aflopend: true }],
    ['a third click: ascending again', { kolom: 'geboortedatum', aflopend: true }, 'geboortedatum', { kolom: 'geboortedatum', aflopend: false }],
    ['another column after a descending one: ascending', { kolom: 'geboortedatum', aflopend: true }, 'achternaam', { kolom: 'achternaam', aflopend: false }],
    ["click 'BSN' on the default sort: descending", { kolom: 'bsn', aflopend: false }, 'bsn', { kolom: 'bsn', aflopend: true }],
  ];
  it.each(klikken)('R-ZP-5: %s', (_naam, huidig, kolom, verwacht) => {
    expect(volgendeSortering(huidig, kolom)).toEqual(verwacht);
  });

  const draadvorm: [string, S][] = [
    ['bsn', { kolom: 'bsn', aflopend: false }],
    ['-bsn', { kolom: 'bsn', aflopend: true }],
    ['-geboortedatum', { kolom: 'geboortedatum', aflopend: true }],
    ['signaalAanwezig', { kolom: 'signaalAanwezig', aflopend: false }],
  ];
  it.each(draadvorm)('R-ZP-5: sorteer=%s on the wire and back', (tekst, sortering) => {
    expect(leesSortering<PersoonSorteerkolom>(tekst)).toEqual(sortering);
    expect(schrijfSortering(sortering)).toBe(tekst);
  });

  it.each([
    ['-geboortedatum', true],
    ['factuurAanwezig', true],
    ['postcode', false],
    ['--bsn', false],
  ])('R-ZP-5: PersonenZoekvraag sorteer %s accepted: %s', (sorteer, geldig) => {
    expect(PersonenZoekvraag.safeParse({ pvtPlichtig: 'J', sorteer }).success).toBe(geldig);
  });
});

describe('R-ZP-6 Factuur aanwezig N.v.t. / Ja / Nee', () => {
  const factuur: Factuur = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15_000, status: 2, geaccepteerd: false };
  const gevallen: [string, { lening: boolean; factuur: Factuur | null }, 'NVT' | 'J' | 'N', string][] = [
    ['no DUO loan: the person cannot get an invoice', { lening: false, factuur: null }, 'NVT', 'N.v.t.'],
    ['a loan, no invoice yet', { lening: true, factuur: null }, 'N', 'Nee'],
    ['an invoice (the §3.6 example 155441)', { lening: true, factuur }, 'J', 'Ja'],
  ];
  it.each(gevallen)('R-ZP-6: %s', (_naam, persoon, code, tekst) => {
    expect(factuurAanwezig(persoon)).toBe(code);
    expect(toonFactuurAanwezig(code)).toBe(tekst);
  });

  it.each([
    ['datum voldaan empty', null, false],
    ['datum voldaan filled', '2019-09-12', true],
  ] as [string, string | null, boolean][])("R-ZP-6: 'Nee' does not by itself mean an invoice can be submitted: %s", (_naam, datumVoldaan, kan) => {
    const persoon = { lening: true, factuur: null, datumVoldaan, verblijf: 'WOONACHTIG' as const };
    expect(factuurAanwezig(persoon)).toBe('N');
    expect(magFactuurToevoegen(persoon)).toBe(kan);
  });

  it.each([
    ['J', 'Ja'],
    ['N', 'Nee'],
    [null, ''],
    [undefined, ''],
  ] as ['J' | 'N' | null | undefined, string][])('R-ZP-6: toonJaNee(%s) is %j', (waarde, tekst) => {
    expect(toonJaNee(waarde)).toBe(tekst);
  });
});
