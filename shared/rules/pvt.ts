import { isGeldigeDatum, plusDagen, plusMaanden, toonDatum, weekdag, type IsoDatum } from '../datum';
import { magMuteren, MELDING_ALLEEN_RAADPLEGEN, type Rol, type Wet } from './rollen';
import { veldfouten, weigering, type Veldfout, type Weigering } from './weigering';

export const REDEN_CODES = [
  'WEIGERT_DEELNAME', 'WEIGERT_ONDERTEKENING', 'REAGEERT_NIET', 'NIET_VERSCHENEN',
  'GEEN_AANBOD', 'ZIEKTE', 'DETENTIE', 'OVERMACHT',
] as const;
export type RedenNietVoldaan = (typeof REDEN_CODES)[number];

/** How a reason lets the deelname dates be filled: both empty, both filled, or free. */
export type DeelnameEis = 'LEEG' | 'GEVULD' | 'OPTIONEEL';
export type RedenSoort = 'VERWIJTBAAR' | 'NIET_VERWIJTBAAR' | 'OVERMACHT';

export interface Reden {
  code: RedenNietVoldaan;
  tekst: string;
  deelname: DeelnameEis;
  soort: RedenSoort;
}

/** R-PVT-4: the reasons, their texts as the handbook lists them, and the dates each allows. */
export const REDENEN: Record<RedenNietVoldaan, Reden> = {
  WEIGERT_DEELNAME: { code: 'WEIGERT_DEELNAME', tekst: 'Persoon weigert deel te nemen aan het PV-traject', deelname: 'LEEG', soort: 'VERWIJTBAAR' },
  WEIGERT_ONDERTEKENING: { code: 'WEIGERT_ONDERTEKENING', tekst: 'Persoon heeft wel deelgenomen maar weigert de verklaring te ondertekenen', deelname: 'GEVULD', soort: 'VERWIJTBAAR' },
  REAGEERT_NIET: { code: 'REAGEERT_NIET', tekst: 'Persoon reageert niet op uitnodiging van de gemeente voor deelname aan PVT', deelname: 'LEEG', soort: 'VERWIJTBAAR' },
  NIET_VERSCHENEN: { code: 'NIET_VERSCHENEN', tekst: 'Persoon is zonder reden niet op komen dagen', deelname: 'OPTIONEEL', soort: 'VERWIJTBAAR' },
  GEEN_AANBOD: { code: 'GEEN_AANBOD', tekst: 'Gemeente kon binnen de PVT-termijn geen PV-traject aanbieden', deelname: 'LEEG', soort: 'NIET_VERWIJTBAAR' },
  ZIEKTE: { code: 'ZIEKTE', tekst: 'Bijzondere omstandigheden - Ziekte', deelname: 'OPTIONEEL', soort: 'NIET_VERWIJTBAAR' },
  DETENTIE: { code: 'DETENTIE', tekst: 'Bijzondere omstandigheden - Detentie', deelname: 'OPTIONEEL', soort: 'NIET_VERWIJTBAAR' },
  OVERMACHT: { code: 'OVERMACHT', tekst: 'Bijzondere omstandigheden - Overmacht', deelname: 'OPTIONEEL', soort: 'OVERMACHT' },
};

export const PVT_VELD_LABELS = {
  datumStartDeelname: 'Datum start deelname PV-traject',
  datumEindeDeelname: 'Datum einde deelname PV-traject',
  datumVoldaan: 'Datum voldaan aan PVT-plicht',
  redenNietVoldaan: 'Reden niet voldaan aan PVT-plicht',
} as const;

/** The four gemeente-owned PVT fields (R-PVT-2). */
export interface PvtGegevens {
  datumStartDeelname: IsoDatum | null;
  datumEindeDeelname: IsoDatum | null;
  datumVoldaan: IsoDatum | null;
  redenNietVoldaan: RedenNietVoldaan | null;
}

/** What the PVT rules need to know of a person, as the chosen gemeente sees it. */
export interface PvtPersoon extends PvtGegevens {
  wet: Wet;
  pvtPlichtig: 'J' | 'N' | null;
  datumEindePvtPlicht: IsoDatum | null;
  verblijf: 'WOONACHTIG' | 'VOORMALIG';
  registratieDefinitief: boolean;
}

export const MELDING_VERHUISD =
  'Deze persoon is verhuisd naar een andere gemeente. U kunt de gegevens nog raadplegen, maar alleen de nieuwe gemeente kan ze registreren of wijzigen. Neem zo nodig contact op met de nieuwe gemeente.';
