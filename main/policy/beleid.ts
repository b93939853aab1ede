import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import type { Beleid } from '../../shared/ipc';
import { ConfigFout, leesConfigBestand, leesJson, waarom } from '../config';
import { beleidsmelding, MachineBeleid, type Policy, STANDAARD_POLICY } from './sleutels';

/**
 * Where IT puts the policy of every user of this machine (docs/beleid.md): `PIB_BELEID` when set
 * (tests, acceptance set-ups), else the system-wide folder of each OS, which users cannot write.
 */
export function machineBeleidPad(env: NodeJS.ProcessEnv = process.env, systeem: NodeJS.Platform = process.platform): string {
  if (env.PIB_BELEID) return env.PIB_BELEID;
  if (systeem === 'win32') return win32.join(env.ProgramData || 'C:\\ProgramData', 'PortalInburgering', 'beleid.json');
  if (systeem === 'darwin') return '/Library/Application Support/PortalInburgering/beleid.json';
  return '/etc/portal-inburgering/beleid.json';
}

/** The machine policy file as it is; {} when there is none (then users and defaults decide). */
export function leesMachineBeleid(pad: string): Partial<Policy> {
  if (!existsSync(pad)) return {};
  const gelezen = MachineBeleid.safeParse(leesJson(pad), {
    error: (i) => beleidsmelding(i) ?? (i.code === 'unrecognized_keys' ? `onbekende instelling ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.code === 'invalid_type' && !i.path?.length ? 'verwacht een JSON-object zoals {"vergrendelNaMinuten": 10}' : undefined),
  });
  if (!gelezen.success) throw new ConfigFout(`${pad} is geen geldig machinebeleid: ${waarom(gelezen.error)}. Vraag IT het bestand te herstellen (zie docs/beleid.md).`);
  return gelezen.data;
}

/**
 * The one policy of this run, read once at start-up: per key the machine policy wins over the
 * user's config.json, which wins over the defaults. Throws a ConfigFout naming file and key.
 */
export function leesPolicy(dataMap: string, machinePad: string = machineBeleidPad()): Policy {
  const machine = leesMachineBeleid(machinePad);
  const { isiUrl: _isiUrl, ...gebruiker } = leesConfigBestand(dataMap);
  return { ...STANDAARD_POLICY, ...gebruiker, ...machine };
}

/** What the renderer gets to know of it (in `app.info`). */
export function beleidVoorRenderer(p: Policy): Beleid {
  return {
    vergrendelNaMinuten: p.vergrendelNaMinuten, syncIntervalMinuten: p.syncIntervalMinuten, wissenNaDagenZonderSync: p.wissenNaDagenZonderSync,
    cacheBijUitloggen: p.cacheBijUitloggen, bestandenBewarenDagen: p.bestandenBewarenDagen,
  };
}
