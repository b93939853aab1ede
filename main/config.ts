import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ALLEEN_MACHINE, BELEID, beleidsmelding } from '../shared/beleid';
import { GebruikersBeleid } from './policy/schemas';

const ALLEEN_MACHINE_SLEUTELS: readonly string[] = ALLEEN_MACHINE;

/**
 * The user's `config.json` in the app's data folder: the policy keys a user may set (shared/beleid.ts,
 * `bereik: 'gebruiker'`); the organisation's policy wins over them (main/policy). `isiUrl` is not
 * one of them: which server gets the token and the BSNs is the organisation's choice (issue #11).
 */
export const AppConfig = z.strictObject(GebruikersBeleid.shape, {
  error: (i) => {
    if (i.code !== 'unrecognized_keys') return 'verwacht een JSON-object zoals {"vergrendelNaMinuten": 10}';
    const machine = i.keys.filter((k) => ALLEEN_MACHINE_SLEUTELS.includes(k));
    const onbekend = i.keys.filter((k) => !ALLEEN_MACHINE_SLEUTELS.includes(k));
    return [
      ...(onbekend.length ? [`onbekende instelling ${onbekend.map((k) => `"${k}"`).join(', ')}`] : []),
      ...(machine.length ? [`${machine.map((k) => `"${k}"`).join(', ')} kan alleen IT instellen, in het beleid van de organisatie (groepsbeleid, MDM of beleid.json), niet in config.json`] : []),
    ].join('; ');
  },
});
export type AppConfig = z.infer<typeof AppConfig>;

/** A configuration that cannot be used, said so that whoever maintains it knows what to fix. */
export class ConfigFout extends Error {}

export const waarom = (fout: z.ZodError) => fout.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');

export const configPad = (dataMap: string) => join(dataMap, 'config.json');

/** The JSON in a configuration file (a UTF-8 BOM, as Windows Notepad writes it, is allowed in the user's own file). */
export function leesJson(pad: string): unknown {
  try {
    return JSON.parse(readFileSync(pad, 'utf8').replace(/^\uFEFF/, ''));
  } catch (fout) {
    throw new ConfigFout(`${pad} is geen geldige JSON (${(fout as Error).message}). Herstel of verwijder het bestand.`);
  }
}

/** `config.json` of the data folder as it is, without the environment; {} when there is none. */
export function leesConfigBestand(dataMap: string): AppConfig {
  const pad = configPad(dataMap);
  if (!existsSync(pad)) return {};
  const gelezen = AppConfig.safeParse(leesJson(pad), { error: beleidsmelding });
  if (!gelezen.success) throw new ConfigFout(`${pad} is geen geldige configuratie: ${waarom(gelezen.error)}. Herstel of verwijder die instelling (zie docs/beleid.md).`);
  return gelezen.data;
}

/**
 * `PIB_ISI_URL`, when set: the address `npm start` gives the app (the demo server it started, or
 * a developer's own). The same rule as the policy key: https, or http to this machine only.
 * Whether it counts is main/policy/isiadres.ts's decision.
 */
export function isiUrlUitOmgeving(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.PIB_ISI_URL) return undefined;
  const gelezen = BELEID.isiUrl.schema.safeParse(env.PIB_ISI_URL);
  if (!gelezen.success) throw new ConfigFout(`PIB_ISI_URL (${env.PIB_ISI_URL}) is geen geldig ISI-adres: moet een https-URL zijn (http alleen naar deze computer: localhost, 127.0.0.1 of [::1]).`);
  return gelezen.data;
}