export const MUTATIEFORMULIER_URL = 'https://duo.nl/zakelijk/inburgering-ketenpartners/inloggen/';
export const MELDING_DEFINITIEF =
  `De registratie van de datum voldaan of de reden niet voldaan is definitief. Wijzigen kan alleen nog met het mutatieformulier op DUO Zakelijk (${MUTATIEFORMULIER_URL}, onder Handleidingen en aanmeldformulieren).`;

/**
 * R-PVT-1 (with R-ROL-3, R-SIG-9 and R-PVT-3): why this user cannot change the PVT data of this
 * person, or null when "Wijzigen" may be offered.
 */
export function weigerPvtWijzigen(persoon: PvtPersoon, rollen: readonly Rol[]): Weigering | null {
  if (!magMuteren(rollen)) return weigering('R-ROL-3', 403, MELDING_ALLEEN_RAADPLEGEN);
  if (persoon.verblijf !== 'WOONACHTIG') return weigering('R-SIG-9', 403, MELDING_VERHUISD);
  if (persoon.wet !== 'WI2013' || persoon.pvtPlichtig !== 'J') {
    return weigering('R-PVT-1', 409, 'Deze persoon is niet PVT-plichtig. PVT-gegevens kunnen alleen worden ingevoerd voor personen die PVT-plichtig zijn.');
  }
  if (persoon.registratieDefinitief) return weigering('R-PVT-3', 409, MELDING_DEFINITIEF);
  return null;
}

/** R-PVT-2: the form opens with the values as registered now. */
export function pvtBeginwaarden(persoon: PvtGegevens): PvtGegevens {
  return {
    datumStartDeelname: persoon.datumStartDeelname,
    datumEindeDeelname: persoon.datumEindeDeelname,
    datumVoldaan: persoon.datumVoldaan,
    redenNietVoldaan: persoon.redenNietVoldaan,
  };
}

/** R-PVT-3: DUO finalises in a weekly run, on Mondays. */
export const DEFINITIEF_NA_DAGEN = 14;
export const FINALISATIE_WEEKDAG = 1;

/**
 * R-PVT-3: the date on which a registration of `registratieOp` becomes definitive: the first
 * weekly run at least two weeks later, so after 14 to 20 days ("2 tot maximaal 3 weken").
 */
export function datumDefinitief(registratieOp: IsoDatum): IsoDatum {
  const vroegst = plusDagen(registratieOp, DEFINITIEF_NA_DAGEN);
  return plusDagen(vroegst, (FINALISATIE_WEEKDAG - weekdag(vroegst) + 7) % 7);
}

/** R-PVT-3: whether the weekly run of `vandaag` finalises a registration of `registratieOp`. */
export function wordtDefinitief(registratieOp: IsoDatum, vandaag: IsoDatum): boolean {
  return weekdag(vandaag) === FINALISATIE_WEEKDAG && datumDefinitief(registratieOp) <= vandaag;
}

/** R-PVT-3: a change of datum voldaan or reden starts a new registration (and a new two weeks). */
export function isNieuweRegistratie(oud: PvtGegevens, nieuw: PvtGegevens): boolean {
  return oud.datumVoldaan !== nieuw.datumVoldaan || oud.redenNietVoldaan !== nieuw.redenNietVoldaan;
}

export function heeftRegistratie(g: PvtGegevens): boolean {
  return g.datumVoldaan !== null || g.redenNietVoldaan !== null;
}

/** R-PVT-4: which fields the chosen reason leaves open, for enabling and disabling the form. */
export function toegestaneVelden(reden: RedenNietVoldaan | null): { deelname: DeelnameEis; datumVoldaan: boolean } {
  if (reden === null) return { deelname: 'OPTIONEEL', datumVoldaan: true };
  return { deelname: REDENEN[reden].deelname, datumVoldaan: false };
}

/** R-PVT-4: the dates each reason requires to be empty or filled. */
export function weigerRedenDatums(invoer: PvtGegevens): Weigering | null {
  const reden = invoer.redenNietVoldaan;
  if (reden === null) return null;
  const r = REDENEN[reden];
  const fouten: Veldfout[] = [];
  const deelnameVelden = ['datumStartDeelname', 'datumEindeDeelname'] as const;
  for (const veld of deelnameVelden) {
    const label = PVT_VELD_LABELS[veld];
    if (r.deelname === 'LEEG' && invoer[veld] !== null) {
      fouten.push({ veld, code: 'MOET_LEEG_ZIJN', melding: `Bij de reden '${r.tekst}' moet '${label}' leeg zijn.` });
    }
    if (r.deelname === 'GEVULD' && invoer[veld] === null) {
      fouten.push({ veld, code: 'VERPLICHT', melding: `Bij de reden '${r.tekst}' moet '${label}' gevuld zijn.` });
    }
  }
  if (invoer.datumVoldaan !== null) {
    fouten.push({ veld: 'datumVoldaan', code: 'MOET_LEEG_ZIJN', melding: `Bij een reden niet voldaan moet '${PVT_VELD_LABELS.datumVoldaan}' leeg zijn.` });
  }
  return veldfouten('R-PVT-4', fouten, `De ingevulde datums passen niet bij de reden '${r.tekst}'.`);
}

