import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Which ISI the app talks to. Read from `config.json` in the app's data folder, then from the
 * environment (`PIB_ISI_URL` wins); without either `npm start` starts the demo server.
 */
export const AppConfig = z.strictObject(
  { isiUrl: z.url({ protocol: /^https?$/, error: 'geen geldige http- of https-URL' }).optional() },
  { error: (i) => (i.code === 'unrecognized_keys' ? `onbekende instelling ${i.keys.map((k) => `"${k}"`).join(', ')}` : 'verwacht een JSON-object zoals {"isiUrl": "https://…"}') },
);
export type AppConfig = z.infer<typeof AppConfig>;

/** A configuration that cannot be used, said so that whoever maintains it knows what to fix. */
export class ConfigFout extends Error {}

const waarom = (fout: z.ZodError) => fout.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');

export function leesConfig(dataMap: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const pad = join(dataMap, 'config.json');
  let uitBestand: AppConfig = {};
  if (existsSync(pad)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(pad, 'utf8'));
    } catch (fout) {
      throw new ConfigFout(`${pad} is geen geldige JSON (${(fout as Error).message}). Herstel of verwijder het bestand.`);
    }
    const gelezen = AppConfig.safeParse(json);
    if (!gelezen.success) throw new ConfigFout(`${pad} is geen geldige configuratie: ${waarom(gelezen.error)}. Alleen "isiUrl" (een http- of https-URL) kan worden ingesteld.`);
    uitBestand = gelezen.data;
  }
  if (!env.PIB_ISI_URL) return uitBestand;
  const uitOmgeving = AppConfig.shape.isiUrl.safeParse(env.PIB_ISI_URL);
  if (!uitOmgeving.success) throw new ConfigFout(`PIB_ISI_URL (${env.PIB_ISI_URL}) is geen geldige http- of https-URL.`);
  return { ...uitBestand, isiUrl: uitOmgeving.data };
}
