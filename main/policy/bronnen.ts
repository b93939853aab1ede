import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import plist from 'plist';
import { BELEID, type Beleidsnaam, BUNDEL_ID, REGISTERSLEUTEL } from '../../shared/beleid';
import { ConfigFout } from '../config';

/**
 * The organisation's sources of policy (docs/beleid.md), each read as it is: a record of raw values
 * the reader then validates by the declaration in shared/beleid.ts. A source that cannot be read
 * at all throws a ConfigFout naming it; a source that is absent is {}.
 */
export interface Beleidsbron {
  /** How messages and the Instellingen screen name it: a registry key or a file path. */
  naam: string;
  /** HKCU holds only the keys a user may have: a machine-only key there is refused. */
  alleenGebruikersinstellingen: boolean;
  /** What IT should do when it is wrong. */
  advies: string;
  lees(): Record<string, unknown>;
}

const ADVIES_BESTAND = 'Vraag IT het bestand te herstellen (zie docs/beleid.md).';
const ADVIES_REGISTER = 'Vraag IT de groepsbeleidsinstelling te herstellen (zie docs/beleid.md en docs/deploying.md).';
const ADVIES_MDM = 'Vraag IT het configuratieprofiel te herstellen (zie docs/deploying.md).';

export interface Registerwaarde { naam: string; type: string; data: string }

/**
 * The values in the output of `reg query <key>` (reg.exe): after the key's own line, one line per
 * value, its name, type and data separated by four spaces. A subkey's line and the unnamed default
 * value ("(Default)", "(Standaard)" in Dutch Windows) are not policy values.
 */
export function leesRegQuery(uitvoer: string): Registerwaarde[] {
  const waarden: Registerwaarde[] = [];
  for (const regel of uitvoer.split(/\r?\n/)) {
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(regel);
    if (!m || /^\(.+\)$/.test(m[1]!)) continue;
    waarden.push({ naam: m[1]!, type: m[2]!, data: m[3] ?? '' });
  }
  return waarden;
}

/**
 * Registry values as policy values, by the declared type of each key: numbers and yes/no are
 * REG_DWORD (yes/no 0 or 1, as ADMX writes them), choices and text REG_SZ. A value of the wrong
 * type is a fault of its own; an unknown name passes as text for the reader to refuse.
 */
export function registerNaarBeleid(waarden: Registerwaarde[]): { waarden: Record<string, unknown>; fouten: string[] } {
  const uit: Record<string, unknown> = {};
  const fouten: string[] = [];
  for (const { naam, type, data } of waarden) {
    const d = Object.hasOwn(BELEID, naam) ? BELEID[naam as Beleidsnaam] : null;
    const dword = d?.soort === 'getal' || d?.soort === 'janee';
    if (d && type !== (dword ? 'REG_DWORD' : 'REG_SZ')) {
      fouten.push(`${naam}: moet een ${dword ? 'REG_DWORD' : 'REG_SZ'} zijn, niet ${type}`);
      continue;
    }
    if (!dword) {
      uit[naam] = data;
      continue;
    }
    const getal = /^0x[0-9a-f]{1,8}$/i.test(data) ? Number.parseInt(data, 16) : Number.NaN;
    if (d?.soort === 'janee' && getal !== 0 && getal !== 1) fouten.push(`${naam}: moet 0 (uit) of 1 (aan) zijn`);
    else uit[naam] = d?.soort === 'janee' ? getal === 1 : getal;
  }
  return { waarden: uit, fouten };
}

/** Runs `reg query`; null when the key does not exist (reg.exe then exits with 1). */
export type RegQuery = (registerpad: string) => string | null;

export const regQuery: RegQuery = (registerpad) => {
  try {
    return execFileSync('reg', ['query', registerpad], { encoding: 'utf8', windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
  } catch (fout) {
    if ((fout as { status?: number }).status === 1) return null;
    throw new ConfigFout(`Het groepsbeleid in ${registerpad} kon niet worden gelezen (${(fout as Error).message}). ${ADVIES_REGISTER}`);
  }
};

/** HKLM for every key, HKCU for the user's (Group Policy's computer and user configuration). */
export function registerbron(hive: 'HKLM' | 'HKCU', query: RegQuery = regQuery): Beleidsbron {
  const naam = `${hive}\\${REGISTERSLEUTEL}`;
  return {
    naam, alleenGebruikersinstellingen: hive === 'HKCU', advies: ADVIES_REGISTER,
    lees: () => {
      const uitvoer = query(naam);
      if (uitvoer === null) return {};
      const { waarden, fouten } = registerNaarBeleid(leesRegQuery(uitvoer));
      if (fouten.length) throw new ConfigFout(`${naam} is geen geldig machinebeleid: ${fouten.join('; ')}. ${ADVIES_REGISTER}`);
      return waarden;
    },
  };
}

/**
 * The plist library's parser lets broken XML through (it reports to the console and goes on): a
 * policy must be read whole or not at all, so the XML is checked strictly first.
 */
function plistTekst(xml: string): string {
  const fouten: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (m: string) => fouten.push(m), fatalError: (m: string) => fouten.push(m) } }).parseFromString(xml, 'text/xml');
  if (fouten.length) throw new Error(fouten[0]!.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0]);
  if (doc.documentElement?.nodeName !== 'plist') throw new Error('geen <plist>-element');
  return xml;
}