/**
 * R-PVT-5: the first day a reason may be registered: non-culpable reasons from two months
 * before the end of the PVT term, culpable reasons and overmacht only after the term passed.
 */
export function redenToegestaanVanaf(reden: RedenNietVoldaan, datumEindePvtPlicht: IsoDatum): IsoDatum {
  return REDENEN[reden].soort === 'NIET_VERWIJTBAAR' ? plusMaanden(datumEindePvtPlicht, -2) : plusDagen(datumEindePvtPlicht, 1);
}

/** R-PVT-5: when a reason of this kind may be registered, in one sentence (the refusal's and the form's). */
export function redenTimingUitleg(reden: RedenNietVoldaan): string {
  return REDENEN[reden].soort === 'NIET_VERWIJTBAAR'
    ? 'Een reden voor een niet-verwijtbare termijnoverschrijding kan vanaf twee maanden voor het einde van de PVT-termijn worden geregistreerd.'
    : 'Een verwijtbare reden of overmacht kan pas worden geregistreerd nadat de PVT-termijn is overschreden.';
}

export function weigerRedenTiming(reden: RedenNietVoldaan | null, datumEindePvtPlicht: IsoDatum | null, vandaag: IsoDatum): Weigering | null {
  if (reden === null) return null;
  const tekst = REDENEN[reden].tekst;
  if (datumEindePvtPlicht === null) {
    return weigering('R-PVT-5', 409, `De reden '${tekst}' kan niet worden geregistreerd: er is (nog) geen datum einde PVT-plicht bekend.`);
  }
  const vanaf = redenToegestaanVanaf(reden, datumEindePvtPlicht);
  if (vandaag >= vanaf) return null;
  return weigering('R-PVT-5', 409, `${redenTimingUitleg(reden)} De reden '${tekst}' kan vanaf ${toonDatum(vanaf)} worden geregistreerd.`);
}

/**
 * R-PVT-6 (inferred): datum voldaan and a reason exclude each other; einde deelname needs a start
 * and is not before it; no date lies in the future; datum voldaan is not before start deelname.
 */
export function weigerPvtDatums(invoer: PvtGegevens, vandaag: IsoDatum): Weigering | null {
  const fouten: Veldfout[] = [];
  const datumVelden = ['datumStartDeelname', 'datumEindeDeelname', 'datumVoldaan'] as const;
  for (const veld of datumVelden) {
    const waarde = invoer[veld];
    if (waarde !== null && !isGeldigeDatum(waarde)) {
      fouten.push({ veld, code: 'ONGELDIGE_DATUM', melding: `'${PVT_VELD_LABELS[veld]}' is geen geldige datum.` });
    } else if (waarde !== null && waarde > vandaag) {
      fouten.push({ veld, code: 'DATUM_IN_TOEKOMST', melding: `'${PVT_VELD_LABELS[veld]}' mag niet in de toekomst liggen.` });
    }
  }
  // Every error at once (issue 13): the order of two dates is judged whenever both are real dates,
  // also when one of them lies in the future, so fixing one error never reveals another.
  const echt = (w: string | null): w is string => w !== null && isGeldigeDatum(w);
  const { datumStartDeelname: start, datumEindeDeelname: einde, datumVoldaan: voldaan } = invoer;
  if (voldaan !== null && invoer.redenNietVoldaan !== null) {
    fouten.push({ veld: 'redenNietVoldaan', code: 'SLUIT_ELKAAR_UIT', melding: "Vul óf 'Datum voldaan aan PVT-plicht' óf 'Reden niet voldaan aan PVT-plicht' in, niet allebei." });
  }
  if (einde !== null && start === null) {
    fouten.push({ veld: 'datumStartDeelname', code: 'VERPLICHT', melding: "Vul ook 'Datum start deelname PV-traject' in als u een einddatum deelname invult." });
  }
  if (echt(start) && echt(einde) && einde < start) {
    fouten.push({ veld: 'datumEindeDeelname', code: 'VOOR_START', melding: "'Datum einde deelname PV-traject' ligt voor 'Datum start deelname PV-traject'." });
  }
  if (echt(start) && echt(voldaan) && voldaan < start) {
    fouten.push({ veld: 'datumVoldaan', code: 'VOOR_START', melding: "'Datum voldaan aan PVT-plicht' ligt voor 'Datum start deelname PV-traject'." });
  }
  return veldfouten('R-PVT-6', fouten);
}

