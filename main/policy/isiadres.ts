import { configPad, ConfigFout, isiUrlUitOmgeving } from '../config';
import type { GelezenBeleid } from './beleid';

/**
 * Which ISI the desktop app talks to, from the same configuration as browser mode (issue #11): the
 * organisation's `isiUrl` always; else `PIB_ISI_URL` (what `npm start` passes: the demo server or a
 * developer's own), but in an installed app only where the organisation allows it
 * (`demoServerToestaan`); else the user's `isiUrl`. Without any the app says what to configure.
 */
export function kiesIsiUrl(g: GelezenBeleid, opties: { dataMap: string; env: NodeJS.ProcessEnv; verpakt: boolean }): { isiUrl: string; demo: boolean } {
  if (g.herkomst.isiUrl === 'organisatie') return { isiUrl: g.policy.isiUrl!, demo: false };
  const uitOmgeving = isiUrlUitOmgeving(opties.env);
  const omgevingTelt = !opties.verpakt || g.policy.demoServerToestaan;
  if (uitOmgeving && omgevingTelt) return { isiUrl: uitOmgeving, demo: opties.env.PIB_DEMO === '1' };
  if (g.policy.isiUrl) return { isiUrl: g.policy.isiUrl, demo: false };
  throw new ConfigFout(
    `Er is geen ISI-adres ingesteld${uitOmgeving ? ` (PIB_ISI_URL telt in een geïnstalleerde app alleen als de organisatie demoServerToestaan aanzet)` : ''}. `
    + `Vraag IT de instelling isiUrl te zetten (groepsbeleid, MDM of /etc/portal-inburgering/beleid.json, zie docs/beleid.md), `
    + `of zet {"isiUrl": "https://…"} in ${configPad(opties.dataMap)}.`,
  );
}
