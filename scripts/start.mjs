// `npm start` and `npm run web` (`--web`): builds the app when its sources are newer than the
// build, reads which ISI to use, starts the ISI reference server in demo mode as a separate Node
// program when none is configured (it is never packed into the installers), then runs the app:
// in Electron where its binary is installed, otherwise in browser mode. Everything it started
// stops together: when the app closes, on Ctrl+C or SIGTERM, and (through their own watch on
// this process) when this process dies without cleaning up.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BRONNEN = ['renderer', 'main', 'shared', 'electron.vite.config.ts'];
const GEBOUWD = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
const OPSTARTTIJD_MS = 120_000;

const meld = (regel) => process.stdout.write(`${regel}\n`);
const meldFout = (regel) => process.stderr.write(`${regel}\n`);

let opties;
try {
  opties = parseArgs({ options: { web: { type: 'boolean', default: false } } }).values;
} catch {
  meldFout('Gebruik: npm start (Electron waar die is geïnstalleerd, anders de browsermodus) of npm run web (altijd de browsermodus).');
  process.exit(2);
}

/** The newest modification time under a file or folder. */
function nieuwste(pad) {
  const info = statSync(pad);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(pad).reduce((max, naam) => Math.max(max, nieuwste(join(pad, naam))), info.mtimeMs);
}

/** Why the build is stale, or null when out/ is newer than every source. */
function redenOmTeBouwen() {
  if (!GEBOUWD.every((p) => existsSync(join(ROOT, p)))) return 'out/ ontbreekt of is onvolledig';
  // The renderer is built last, so its index.html is the build's oldest complete mark.
  const gebouwd = statSync(join(ROOT, 'out/renderer/index.html')).mtimeMs;
  const gewijzigd = BRONNEN.find((b) => existsSync(join(ROOT, b)) && nieuwste(join(ROOT, b)) > gebouwd);
  return gewijzigd ? `${gewijzigd} is gewijzigd sinds de laatste build` : null;
}

function wacht(proces) {
  return new Promise((klaar) => proces.once('exit', (code, signaal) => klaar(code ?? (signaal ? 1 : 0))));
}

