import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppInfo, Beleid } from '../../../shared/ipc';
import { ConfigFout } from '../../../main/config';
import { maakDiensten } from '../../../main/diensten';
import { IsiClient } from '../../../main/isi/client';
import { LOGBESTAND } from '../../../main/log/logboek';
import { nodePlatform } from '../../../main/platform/node';
import { beleidVoorRenderer, leesBeleid, leesPolicy } from '../../../main/policy/beleid';
import { bestandsbron } from '../../../main/policy/bronnen';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';

// Its tests start Node processes (tsx, a CLI): seconds each on a loaded machine, past a unit test's 10 s.
vi.setConfig({ testTimeout: 60_000 });

/** A data folder with this config.json and a machine policy file with this content (absent when undefined). */
function opzet(opties: { config?: unknown; machine?: unknown } = {}): { dataMap: string; machinePad: string } {
  const basis = mkdtempSync(join(tmpdir(), 'pib-beleid-'));
  const machinePad = join(basis, 'beleid.json');
  const schrijf = (pad: string, inhoud: unknown) => writeFileSync(pad, typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
  if (opties.config !== undefined) schrijf(join(basis, 'config.json'), opties.config);
  if (opties.machine !== undefined) schrijf(machinePad, opties.machine);
  return { dataMap: basis, machinePad };
}

const lees = (o: { dataMap: string; machinePad: string }) => leesPolicy(o.dataMap, [bestandsbron(o.machinePad, { beschermd: false })]);

describe('leesPolicy: machine policy, then the user\'s config.json, then the defaults', () => {
  it('without either file: the defaults', () => {
    expect(lees(opzet())).toEqual({
      vergrendelNaMinuten: 15, syncIntervalMinuten: 5, wissenNaDagenZonderSync: 14, cacheBijUitloggen: 'vragen', bestandenBewarenDagen: 30,
      zwakkeSleutelopslagToestaan: false, syncPaginaGrootte: 5000, logNiveau: 'info', demoServerToestaan: false, updateModus: 'uit',
      devtoolsToestaan: false, inhoudBeschermen: false,
    });
  });

  it('the user may set the keys the renderer gets, and downloadMap', () => {
    const config = { vergrendelNaMinuten: 5, syncIntervalMinuten: 30, wissenNaDagenZonderSync: 7, cacheBijUitloggen: 'wissen', bestandenBewarenDagen: 60, downloadMap: join(tmpdir(), 'exports') };
    expect(lees(opzet({ config }))).toEqual({ ...STANDAARD_POLICY, ...config });
  });

  it('per key the machine policy wins over the user, the user over the defaults', () => {
    const p = lees(opzet({
      config: { vergrendelNaMinuten: 60, syncIntervalMinuten: 30, downloadMap: '/home/gebruiker/export' },
      machine: { vergrendelNaMinuten: 10, cacheBijUitloggen: 'wissen', zwakkeSleutelopslagToestaan: true, syncPaginaGrootte: 250, downloadMap: '/srv/export' },
    }));
    expect(p).toEqual({
      ...STANDAARD_POLICY,
      vergrendelNaMinuten: 10, // machine over user
      syncIntervalMinuten: 30, // user over default
      wissenNaDagenZonderSync: 14, // default
      cacheBijUitloggen: 'wissen', // machine over default
      bestandenBewarenDagen: 30, // default
      zwakkeSleutelopslagToestaan: true,
      syncPaginaGrootte: 250,
      downloadMap: '/srv/export',
    });
  });

  it('says per key where its value came from', () => {
    const o = opzet({ config: { vergrendelNaMinuten: 60, syncIntervalMinuten: 30 }, machine: { vergrendelNaMinuten: 10, updateModus: 'melden', updateUrl: 'https://updates.gemeente.example/pib/' } });
    const g = leesBeleid(o.dataMap, [bestandsbron(o.machinePad, { beschermd: false })]);
    expect(g.herkomst).toMatchObject({ vergrendelNaMinuten: 'organisatie', syncIntervalMinuten: 'gebruiker', wissenNaDagenZonderSync: 'standaard', updateModus: 'organisatie', isiUrl: 'standaard' });
    expect(g.bron).toEqual({ vergrendelNaMinuten: o.machinePad, updateModus: o.machinePad, updateUrl: o.machinePad });
  });

  it('the first organisation source wins per key over the next', () => {
    const a = opzet({ machine: { vergrendelNaMinuten: 10 } });
    const b = opzet({ machine: { vergrendelNaMinuten: 20, syncIntervalMinuten: 9 } });
    const g = leesBeleid(a.dataMap, [bestandsbron(a.machinePad, { beschermd: false }), bestandsbron(b.machinePad, { beschermd: false })]);
    expect(g.policy).toMatchObject({ vergrendelNaMinuten: 10, syncIntervalMinuten: 9 });
    expect(g.bron).toEqual({ vergrendelNaMinuten: a.machinePad, syncIntervalMinuten: b.machinePad });
  });

  it('a valid second source does not hide a fault in the first: nothing is half applied', () => {
    const a = opzet({ machine: { vergrendelNaMinuten: 10, syncIntervalMinuten: 0 } });
    const b = opzet({ machine: { syncIntervalMinuten: 9 } });
    expect(() => leesBeleid(a.dataMap, [bestandsbron(a.machinePad, { beschermd: false }), bestandsbron(b.machinePad, { beschermd: false })])).toThrow(`${a.machinePad} is geen geldig machinebeleid: syncIntervalMinuten`);
  });

  it('the renderer learns only the five keys of Beleid', () => {
    const p = lees(opzet({ machine: { vergrendelNaMinuten: 3, bestandenBewarenDagen: 7, zwakkeSleutelopslagToestaan: true, syncPaginaGrootte: 100, downloadMap: '/srv/x' } }));
    expect(beleidVoorRenderer(p)).toEqual({ vergrendelNaMinuten: 3, syncIntervalMinuten: 5, wissenNaDagenZonderSync: 14, cacheBijUitloggen: 'vragen', bestandenBewarenDagen: 7 });
    expect(Object.keys(beleidVoorRenderer(p)).sort()).toEqual(Object.keys(Beleid.shape).sort());
  });

  it('app.info carries it, valid by the contract', async () => {
    const { dataMap, machinePad } = opzet({ machine: { vergrendelNaMinuten: 7 }, config: { cacheBijUitloggen: 'wissen' } });
    const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'downloads') });
    const diensten = maakDiensten({
      isi: new IsiClient('http://127.0.0.1:9'), platform, policy: leesPolicy(dataMap, [bestandsbron(machinePad, { beschermd: false })]), kluis: maakKluis({ geheimen: platform.geheimen, dataMap }),
      info: { versie: 't', modus: 'browser', demo: false },
    });
    const info = AppInfo.parse(await diensten.app.info({}));
    expect(info.beleid).toEqual({ vergrendelNaMinuten: 7, syncIntervalMinuten: 5, wissenNaDagenZonderSync: 14, cacheBijUitloggen: 'wissen', bestandenBewarenDagen: 30 });
    expect(info).not.toHaveProperty('beleid.syncPaginaGrootte');
  });
});