/**
 * R-PVT-7: the conditions under which a reason may be registered; the gemeente holds the
 * evidence and DUO may ask for it. For GEEN_AANBOD only when it is used as study extension.
 */
export const BEWIJSVOORWAARDEN: Partial<Record<RedenNietVoldaan, string>> = {
  ZIEKTE:
    'De inburgeraar was gedurende een periode van minimaal 3 maanden aaneengesloten ziek, of was door zwangerschap en/of bevalling niet in staat te voldoen aan de PVT-plicht. Dit is geverifieerd met een verklaring van de huisarts. Na de periode van ziekte was er geen mogelijkheid meer om een PV-traject te volgen binnen de termijn.',
  DETENTIE:
    'De inburgeraar was op het moment van het PV-traject minimaal 2 maanden in detentie. Dit is geverifieerd met een officiële detentieverklaring. Na de periode van detentie was er geen mogelijkheid meer om een PV-traject te volgen binnen de termijn.',
  OVERMACHT:
    'De inburgeraar is door een niet-toerekenbare onmogelijkheid (bijvoorbeeld kortdurende ziekte, plaatselijk noodweer of overlijden van een familielid) niet in staat geweest een PV-traject te volgen, en had daarna geen mogelijkheid meer binnen de termijn. De inburgeraar heeft hierover bij de gemeente een verklaring afgelegd.',
};
export const BEWIJSVOORWAARDEN_STUDIE =
  'Verlenging vanwege een opleiding: de inburgeraar volgde gedurende de PVT-termijn een opleiding die leidt tot een gehele vrijstelling van de inburgeringsplicht en kon daardoor geen PV-traject volgen binnen de termijn. Dit is geverifieerd met een bewijs van inschrijving van de opleiding.';
export const BEWIJS_IN_BEZIT = 'Het bewijs moet in het bezit zijn van de gemeente en opvraagbaar zijn door DUO.';

export function bewijsvoorwaarden(reden: RedenNietVoldaan | null): string | null {
  if (reden === null) return null;
  if (reden === 'GEEN_AANBOD') return BEWIJSVOORWAARDEN_STUDIE;
  return BEWIJSVOORWAARDEN[reden] ?? null;
}

/** R-PVT-7: the app asks the user to confirm the gemeente holds the evidence before sending. */
export function weigerZonderBewijsbevestiging(reden: RedenNietVoldaan | null, bevestigd: boolean): Weigering | null {
  if (bewijsvoorwaarden(reden) === null || bevestigd || reden === 'GEEN_AANBOD') return null;
  return veldfouten('R-PVT-7', [{
    veld: 'bewijsBevestigd',
    code: 'BEVESTIGING_NODIG',
    melding: 'Bevestig dat de gemeente het bewijs voor deze reden in bezit heeft. DUO kan erom vragen.',
  }]);
}

/** R-PVT-3..6 in the order the server applies them to a change of the four PVT fields. */
export function weigerPvtWijziging(persoon: PvtPersoon, rollen: readonly Rol[], invoer: PvtGegevens, vandaag: IsoDatum): Weigering | null {
  return (
    weigerPvtWijzigen(persoon, rollen) ??
    weigerPvtDatums(invoer, vandaag) ??
    weigerRedenDatums(invoer) ??
    (invoer.redenNietVoldaan !== persoon.redenNietVoldaan ? weigerRedenTiming(invoer.redenNietVoldaan, persoon.datumEindePvtPlicht, vandaag) : null)
  );
}

/**
 * R-PVT-8: when DUO sets a new, later end of the PVT term after a reason was registered at the
 * first overrun, the reason is cleared so that one can be registered at a second overrun.
 */
export function wistRedenBijNieuweTermijn(persoon: { redenNietVoldaan: RedenNietVoldaan | null; datumEindePvtPlicht: IsoDatum | null }, nieuweEinde: IsoDatum | null): boolean {
  return (
    persoon.redenNietVoldaan !== null &&
    nieuweEinde !== null &&
    persoon.datumEindePvtPlicht !== null &&
    nieuweEinde > persoon.datumEindePvtPlicht
  );
}
