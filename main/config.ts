import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Which ISI the app talks to. Read from `config.json` in the app's data folder, then from the
 * environment (`PIB_ISI_URL` wins); without either the app starts the embedded demo server.
 */
export const AppConfig = z.strictObject({ isiUrl: z.url().optional() });
export type AppConfig = z.infer<typeof AppConfig>;

export function leesConfig(dataMap: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const pad = join(dataMap, 'config.json');
  let uitBestand: AppConfig = {};
  if (existsSync(pad)) {
    const gelezen = AppConfig.safeParse(JSON.parse(readFileSync(pad, 'utf8')));
    if (!gelezen.success) throw new Error(`${pad} is geen geldige configuratie: ${gelezen.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    uitBestand = gelezen.data;
  }
  return { ...uitBestand, ...(env.PIB_ISI_URL ? { isiUrl: AppConfig.shape.isiUrl.parse(env.PIB_ISI_URL) } : {}) };
}
