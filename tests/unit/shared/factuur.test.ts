import { describe, expect, it } from 'vitest';
import {
  FACTUUR_BEDRAG_CENTEN, FACTUUR_STATUSSEN, factuurAntwoord, MELDING_GEEN_FACTUUR, MELDING_GEEN_REKENINGNUMMER, magFactuurToevoegen,
  toonBedrag, toonFactuurStatus, weigerFactuurInvoer, weigerFactuurMuteren, weigerFactuurToevoegen, weigerGeaccepteerdeFactuur,
  weigerRekeningnummerOnbekend, weigerZonderRekeningnummer, type Factuur, type FactuurInvoer, type FactuurPersoon, type FactuurStatus,
} from '../../../shared/rules/factuur';
import { MELDING_VERHUISD } from '../../../shared/rules/pvt';
import { MELDING_ALLEEN_RAADPLEGEN } from '../../../shared/rules/rollen';
import { signalenVoorGebeurtenis } from '../../../shared/rules/signalen';
import { FactuurInvoer as FactuurInvoerSchema } from '../../../shared/schemas/api';

// The invoice of §3.6: factuurnummer 155441, factuurdatum 04-11-2019, no debiteurnummer, € 150,00.
const factuur155441: Factuur = { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, bedrag: 15_000, status: 2, geaccepteerd: false };

describe('R-FAC-1 when an invoice can be added', () => {
  const voorwaarden: [string, FactuurPersoon, string | null][] = [
    ['a loan and datum voldaan: "Toevoegen"', { lening: true, datumVoldaan: '2019-09-12', factuur: null, verblijf: 'WOONACHTIG' }, null],
    ['no loan at DUO', { lening: false, datumVoldaan: '2019-09-12', factuur: null, verblijf: 'WOONACHTIG' },
      'U kunt voor deze persoon (nu) geen factuur indienen. De persoon heeft geen lening bij DUO.'],
    ['datum voldaan empty', { lening: true, datumVoldaan: null, factuur: null, verblijf: 'WOONACHTIG' },
      "U kunt voor deze persoon (nu) geen factuur indienen. 'Datum voldaan aan PVT-plicht' is niet gevuld."],
    ['neither loan nor datum voldaan: the loan is named first', { lening: false, datumVoldaan: null, factuur: null, verblijf: 'WOONACHTIG' },
      'U kunt voor deze persoon (nu) geen factuur indienen. De persoon heeft geen lening bij DUO.'],
    ['an invoice was already processed', { lening: true, datumVoldaan: '2019-09-12', factuur: factuur155441, verblijf: 'WOONACHTIG' },
      'U kunt voor deze persoon (nu) geen factuur indienen. Er is al een factuur voor deze persoon verwerkt; een nieuwe factuur indienen is niet mogelijk.'],
    ['an earlier invoice was refused by the person: still processed', { lening: true, datumVoldaan: '2019-09-12', factuur: { ...factuur155441, status: 6 }, verblijf: 'WOONACHTIG' },
      'U kunt voor deze persoon (nu) geen factuur indienen. Er is al een factuur voor deze persoon verwerkt; een nieuwe factuur indienen is niet mogelijk.'],
  ];
  it.each(voorwaarden)('R-FAC-1: %s', (_naam, persoon, melding) => {
    expect(weigerFactuurToevoegen(persoon)).toEqual(melding === null ? null : { regel: 'R-FAC-1', status: 409, melding });
    expect(magFactuurToevoegen(persoon)).toBe(melding === null);
  });

  it('R-FAC-1: changing or removing when there is none: "Geen factuur gevonden."', () => {
    expect(MELDING_GEEN_FACTUUR).toBe('Geen factuur gevonden.');
    expect(weigerGeaccepteerdeFactuur(null)).toEqual({ regel: 'R-FAC-1', status: 404, melding: 'Geen factuur gevonden.' });
  });
});