describe('leesPolicy refuses a file it cannot use, naming the file and the key', () => {
  it.each([
    ['no JSON', '{"vergrendelNaMinuten": 5', /beleid\.json is geen geldige JSON \(.+\)\. Herstel of verwijder het bestand\./],
    ['a list', [1], /beleid\.json is geen geldig machinebeleid: verwacht een JSON-object/],
    ['a number out of range', { vergrendelNaMinuten: 0 }, /beleid\.json is geen geldig machinebeleid: vergrendelNaMinuten: moet een geheel getal van 1 tot en met 480 zijn\. Vraag IT het bestand te herstellen/],
    ['a fraction', { syncIntervalMinuten: 2.5 }, /syncIntervalMinuten: moet een geheel getal van 1 tot en met 1440 zijn/],
    ['a number as text', { wissenNaDagenZonderSync: '14' }, /wissenNaDagenZonderSync: moet een geheel getal van 1 tot en met 365 zijn/],
    ['an unknown choice', { cacheBijUitloggen: 'bewaren' }, /cacheBijUitloggen: moet "vragen" of "wissen" zijn/],
    ['a yes-no as text', { zwakkeSleutelopslagToestaan: 'ja' }, /zwakkeSleutelopslagToestaan: moet true of false zijn/],
    ['a retention of no days', { bestandenBewarenDagen: 0 }, /bestandenBewarenDagen: moet een geheel getal van 1 tot en met 3650 zijn/],
    ['a page too small for ISI\'s sake', { syncPaginaGrootte: 5 }, /syncPaginaGrootte: moet een geheel getal van 10 tot en met 5000 zijn/],
    ['a page larger than ISI allows', { syncPaginaGrootte: 5001 }, /syncPaginaGrootte: moet een geheel getal van 10 tot en met 5000 zijn/],
    ['a relative download folder', { downloadMap: 'export' }, /downloadMap: moet een absoluut pad zijn/],
    ['a BOM, as Notepad writes it', `\uFEFF${JSON.stringify({ syncIntervalMinuten: 60 })}`, /beleid\.json begint met een byte-order mark \(BOM\); sla het op als UTF-8 zonder BOM; de app gebruikt het niet/],
    ['an ISI address over plain http to another computer', { isiUrl: 'http://isi.gemeente.example' }, /isiUrl: moet een https-URL \(http alleen naar deze computer: localhost, 127\.0\.0\.1 of \[::1\]\) zijn/],
    ['an update mode that is none', { updateModus: 'altijd' }, /updateModus: moet "uit" of "melden" of "automatisch" zijn/],
    ['a proxy that is no URL', { proxy: 'proxy.gemeente:8080' }, /proxy: moet "systeem" of de http\(s\)-URL van een proxyserver zijn/],
    ['a log level that is none', { logNiveau: 'alles' }, /logNiveau: moet "uit" of "fout" of "waarschuwing" of "info" of "debug" zijn/],
    ['devtools allowed as text', { devtoolsToestaan: 'true' }, /devtoolsToestaan: moet true of false zijn/],
    ['updates without an address', { updateModus: 'automatisch' }, /Het beleid is onvolledig: updateModus \(uit .*beleid\.json\): "automatisch" vraagt ook updateUrl/],
    ['a CA file that is not there', { extraCaCertificaten: '/bestaat/niet/ca.pem' }, /beleid\.json is geen geldig machinebeleid: extraCaCertificaten: het bestand \/bestaat\/niet\/ca\.pem bestaat niet of is niet leesbaar/],
    ['a misspelt key', { vergrendelNaMinuut: 5 }, /beleid\.json is geen geldig machinebeleid: onbekende instelling "vergrendelNaMinuut"/],
  ])('a machine policy with %s', (_wat, machine, melding) => {
    const o = opzet({ machine });
    expect(() => lees(o)).toThrow(ConfigFout);
    expect(() => lees(o)).toThrow(melding);
    expect(() => lees(o)).toThrow(o.machinePad);
  });

  it.each([
    ['a number out of range', { vergrendelNaMinuten: 481 }, /config\.json is geen geldige configuratie: vergrendelNaMinuten: moet een geheel getal van 1 tot en met 480 zijn\. Herstel of verwijder die instelling/],
    ['an unknown choice', { cacheBijUitloggen: 'nooit' }, /cacheBijUitloggen: moet "vragen" of "wissen" zijn/],
    ['a retention of more than ten years', { bestandenBewarenDagen: 3651 }, /bestandenBewarenDagen: moet een geheel getal van 1 tot en met 3650 zijn/],
    ['an unknown key', { syncInterval: 5 }, /onbekende instelling "syncInterval"/],
  ])('a config.json with %s', (_wat, config, melding) => {
    const o = opzet({ config });
    expect(() => lees(o)).toThrow(ConfigFout);
    expect(() => lees(o)).toThrow(melding);
    expect(() => lees(o)).toThrow(join(o.dataMap, 'config.json'));
  });

  it.each([
    [{ zwakkeSleutelopslagToestaan: true }, /"zwakkeSleutelopslagToestaan" kan alleen IT instellen, in het beleid van de organisatie \(groepsbeleid, MDM of beleid\.json\), niet in config\.json/],
    [{ devtoolsToestaan: true }, /"devtoolsToestaan" kan alleen IT instellen/],
    [{ updateUrl: 'https://elders.example/' }, /"updateUrl" kan alleen IT instellen/],
    [{ syncPaginaGrootte: 5000 }, /"syncPaginaGrootte" kan alleen IT instellen/],
    // Issue #11: which server gets the token and the BSNs is the organisation's choice.
    [{ isiUrl: 'https://isi.gemeente.nl' }, /config\.json is geen geldige configuratie: "isiUrl" kan alleen IT instellen, in het beleid van de organisatie \(groepsbeleid, MDM of beleid\.json\), niet in config\.json\. Herstel of verwijder die instelling/],
    [{ syncPaginaGrootte: 5000, zwakkeSleutelopslagToestaan: true, tikfout: 1 }, /onbekende instelling "tikfout"; "syncPaginaGrootte", "zwakkeSleutelopslagToestaan" kan alleen IT instellen/],
  ])('a user cannot set what only IT may: %j', (config, melding) => {
    const o = opzet({ config });
    expect(() => lees(o)).toThrow(ConfigFout);
    expect(() => lees(o)).toThrow(melding);
    // Not even where the machine policy says the same: the user's file is wrong on its own.
    expect(() => lees({ ...o, machinePad: opzet({ machine: { syncPaginaGrootte: 5000, zwakkeSleutelopslagToestaan: true, devtoolsToestaan: true, updateModus: 'melden', updateUrl: 'https://elders.example/' } }).machinePad })).toThrow(melding);
  });

  it('the user\'s config.json is checked for npm start too (it reads the policy the same way), with the same message', () => {
    const o = opzet({ config: { isiUrl: 'https://isi.gemeente.nl' } });
    expect(() => leesBeleid(o.dataMap, [])).toThrow(/"isiUrl" kan alleen IT instellen/);
    expect(() => leesBeleid(o.dataMap, [])).toThrow(join(o.dataMap, 'config.json'));
  });
});

