import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Config, distConfig, nodeGenoegVoorDist } from '../../../scripts/dist-config';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const yml = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const pakket = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const zekeringen = createRequire(import.meta.url)(join(ROOT, 'scripts', 'bouw', 'zekeringen.cjs')) as {
  ZEKERINGEN: Record<string, boolean>;
  zekeringConfig(platform: string): Promise<Record<string | number, unknown>>;
};

// electron-builder's own JSON schema, as it validates a configuration before building.
const valideer = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')));

describe('electron-builder.yml', () => {
  it('is valid by electron-builder\'s schema, as written and with every kind of signing added', () => {
    expect(valideer(yml), JSON.stringify(valideer.errors)).toBe(true);
    const omgevingen: NodeJS.ProcessEnv[] = [
      {},
      { CSC_LINK: 'x', CSC_KEY_PASSWORD: 'y', APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 'u' },
      { AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net', AZURE_TRUSTED_SIGNING_ACCOUNT: 'a', AZURE_TRUSTED_SIGNING_PROFILE: 'p', AZURE_TRUSTED_SIGNING_PUBLISHER: 'Gemeente', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' },
    ];
    for (const env of omgevingen) {
      const { config } = distConfig(yml, env);
      expect(valideer(config), JSON.stringify(valideer.errors)).toBe(true);
    }
  });

  it('names every artifact with version, OS and architecture', () => {
    for (const naam of [yml.artifactName, yml.nsis.artifactName, yml.msi.artifactName]) {
      expect(naam).toContain('${version}');
      expect(naam).toContain('${arch}');
      expect(naam).toContain('${os}');
    }
  });

  it('installs per machine (NSIS and MSI), for IT\'s silent installs', () => {
    expect(yml.nsis.perMachine).toBe(true);
    expect(yml.msi.perMachine).toBe(true);
  });
});

describe('Electron\'s fuses', () => {
  it('are set one by one for every fuse @electron/fuses knows, so a new one cannot be forgotten', () => {
    const bekend = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(zekeringen.ZEKERINGEN).sort()).toEqual(bekend.sort());
  });

  it('are flipped with strictlyRequireAllFuses, in the afterPack hook, not by electron-builder\'s partial list', async () => {
    expect(yml.afterPack).toBe('scripts/bouw/zekeringen.cjs');
    expect(yml.electronFuses).toBeUndefined();
    const c = await zekeringen.zekeringConfig('linux');
    expect(c.strictlyRequireAllFuses).toBe(true);
    expect(c[FuseV1Options.RunAsNode]).toBe(false);
    expect(c[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(c[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(c[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect((await zekeringen.zekeringConfig('darwin')).resetAdHocDarwinSignature).toBe(true);
  });
});

describe('what is packed', () => {
  const bestanden = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const ingesloten = (pad: string) => {
    const globs: string[] = yml.files;
    const ja = globs.filter((g) => !g.startsWith('!')).some((g) => minimatch(pad, g, { dot: true }));
    return ja && !globs.filter((g) => g.startsWith('!')).some((g) => minimatch(pad, g.slice(1), { dot: true }));
  };

  it('never the reference server, the tests, the scripts or the sources: only the build output and package.json', () => {
    const gepakt = bestanden.filter(ingesloten);
    expect(gepakt).toEqual(['package.json']);
    for (const pad of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js']) expect(ingesloten(pad), pad).toBe(true);
    for (const pad of ['server/app.ts', 'tests/e2e/omgeving.ts', 'out/main/main.js.map', 'scripts/dist.ts', 'main/electron/main.ts']) expect(ingesloten(pad), pad).toBe(false);
  });

  it('no server or test package among the production dependencies electron-builder adds', () => {
    const productie = Object.keys(pakket.dependencies);
    for (const alleenOntwikkeling of ['fastify', 'better-sqlite3', 'vitest', '@playwright/test', 'electron', 'electron-builder']) expect(productie).not.toContain(alleenOntwikkeling);
  });
});

describe('npm run dist', () => {
  it('says per platform whether it signs, and what to set when it does not', () => {
    expect(distConfig(yml, {}).meldingen).toEqual([
      expect.stringMatching(/^Windows: NIET ondertekend: zet WIN_CSC_LINK en WIN_CSC_KEY_PASSWORD \(signtool\), of AZURE_TRUSTED_SIGNING_ENDPOINT/),
      'macOS: NIET ondertekend: zet CSC_LINK en CSC_KEY_PASSWORD (Developer ID Application).',
      expect.stringMatching(/^macOS: NIET genotariseerd: zet APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER/),
    ]);
    expect(distConfig(yml, {}).config.mac.notarize).toBe(false);
    expect(yml.mac.notarize).toBe(true);
  });

  it('Azure Trusted Signing replaces signtool, with its settings from the environment', () => {
    const { config, meldingen } = distConfig(yml, { AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net', AZURE_TRUSTED_SIGNING_ACCOUNT: 'a', AZURE_TRUSTED_SIGNING_PROFILE: 'p', AZURE_TRUSTED_SIGNING_PUBLISHER: 'Gemeente', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' });
    expect(config.win.azureSignOptions).toEqual({ endpoint: 'https://weu.codesigning.azure.net', codeSigningAccountName: 'a', certificateProfileName: 'p', publisherName: 'Gemeente' });
    expect(config.win.signtoolOptions).toBeUndefined();
    expect(meldingen[0]).toBe('Windows: ondertekend met Azure Trusted Signing.');
  });

  it('needs Node 22.12 or newer, while development and tests run on Node 20; engines says both', () => {
    expect(['20.18.0', '22.11.0'].map(nodeGenoegVoorDist)).toEqual([false, false]);
    expect(['22.12.0', '24.1.0'].map(nodeGenoegVoorDist)).toEqual([true, true]);
    expect(pakket.engines.node).toBe('>=20.18 <21 || >=22.12');
    expect(pakket.scripts.dist).toBe('tsx scripts/dist.ts');
  });
});
