import type { z } from 'zod';
import type { Policy } from '../../shared/beleid';
import type { Updatestand } from '../../shared/ipc';
import type { Logboek } from '../log/logboek';

type Stand = z.infer<typeof Updatestand>;

/** What the renderer reports (`app.meldBezigheid`): a sync under way, changes not yet sent to DUO. */
export interface Bezigheid { syncBezig: boolean; onverzonden: number }

/**
 * Why an update may not be fetched or installed now, or null: never during a synchronisation
 * and never while changes wait to be sent (issue #11), so an install cannot cut either off.
 */
export function waaromNietNu(b: Bezigheid): string | null {
  if (b.syncBezig) return 'De app synchroniseert nu; de update wacht tot dat klaar is.';
  if (b.onverzonden > 0) return `${b.onverzonden === 1 ? 'Eén wijziging is' : `${b.onverzonden} wijzigingen zijn`} nog niet naar DUO verstuurd; de update wacht tot alles is verstuurd.`;
  return null;
}

/** a.b.c compared as numbers; a pre-release (1.2.0-beta) is older than its release. */
export function isNieuwer(kandidaat: string, huidig: string): boolean {
  const delen = (v: string) => {
    const [kern = '', pre] = v.replace(/^v/, '').split('-', 2);
    return { kern: kern.split('.').map((d) => Number.parseInt(d, 10) || 0), pre: pre ?? null };
  };
  const a = delen(kandidaat);
  const b = delen(huidig);
  for (let i = 0; i < 3; i++) if ((a.kern[i] ?? 0) !== (b.kern[i] ?? 0)) return (a.kern[i] ?? 0) > (b.kern[i] ?? 0);
  if (a.pre === b.pre) return false;
  if (a.pre === null) return true;
  if (b.pre === null) return false;
  return a.pre > b.pre;
}

/**
 * What to do with what the feed said: "melden" only tells the user; "automatisch" fetches the new
 * version when nothing is under way, to install it when the app quits.
 */
export function naFeed(modus: Policy['updateModus'], huidig: string, nieuw: string | null, b: Bezigheid): { stand: Stand; downloaden: boolean } {
  if (modus === 'uit') return { stand: { status: 'uit' }, downloaden: false };
  if (!nieuw || !isNieuwer(nieuw, huidig)) return { stand: { status: 'actueel' }, downloaden: false };
  if (modus === 'melden') return { stand: { status: 'beschikbaar', versie: nieuw, melding: 'Uw organisatie installeert de nieuwe versie; u hoeft niets te doen' }, downloaden: false };
  const niet = waaromNietNu(b);
  if (niet) return { stand: { status: 'uitgesteld', versie: nieuw, melding: niet }, downloaden: false };
  return { stand: { status: 'beschikbaar', versie: nieuw, melding: 'De nieuwe versie wordt opgehaald' }, downloaden: true };
}

/** The part of electron-updater's AppUpdater used here (the real one needs Electron to run). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(opties: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  on(gebeurtenis: 'update-downloaded', f: (info: { version: string }) => void): unknown;
}

export interface Bijwerker {
  stand(): Stand;
  /** Looks at the feed once (at start and every few hours). */
  zoek(): Promise<void>;
  /** The renderer reported a change: a postponed update may go on, an install on quit may (not) happen. */
  bezigheid(b: Bezigheid): void;
  stop(): void;
}

const ELKE_VIER_UUR = 4 * 60 * 60 * 1000;

/**
 * Updates under the organisation's control (`updateModus`, `updateUrl`): electron-updater's generic
 * provider reads `latest.yml` from IT's own web server. Off unless the policy turns it on; without
 * an updater (a development build, browser mode) it says so and does nothing.
 */
export function maakBijwerker(o: { modus: Policy['updateModus']; updateUrl?: string; versie: string; updater: Updater | null; log?: Logboek; intervalMs?: number }): Bijwerker {
  let b: Bezigheid = { syncBezig: false, onverzonden: 0 };
  let stand: Stand = o.modus === 'uit' ? { status: 'uit' } : o.updater ? { status: 'zoeken' } : { status: 'niet-beschikbaar', melding: 'Alleen een geïnstalleerde app werkt zichzelf bij' };
  const updater = o.modus !== 'uit' && o.updateUrl ? o.updater : null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const installeerBijAfsluiten = () => {
    if (updater) updater.autoInstallOnAppQuit = o.modus === 'automatisch' && stand.status === 'gedownload' && waaromNietNu(b) === null;
  };

  if (updater) {
    updater.setFeedURL({ provider: 'generic', url: o.updateUrl! });
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.on('update-downloaded', (info) => {
      stand = { status: 'gedownload', versie: info.version };
      installeerBijAfsluiten();
      o.log?.info({ versie: info.version }, 'update opgehaald; wordt geïnstalleerd bij afsluiten');
    });
  }

  const zoek = async () => {
    if (!updater || stand.status === 'gedownload') return;
    if (b.syncBezig) return;
    stand = { status: 'zoeken' };
    try {
      const info = await updater.checkForUpdates();
      const besluit = naFeed(o.modus, o.versie, info?.updateInfo.version ?? null, b);
      stand = besluit.stand;
      o.log?.info({ stand }, 'updates gezocht');
      if (besluit.downloaden) await updater.downloadUpdate();
    } catch (fout) {
      stand = { status: 'fout', melding: `De updateserver gaf geen bruikbaar antwoord (${(fout as Error).message.split('\n')[0]}); de app probeert het later opnieuw` };
      o.log?.warn({ fout: (fout as Error).message }, 'updates zoeken mislukt');
    }
  };

  if (updater) {
    timer = setInterval(() => void zoek(), o.intervalMs ?? ELKE_VIER_UUR);
    timer.unref?.();
  }

  return {
    stand: () => stand,
    zoek,
    bezigheid: (nieuw) => {
      b = nieuw;
      installeerBijAfsluiten();
      if (stand.status === 'uitgesteld' && waaromNietNu(b) === null) void zoek();
    },
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
