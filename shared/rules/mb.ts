import { toonDatum, type IsoDatum } from '../datum';

/**
 * R-MB-1: "Recht op maatschappelijke begeleiding" as Ja/Nee, "Onbekend" while DUO has not
 * determined it (an empty cell reads as missing data); and the BZK date or "Niet gemeld".
 */
export function toonRechtOpMb(recht: 'J' | 'N' | null): string {
  return recht === 'J' ? 'Ja' : recht === 'N' ? 'Nee' : 'Onbekend';
}

export function toonMbGemeldBijBzk(datum: IsoDatum | null): string {
  return datum ? toonDatum(datum) : 'Niet gemeld';
}

/** R-MB-1 as the PVT extract's column Q reads it: empty = undetermined, J or N. */
export function mbGemeldJN(recht: 'J' | 'N' | null, datum: IsoDatum | null): '' | 'J' | 'N' {
  if (recht === null) return '';
  return datum ? 'J' : 'N';
}

export const MB_PEILDATUM = '2017-10-01';

export interface MbFeiten {
  asielvergunningOfGezinslid: boolean;
  hervestiger: boolean;
  datumStartInburgeringsplicht: IsoDatum | null;
  datumVestigingNietAzc: IsoDatum | null;
  eerderVergoed: boolean;
}

export type MbDoelgroep = 'REGULIER' | 'EERDERE_START' | 'HERVESTIGER';

/**
 * R-MB-2: DUO decides the right. Every group needs an asylum permit (or family of a holder),
 * settlement at a non-AZC address on or after 1 October 2017 and no earlier payment; then the
 * start of the inburgeringsplicht decides the group.
 */
export function mbDoelgroep(f: MbFeiten): MbDoelgroep | null {
  if (!f.asielvergunningOfGezinslid || f.eerderVergoed) return null;
  if (f.datumVestigingNietAzc === null || f.datumVestigingNietAzc < MB_PEILDATUM) return null;
  if (f.datumStartInburgeringsplicht === null) return null;
  // The earlier-start group does not exclude hervestigers; only with a late start are they a group of their own.
  if (f.datumStartInburgeringsplicht < MB_PEILDATUM) return 'EERDERE_START';
  return f.hervestiger ? 'HERVESTIGER' : 'REGULIER';
}

/** R-MB-3: € 2370 per person, paid the calendar year after settlement, selection by 1 March. */
export const MB_BEDRAG_EURO = 2370;

export function mbBekostigingsjaar(datumVestiging: IsoDatum): number {
  return Number(datumVestiging.slice(0, 4)) + 1;
}

export function mbSelectieUiterlijk(jaar: number): IsoDatum {
  return `${jaar}-03-01`;
}