export const MANAGED_PREFERENCES = `/Library/Managed Preferences/${BUNDEL_ID}.plist`;

/**
 * macOS managed preferences, as an MDM (Intune, Jamf) places them by the app's bundle id. mdmclient
 * may write them as binary plists: those are turned into XML by the system's own plutil first.
 */
export function plistbron(pad: string = MANAGED_PREFERENCES, naarXml: (pad: string) => string = (p) => execFileSync('plutil', ['-convert', 'xml1', '-o', '-', p], { encoding: 'utf8' })): Beleidsbron {
  return {
    naam: pad, alleenGebruikersinstellingen: false, advies: ADVIES_MDM,
    lees: () => {
      if (!existsSync(pad)) return {};
      let gelezen: unknown;
      try {
        const bytes = readFileSync(pad);
        gelezen = plist.parse(plistTekst(bytes.subarray(0, 6).toString('latin1') === 'bplist' ? naarXml(pad) : bytes.toString('utf8')));
      } catch (fout) {
        throw new ConfigFout(`${pad} is geen leesbare plist (${(fout as Error).message}). ${ADVIES_MDM}`);
      }
      if (typeof gelezen !== 'object' || gelezen === null || Array.isArray(gelezen)) throw new ConfigFout(`${pad} is geen geldig machinebeleid: verwacht een dictionary met instellingen. ${ADVIES_MDM}`);
      // A profile's own Payload… keys may be left in the file; no policy key starts with them.
      return Object.fromEntries(Object.entries(gelezen).filter(([k]) => !k.startsWith('Payload')));
    },
  };
}

export const LINUX_BELEID = '/etc/portal-inburgering/beleid.json';

/**
 * A JSON policy file. The Linux one (`beschermd`) counts only when nobody but root can have written
 * it: no symbolic link, owned by root, not writable by group or others. A byte-order mark is
 * refused: it is what an editor adds unseen, and the file is meant to be UTF-8 as JSON says.
 */
export function bestandsbron(pad: string, opties: { beschermd: boolean } = { beschermd: true }): Beleidsbron {
  const weiger = (waarom: string) => new ConfigFout(`${pad} ${waarom}; de app gebruikt het niet. ${ADVIES_BESTAND}`);
  return {
    naam: pad, alleenGebruikersinstellingen: false, advies: ADVIES_BESTAND,
    lees: () => {
      let info;
      try {
        info = lstatSync(pad);
      } catch {
        return {};
      }
      if (opties.beschermd) {
        if (info.isSymbolicLink()) throw weiger('is een symbolische koppeling, geen gewoon bestand');
        if (info.uid !== 0) throw weiger(`is niet van root (eigenaar: gebruiker ${info.uid}); zet de eigenaar met "chown root:root ${pad}"`);
        if (info.mode & 0o022) throw weiger(`is schrijfbaar voor groep of anderen; zet de rechten met "chmod 644 ${pad}"`);
      }
      if (!info.isFile() && !info.isSymbolicLink()) throw weiger('is geen gewoon bestand');
      const bytes = readFileSync(pad);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw weiger('begint met een byte-order mark (BOM); sla het op als UTF-8 zonder BOM');
      let gelezen: unknown;
      try {
        gelezen = JSON.parse(bytes.toString('utf8'));
      } catch (fout) {
        throw new ConfigFout(`${pad} is geen geldige JSON (${(fout as Error).message}). Herstel of verwijder het bestand.`);
      }
      if (typeof gelezen !== 'object' || gelezen === null || Array.isArray(gelezen)) throw new ConfigFout(`${pad} is geen geldig machinebeleid: verwacht een JSON-object zoals {"vergrendelNaMinuten": 10}. ${ADVIES_BESTAND}`);
      return gelezen as Record<string, unknown>;
    },
  };
}

/**
 * The organisation's sources of this machine, first wins per key: `PIB_BELEID` alone when set
 * (tests, acceptance set-ups), else Windows' registry (HKLM, then HKCU), macOS' managed
 * preferences, or the root-owned file on Linux.
 */
export function organisatiebronnen(env: NodeJS.ProcessEnv = process.env, systeem: NodeJS.Platform = process.platform): Beleidsbron[] {
  if (env.PIB_BELEID) return [bestandsbron(env.PIB_BELEID, { beschermd: false })];
  if (systeem === 'win32') return [registerbron('HKLM'), registerbron('HKCU')];
  if (systeem === 'darwin') return [plistbron()];
  return [bestandsbron(LINUX_BELEID)];
}
