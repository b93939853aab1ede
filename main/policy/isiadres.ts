import { ConfigFout, isiUrlUitOmgeving } from '../config';
import type { GelezenBeleid } from './beleid';

/**
 * Whether an ISI address from the environment (`PIB_ISI_URL`: the demo server `npm start` starts,
 * or a developer's own) may be used. An installed app: only when the organisation turns
 * `demoServerToestaan` on. Development (`npm start`, `npm run web`, browser mode, which is never
 * installed): yes, unless the organisation's policy on this machine turns it off explicitly.
 */
export function omgevingToegestaan(g: GelezenBeleid, verpakt: boolean): boolean {
  if (verpakt || g.herkomst.demoServerToestaan === 'organisatie') return g.policy.demoServerToestaan;
  return true;
}

function geenAdres(waarom: string): ConfigFout {
  return new ConfigFout(
    `Er is geen ISI-adres ingesteld${waarom}. Vraag IT de instelling isiUrl te zetten (groepsbeleid, MDM of /etc/portal-inburgering/beleid.json, zie docs/deploying.md); `
    + 'isiUrl kan niet in config.json staan. Voor ontwikkeling: npm start of npm run web start zelf de ISI-referentieserver in demomodus, of zet PIB_ISI_URL.',
  );
}

/**
 * Which ISI the app talks to, the same in the Electron entry and in browser mode (issue #11): the
 * organisation's `isiUrl` always; else `PIB_ISI_URL` where `omgevingToegestaan`; else the app
 * stops and says what to configure. The user cannot choose it (`isiUrl` is machine-only).
 */
export function kiesIsiUrl(g: GelezenBeleid, opties: { env: NodeJS.ProcessEnv; verpakt: boolean }): { isiUrl: string; demo: boolean } {
  if (g.herkomst.isiUrl === 'organisatie') return { isiUrl: g.policy.isiUrl!, demo: false };
  const uitOmgeving = isiUrlUitOmgeving(opties.env);
  if (uitOmgeving && omgevingToegestaan(g, opties.verpakt)) return { isiUrl: uitOmgeving, demo: opties.env.PIB_DEMO === '1' };
  if (!uitOmgeving) throw geenAdres('');
  throw geenAdres(opties.verpakt
    ? ' (PIB_ISI_URL telt in een geïnstalleerde app alleen als de organisatie demoServerToestaan aanzet)'
    : ` (PIB_ISI_URL telt niet: het beleid van de organisatie zet demoServerToestaan uit, ${g.bron.demoServerToestaan ?? ''})`);
}

/**
 * What `npm start` and `npm run web` start (scripts/start.mjs): the configured ISI when the
 * organisation or PIB_ISI_URL names one, else the ISI reference server in demo mode, the
 * development default. Where the organisation forbids that, it stops with what to configure.
 */
export function startkeuze(g: GelezenBeleid, env: NodeJS.ProcessEnv): { soort: 'adres'; isiUrl: string } | { soort: 'demoserver' } {
  if (g.herkomst.isiUrl === 'organisatie' || isiUrlUitOmgeving(env)) return { soort: 'adres', isiUrl: kiesIsiUrl(g, { env, verpakt: false }).isiUrl };
  if (!omgevingToegestaan(g, false)) throw geenAdres(` (de ISI-referentieserver start niet: het beleid van de organisatie zet demoServerToestaan uit, ${g.bron.demoServerToestaan ?? ''})`);
  return { soort: 'demoserver' };
}
