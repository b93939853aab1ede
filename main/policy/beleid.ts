import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { BELEIDSNAMEN, beleidsmelding, type Beleidsnaam, type Herkomst, samenhang } from '../../shared/beleid';
import type { Beleid } from '../../shared/ipc';
import { ConfigFout, leesConfigBestand, waarom } from '../config';
import { type Beleidsbron, organisatiebronnen } from './bronnen';
import { ALLEEN_MACHINE, MachineBeleid, type Policy, STANDAARD_POLICY } from './schemas';

export { organisatiebronnen } from './bronnen';

const ALLEEN_MACHINE_SLEUTELS: readonly string[] = ALLEEN_MACHINE;

/** The policy of this run and, per key, where its value came from. */
export interface GelezenBeleid {
  policy: Policy;
  herkomst: Record<Beleidsnaam, Herkomst>;
  /** Per key set by the organisation: the source that set it (for messages and the Instellingen screen). */
  bron: Partial<Record<Beleidsnaam, string>>;
}

const foutmap = (i: z.core.$ZodRawIssue) =>
  beleidsmelding(i) ?? (i.code === 'unrecognized_keys' ? `onbekende instelling ${i.keys.map((k) => `"${k}"`).join(', ')}` : undefined);

/** One organisation source, read and checked as a whole: valid, or a ConfigFout naming the source and the key. */
function leesBron(bron: Beleidsbron): Partial<Policy> {
  const ruw = bron.lees();
  if (bron.alleenGebruikersinstellingen) {
    const machine = Object.keys(ruw).filter((k) => ALLEEN_MACHINE_SLEUTELS.includes(k));
    if (machine.length) throw new ConfigFout(`${bron.naam} is geen geldig machinebeleid: ${machine.map((k) => `"${k}"`).join(', ')} kan alleen voor de hele computer worden ingesteld (HKLM), niet per gebruiker. ${bron.advies}`);
  }
  const gelezen = MachineBeleid.safeParse(ruw, { error: foutmap });
  if (!gelezen.success) throw new ConfigFout(`${bron.naam} is geen geldig machinebeleid: ${waarom(gelezen.error)}. ${bron.advies}`);
  return gelezen.data;
}

/** A PEM bundle that holds at least one certificate, or why not. */
function pemFout(pad: string): string | null {
  let inhoud: string;
  try {
    inhoud = readFileSync(pad, 'utf8');
  } catch {
    return `het bestand ${pad} bestaat niet of is niet leesbaar`;
  }
  return inhoud.includes('-----BEGIN CERTIFICATE-----') ? null : `${pad} bevat geen PEM-certificaat (-----BEGIN CERTIFICATE-----)`;
}

/**
 * The one policy of this run, read once at start-up (docs/beleid.md): per key the first of the
 * organisation's sources that sets it wins, then the user's config.json, then the defaults. Every
 * source is checked whole before anything is used, so a fault anywhere stops the app with one
 * ConfigFout naming the source and the key, and nothing is half applied.
 */
export function leesBeleid(dataMap: string, bronnen: Beleidsbron[] = organisatiebronnen()): GelezenBeleid {
  const herkomst = Object.fromEntries(BELEIDSNAMEN.map((k) => [k, 'standaard'])) as Record<Beleidsnaam, Herkomst>;
  const bron: Partial<Record<Beleidsnaam, string>> = {};
  const gebruiker = leesConfigBestand(dataMap);
  const policy: Record<string, unknown> = { ...STANDAARD_POLICY };
  for (const [k, w] of Object.entries(gebruiker)) {
    policy[k] = w;
    herkomst[k as Beleidsnaam] = 'gebruiker';
  }
  const organisatie = bronnen.map((b) => ({ b, waarden: leesBron(b) }));
  for (const { b, waarden } of organisatie.reverse()) {
    for (const [k, w] of Object.entries(waarden)) {
      policy[k] = w;
      herkomst[k as Beleidsnaam] = 'organisatie';
      bron[k as Beleidsnaam] = b.naam;
    }
  }
  const p = policy as Policy;
  const waar = (k: Beleidsnaam) => bron[k] ?? (herkomst[k] === 'gebruiker' ? 'config.json' : 'de standaardwaarden');
  const tegenstrijdig = samenhang(p);
  if (tegenstrijdig) throw new ConfigFout(`Het beleid is onvolledig: ${tegenstrijdig.sleutel} (uit ${waar(tegenstrijdig.sleutel)}): ${tegenstrijdig.melding}. Vraag IT het beleid aan te vullen (zie docs/beleid.md).`);
  if (p.extraCaCertificaten) {
    const fout = pemFout(p.extraCaCertificaten);
    if (fout) throw new ConfigFout(`${waar('extraCaCertificaten')} is geen geldig machinebeleid: extraCaCertificaten: ${fout}. Vraag IT het bestand te plaatsen of de instelling te herstellen (zie docs/beleid.md).`);
  }
  return { policy: p, herkomst, bron };
}

/** The policy alone (the browser-mode host and the Electron entry need no more). */
export function leesPolicy(dataMap: string, bronnen?: Beleidsbron[]): Policy {
  return leesBeleid(dataMap, bronnen).policy;
}

/** What the renderer gets to know of it (in `app.info`). */
export function beleidVoorRenderer(p: Policy): Beleid {
  return {
    vergrendelNaMinuten: p.vergrendelNaMinuten, syncIntervalMinuten: p.syncIntervalMinuten, wissenNaDagenZonderSync: p.wissenNaDagenZonderSync,
    cacheBijUitloggen: p.cacheBijUitloggen, bestandenBewarenDagen: p.bestandenBewarenDagen,
  };
}
