import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ALLEEN_MACHINE, beleidsmelding, GebruikersBeleid } from './policy/sleutels';

const ALLEEN_MACHINE_SLEUTELS: readonly string[] = ALLEEN_MACHINE;

/**
 * The user's `config.json` in the app's data folder: which ISI the app talks to (`PIB_ISI_URL`
 * wins; without either `npm start` starts the demo server), and the policy keys a user may set
 * (main/policy; the machine policy wins over them).
 */
export const AppConfig = z.strictObject(
  {
    isiUrl: z.url({ protocol: /^https?$/, error: 'geen geldige http- of https-URL' }).optional(),
    ...GebruikersBeleid.shape,
  },
  {
    error: (i) => {
      if (i.code !== 'unrecognized_keys') return 'verwacht een JSON-object zoals {"isiUrl": "https://…"}';
      const machine = i.keys.filter((k) => ALLEEN_MACHINE_SLEUTELS.includes(k));
      const onbekend = i.keys.filter((k) => !ALLEEN_MACHINE_SLEUTELS.includes(k));
      return [
        ...(onbekend.length ? [`onbekende instelling ${onbekend.map((k) => `"${k}"`).join(', ')}`] : []),
        ...(machine.length ? [`${machine.map((k) => `"${k}"`).join(', ')} kan alleen IT instellen, in het machinebeleid (beleid.json), niet in config.json`] : []),
      ].join('; ');
    },
  },
);
export type AppConfig = z.infer<typeof AppConfig>;

/** A configuration that cannot be used, said so that whoever maintains it knows what to fix. */
export class ConfigFout extends Error {}

export const waarom = (fout: z.ZodError) => fout.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');

/** The JSON in a configuration file (a UTF-8 BOM, as Windows Notepad writes it, is allowed). */
export function leesJson(pad: string): unknown {
  try {
    return JSON.parse(readFileSync(pad, 'utf8').replace(/^\uFEFF/, ''));
  } catch (fout) {
    throw new ConfigFout(`${pad} is geen geldige JSON (${(fout as Error).message}). Herstel of verwijder het bestand.`);
  }
}

/** `config.json` of the data folder as it is, without the environment; {} when there is none. */
export function leesConfigBestand(dataMap: string): AppConfig {
  const pad = join(dataMap, 'config.json');
  if (!existsSync(pad)) return {};
  const gelezen = AppConfig.safeParse(leesJson(pad), { error: beleidsmelding });
  if (!gelezen.success) throw new ConfigFout(`${pad} is geen geldige configuratie: ${waarom(gelezen.error)}. Herstel of verwijder die instelling (zie docs/beleid.md).`);
  return gelezen.data;
}

export function leesConfig(dataMap: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const uitBestand = leesConfigBestand(dataMap);
  if (!env.PIB_ISI_URL) return uitBestand;
  const uitOmgeving = AppConfig.shape.isiUrl.safeParse(env.PIB_ISI_URL);
  if (!uitOmgeving.success) throw new ConfigFout(`PIB_ISI_URL (${env.PIB_ISI_URL}) is geen geldige http- of https-URL.`);
  return { ...uitBestand, isiUrl: uitOmgeving.data };
}