describe('R-FAC-2 factuurnummer, factuurdatum, debiteurnummer', () => {
  const FACTUURNUMMER_FOUT = 'Het factuurnummer mag maximaal 16 posities hebben en moet alfanumeriek zijn, bijvoorbeeld ABCDEF1234567890.';
  const DEBITEUR_FOUT = 'Het debiteurnummer mag maximaal 10 posities hebben en moet alfanumeriek zijn.';
  const gevallen: [string, FactuurInvoer, { veld: string; code: string; melding: string }[]][] = [
    ["the handbook's example ABCDEF1234567890 (16)", { factuurnummer: 'ABCDEF1234567890', factuurdatum: '2019-11-04' }, []],
    ['the §3.6 invoice 155441', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null }, []],
    ['lower case letters', { factuurnummer: 'abcdef1234567890', factuurdatum: '2019-11-04' }, []],
    ['one character', { factuurnummer: '1', factuurdatum: '2019-11-04' }, []],
    ['surrounding spaces are not counted', { factuurnummer: ' ABCDEF1234567890 ', factuurdatum: '2019-11-04', debiteurnummer: ' 1234567890 ' }, []],
    ['debiteurnummer of 10', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: 'DEB1234567' }, []],
    ['debiteurnummer empty', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: '' }, []],
    ['factuurnummer of 17', { factuurnummer: 'ABCDEF12345678901', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
    ]],
    ['factuurnummer with a hyphen', { factuurnummer: 'F-2019-155441', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
    ]],
    ['factuurnummer with a space inside', { factuurnummer: 'ABC 123', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
    ]],
    ['factuurnummer with a slash', { factuurnummer: '2019/155441', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
    ]],
    ['factuurnummer with an accented letter', { factuurnummer: 'FACTUURÉ1', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
    ]],
    ['factuurnummer empty', { factuurnummer: '', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'VERPLICHT', melding: "Het veld 'Factuurnummer' is verplicht." },
    ]],
    ['factuurnummer only spaces', { factuurnummer: '   ', factuurdatum: '2019-11-04' }, [
      { veld: 'factuurnummer', code: 'VERPLICHT', melding: "Het veld 'Factuurnummer' is verplicht." },
    ]],
    ['factuurdatum empty', { factuurnummer: '155441', factuurdatum: '' }, [
      { veld: 'factuurdatum', code: 'VERPLICHT', melding: "Het veld 'Factuurdatum' is verplicht." },
    ]],
    ['factuurdatum impossible', { factuurnummer: '155441', factuurdatum: '2019-02-29' }, [
      { veld: 'factuurdatum', code: 'ONGELDIGE_DATUM', melding: "'Factuurdatum' is geen geldige datum." },
    ]],
    ['factuurdatum as shown (dd-mm-jjjj) instead of as sent', { factuurnummer: '155441', factuurdatum: '04-11-2019' }, [
      { veld: 'factuurdatum', code: 'ONGELDIGE_DATUM', melding: "'Factuurdatum' is geen geldige datum." },
    ]],
    ['debiteurnummer of 11', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: 'DEB12345678' }, [
      { veld: 'debiteurnummer', code: 'ONGELDIG_FORMAAT', melding: DEBITEUR_FOUT },
    ]],
    ['debiteurnummer with a dot', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: 'D.123' }, [
      { veld: 'debiteurnummer', code: 'ONGELDIG_FORMAAT', melding: DEBITEUR_FOUT },
    ]],
    ['all three wrong: every error at once', { factuurnummer: 'ABCDEF12345678901', factuurdatum: '', debiteurnummer: 'DEB12345678' }, [
      { veld: 'factuurnummer', code: 'ONGELDIG_FORMAAT', melding: FACTUURNUMMER_FOUT },
      { veld: 'factuurdatum', code: 'VERPLICHT', melding: "Het veld 'Factuurdatum' is verplicht." },
      { veld: 'debiteurnummer', code: 'ONGELDIG_FORMAAT', melding: DEBITEUR_FOUT },
    ]],
  ];
  it.each(gevallen)('R-FAC-2: %s', (_naam, invoer, fouten) => {
    const w = weigerFactuurInvoer(invoer);
    if (fouten.length === 0) expect(w).toBeNull();
    else expect(w).toEqual({ regel: 'R-FAC-2', status: 400, melding: 'Niet alle velden zijn goed ingevuld.', fouten });
  });

  it.each([
    [15_000, '€ 150,00'],
    [237_000, '€ 2.370,00'],
    [5, '€ 0,05'],
  ])('R-FAC-2: the amount %i cents is shown as %s', (centen, tekst) => {
    expect(toonBedrag(centen)).toBe(tekst);
  });

  it.each([
    ['no amount', { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null }],
    ['an amount in the body, which the server ignores', { factuurnummer: '155441', factuurdatum: '2019-11-04', bedrag: 1 }],
  ])('R-FAC-2: the amount is DUO’s (€ 150,00), the body may not set it: %s', (_naam, body) => {
    expect(FACTUUR_BEDRAG_CENTEN).toBe(15_000);
    expect(FactuurInvoerSchema.safeParse(body).success).toBe(true);
  });
});

