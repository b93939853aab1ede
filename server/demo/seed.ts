import { plusDagen, plusMaanden, type IsoDatum } from '../../shared/datum';
import { REDEN_CODES, REDENEN, redenToegestaanVanaf, type RedenNietVoldaan } from '../../shared/rules/pvt';
import type { SignaalCode, SignaalStatus } from '../../shared/rules/signalen';
import type { FactuurStatus } from '../../shared/rules/factuur';
import { hashWachtwoord } from '../auth/wachtwoord';
import { schrijfInstelling, sql, volgendeSeq, type Db } from '../db/database';
import { testBsns, voegPersoonToe, type NieuwePersoon } from '../domein/nieuwePersoon';
import { Willekeur } from './willekeur';

export const DEMO_WACHTWOORD = 'demo';
export const DEMO_TOTP_GEHEIM = 'JBSWY3DPEHPK3PXP';

export const DEMO_GEMEENTEN = [
  { code: '0014', naam: 'Groningen', rekeningnummer: 'NL91ABNA0417164300' },
  { code: '0034', naam: 'Almere', rekeningnummer: null },
  { code: '0344', naam: 'Utrecht', rekeningnummer: 'NL20INGB0001234567' },
  { code: '0363', naam: 'Amsterdam', rekeningnummer: 'NL02ABNA0123456789' },
  { code: '0518', naam: "'s-Gravenhage", rekeningnummer: 'NL44RABO0123456789' },
  { code: '0599', naam: 'Rotterdam', rekeningnummer: 'NL69INGB0123456789' },
] as const;

// Generated records per gemeente; after the uitgeschrevenen and the other laws, 0014 still lists more than
// 1,000 and 0034 more than 300 Wi2013 persons (API.md).
export const STANDAARD_AANTALLEN: Record<string, number> = { '0014': 1200, '0034': 360 };

/** The kinds of situation the handbook names, cycled so every one occurs in every gemeente. */
const SCENARIOS = [
  'IN_TERMIJN', 'IN_TERMIJN', 'IN_TERMIJN_DEELNAME', 'BIJNA_EINDE', 'VERLOPEN', 'VERLOPEN',
  'VOLDAAN_VOORLOPIG', 'VOLDAAN_DEFINITIEF', 'VOLDAAN_DEFINITIEF', 'VOLDAAN_DEFINITIEF',
  'REDEN', 'REDEN', 'NIET_PVT_PLICHTIG', 'PVT_ONBEPAALD', 'WI2007', 'WI2021',
  'VERHUISD_UIT', 'VERHUISD_IN', 'OVERLEDEN', 'UITGESCHREVEN',
] as const;
type Scenario = (typeof SCENARIOS)[number];

const LETTERGREPEN = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sa', 'del', 'bur', 'ni', 'gor', 'pe', 'tuk', 'wa', 'zen', 'dri', 'fo', 'ha'];
const VOORNAMEN = ['Test', 'Proef', 'Demo', 'Oefen', 'Voorbeeld'];
const VOORVOEGSELS = [null, null, null, null, 'van', 'de', 'van der', 'el'] as const;

interface Zaaisignaal {
  code: SignaalCode;
  datum: IsoDatum;
  status: SignaalStatus;
  statusGewijzigdOp: IsoDatum | null;
}

function achternaam(r: Willekeur): string {
  const delen = Array.from({ length: r.tussen(2, 4) }, () => r.kies(LETTERGREPEN)).join('');
  return `Demo${delen}`;
}

function status(r: Willekeur, datum: IsoDatum, vandaag: IsoDatum): { status: SignaalStatus; statusGewijzigdOp: IsoDatum | null } {
  // Afgehandeld signals live one week and untreated ones at most a quarter (R-SIG-2), so the seed keeps to that.
  const leeftijd = Math.round((Date.parse(vandaag) - Date.parse(datum)) / 86_400_000);
  const keuze = r.getal();
  if (keuze < 0.2 && leeftijd >= 0) return { status: 'AFGEHANDELD', statusGewijzigdOp: plusDagen(vandaag, -r.tussen(0, Math.min(6, leeftijd))) };
  if (keuze < 0.55 || leeftijd > 80) return { status: 'IN_BEHANDELING', statusGewijzigdOp: plusDagen(datum, Math.min(leeftijd, r.tussen(0, 10))) };
  return { status: 'NIEUW', statusGewijzigdOp: null };
}

