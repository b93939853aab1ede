import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maakDiensten } from '../../../main/diensten';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import { leesPolicy } from '../../../main/policy/beleid';
import { bestandsbron } from '../../../main/policy/bronnen';
import { maakKluis } from '../../../main/vault/kluis';
import { BELEIDSNAMEN } from '../../../shared/beleid';
import { Instellingen } from '../../../shared/ipc';

/** The services over the real IPC handler, on a data folder with this config.json and organisation policy. */
function opzet(o: { config?: object; organisatie?: object } = {}) {
  const dataMap = mkdtempSync(join(tmpdir(), 'pib-instellingen-'));
  const beleid = join(dataMap, 'beleid.json');
  if (o.config) writeFileSync(join(dataMap, 'config.json'), JSON.stringify(o.config));
  if (o.organisatie) writeFileSync(beleid, JSON.stringify(o.organisatie));
  const bronnen = () => [bestandsbron(beleid, { beschermd: false })];
  const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'downloads') });
  const diensten = maakDiensten({
    isi: new IsiClient('https://isi.gemeente.example'), platform, policy: leesPolicy(dataMap, bronnen()), kluis: maakKluis({ geheimen: platform.geheimen, dataMap }),
    info: { versie: '1.2.3', modus: 'browser', demo: false }, bronnen,
  });
  const roep = (kanaal: string, args: unknown = {}) => verwerkAanroep(diensten, kanaal, args);
  const config = () => JSON.parse(readFileSync(join(dataMap, 'config.json'), 'utf8'));
  return { roep, config, beleid };
}

describe('app.instellingen', () => {
  it('every key with its effective value, source and whether the user may change it; version, ISI, updates', async () => {
    const { roep, beleid } = opzet({ config: { syncIntervalMinuten: 15 }, organisatie: { vergrendelNaMinuten: 10, devtoolsToestaan: true } });
    const u = await roep('app.instellingen');
    expect(u.ok).toBe(true);
    const g = Instellingen.parse(u.ok ? u.waarde : null);
    expect(g.instellingen.map((i) => i.sleutel)).toEqual(BELEIDSNAMEN);
    const per = Object.fromEntries(g.instellingen.map((i) => [i.sleutel, i]));
    expect(per.vergrendelNaMinuten).toEqual({ sleutel: 'vergrendelNaMinuten', waarde: 10, herkomst: 'organisatie', bron: beleid, bewerkbaar: false });
    expect(per.devtoolsToestaan).toEqual({ sleutel: 'devtoolsToestaan', waarde: true, herkomst: 'organisatie', bron: beleid, bewerkbaar: false });
    expect(per.syncIntervalMinuten).toEqual({ sleutel: 'syncIntervalMinuten', waarde: 15, herkomst: 'gebruiker', bewerkbaar: true });
    expect(per.wissenNaDagenZonderSync).toEqual({ sleutel: 'wissenNaDagenZonderSync', waarde: 14, herkomst: 'standaard', bewerkbaar: true });
    // Machine-only (issue #11): shown, never editable by the user.
    expect(per.isiUrl).toEqual({ sleutel: 'isiUrl', waarde: null, herkomst: 'standaard', bewerkbaar: false });
    // A machine-only key is never the user's to edit, managed or not.
    expect(per.syncPaginaGrootte!.bewerkbaar).toBe(false);
    expect(g).toMatchObject({ versie: '1.2.3', modus: 'browser', isiUrl: 'https://isi.gemeente.example', herstartNodig: false, update: { status: 'niet-beschikbaar' } });
  });
});

describe('app.zetInstelling', () => {
  it('saves a user key in config.json, keeping the rest, and says a restart is needed', async () => {
    const { roep, config } = opzet({ config: { syncIntervalMinuten: 15, downloadMap: '/srv/export' } });
    const u = await roep('app.zetInstelling', { sleutel: 'vergrendelNaMinuten', waarde: 30 });
    expect(u).toMatchObject({ ok: true, waarde: { herstartNodig: true } });
    expect(config()).toEqual({ syncIntervalMinuten: 15, downloadMap: '/srv/export', vergrendelNaMinuten: 30 });
  });

  it('null removes the key: the default applies again', async () => {
    const { roep, config } = opzet({ config: { syncIntervalMinuten: 15 } });
    await roep('app.zetInstelling', { sleutel: 'syncIntervalMinuten', waarde: null });
    expect(config()).toEqual({});
  });

  it('refuses a key the organisation manages, and writes nothing', async () => {
    const { roep, config } = opzet({ config: { syncIntervalMinuten: 15 }, organisatie: { vergrendelNaMinuten: 10 } });
    const u = await roep('app.zetInstelling', { sleutel: 'vergrendelNaMinuten', waarde: 60 });
    expect(u).toMatchObject({ ok: false, probleem: { code: 'BEHEERD', detail: 'Vergrendelen na minuten wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.' } });
    expect(config()).toEqual({ syncIntervalMinuten: 15 });
  });

  it.each([
    ['a number out of range', 'syncIntervalMinuten', 0, 'Synchroniseren elke minuten: moet een geheel getal van 1 tot en met 1440 zijn. De instelling is niet opgeslagen.'],
    ['text for a number', 'syncIntervalMinuten', '10', 'Synchroniseren elke minuten: moet een geheel getal van 1 tot en met 1440 zijn.'],
    ['a download folder that is not absolute', 'downloadMap', 'export', 'moet een absoluut pad zijn'],
    ['an unknown choice', 'cacheBijUitloggen', 'nooit', 'Lokale gegevens bij uitloggen: moet "vragen" of "wissen" zijn.'],
  ])('refuses %s with the message at its field, and writes nothing', async (_wat, sleutel, waarde, melding) => {
    const { roep, config } = opzet({ config: { syncIntervalMinuten: 15 } });
    const u = await roep('app.zetInstelling', { sleutel, waarde });
    expect(u.ok).toBe(false);
    if (u.ok) return;
    expect(u.probleem.detail).toContain(melding);
    expect(u.probleem.fouten).toEqual([{ veld: sleutel, code: 'ONGELDIGE_WAARDE', melding: u.probleem.detail }]);
    expect(config()).toEqual({ syncIntervalMinuten: 15 });
  });

  it('refuses a machine-only key by the contract, before any service runs', async () => {
    const { roep } = opzet();
    expect(await roep('app.zetInstelling', { sleutel: 'devtoolsToestaan', waarde: true })).toMatchObject({ ok: false, probleem: { code: 'ONGELDIGE_AANROEP' } });
    expect(await roep('app.zetInstelling', { sleutel: 'isiUrl', waarde: 'https://elders.example' })).toMatchObject({ ok: false, probleem: { code: 'ONGELDIGE_AANROEP' } });
  });
});