describe('the browser-mode host (main/host/cli.ts)', () => {
  it('stops with exit code 2 and the Dutch message when the machine policy is invalid', () => {
    const o = opzet({ machine: { vergrendelNaMinuten: 'tien' } });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', '--isi', 'http://127.0.0.1:9'], {
      cwd: join(import.meta.dirname, '..', '..', '..'), encoding: 'utf8', timeout: 30_000,
      env: { ...process.env, PIB_BELEID: o.machinePad, PIB_DATA: o.dataMap },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${o.machinePad} is geen geldig machinebeleid: vergrendelNaMinuten: moet een geheel getal van 1 tot en met 480 zijn.`);
    expect(r.stdout).not.toContain('Browsermodus');
  });

  const host = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', ...args], {
    cwd: WORTEL, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PIB_ISI_URL: '', PIB_DEMO: '', ...env },
  });

  it('refuses a config.json with isiUrl, naming the key and the file, and logs why (issue #11)', () => {
    const o = opzet({ config: { isiUrl: 'https://elders.example' }, machine: {} });
    const r = host(['--isi', 'http://127.0.0.1:9'], { PIB_BELEID: o.machinePad, PIB_DATA: o.dataMap });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(o.dataMap, 'config.json')} is geen geldige configuratie: "isiUrl" kan alleen IT instellen`);
    expect(readFileSync(join(o.dataMap, 'logs', LOGBESTAND), 'utf8')).toContain('"isiUrl\\" kan alleen IT instellen');
  });

  it('without an address (no policy, no PIB_ISI_URL, no --isi) says what to configure', () => {
    const o = opzet({ machine: {} });
    const r = host([], { PIB_BELEID: o.machinePad, PIB_DATA: o.dataMap });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Er is geen ISI-adres ingesteld. Vraag IT de instelling isiUrl te zetten');
  });

  it('takes the organisation\'s isiUrl, proxy, extra CAs and log settings, as the Electron entry does (issue #11)', async () => {
    const o = opzet();
    const ca = join(o.dataMap, 'ca.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(o.dataMap, 'sleutel.pem'), '-out', ca, '-days', '2', '-subj', '/CN=ISI-test'], { stdio: 'ignore' });
    const logMap = join(o.dataMap, 'eigen-logs');
    writeFileSync(o.machinePad, JSON.stringify({ isiUrl: 'https://isi.gemeente.example/', proxy: 'http://127.0.0.1:3128', extraCaCertificaten: ca, logMap, logNiveau: 'debug' }));
    const renderer = mkdtempSync(join(tmpdir(), 'pib-renderer-'));
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const kind = spawn(process.execPath, ['--import', 'tsx', 'main/host/cli.ts', '--isi', 'http://127.0.0.1:9', '--demo', '--port', '0', '--renderer', renderer], {
      cwd: WORTEL, env: { ...process.env, PIB_BELEID: o.machinePad, PIB_DATA: o.dataMap, PIB_ISI_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((klaar, faal) => {
        let uit = '';
        kind.stdout.on('data', (d) => {
          uit += String(d);
          if (uit.includes('Browsermodus: open')) klaar();
        });
        kind.once('exit', (code) => faal(new Error(`de host stopte (${code})`)));
      });
    } finally {
      kind.kill('SIGTERM');
    }
    const regels = readFileSync(join(logMap, LOGBESTAND), 'utf8').trim().split('\n').map((r) => JSON.parse(r) as Record<string, unknown>);
    // The organisation's address wins over --isi; not a demo then.
    expect(regels.find((r) => r.msg === 'gestart')).toMatchObject({ level: 30, modus: 'browser', isiUrl: 'https://isi.gemeente.example/', herkomst: { isiUrl: 'organisatie', logNiveau: 'organisatie' } });
    expect(regels.find((r) => r.msg === 'verbinding met ISI')).toMatchObject({ proxy: 'http://127.0.0.1:3128', extraCa: true });
  });
});

const WORTEL = join(import.meta.dirname, '..', '..', '..');
