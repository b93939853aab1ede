import { describe, expect, it } from 'vitest';
import { dagenTussen, plusDagen, weekdag } from '../../../shared/datum';
import {
  BEWIJS_IN_BEZIT, bewijsvoorwaarden, datumDefinitief, DEFINITIEF_NA_DAGEN, FINALISATIE_WEEKDAG, heeftRegistratie, isNieuweRegistratie,
  MELDING_DEFINITIEF, MELDING_VERHUISD, MUTATIEFORMULIER_URL, PVT_VELD_LABELS, pvtBeginwaarden, REDEN_CODES, REDENEN, redenToegestaanVanaf,
  toegestaneVelden, weigerPvtDatums, weigerPvtWijziging, weigerPvtWijzigen, weigerRedenDatums, weigerRedenTiming,
  weigerZonderBewijsbevestiging, wistRedenBijNieuweTermijn, wordtDefinitief, type PvtGegevens, type PvtPersoon, type RedenNietVoldaan,
} from '../../../shared/rules/pvt';
import { MELDING_ALLEEN_RAADPLEGEN, type Rol } from '../../../shared/rules/rollen';

const LEEG: PvtGegevens = { datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null };

// The person of §3.4: PVT-plichtig, term 01-07-2019 – 30-06-2020, nothing registered yet.
const persoon: PvtPersoon = {
  ...LEEG, wet: 'WI2013', pvtPlichtig: 'J', datumEindePvtPlicht: '2020-06-30', verblijf: 'WOONACHTIG', registratieDefinitief: false,
};
const MUT: Rol[] = ['WI2013', 'WI2013MUT'];

const NIET_PVT_PLICHTIG = 'Deze persoon is niet PVT-plichtig. PVT-gegevens kunnen alleen worden ingevoerd voor personen die PVT-plichtig zijn.';

describe('R-PVT-1 "Wijzigen" only for PVT-plichtigen, with WI2013MUT, in the gemeente they live in', () => {
  const gevallen: [string, Partial<PvtPersoon>, Rol[], { regel: string; status: number; melding: string } | null][] = [
    ['PVT-plichtig, woonachtig, WI2013MUT', {}, MUT, null],
    ['only WI2013MUT, without WI2013', {}, ['WI2013MUT'], null],
    ['PVT-plichtig Nee', { pvtPlichtig: 'N' }, MUT, { regel: 'R-PVT-1', status: 409, melding: NIET_PVT_PLICHTIG }],
    ['PVT-plichtig onbepaald (empty)', { pvtPlichtig: null }, MUT, { regel: 'R-PVT-1', status: 409, melding: NIET_PVT_PLICHTIG }],
    ['a person under the Wi2007', { wet: 'WI2007' }, MUT, { regel: 'R-PVT-1', status: 409, melding: NIET_PVT_PLICHTIG }],
    ['a person under the Wi2021', { wet: 'WI2021' }, MUT, { regel: 'R-PVT-1', status: 409, melding: NIET_PVT_PLICHTIG }],
    ['moved away (voormalig woonachtig)', { verblijf: 'VOORMALIG' }, MUT, { regel: 'R-SIG-9', status: 403, melding: MELDING_VERHUISD }],
    ['only the read role', {}, ['WI2013'], { regel: 'R-ROL-3', status: 403, melding: MELDING_ALLEEN_RAADPLEGEN }],
    ['the role is checked before anything else', { pvtPlichtig: 'N', verblijf: 'VOORMALIG' }, ['WI2013'], { regel: 'R-ROL-3', status: 403, melding: MELDING_ALLEEN_RAADPLEGEN }],
    ['moved away and not PVT-plichtig: the move decides', { pvtPlichtig: 'N', verblijf: 'VOORMALIG' }, MUT, { regel: 'R-SIG-9', status: 403, melding: MELDING_VERHUISD }],
    ['registration definitive', { registratieDefinitief: true, datumVoldaan: '2020-05-18' }, MUT, { regel: 'R-PVT-3', status: 409, melding: MELDING_DEFINITIEF }],
  ];
  it.each(gevallen)('R-PVT-1: %s', (_naam, afwijking, rollen, verwacht) => {
    expect(weigerPvtWijzigen({ ...persoon, ...afwijking }, rollen)).toEqual(verwacht);
  });
});

