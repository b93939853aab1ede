import JSZip from 'jszip';
import { isGeldigeDatum, type IsoDatum } from '../../shared/datum';
import { DISCLAIMER_BESTANDSNAAM, LEGENDA_BESTANDSNAAM, mbJaarUitBestandsnaam } from '../../shared/rules/bestanden';
import { BestandFout, OPNIEUW_DOWNLOADEN } from './fout';

/**
 * Caps against zip bombs. DUO's largest file, the PVT extract of a big gemeente, is some tens of
 * megabytes of CSV (100,000 persons ≈ 25 MB); anything far beyond that is not a DUO file.
 */
export interface ZipGrenzen {
  maxBestanden: number;
  maxBytesUitgepakt: number;
}
export const ZIP_GRENZEN: ZipGrenzen = { maxBestanden: 16, maxBytesUitgepakt: 256 * 1024 * 1024 };

/** What one kind of download may hold (R-DL-1): its CSV, whose name holds gemeentecode and date, and the attachments. */
export interface ZipSpec {
  bestandsnaam: string;
  gemeentecode: string;
  /** The CSV's name without `_<gemeentecode>_<jjjjmmdd>.csv` (shared `csvNaamInZip`). */
  csvVoorvoegsel: string;
  bijlagen: readonly string[];
}

export interface GeopendeZip {
  csv: { naam: string; datum: IsoDatum; inhoud: Uint8Array };
  /** The attachments the zip holds, by name; absent ones are simply not there. */
  bijlagen: Map<string, Uint8Array>;
}

/** R-DL-1: the spec of a file of "Downloaden bestanden", by its name in that list. */
export function zipSpec(bestandsnaam: string, gemeentecode: string): ZipSpec {
  const csvVoorvoegsel = bestandsnaam.replace(/\.zip$/, '');
  if (bestandsnaam === 'isi_pvt.zip') return { bestandsnaam, gemeentecode, csvVoorvoegsel, bijlagen: [LEGENDA_BESTANDSNAAM, DISCLAIMER_BESTANDSNAAM] };
  if (mbJaarUitBestandsnaam(bestandsnaam) !== null) return { bestandsnaam, gemeentecode, csvVoorvoegsel, bijlagen: [DISCLAIMER_BESTANDSNAAM] };
  throw new BestandFout('ONGELDIGE_BESTANDSNAAM', `'${bestandsnaam}' is geen bestand van 'Downloaden bestanden'. Kies een bestand uit de lijst.`);
}

const EOCD_HANDTEKENING = 0x06054b50;
const EOCD_LENGTE = 22;
const CENTRAAL_HANDTEKENING = 0x02014b50;
const CENTRAAL_LENGTE = 46;
/** A size of 0xFFFFFFFF or a count of 0xFFFF means "see the ZIP64 record": DUO's small archives never need ZIP64. */
const ZIP64_GROOTTE = 0xffffffff;
const ZIP64_AANTAL = 0xffff;

interface Vermelding {
  naam: string;
  /** The uncompressed size the zip claims: what it says, not yet what it holds. */
  grootte: number;
}

const geenZip = (zipnaam: string): BestandFout => new BestandFout('GEEN_ZIP', `'${zipnaam}' is geen geldig zipbestand. ${OPNIEUW_DOWNLOADEN}`);

/**
 * The zip's table of contents, read from its central directory before jszip parses anything: a
 * zip of a million entries is refused before it costs memory, and every entry is seen under its
 * own name (jszip keys entries by a resolved name, so `../x.csv` and `x.csv` would become one).
 * The sizes are the ones jszip would report: the central directory's claims.
 */