function maakPersoon(r: Willekeur, scenario: Scenario, index: number, gc: string, andere: string, vandaag: IsoDatum, bsn: string): { persoon: NieuwePersoon; signalen: Zaaisignaal[] } {
  const signalen: Zaaisignaal[] = [];
  const sig = (code: SignaalCode, datum: IsoDatum) => {
    if (datum <= vandaag) signalen.push({ code, datum, ...status(r, datum, vandaag) });
  };
  const start = plusDagen(vandaag, -r.tussen(30, 240));
  const p: NieuwePersoon = {
    id: r.uuid(),
    bsn,
    voornamen: r.kies(VOORNAMEN),
    voorvoegsels: r.kies(VOORVOEGSELS),
    achternaam: achternaam(r),
    geslacht: r.kies([0, 1, 1, 2, 2] as const),
    geboortedatum: plusDagen('1960-01-01', r.tussen(0, 15_000)),
    wet: 'WI2013',
    inburgeringsplichtig: true,
    gemeentecode: gc,
    vorigeGemeenten: [],
    overleden: false,
    uitgeschreven: false,
    lening: r.kans(0.45),
    gemeenteEersteVestiging: gc,
    gemeenteEindePvt: null,
    pvtPlichtig: 'J',
    datumStartPvtPlicht: start,
    datumEindePvtPlicht: plusDagen(plusMaanden(start, 12), -1),
    datumStartDeelname: null,
    datumEindeDeelname: null,
    datumVoldaan: null,
    redenNietVoldaan: null,
    datumRegistratie: null,
    registratieDefinitief: false,
    rechtOpMb: r.kies(['J', 'N', 'N', null] as const),
    datumMbGemeldBijBzk: null,
    factuur: null,
  };
  const zetTermijn = (einde: IsoDatum) => {
    p.datumEindePvtPlicht = einde;
    p.datumStartPvtPlicht = plusDagen(plusMaanden(einde, -12), 1);
  };
  const voldaan = (datum: IsoDatum, definitief: boolean) => {
    p.datumStartDeelname = plusDagen(datum, -r.tussen(14, 60));
    p.datumEindeDeelname = plusDagen(datum, -r.tussen(0, 7));
    if (p.datumEindeDeelname < p.datumStartDeelname) p.datumEindeDeelname = p.datumStartDeelname;
    p.datumVoldaan = datum;
    p.datumRegistratie = datum;
    p.registratieDefinitief = definitief;
    p.gemeenteEindePvt = gc;
  };

  switch (scenario) {
    case 'IN_TERMIJN':
      break;
    case 'IN_TERMIJN_DEELNAME':
      p.datumStartDeelname = plusDagen(vandaag, -r.tussen(1, 20));
      break;
    case 'BIJNA_EINDE':
      zetTermijn(plusDagen(vandaag, r.tussen(1, 59)));
      sig('SS602', plusMaanden(p.datumEindePvtPlicht!, -2));
      break;
    case 'VERLOPEN': {
      zetTermijn(plusDagen(vandaag, -r.tussen(1, 200)));
      sig('SS603', plusDagen(p.datumEindePvtPlicht!, 1));
      sig('SS604', plusDagen(p.datumEindePvtPlicht!, 15));
      break;
    }
    case 'VOLDAAN_VOORLOPIG':
      voldaan(plusDagen(vandaag, -r.tussen(0, 13)), false);
      break;
    case 'VOLDAAN_DEFINITIEF':
      zetTermijn(plusDagen(vandaag, -r.tussen(30, 900)));
      voldaan(plusDagen(p.datumEindePvtPlicht!, -r.tussen(10, 200)), true);
      break;
    case 'REDEN': {
      const reden: RedenNietVoldaan = REDEN_CODES[Math.floor(index / SCENARIOS.length) % REDEN_CODES.length]!;
      const soort = REDENEN[reden].soort;
      zetTermijn(soort === 'NIET_VERWIJTBAAR' ? plusDagen(vandaag, r.tussen(-100, 50)) : plusDagen(vandaag, -r.tussen(2, 300)));
      const vanaf = redenToegestaanVanaf(reden, p.datumEindePvtPlicht!);
      const registratie = vanaf > vandaag ? vandaag : plusDagen(vanaf, Math.max(0, Math.min(r.tussen(0, 60), Math.round((Date.parse(vandaag) - Date.parse(vanaf)) / 86_400_000))));
      p.redenNietVoldaan = reden;
      if (REDENEN[reden].deelname === 'GEVULD' || (REDENEN[reden].deelname === 'OPTIONEEL' && r.kans(0.5))) {
        p.datumStartDeelname = plusDagen(p.datumStartPvtPlicht!, r.tussen(10, 100));
        p.datumEindeDeelname = plusDagen(p.datumStartDeelname, r.tussen(0, 30));
        if (p.datumEindeDeelname > vandaag) p.datumEindeDeelname = vandaag;
      }
      p.datumRegistratie = registratie;
      p.registratieDefinitief = Math.round((Date.parse(vandaag) - Date.parse(registratie)) / 86_400_000) >= 21;
      if (p.datumEindePvtPlicht! < vandaag) sig('SS603', plusDagen(p.datumEindePvtPlicht!, 1));
      break;
    }
    case 'NIET_PVT_PLICHTIG':
      p.pvtPlichtig = 'N';
      p.datumStartPvtPlicht = null;
      p.datumEindePvtPlicht = null;
      p.inburgeringsplichtig = r.kans(0.5);
      break;
    case 'PVT_ONBEPAALD':
      p.pvtPlichtig = null;
      p.datumStartPvtPlicht = null;
      p.datumEindePvtPlicht = null;
      p.rechtOpMb = null;
      break;
    case 'WI2007':
    case 'WI2021':
      p.wet = scenario;
      p.pvtPlichtig = null;
      p.datumStartPvtPlicht = null;
      p.datumEindePvtPlicht = null;
      p.rechtOpMb = null;
      p.lening = false;
      break;
    case 'VERHUISD_UIT': {
      // Lived here, now lives in the other demo gemeente: SS614 here, SS613 there (R-SIG-9).
      p.gemeentecode = andere;
      p.vorigeGemeenten = [gc];
      const datum = plusDagen(vandaag, -r.tussen(0, 60));
      sig('SS614', datum);
      break;
    }
    case 'VERHUISD_IN': {
      p.vorigeGemeenten = [r.kies(['0344', '0363', '0518', '0599'])];
      p.gemeenteEersteVestiging = p.vorigeGemeenten[0]!;
      sig('SS613', plusDagen(vandaag, -r.tussen(0, 60)));
      break;
    }
    case 'OVERLEDEN':
      p.overleden = true;
      break;
    case 'UITGESCHREVEN':
      p.uitgeschreven = true;
      break;
  }

  if (p.pvtPlichtig === 'J' && p.wet === 'WI2013') sig('SS601', p.datumStartPvtPlicht!);
  if (p.pvtPlichtig !== 'J') p.lening = p.lening && r.kans(0.3);
  if (p.rechtOpMb === 'J' && p.datumStartPvtPlicht) {
    const jaar = Number(p.datumStartPvtPlicht.slice(0, 4)) + 1;
    if (jaar <= Number(vandaag.slice(0, 4)) && `${jaar}-02-21` <= vandaag) p.datumMbGemeldBijBzk = `${jaar}-02-21`;
  }
  if (p.datumVoldaan && p.lening && r.kans(0.7)) {
    const statussen: (FactuurStatus | null)[] = [null, 1, 2, 2, 3, 4, 5, 5, 6];
    const s = statussen[index % statussen.length]!;
    const geaccepteerd = s === 4 || s === 5;
    p.factuur = {
      factuurnummer: `F${gc}${String(index).padStart(6, '0')}`,
      factuurdatum: plusDagen(p.datumVoldaan, r.tussen(1, 20)) > vandaag ? vandaag : plusDagen(p.datumVoldaan, r.tussen(1, 20)),
      debiteurnummer: r.kans(0.5) ? `D${String(index).padStart(5, '0')}` : null,
      status: s,
      geaccepteerd,
    };
    if (geaccepteerd) sig('SS612', p.factuur.factuurdatum);
    if (s === 6) sig('SS611', p.factuur.factuurdatum);
  }
  if (p.wet === 'WI2013' && r.kans(0.08)) {
    const code = r.kies(['SS606', 'SS607', 'SS608', 'SS609', 'SS610'] as const);
    sig(code, plusDagen(vandaag, -r.tussen(0, 70)));
  }
  return { persoon: p, signalen: signalen.filter(() => p.wet === 'WI2013') };
}