describe('R-FAC-3 no bank account number of the gemeente', () => {
  it.each([
    ['unknown (null)', null, false],
    ['empty', '', false],
    ['registered', 'NL91ABNA0417164300', true],
  ] as [string, string | null, boolean][])('R-FAC-3: rekeningnummer %s', (_naam, rekeningnummer, mag) => {
    const w = weigerZonderRekeningnummer(rekeningnummer);
    if (mag) expect(w).toBeNull();
    else expect(w).toEqual({ regel: 'R-FAC-3', status: 409, melding: 'Rekeningnummer van uw gemeente is niet bekend bij DUO' });
  });

  it('R-FAC-3: the app\'s pre-check knows only whether DUO has the number, and refuses as ISI does', () => {
    expect(weigerRekeningnummerOnbekend(true)).toBeNull();
    expect(weigerRekeningnummerOnbekend(false)).toEqual(weigerZonderRekeningnummer(null));
  });

  it('R-FAC-3: the message is the handbook’s, verbatim', () => {
    expect(MELDING_GEEN_REKENINGNUMMER).toBe('Rekeningnummer van uw gemeente is niet bekend bij DUO');
  });
});

describe('R-FAC-4 accepted invoices are final', () => {
  const gevallen: [string, Factuur, string | null][] = [
    ['not yet answered: Wijzigen and Verwijderen', factuur155441, null],
    ['refused by the person', { ...factuur155441, status: 6 }, null],
    ['accepted by the person', { ...factuur155441, status: 4, geaccepteerd: true }, 'R-FAC-4'],
    ['accepted and paid', { ...factuur155441, status: 5, geaccepteerd: true }, 'R-FAC-4'],
  ];
  it.each(gevallen)('R-FAC-4: %s', (_naam, factuur, regel) => {
    const w = weigerGeaccepteerdeFactuur(factuur);
    if (regel === null) expect(w).toBeNull();
    else {
      expect(w).toEqual({
        regel,
        status: 409,
        melding: 'De persoon heeft deze factuur geaccepteerd. Een geaccepteerde factuur kan niet meer worden gewijzigd of verwijderd.',
      });
    }
  });

  it.each([
    ['WI2013MUT, woonachtig', 'WOONACHTIG', ['WI2013MUT'], null],
    ['read role only', 'WOONACHTIG', ['WI2013'], { regel: 'R-ROL-3', status: 403, melding: MELDING_ALLEEN_RAADPLEGEN }],
    ['moved away (SS614)', 'VOORMALIG', ['WI2013MUT'], { regel: 'R-SIG-9', status: 403, melding: MELDING_VERHUISD }],
  ] as [string, 'WOONACHTIG' | 'VOORMALIG', ('WI2013' | 'WI2013MUT')[], unknown][])('R-FAC-4: who may change an invoice: %s', (_naam, verblijf, rollen, verwacht) => {
    expect(weigerFactuurMuteren({ verblijf }, rollen)).toEqual(verwacht);
  });
});

describe('R-FAC-5 the person accepts or refuses', () => {
  it.each([
    ['accepts', true, { status: 4, geaccepteerd: true, signaal: 'SS612' }, 'SS612'],
    ['refuses', false, { status: 6, geaccepteerd: false, signaal: 'SS611' }, 'SS611'],
  ] as [string, boolean, unknown, 'SS611' | 'SS612'][])('R-FAC-5: the person %s the invoice', (_naam, geaccepteerd, verwacht, signaal) => {
    expect(factuurAntwoord(geaccepteerd)).toEqual(verwacht);
    const type = geaccepteerd ? 'FACTUUR_GEACCEPTEERD' : 'FACTUUR_GEWEIGERD';
    expect(signalenVoorGebeurtenis({ type, gemeentecode: '0014' })).toEqual([{ code: signaal, gemeentecode: '0014' }]);
  });

  const statussen: [FactuurStatus | null, string][] = [
    [null, ''],
    [1, 'Factuur afgewezen'],
    [2, 'Factuur opgenomen'],
    [3, 'Aanvraag lening nog in behandeling'],
    [4, 'Factuur vrijgegeven'],
    [5, 'Factuur betaald'],
    [6, 'Factuur geweigerd'],
  ];
  it.each(statussen)('R-FAC-5: status %s is shown as %j', (status, tekst) => {
    expect(toonFactuurStatus(status)).toBe(tekst);
  });

  it('R-FAC-5: exactly the six status codes', () => {
    expect(Object.keys(FACTUUR_STATUSSEN)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