function leesInhoudsopgave(data: Uint8Array, zipnaam: string, grenzen: ZipGrenzen, maxVerwacht: number): Vermelding[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const vroegste = Math.max(0, data.byteLength - EOCD_LENGTE - 0xffff);
  let eind = -1;
  for (let i = data.byteLength - EOCD_LENGTE; i >= vroegste && eind < 0; i--) {
    if (view.getUint32(i, true) === EOCD_HANDTEKENING) eind = i;
  }
  if (eind < 0) throw geenZip(zipnaam);
  const aantal = view.getUint16(eind + 10, true);
  if (aantal === ZIP64_AANTAL) throw geenZip(zipnaam);
  if (aantal === 0) throw new BestandFout('ZIP_LEEG', `Het zipbestand '${zipnaam}' is leeg. ${OPNIEUW_DOWNLOADEN}`);
  if (aantal > grenzen.maxBestanden) {
    throw new BestandFout('ZIP_TE_VEEL_BESTANDEN', `Het zipbestand '${zipnaam}' bevat ${aantal} bestanden; een bestand van DUO bevat er ten hoogste ${maxVerwacht}. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
  }
  const vermeldingen: Vermelding[] = [];
  let p = view.getUint32(eind + 16, true);
  for (let n = 0; n < aantal; n++) {
    if (p + CENTRAAL_LENGTE > eind || view.getUint32(p, true) !== CENTRAAL_HANDTEKENING) throw geenZip(zipnaam);
    const utf8 = (view.getUint16(p + 8, true) & 0x0800) !== 0;
    const grootte = view.getUint32(p + 24, true);
    const naamLengte = view.getUint16(p + 28, true);
    const volgende = p + CENTRAAL_LENGTE + naamLengte + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (volgende > eind || grootte === ZIP64_GROOTTE) throw geenZip(zipnaam);
    const naam = new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(data.subarray(p + CENTRAAL_LENGTE, p + CENTRAAL_LENGTE + naamLengte));
    vermeldingen.push({ naam, grootte });
    p = volgende;
  }
  return vermeldingen;
}

/** A name that would place the file elsewhere than where it is unpacked (zip slip). */
function isPad(naam: string): boolean {
  return /[/\\\0]/.test(naam) || naam.includes('..') || /^[A-Za-z]:/.test(naam);
}

function csvNaamPatroon(spec: ZipSpec): RegExp {
  const voorvoegsel = spec.csvVoorvoegsel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${voorvoegsel}_(\\d{4})_(\\d{4})(\\d{2})(\\d{2})\\.csv$`);
}

/**
 * Inflates one entry, counting as it goes: the moment it yields more than the zip claimed, it
 * stops, so a lying size header cannot make it inflate past the cap.
 */
function pakUit(bestand: JSZip.JSZipObject, naam: string, zipnaam: string, opgegeven: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const stukken: Buffer[] = [];
    let gelezen = 0;
    const stroom = bestand.nodeStream('nodebuffer');
    stroom.on('data', (stuk: Buffer) => {
      gelezen += stuk.length;
      if (gelezen > opgegeven) {
        // Not read on, the stream's buffer fills and jszip stops inflating.
        stroom.removeAllListeners('data');
        stroom.pause();
        reject(new BestandFout('ZIP_GROOTTE_KLOPT_NIET', `'${naam}' in '${zipnaam}' is groter dan het zipbestand opgeeft; het bestand is beschadigd of gemanipuleerd en is niet geopend. ${OPNIEUW_DOWNLOADEN}`));
        return;
      }
      stukken.push(stuk);
    });
    stroom.on('error', () => reject(new BestandFout('GEEN_ZIP', `'${naam}' in '${zipnaam}' kan niet worden uitgepakt; het zipbestand is beschadigd. ${OPNIEUW_DOWNLOADEN}`)));
    stroom.on('end', () => resolve(Buffer.concat(stukken, gelezen)));
  });
}

/**
 * Opens a downloaded zip in memory, refusing anything that is not the file DUO hands out: a
 * name with a path, a folder, two entries of one name, an entry not in the spec, the file of
 * another gemeente, too many entries or too many bytes (claimed or real). Nothing is written to
 * disk.
 */