function zaaiSignalen(db: Db, r: Willekeur, persoon: NieuwePersoon, signalen: Zaaisignaal[], gc: string): void {
  for (const s of signalen) {
    // SS613 and SS614 belong to a move: SS614 to the gemeente left, SS613 to the one moved to.
    const gemeente = s.code === 'SS614' ? gc : persoon.gemeentecode;
    sql(db, `INSERT OR IGNORE INTO signalen (id, persoon_id, gemeentecode, code, datum, status, status_gewijzigd_op, sleutel, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.uuid(), persoon.id!, gemeente, s.code, s.datum, s.status, s.statusGewijzigdOp, `demo:${s.code}:${s.datum}`, volgendeSeq(db));
    if (s.code === 'SS614') {
      sql(db, `INSERT OR IGNORE INTO signalen (id, persoon_id, gemeentecode, code, datum, status, status_gewijzigd_op, sleutel, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(r.uuid(), persoon.id!, persoon.gemeentecode, 'SS613', s.datum, 'NIEUW', null, `demo:SS613:${s.datum}`, volgendeSeq(db));
    }
  }
}

/** The persons the handbook shows as examples, with its own BSNs and values. */
function handboekPersonen(vandaag: IsoDatum): { persoon: NieuwePersoon; signalen: Zaaisignaal[] }[] {
  const basis = (bsn: string, gc: string, achternaam: string): NieuwePersoon => ({
    bsn, voornamen: 'Test', voorvoegsels: null, achternaam, geslacht: 1, geboortedatum: '1985-05-17', wet: 'WI2013', inburgeringsplichtig: true,
    gemeentecode: gc, vorigeGemeenten: [], overleden: false, uitgeschreven: false, lening: false, gemeenteEersteVestiging: gc, gemeenteEindePvt: null,
    pvtPlichtig: 'J', datumStartPvtPlicht: null, datumEindePvtPlicht: null, datumStartDeelname: null, datumEindeDeelname: null, datumVoldaan: null,
    redenNietVoldaan: null, datumRegistratie: null, registratieDefinitief: false, rechtOpMb: 'N', datumMbGemeldBijBzk: null, factuur: null,
  });
  const nieuw = (code: SignaalCode, datum: IsoDatum): Zaaisignaal => ({ code, datum, status: 'NIEUW', statusGewijzigdOp: null });
  const recent = plusDagen(vandaag, -3);
  return [
    {
      // §3.4: PVT-plichtig, term 01-07-2019 to 30-06-2020, nothing registered yet, three new signals.
      persoon: { ...basis('994002026', '0014', 'Ycobtgabfcotttbbfgassbgusb'), datumStartPvtPlicht: '2019-07-01', datumEindePvtPlicht: '2020-06-30' },
      signalen: [nieuw('SS601', recent), nieuw('SS603', recent), nieuw('SS604', recent)],
    },
    {
      // §3.6: no invoice yet, but one can be added ("Toevoegen"); Almere has no bank account at DUO (R-FAC-3).
      persoon: { ...basis('491945449', '0034', 'Ycobcotbgibftbsbcotcausub'), inburgeringsplichtig: false, lening: true, datumStartPvtPlicht: '2019-03-01', datumEindePvtPlicht: '2020-02-29', datumStartDeelname: '2019-09-02', datumEindeDeelname: '2019-09-10', datumVoldaan: '2019-09-12', datumRegistratie: '2019-09-12', registratieDefinitief: true, gemeenteEindePvt: '0034' },
      signalen: [nieuw('SS601', recent), nieuw('SS610', recent)],
    },
    {
      // §3.6: invoice 155441 of 04-11-2019, not yet accepted: "Wijzigen" and "Verwijderen".
      persoon: { ...basis('604269602', '0014', 'Ycobtstbbstbucabmsubgicacob'), inburgeringsplichtig: false, lening: true, datumStartPvtPlicht: '2019-01-15', datumEindePvtPlicht: '2020-01-14', datumStartDeelname: '2019-10-01', datumEindeDeelname: '2019-10-15', datumVoldaan: '2019-10-15', datumRegistratie: '2019-10-15', registratieDefinitief: true, gemeenteEindePvt: '0014', factuur: { factuurnummer: '155441', factuurdatum: '2019-11-04', debiteurnummer: null, status: 2, geaccepteerd: false } },
      signalen: [nieuw('SS601', recent), nieuw('SS607', recent)],
    },
    {
      // §3.8: SS601 of 22-11-2017, in behandeling.
      persoon: { ...basis('335297602', '0034', 'Ycobtgattcocotubgaumuffcotub'), datumStartPvtPlicht: '2017-11-22', datumEindePvtPlicht: '2018-11-21', datumStartDeelname: '2018-03-01', datumEindeDeelname: '2018-03-20', datumVoldaan: '2018-03-20', datumRegistratie: '2018-03-20', registratieDefinitief: true, gemeenteEindePvt: '0034' },
      signalen: [{ code: 'SS601', datum: '2017-11-22', status: 'IN_BEHANDELING', statusGewijzigdOp: '2017-11-30' }],
    },
    {
      // §3.12: deceased, under the Wi2021, lives in Groningen: "Persoon is overleden." above the law line.
      persoon: { ...basis('569026040', '0014', 'Overleden'), wet: 'WI2021', overleden: true, pvtPlichtig: null, rechtOpMb: null },
      signalen: [],
    },
  ];
}

/**
 * Seeds the demo gemeenten, users and caseload: deterministic for the same `vandaag` and counts,
 * with every state the handbook names in each gemeente.
 */
export function zaaiDemo(db: Db, vandaag: IsoDatum, aantallen: Record<string, number> = STANDAARD_AANTALLEN): void {
  db.transaction(() => {
    for (const g of DEMO_GEMEENTEN) db.prepare('INSERT INTO gemeenten (code, naam, rekeningnummer) VALUES (?, ?, ?)').run(g.code, g.naam, g.rekeningnummer);
    const gebruiker = (naam: string, volledig: string, soort: 'PERSOON' | 'CVS', rollen: string[], gemeenten: string[], beheerderVan: string[] = []) => {
      db.prepare('INSERT INTO gebruikers (gebruikersnaam, naam, email, soort, wachtwoord_hash, totp_geheim, rollen, aangemaakt_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        naam, volledig, `${naam}@gemeente.example`, soort, hashWachtwoord(DEMO_WACHTWOORD), soort === 'PERSOON' ? DEMO_TOTP_GEHEIM : null, JSON.stringify(rollen), `${vandaag}T00:00:00.000Z`,
      );
      for (const gc of gemeenten) db.prepare('INSERT INTO gebruiker_gemeenten (gebruikersnaam, gemeentecode, beheerder) VALUES (?, ?, 0)').run(naam, gc);
      for (const gc of beheerderVan) db.prepare('INSERT INTO gebruiker_gemeenten (gebruikersnaam, gemeentecode, beheerder) VALUES (?, ?, 1)').run(naam, gc);
    };
    gebruiker('demo-muteren', 'Demo Muteren', 'PERSOON', ['WI2013', 'WI2013MUT', 'WI2021'], ['0014', '0034']);
    gebruiker('demo-raadplegen', 'Demo Raadplegen', 'PERSOON', ['WI2013'], ['0014']);
    gebruiker('demo-beheerder', 'Demo Beheerder', 'PERSOON', [], [], ['0014', '0034']);
    gebruiker('demo-cvs-0014', 'Cliëntvolgsysteem Groningen', 'CVS', ['WI2013', 'WI2013MUT'], ['0014']);

    const r = new Willekeur(20130);
    const vaste = handboekPersonen(vandaag);
    for (const { persoon, signalen } of vaste) {
      persoon.id = r.uuid();
      voegPersoonToe(db, persoon);
      zaaiSignalen(db, r, persoon, signalen, persoon.gemeentecode);
    }
    const bsns = testBsns();
    const gebruikt = new Set(vaste.map((v) => v.persoon.bsn));
    const volgendBsn = (): string => {
      for (;;) {
        const b = bsns.next().value as string;
        if (!gebruikt.has(b)) return b;
      }
    };
    for (const [gc, aantal] of Object.entries(aantallen)) {
      const andere = gc === '0014' ? '0034' : '0014';
      for (let i = 0; i < aantal; i++) {
        const scenario = SCENARIOS[i % SCENARIOS.length]!;
        const { persoon, signalen } = maakPersoon(r, scenario, i, gc, andere, vandaag, volgendBsn());
        voegPersoonToe(db, persoon);
        zaaiSignalen(db, r, persoon, signalen, gc);
      }
    }
    // A Wi2007 person who lives elsewhere (§3.12: "… maar is niet woonachtig in uw gemeente.").
    const elders = maakPersoon(r, 'WI2007', 0, '0363', '0014', vandaag, volgendBsn()).persoon;
    voegPersoonToe(db, { ...elders, achternaam: 'Eldersgevestigd' });
    schrijfInstelling(db, 'laatste_dagwerk', vandaag);
  })();
}