describe('R-PVT-2 the four editable fields', () => {
  it.each([
    ['datumStartDeelname', 'Datum start deelname PV-traject'],
    ['datumEindeDeelname', 'Datum einde deelname PV-traject'],
    ['datumVoldaan', 'Datum voldaan aan PVT-plicht'],
    ['redenNietVoldaan', 'Reden niet voldaan aan PVT-plicht'],
  ] as [keyof typeof PVT_VELD_LABELS, string][])('R-PVT-2: %s is labelled "%s"', (veld, label) => {
    expect(PVT_VELD_LABELS[veld]).toBe(label);
  });

  const registraties: [string, PvtPersoon][] = [
    ['nothing registered', persoon],
    ['deelname and voldaan (§4.2)', { ...persoon, datumStartDeelname: '2019-09-12', datumEindeDeelname: '2019-09-12', datumVoldaan: '2019-09-12' }],
    ['a reason with deelname dates', { ...persoon, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18', redenNietVoldaan: 'WEIGERT_ONDERTEKENING' }],
  ];
  it.each(registraties)('R-PVT-2: the form opens with the values as registered now: %s', (_naam, p) => {
    expect(pvtBeginwaarden(p)).toEqual({
      datumStartDeelname: p.datumStartDeelname,
      datumEindeDeelname: p.datumEindeDeelname,
      datumVoldaan: p.datumVoldaan,
      redenNietVoldaan: p.redenNietVoldaan,
    });
  });

  it('R-PVT-2: the form holds the four fields only, no DUO-owned ones', () => {
    expect(Object.keys(pvtBeginwaarden(persoon)).sort()).toEqual(['datumEindeDeelname', 'datumStartDeelname', 'datumVoldaan', 'redenNietVoldaan']);
  });
});

describe('R-PVT-3 definitive after two weeks, in the weekly run', () => {
  it('R-PVT-3: the weekly run is on Monday, at least 14 days after registering', () => {
    expect(FINALISATIE_WEEKDAG).toBe(1);
    expect(DEFINITIEF_NA_DAGEN).toBe(14);
  });

  const weekdagen: [string, string, string, number][] = [
    ['maandag', '2025-03-03', '2025-03-17', 14],
    ['dinsdag', '2025-03-04', '2025-03-24', 20],
    ['woensdag', '2025-03-05', '2025-03-24', 19],
    ['donderdag', '2025-03-06', '2025-03-24', 18],
    ['vrijdag', '2025-03-07', '2025-03-24', 17],
    ['zaterdag', '2025-03-08', '2025-03-24', 16],
    ['zondag', '2025-03-09', '2025-03-24', 15],
    ['woensdag over de jaargrens', '2025-12-24', '2026-01-12', 19],
    ['dinsdag over 29 februari', '2024-02-20', '2024-03-11', 20],
    ['maandag over de zomertijd', '2025-03-24', '2025-04-07', 14],
  ];
  it.each(weekdagen)('R-PVT-3: registered on %s %s → definitive on Monday %s (%i days)', (_dag, registratie, definitief, dagen) => {
    expect(datumDefinitief(registratie)).toBe(definitief);
    expect(weekdag(definitief)).toBe(1);
    expect(dagenTussen(registratie, definitief)).toBe(dagen);
  });

  const reeks = Array.from({ length: 70 }, (_, i) => [plusDagen('2025-01-01', i * 5)] as [string]);
  it.each(reeks)('R-PVT-3: registered on %s: "2 tot maximaal 3 weken", always on a Monday', (registratie) => {
    const definitief = datumDefinitief(registratie);
    expect(weekdag(definitief)).toBe(1);
    expect(dagenTussen(registratie, definitief)).toBeGreaterThanOrEqual(14);
    expect(dagenTussen(registratie, definitief)).toBeLessThanOrEqual(20);
  });

  const runs: [string, string, string, boolean][] = [
    ['the Monday 13 days after a Tuesday registration', '2025-03-04', '2025-03-17', false],
    ['the Sunday before the run', '2025-03-04', '2025-03-23', false],
    ['the first Monday at least 14 days later', '2025-03-04', '2025-03-24', true],
    ['a Tuesday after it (no run)', '2025-03-04', '2025-03-25', false],
    ['a later Monday (a missed run catches up)', '2025-03-04', '2025-03-31', true],
    ['exactly 14 days after a Monday registration', '2025-03-03', '2025-03-17', true],
    ['the Monday 7 days after a Monday registration', '2025-03-03', '2025-03-10', false],
  ];
  it.each(runs)('R-PVT-3: wordtDefinitief on %s', (_naam, registratie, vandaag, verwacht) => {
    expect(wordtDefinitief(registratie, vandaag)).toBe(verwacht);
  });

  const wijzigingen: [string, PvtGegevens, PvtGegevens, boolean][] = [
    ['datum voldaan entered', LEEG, { ...LEEG, datumVoldaan: '2020-05-18' }, true],
    ['datum voldaan corrected', { ...LEEG, datumVoldaan: '2020-05-18' }, { ...LEEG, datumVoldaan: '2020-05-19' }, true],
    ['reason entered', LEEG, { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, true],
    ['reason replaced', { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, { ...LEEG, redenNietVoldaan: 'WEIGERT_DEELNAME' }, true],
    ['reason withdrawn', { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, LEEG, true],
    ['only deelname dates changed', { ...LEEG, datumVoldaan: '2020-05-18' }, { ...LEEG, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18', datumVoldaan: '2020-05-18' }, false],
    ['nothing changed', LEEG, LEEG, false],
  ];
  it.each(wijzigingen)('R-PVT-3: a new registration (new two weeks) when %s', (_naam, oud, nieuw, verwacht) => {
    expect(isNieuweRegistratie(oud, nieuw)).toBe(verwacht);
  });

  it.each([
    ['nothing', LEEG, false],
    ['only deelname dates', { ...LEEG, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18' }, false],
    ['datum voldaan', { ...LEEG, datumVoldaan: '2020-05-18' }, true],
    ['a reason', { ...LEEG, redenNietVoldaan: 'GEEN_AANBOD' }, true],
  ] as [string, PvtGegevens, boolean][])('R-PVT-3: heeftRegistratie with %s is %s', (_naam, g, verwacht) => {
    expect(heeftRegistratie(g)).toBe(verwacht);
  });

  it.each([
    ['a definitive datum voldaan', { datumVoldaan: '2020-05-18' }],
    ['a definitive reason', { redenNietVoldaan: 'GEEN_AANBOD' as const }],
  ])('R-PVT-3: %s is refused and points to the mutatieformulier on DUO Zakelijk', (_naam, registratie) => {
    const w = weigerPvtWijzigen({ ...persoon, ...registratie, registratieDefinitief: true }, MUT);
    expect(w).toEqual({ regel: 'R-PVT-3', status: 409, melding: MELDING_DEFINITIEF });
    expect(w?.melding).toContain('mutatieformulier');
    expect(w?.melding).toContain('https://duo.nl/zakelijk/inburgering-ketenpartners/inloggen/');
    expect(MUTATIEFORMULIER_URL).toBe('https://duo.nl/zakelijk/inburgering-ketenpartners/inloggen/');
  });
});

// §3.5, "Let op" under each reason, in the handbook's order and wording.
const HANDBOEK_REDENEN: [RedenNietVoldaan, string, 'leeg' | 'gevuld' | 'optioneel', 'VERWIJTBAAR' | 'NIET_VERWIJTBAAR' | 'OVERMACHT'][] = [
  ['WEIGERT_DEELNAME', 'Persoon weigert deel te nemen aan het PV-traject', 'leeg', 'VERWIJTBAAR'],
  ['WEIGERT_ONDERTEKENING', 'Persoon heeft wel deelgenomen maar weigert de verklaring te ondertekenen', 'gevuld', 'VERWIJTBAAR'],
  ['REAGEERT_NIET', 'Persoon reageert niet op uitnodiging van de gemeente voor deelname aan PVT', 'leeg', 'VERWIJTBAAR'],
  ['NIET_VERSCHENEN', 'Persoon is zonder reden niet op komen dagen', 'optioneel', 'VERWIJTBAAR'],
  ['GEEN_AANBOD', 'Gemeente kon binnen de PVT-termijn geen PV-traject aanbieden', 'leeg', 'NIET_VERWIJTBAAR'],
  ['ZIEKTE', 'Bijzondere omstandigheden - Ziekte', 'optioneel', 'NIET_VERWIJTBAAR'],
  ['DETENTIE', 'Bijzondere omstandigheden - Detentie', 'optioneel', 'NIET_VERWIJTBAAR'],
  ['OVERMACHT', 'Bijzondere omstandigheden - Overmacht', 'optioneel', 'OVERMACHT'],
];

describe('R-PVT-4 reasons and the dates each allows', () => {
  it.each(HANDBOEK_REDENEN)('R-PVT-4: %s is "%s", deelname %s, %s', (code, tekst, deelname, soort) => {
    expect(REDENEN[code]).toEqual({ code, tekst, deelname: deelname.toUpperCase(), soort });
  });

  it('R-PVT-4: exactly the eight reasons of §3.5, in the handbook order', () => {
    expect([...REDEN_CODES]).toEqual(HANDBOEK_REDENEN.map(([code]) => code));
  });

  const DEELNAME: [string, Pick<PvtGegevens, 'datumStartDeelname' | 'datumEindeDeelname'>][] = [
    ['deelname leeg', { datumStartDeelname: null, datumEindeDeelname: null }],
    ['deelname gevuld', { datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18' }],
    ['alleen start gevuld', { datumStartDeelname: '2020-05-04', datumEindeDeelname: null }],
    ['alleen einde gevuld', { datumStartDeelname: null, datumEindeDeelname: '2020-05-18' }],
  ];
  const VOLDAAN: [string, string | null][] = [['voldaan leeg', null], ['voldaan gevuld', '2020-05-18']];

  const matrix = HANDBOEK_REDENEN.flatMap(([code, tekst, eis]) =>
    DEELNAME.flatMap(([deelnaamNaam, deelname]) =>
      VOLDAAN.map(([voldaanNaam, datumVoldaan]) => {
        const verwacht: { veld: string; code: string }[] = [];
        for (const veld of ['datumStartDeelname', 'datumEindeDeelname'] as const) {
          if (eis === 'leeg' && deelname[veld] !== null) verwacht.push({ veld, code: 'MOET_LEEG_ZIJN' });
          if (eis === 'gevuld' && deelname[veld] === null) verwacht.push({ veld, code: 'VERPLICHT' });
        }
        if (datumVoldaan !== null) verwacht.push({ veld: 'datumVoldaan', code: 'MOET_LEEG_ZIJN' });
        const invoer: PvtGegevens = { ...deelname, datumVoldaan, redenNietVoldaan: code };
        return [`${code} (${eis}), ${deelnaamNaam}, ${voldaanNaam}`, invoer, tekst, verwacht] as [string, PvtGegevens, string, { veld: string; code: string }[]];
      }),
    ),
  );

  it.each(matrix)('R-PVT-4: %s', (_naam, invoer, tekst, verwacht) => {
    const w = weigerRedenDatums(invoer);
    if (verwacht.length === 0) {
      expect(w).toBeNull();
      return;
    }
    expect(w?.regel).toBe('R-PVT-4');
    expect(w?.status).toBe(400);
    expect(w?.melding).toBe(`De ingevulde datums passen niet bij de reden '${tekst}'.`);
    expect(w?.fouten?.map(({ veld, code }) => ({ veld, code }))).toEqual(verwacht);
  });

  const meldingen: [string, PvtGegevens, string, string][] = [
    ['WEIGERT_DEELNAME with a start', { ...LEEG, datumStartDeelname: '2020-05-04', redenNietVoldaan: 'WEIGERT_DEELNAME' }, 'datumStartDeelname',
      "Bij de reden 'Persoon weigert deel te nemen aan het PV-traject' moet 'Datum start deelname PV-traject' leeg zijn."],
    ['WEIGERT_ONDERTEKENING without an einde', { ...LEEG, datumStartDeelname: '2020-05-04', redenNietVoldaan: 'WEIGERT_ONDERTEKENING' }, 'datumEindeDeelname',
      "Bij de reden 'Persoon heeft wel deelgenomen maar weigert de verklaring te ondertekenen' moet 'Datum einde deelname PV-traject' gevuld zijn."],
    ['ZIEKTE with a datum voldaan', { ...LEEG, datumVoldaan: '2020-05-18', redenNietVoldaan: 'ZIEKTE' }, 'datumVoldaan',
      "Bij een reden niet voldaan moet 'Datum voldaan aan PVT-plicht' leeg zijn."],
  ];
  it.each(meldingen)('R-PVT-4: %s: the message names reason and field', (_naam, invoer, veld, melding) => {
    expect(weigerRedenDatums(invoer)?.fouten).toContainEqual({ veld, code: expect.any(String), melding });
  });

  it('R-PVT-4: no reason, no reason rule', () => {
    expect(weigerRedenDatums({ ...LEEG, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18', datumVoldaan: '2020-05-18' })).toBeNull();
  });

  const velden: [RedenNietVoldaan | null, 'LEEG' | 'GEVULD' | 'OPTIONEEL', boolean][] = [
    [null, 'OPTIONEEL', true],
    ...HANDBOEK_REDENEN.map(([code, , eis]) => [code, eis.toUpperCase(), false] as [RedenNietVoldaan, 'LEEG' | 'GEVULD' | 'OPTIONEEL', boolean]),
  ];
  it.each(velden)('R-PVT-4: the form for reason %s: deelname %s, datum voldaan open %s', (reden, deelname, datumVoldaan) => {
    expect(toegestaneVelden(reden)).toEqual({ deelname, datumVoldaan });
  });
});

describe('R-PVT-5 when a reason may be registered', () => {
  const NIET_VERWIJTBAAR: RedenNietVoldaan[] = ['GEEN_AANBOD', 'ZIEKTE', 'DETENTIE'];
  const NA_TERMIJN: RedenNietVoldaan[] = ['WEIGERT_DEELNAME', 'WEIGERT_ONDERTEKENING', 'REAGEERT_NIET', 'NIET_VERSCHENEN', 'OVERMACHT'];

  // [datum einde PVT-plicht, first day for non-culpable reasons (two months before), first day for the others (the day after)]
  const termijnen: [string, string, string][] = [
    ['2020-06-30', '2020-04-30', '2020-07-01'],
    ['2025-06-30', '2025-04-30', '2025-07-01'],
    ['2025-04-30', '2025-02-28', '2025-05-01'],
    ['2025-03-31', '2025-01-31', '2025-04-01'],
    ['2024-04-30', '2024-02-29', '2024-05-01'],
    ['2025-12-31', '2025-10-31', '2026-01-01'],
    ['2026-01-15', '2025-11-15', '2026-01-16'],
  ];

  const vanaf = termijnen.flatMap(([einde, nietVerwijtbaar, naTermijn]) => [
    ...NIET_VERWIJTBAAR.map((r) => [r, einde, nietVerwijtbaar] as [RedenNietVoldaan, string, string]),
    ...NA_TERMIJN.map((r) => [r, einde, naTermijn] as [RedenNietVoldaan, string, string]),
  ]);
  it.each(vanaf)('R-PVT-5: %s with einde PVT-plicht %s: from %s', (reden, einde, eerste) => {
    expect(redenToegestaanVanaf(reden, einde)).toBe(eerste);
  });

  const grenzen = termijnen.flatMap(([einde, nietVerwijtbaar, naTermijn]) => [
    ...NIET_VERWIJTBAAR.flatMap((r) => [
      [r, einde, plusDagen(nietVerwijtbaar, -1), nietVerwijtbaar],
      [r, einde, nietVerwijtbaar, null],
      [r, einde, einde, null],
      [r, einde, naTermijn, null],
    ] as [RedenNietVoldaan, string, string, string | null][]),
    ...NA_TERMIJN.flatMap((r) => [
      [r, einde, nietVerwijtbaar, naTermijn],
      [r, einde, einde, naTermijn],
      [r, einde, naTermijn, null],
      [r, einde, plusDagen(naTermijn, 400), null],
    ] as [RedenNietVoldaan, string, string, string | null][]),
  ]);
  it.each(grenzen)('R-PVT-5: %s, einde %s, registered on %s (refused until %s)', (reden, einde, vandaag, pasVanaf) => {
    const w = weigerRedenTiming(reden, einde, vandaag);
    if (pasVanaf === null) {
      expect(w).toBeNull();
      return;
    }
    const [d, m, j] = [pasVanaf.slice(8, 10), pasVanaf.slice(5, 7), pasVanaf.slice(0, 4)];
    const uitleg = NIET_VERWIJTBAAR.includes(reden)
      ? 'Een reden voor een niet-verwijtbare termijnoverschrijding kan vanaf twee maanden voor het einde van de PVT-termijn worden geregistreerd'
      : 'Een verwijtbare reden of overmacht kan pas worden geregistreerd nadat de PVT-termijn is overschreden';
    expect(w).toEqual({
      regel: 'R-PVT-5',
      status: 409,
      melding: `${uitleg}. De reden '${REDENEN[reden].tekst}' kan vanaf ${d}-${m}-${j} worden geregistreerd.`,
    });
  });

  it.each(REDEN_CODES.map((r) => [r]))('R-PVT-5: %s cannot be registered without a datum einde PVT-plicht', (reden) => {
    expect(weigerRedenTiming(reden, null, '2025-03-10')).toEqual({
      regel: 'R-PVT-5',
      status: 409,
      melding: `De reden '${REDENEN[reden].tekst}' kan niet worden geregistreerd: er is (nog) geen datum einde PVT-plicht bekend.`,
    });
  });

  it('R-PVT-5: no reason, no timing', () => {
    expect(weigerRedenTiming(null, '2020-06-30', '2019-07-01')).toBeNull();
  });
});

describe('R-PVT-6 (inferred) consistency of the dates', () => {
  const VANDAAG = '2025-03-10';
  type Fout = { veld: string; code: string; melding: string };
  const gevallen: [string, PvtGegevens, Fout[]][] = [
    ['§4.2: start, einde and voldaan on the same day', { ...LEEG, datumStartDeelname: '2019-09-12', datumEindeDeelname: '2019-09-12', datumVoldaan: '2019-09-12' }, []],
    ['everything empty', LEEG, []],
    ['dates on today', { ...LEEG, datumStartDeelname: VANDAAG, datumEindeDeelname: VANDAAG, datumVoldaan: VANDAAG }, []],
    ['only a start (deelname still running)', { ...LEEG, datumStartDeelname: '2025-02-03' }, []],
    ['voldaan without deelname dates', { ...LEEG, datumVoldaan: '2025-02-03' }, []],
    ['voldaan before einde deelname is not this rule', { ...LEEG, datumStartDeelname: '2025-02-03', datumEindeDeelname: '2025-02-10', datumVoldaan: '2025-02-05' }, []],
    ['datum voldaan and a reason', { ...LEEG, datumVoldaan: '2025-02-03', redenNietVoldaan: 'REAGEERT_NIET' }, [
      { veld: 'redenNietVoldaan', code: 'SLUIT_ELKAAR_UIT', melding: "Vul óf 'Datum voldaan aan PVT-plicht' óf 'Reden niet voldaan aan PVT-plicht' in, niet allebei." },
    ]],
    ['einde deelname without start', { ...LEEG, datumEindeDeelname: '2025-02-03' }, [
      { veld: 'datumStartDeelname', code: 'VERPLICHT', melding: "Vul ook 'Datum start deelname PV-traject' in als u een einddatum deelname invult." },
    ]],
    ['einde deelname one day before start', { ...LEEG, datumStartDeelname: '2025-02-03', datumEindeDeelname: '2025-02-02' }, [
      { veld: 'datumEindeDeelname', code: 'VOOR_START', melding: "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'." },
    ]],
    ['datum voldaan one day before start deelname', { ...LEEG, datumStartDeelname: '2025-02-03', datumVoldaan: '2025-02-02' }, [
      { veld: 'datumVoldaan', code: 'VOOR_START', melding: "'Datum voldaan aan PVT-plicht' ligt voor 'Datum start deelname PV-traject'." },
    ]],
    ['start deelname tomorrow', { ...LEEG, datumStartDeelname: '2025-03-11' }, [
      { veld: 'datumStartDeelname', code: 'DATUM_IN_TOEKOMST', melding: "'Datum start deelname PV-traject' mag niet in de toekomst liggen." },
    ]],
    ['einde deelname tomorrow', { ...LEEG, datumStartDeelname: '2025-03-01', datumEindeDeelname: '2025-03-11' }, [
      { veld: 'datumEindeDeelname', code: 'DATUM_IN_TOEKOMST', melding: "'Datum einde deelname PV-traject' mag niet in de toekomst liggen." },
    ]],
    ['datum voldaan tomorrow', { ...LEEG, datumVoldaan: '2025-03-11' }, [
      { veld: 'datumVoldaan', code: 'DATUM_IN_TOEKOMST', melding: "'Datum voldaan aan PVT-plicht' mag niet in de toekomst liggen." },
    ]],
    ['an impossible date', { ...LEEG, datumVoldaan: '2025-02-29' }, [
      { veld: 'datumVoldaan', code: 'ONGELDIGE_DATUM', melding: "'Datum voldaan aan PVT-plicht' is geen geldige datum." },
    ]],
    ['all three in the future: every field at once', { ...LEEG, datumStartDeelname: '2026-01-01', datumEindeDeelname: '2026-01-02', datumVoldaan: '2026-01-03' }, [
      { veld: 'datumStartDeelname', code: 'DATUM_IN_TOEKOMST', melding: "'Datum start deelname PV-traject' mag niet in de toekomst liggen." },
      { veld: 'datumEindeDeelname', code: 'DATUM_IN_TOEKOMST', melding: "'Datum einde deelname PV-traject' mag niet in de toekomst liggen." },
      { veld: 'datumVoldaan', code: 'DATUM_IN_TOEKOMST', melding: "'Datum voldaan aan PVT-plicht' mag niet in de toekomst liggen." },
    ]],
    ['voldaan in the future and einde before start: both at once (issue 13)', { ...LEEG, datumStartDeelname: '2025-02-10', datumEindeDeelname: '2025-02-03', datumVoldaan: '2026-01-03' }, [
      { veld: 'datumVoldaan', code: 'DATUM_IN_TOEKOMST', melding: "'Datum voldaan aan PVT-plicht' mag niet in de toekomst liggen." },
      { veld: 'datumEindeDeelname', code: 'VOOR_START', melding: "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'." },
    ]],
    ['an impossible start is not compared with the other dates', { ...LEEG, datumStartDeelname: '2025-02-30', datumEindeDeelname: '2025-02-03' }, [
      { veld: 'datumStartDeelname', code: 'ONGELDIGE_DATUM', melding: "'Datum start deelname PV-traject' is geen geldige datum." },
    ]],
    ['einde before start and voldaan before start', { ...LEEG, datumStartDeelname: '2025-02-03', datumEindeDeelname: '2025-02-01', datumVoldaan: '2025-02-01' }, [
      { veld: 'datumEindeDeelname', code: 'VOOR_START', melding: "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'." },
      { veld: 'datumVoldaan', code: 'VOOR_START', melding: "'Datum voldaan aan PVT-plicht' ligt voor 'Datum start deelname PV-traject'." },
    ]],
  ];
  it.each(gevallen)('R-PVT-6: %s', (_naam, invoer, fouten) => {
    const w = weigerPvtDatums(invoer, VANDAAG);
    if (fouten.length === 0) expect(w).toBeNull();
    else expect(w).toEqual({ regel: 'R-PVT-6', status: 400, melding: 'Niet alle velden zijn goed ingevuld.', fouten });
  });
});

describe('R-PVT-7 conditions and evidence', () => {
  const voorwaarden: [RedenNietVoldaan | null, string[] | null][] = [
    ['ZIEKTE', ['minimaal 3 maanden aaneengesloten ziek', 'zwangerschap en/of bevalling', 'verklaring van de huisarts', 'geen mogelijkheid meer om een PV-traject te volgen binnen de termijn']],
    ['DETENTIE', ['minimaal 2 maanden in detentie', 'officiële detentieverklaring', 'geen mogelijkheid meer om een PV-traject te volgen binnen de termijn']],
    ['OVERMACHT', ['niet-toerekenbare onmogelijkheid', 'kortdurende ziekte, plaatselijk noodweer of overlijden van een familielid', 'bij de gemeente een verklaring afgelegd']],
    ['GEEN_AANBOD', ['Verlenging vanwege een opleiding', 'gehele vrijstelling van de inburgeringsplicht', 'bewijs van inschrijving van de opleiding']],
    ['WEIGERT_DEELNAME', null],
    ['WEIGERT_ONDERTEKENING', null],
    ['REAGEERT_NIET', null],
    ['NIET_VERSCHENEN', null],
    [null, null],
  ];
  it.each(voorwaarden)('R-PVT-7: conditions shown for %s', (reden, fragmenten) => {
    const tekst = bewijsvoorwaarden(reden);
    if (fragmenten === null) expect(tekst).toBeNull();
    else for (const f of fragmenten) expect(tekst).toContain(f);
  });

  it('R-PVT-7: the evidence is held by the gemeente and DUO may ask for it', () => {
    expect(BEWIJS_IN_BEZIT).toBe('Het bewijs moet in het bezit zijn van de gemeente en opvraagbaar zijn door DUO.');
  });

  const bevestigingen: [RedenNietVoldaan | null, boolean, boolean][] = [
    ['ZIEKTE', false, true],
    ['ZIEKTE', true, false],
    ['DETENTIE', false, true],
    ['DETENTIE', true, false],
    ['OVERMACHT', false, true],
    ['OVERMACHT', true, false],
    // GEEN_AANBOD is also the plain "gemeente kon geen traject aanbieden", which needs no evidence.
    ['GEEN_AANBOD', false, false],
    ['WEIGERT_DEELNAME', false, false],
    ['NIET_VERSCHENEN', false, false],
    [null, false, false],
  ];
  it.each(bevestigingen)('R-PVT-7: reason %s, confirmed %s → confirmation asked: %s', (reden, bevestigd, gevraagd) => {
    const w = weigerZonderBewijsbevestiging(reden, bevestigd);
    if (!gevraagd) expect(w).toBeNull();
    else {
      expect(w).toEqual({
        regel: 'R-PVT-7',
        status: 400,
        melding: 'Niet alle velden zijn goed ingevuld.',
        fouten: [{ veld: 'bewijsBevestigd', code: 'BEVESTIGING_NODIG', melding: 'Bevestig dat de gemeente het bewijs voor deze reden in bezit heeft. DUO kan erom vragen.' }],
      });
    }
  });
});

describe('R-PVT-8 second overrun of the term', () => {
  const gevallen: [string, RedenNietVoldaan | null, string | null, string | null, boolean][] = [
    ['a reason and a later new end: cleared', 'GEEN_AANBOD', '2020-06-30', '2020-12-31', true],
    ['a reason and an end one day later: cleared', 'ZIEKTE', '2020-06-30', '2020-07-01', true],
    ['a culpable reason and a later end: cleared', 'REAGEERT_NIET', '2020-06-30', '2021-06-30', true],
    ['the same end: kept', 'GEEN_AANBOD', '2020-06-30', '2020-06-30', false],
    ['an earlier end: kept', 'GEEN_AANBOD', '2020-06-30', '2020-05-31', false],
    ['no reason: nothing to clear', null, '2020-06-30', '2020-12-31', false],
    ['the end removed: kept', 'DETENTIE', '2020-06-30', null, false],
    ['no end before: kept', 'DETENTIE', null, '2020-12-31', false],
  ];
  it.each(gevallen)('R-PVT-8: %s', (_naam, redenNietVoldaan, datumEindePvtPlicht, nieuweEinde, gewist) => {
    expect(wistRedenBijNieuweTermijn({ redenNietVoldaan, datumEindePvtPlicht }, nieuweEinde)).toBe(gewist);
  });
});

describe('R-PVT-1, R-PVT-4, R-PVT-5, R-PVT-6 in the order the server applies them', () => {
  const NA = '2020-07-10';
  const gevallen: [string, PvtPersoon, Rol[], PvtGegevens, string, string | null][] = [
    ['datum voldaan entered', persoon, MUT, { ...LEEG, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18', datumVoldaan: '2020-05-18' }, NA, null],
    ['only the read role', persoon, ['WI2013'], { ...LEEG, datumVoldaan: '2020-05-18' }, NA, 'R-ROL-3'],
    ['moved away', { ...persoon, verblijf: 'VOORMALIG' }, MUT, { ...LEEG, datumVoldaan: '2020-05-18' }, NA, 'R-SIG-9'],
    ['not PVT-plichtig', { ...persoon, pvtPlichtig: 'N' }, MUT, { ...LEEG, datumVoldaan: '2020-05-18' }, NA, 'R-PVT-1'],
    ['definitive', { ...persoon, datumVoldaan: '2020-05-18', registratieDefinitief: true }, MUT, { ...LEEG, datumVoldaan: '2020-05-19' }, NA, 'R-PVT-3'],
    ['voldaan in the future', persoon, MUT, { ...LEEG, datumVoldaan: '2020-07-11' }, NA, 'R-PVT-6'],
    ['voldaan and a reason: R-PVT-6 before R-PVT-4', persoon, MUT, { ...LEEG, datumVoldaan: '2020-05-18', redenNietVoldaan: 'REAGEERT_NIET' }, NA, 'R-PVT-6'],
    ['WEIGERT_DEELNAME with deelname dates', persoon, MUT, { ...LEEG, datumStartDeelname: '2020-05-04', datumEindeDeelname: '2020-05-18', redenNietVoldaan: 'WEIGERT_DEELNAME' }, NA, 'R-PVT-4'],
    ['REAGEERT_NIET after the term', persoon, MUT, { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, NA, null],
    ['REAGEERT_NIET on the last day of the term', persoon, MUT, { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, '2020-06-30', 'R-PVT-5'],
    ['an unchanged reason is not timed again', { ...persoon, datumEindePvtPlicht: '2020-12-31', redenNietVoldaan: 'GEEN_AANBOD' }, MUT, { ...LEEG, redenNietVoldaan: 'GEEN_AANBOD' }, NA, null],
    ['a changed reason is timed', { ...persoon, datumEindePvtPlicht: '2020-12-31', redenNietVoldaan: 'GEEN_AANBOD' }, MUT, { ...LEEG, redenNietVoldaan: 'REAGEERT_NIET' }, NA, 'R-PVT-5'],
    ['withdrawing a reason', { ...persoon, redenNietVoldaan: 'GEEN_AANBOD' }, MUT, LEEG, NA, null],
  ];
  it.each(gevallen)('weigerPvtWijziging: %s', (_naam, p, rollen, invoer, vandaag, regel) => {
    expect(weigerPvtWijziging(p, rollen, invoer, vandaag)?.regel ?? null).toBe(regel);
  });
});