export async function openZip(data: Uint8Array, spec: ZipSpec, grenzen: ZipGrenzen = ZIP_GRENZEN): Promise<GeopendeZip> {
  const zipnaam = spec.bestandsnaam;
  const vermeldingen = leesInhoudsopgave(data, zipnaam, grenzen, spec.bijlagen.length + 1);
  const patroon = csvNaamPatroon(spec);
  let csv: { naam: string; datum: IsoDatum } | null = null;
  const gezien = new Set<string>();
  for (const { naam } of vermeldingen) {
    if (naam.endsWith('/')) throw new BestandFout('ZIP_MAP', `Het zipbestand '${zipnaam}' bevat een map ('${naam}'); een bestand van DUO bevat geen mappen. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
    if (isPad(naam)) throw new BestandFout('ZIP_PAD_IN_NAAM', `Het zipbestand '${zipnaam}' bevat een bestand met een pad in de naam ('${naam}'). Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
    if (gezien.has(naam)) throw new BestandFout('ZIP_DUBBEL_BESTAND', `Het zipbestand '${zipnaam}' bevat twee bestanden met de naam '${naam}'. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
    gezien.add(naam);
    const m = patroon.exec(naam);
    if (m) {
      const gc = m[1]!;
      const datum = `${m[2]}-${m[3]}-${m[4]}`;
      if (gc !== spec.gemeentecode) {
        throw new BestandFout('ZIP_ANDERE_GEMEENTE', `'${naam}' in '${zipnaam}' is het bestand van gemeente ${gc}, niet van de gekozen gemeente ${spec.gemeentecode}. Kies de juiste gemeente en download het bestand opnieuw.`);
      }
      if (isGeldigeDatum(datum) && csv === null) {
        csv = { naam, datum };
        continue;
      }
    }
    if (!spec.bijlagen.includes(naam)) {
      const verwacht = [`${spec.csvVoorvoegsel}_${spec.gemeentecode}_<datum>.csv`, ...spec.bijlagen].map((n) => `'${n}'`).join(', ');
      throw new BestandFout('ZIP_ONVERWACHT_BESTAND', `Het zipbestand '${zipnaam}' bevat een onverwacht bestand ('${naam}'); verwacht zijn alleen ${verwacht}. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
    }
  }
  if (csv === null) {
    throw new BestandFout('ZIP_CSV_ONTBREEKT', `Het zipbestand '${zipnaam}' bevat geen CSV-bestand van gemeente ${spec.gemeentecode} ('${spec.csvVoorvoegsel}_${spec.gemeentecode}_<datum>.csv'). ${OPNIEUW_DOWNLOADEN}`);
  }
  if (vermeldingen.reduce((som, v) => som + v.grootte, 0) > grenzen.maxBytesUitgepakt) {
    throw new BestandFout('ZIP_TE_GROOT', `Het zipbestand '${zipnaam}' is uitgepakt groter dan ${Math.round(grenzen.maxBytesUitgepakt / 1024 / 1024)} MB; zo groot is geen bestand van DUO. Het is niet geopend. ${OPNIEUW_DOWNLOADEN}`);
  }

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { createFolders: false });
  } catch {
    throw geenZip(zipnaam);
  }
  const inhoud = ({ naam, grootte }: Vermelding): Promise<Uint8Array> => {
    const bestand = zip.file(naam);
    if (bestand === null) throw new BestandFout('GEEN_ZIP', `'${naam}' in '${zipnaam}' kan niet worden gelezen; het zipbestand is beschadigd. ${OPNIEUW_DOWNLOADEN}`);
    return pakUit(bestand, naam, zipnaam, grootte);
  };
  const csvNaam = csv.naam;
  return {
    csv: { ...csv, inhoud: await inhoud(vermeldingen.find((v) => v.naam === csvNaam)!) },
    bijlagen: new Map(await Promise.all(vermeldingen.filter((v) => v.naam !== csvNaam).map(async (v) => [v.naam, await inhoud(v)] as const))),
  };
}