/** The Electron binary as the electron package installs it, or null where it could not be downloaded. */
function electronBinary() {
  const pathTxt = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const kinderen = new Set();
let stoppend = false;

function stopKind(proces) {
  if (proces.exitCode !== null || proces.signalCode !== null) return Promise.resolve();
  const gestopt = wacht(proces);
  proces.kill('SIGTERM');
  // A child that does not stop within seconds is ended; npm start never leaves one behind.
  const hard = setTimeout(() => proces.kill('SIGKILL'), 5_000);
  return gestopt.finally(() => clearTimeout(hard));
}

async function stopAlles(code) {
  if (stoppend) return;
  stoppend = true;
  const wie = [...kinderen];
  await Promise.all(wie.map(stopKind));
  if (wie.length > 0) meld('Gestopt: alles wat npm start startte, is beëindigd.');
  process.exit(code);
}

for (const signaal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signaal, () => void stopAlles(0));

/**
 * Starts a child and, when `patroon` is given, resolves with the URL its first matching line
 * names. Its output goes to this terminal; its exit stops everything else (`naam` says who, in Dutch).
 */
function startKind(naam, bestand, args, { env = {}, patroon } = {}) {
  const isNode = bestand.endsWith('.ts');
  const proces = isNode
    ? spawn(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(join(ROOT, 'scripts/bewaak-ouder.ts')).href, bestand, ...args], {
      cwd: ROOT, env: { ...process.env, PIB_OUDER_PID: String(process.pid), ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    })
    : spawn(bestand, args, { cwd: ROOT, env: { ...process.env, PIB_OUDER_PID: String(process.pid), ...env }, stdio: 'inherit' });
  kinderen.add(proces);
  proces.on('error', (fout) => {
    meldFout(`${naam} kon niet starten: ${fout.message}`);
    void stopAlles(1);
  });
  proces.on('exit', (code, signaal) => {
    kinderen.delete(proces);
    if (stoppend) return;
    if (code === 0) meld(`${naam} is gestopt.`);
    else meldFout(`${naam} is onverwacht gestopt (${signaal ?? `code ${code}`}).`);
    void stopAlles(code === 0 ? 0 : 1);
  });
  if (!patroon) return Promise.resolve(null);
  return new Promise((klaar) => {
    let gelezen = '';
    const tijd = setTimeout(() => {
      meldFout(`${naam} meldde zich niet binnen ${OPSTARTTIJD_MS / 1000} s.`);
      void stopAlles(1);
    }, OPSTARTTIJD_MS);
    proces.stdout.on('data', (stuk) => {
      process.stdout.write(stuk);
      if (gelezen === null) return;
      gelezen += String(stuk);
      const gevonden = patroon.exec(gelezen);
      if (!gevonden) return;
      clearTimeout(tijd);
      gelezen = null;
      klaar(gevonden[1]);
    });
  });
}

const reden = redenOmTeBouwen();
if (reden) {
  meld(`Bouwen (${reden}): electron-vite build…`);
  const bouw = spawn(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  const code = await wacht(bouw);
  if (code !== 0) {
    meldFout(`De build is mislukt (code ${code}); de app start niet.`);
    process.exit(code);
  }
}

const dataMap = process.env.PIB_DATA || join(homedir(), '.portal-inburgering');
mkdirSync(dataMap, { recursive: true });
// The same reading as the app's own (main/policy: the organisation's policy, PIB_ISI_URL), so
// both agree on which ISI is meant; without one, the reference server in demo mode (the
// development default, unless the organisation's policy turns demoServerToestaan off).
const { leesBeleid } = await tsImport('../main/policy/beleid.ts', import.meta.url);
const { startkeuze } = await tsImport('../main/policy/isiadres.ts', import.meta.url);
let keuze;
try {
  keuze = startkeuze(leesBeleid(dataMap), process.env);
} catch (fout) {
  meldFout(`De configuratie is ongeldig: ${fout.message}`);
  process.exit(1);
}

const demo = keuze.soort === 'demoserver';
let isiUrl = demo ? null : keuze.isiUrl;
if (demo) {
  meld('Geen ISI ingesteld (geen isiUrl in het beleid van de organisatie, geen PIB_ISI_URL): de ISI-referentieserver start in demomodus.');
  isiUrl = await startKind('De ISI-referentieserver', 'server/cli.ts', ['--demo', '--port', '0', '--db', join(dataMap, 'isi-demo.db'), '--stil'], { patroon: /luistert op (http:\/\/\S+)/ });
} else {
  meld(`ISI: ${isiUrl}`);
}
// Both entries read the address the same way (main/policy/isiadres.ts kiesIsiUrl).
const env = { PIB_ISI_URL: isiUrl, ...(demo ? { PIB_DEMO: '1' } : {}) };

const binary = opties.web ? null : electronBinary();
if (binary) {
  // Electron started by a shell that has this set would run as plain Node and show nothing.
  delete process.env.ELECTRON_RUN_AS_NODE;
  meld('De app start in Electron. Sluit het venster of druk op Ctrl+C om te stoppen.');
  // The project folder: Electron reads package.json there (name, version, main = out/main/main.js).
  startKind('De app', binary, [ROOT], { env });
} else {
  meld(opties.web
    ? 'Browsermodus (npm run web).'
    : 'De Electron-binary ontbreekt (node_modules/electron/dist; hij kon op deze machine niet worden gedownload). De browsermodus start in plaats daarvan.');
  // The host prints the link (with a one-time secret in the fragment) and opens the browser on its
  // start file, readable by this user alone; no secret is ever an argument or in an environment.
  // No --port: the host reuses the port of the last run for this data folder (same origin, same
  // browser cache) and says so when it has to take another.
  await startKind('De browsermodus', 'main/host/cli.ts', ['--open'], { env, patroon: /Browsermodus: open (http:\/\/\S+)/ });
  meld(`Opent de browser niet vanzelf, open dan de link hierboven. Druk op Ctrl+C om te stoppen${demo ? ' (de ISI-referentieserver stopt mee)' : ''}.`);
}
