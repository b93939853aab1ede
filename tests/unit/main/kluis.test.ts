import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { maakDiensten } from '../../../main/diensten';
import { IsiClient, IsiFout } from '../../../main/isi/client';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { nodePlatform, ONTWIKKELSLEUTEL_BESTAND } from '../../../main/platform/node';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis, SLEUTELMAP } from '../../../main/vault/kluis';
import { startTestServer } from '../../helpers/isi';

// Electron's safeStorage, stood in for: it "encrypts" reversibly under the keyring of the moment,
// so a test can reset the keyring and see what the vault does with a key it can no longer unwrap.
const nep = vi.hoisted(() => {
  const staat = { beschikbaar: true, backend: 'gnome_libsecret', sleutelring: 'ring-1' };
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => staat.beschikbaar),
    getSelectedStorageBackend: vi.fn(() => staat.backend),
    encryptString: vi.fn((tekst: string) => Buffer.from(`${staat.sleutelring}:${Buffer.from(tekst).toString('hex')}`)),
    decryptString: vi.fn((data: Buffer) => {
      const [ring, hex] = data.toString().split(':');
      if (ring !== staat.sleutelring) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    }),
  };
  return { staat, safeStorage };
});
vi.mock('electron', () => ({ safeStorage: nep.safeStorage, app: { getPath: vi.fn() }, shell: {} }));

const { electronGeheimen } = await import('../../../main/platform/electron');

const nieuweMap = () => mkdtempSync(join(tmpdir(), 'pib-kluis-'));
const ontwikkelKluis = (dataMap: string) => maakKluis({ geheimen: nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') }).geheimen, dataMap });

/** Every file under `map`, as paths relative to it. */
const bestanden = (map: string): string[] => readdirSync(map, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(map.length + 1));

async function weigering(belofte: Promise<unknown>): Promise<IsiFout['probleem']> {
  const fout = await belofte.then(() => null, (f: unknown) => f);
  expect(fout).toBeInstanceOf(IsiFout);
  return (fout as IsiFout).probleem;
}

describe('the vault with the plain-Node key store (browser mode, tests)', () => {
  it('makes a user\'s key of 32 random bytes once, and gives the same ever after, in a new vault too', async () => {
    const map = nieuweMap();
    const een = await ontwikkelKluis(map).sleutel('demo-muteren');
    expect(een).toHaveLength(32);
    expect(await ontwikkelKluis(map).sleutel('demo-muteren')).toEqual(een);
    expect(await ontwikkelKluis(map).sleutel('demo-muteren')).toEqual(een);
  });

  it('gives each user a key of their own', async () => {
    const kluis = ontwikkelKluis(nieuweMap());
    const a = await kluis.sleutel('demo-muteren');
    const b = await kluis.sleutel('demo-raadplegen');
    expect(a).not.toEqual(b);
    expect(await kluis.sleutel('demo-muteren')).toEqual(a);
  });

  it('names no user in the data folder, and keeps the key there only wrapped', async () => {
    const map = nieuweMap();
    const sleutel = await ontwikkelKluis(map).sleutel('demo-muteren');
    const lijst = bestanden(map);
    expect(lijst.some((b) => b.startsWith(`${SLEUTELMAP}/`) && /^[0-9a-f]{64}\.sleutel$/.test(b.slice(SLEUTELMAP.length + 1)))).toBe(true);
    for (const b of lijst) {
      expect(b).not.toMatch(/demo|muteren/i);
      const inhoud = readFileSync(join(map, b));
      expect(inhoud.includes(sleutel), b).toBe(false);
      expect(inhoud.toString(), b).not.toContain(sleutel.toString('base64'));
    }
  });

  it('says in its own file that this key store is for development only', async () => {
    const map = nieuweMap();
    const platform = nodePlatform({ dataMap: map, downloadMap: join(map, 'dl') });
    await maakKluis({ geheimen: platform.geheimen, dataMap: map }).sleutel('demo-muteren');
    expect(platform.geheimen.backend()).toBe('alleen-ontwikkeling');
    expect(ONTWIKKELSLEUTEL_BESTAND).toContain('alleen-ontwikkeling');
    expect(JSON.parse(readFileSync(join(map, ONTWIKKELSLEUTEL_BESTAND), 'utf8'))['let op']).toMatch(/^Alleen voor ontwikkeling en tests/);
  });

  it('vergeet destroys the key: the next one is new, other users keep theirs', async () => {
    const map = nieuweMap();
    const kluis = ontwikkelKluis(map);
    const oud = await kluis.sleutel('demo-muteren');
    const ander = await kluis.sleutel('demo-raadplegen');
    await kluis.vergeet('demo-muteren');
    expect(bestanden(join(map, SLEUTELMAP))).toHaveLength(1);
    const nieuw = await ontwikkelKluis(map).sleutel('demo-muteren');
    expect(nieuw).toHaveLength(32);
    expect(nieuw).not.toEqual(oud);
    expect(await kluis.sleutel('demo-muteren')).toEqual(nieuw);
    expect(await kluis.sleutel('demo-raadplegen')).toEqual(ander);
  });

  it('ruimOp destroys at start the keys whose cache has not synced for N days, whoever they belong to (issue 12, finding 7)', async () => {
    const map = nieuweMap();
    const kluis = ontwikkelKluis(map);
    const nu = new Date('2026-03-15T12:00:00Z');
    const verlaten = await kluis.sleutel('verlaten');
    const recent = await kluis.sleutel('recent');
    await kluis.gesynchroniseerd('verlaten', new Date('2026-02-01T08:00:00Z'));
    await kluis.gesynchroniseerd('recent', new Date('2026-03-10T08:00:00Z'));
    expect(await kluis.ruimOp(90, nu)).toBe(0);
    expect(await kluis.ruimOp(14, nu)).toBe(1);
    expect(await ontwikkelKluis(map).sleutel('recent')).toEqual(recent);
    expect(await ontwikkelKluis(map).sleutel('verlaten')).not.toEqual(verlaten);
    expect(await ontwikkelKluis(nieuweMap()).ruimOp(14, nu)).toBe(0);
  });

  it('vergeet of a user without a key is no error', async () => {
    await expect(ontwikkelKluis(nieuweMap()).vergeet('niemand')).resolves.toBeUndefined();
  });

  it('calls at once, in one vault or in two on the same folder (two app windows), agree on one key', async () => {
    const map = nieuweMap();
    const kluis = ontwikkelKluis(map);
    const sleutels = await Promise.all([kluis.sleutel('demo-muteren'), kluis.sleutel('demo-muteren'), ontwikkelKluis(map).sleutel('demo-muteren'), ontwikkelKluis(map).sleutel('demo-muteren')]);
    for (const s of sleutels) expect(s).toEqual(sleutels[0]);
    expect(bestanden(join(map, SLEUTELMAP))).toHaveLength(1);
  });

  it('a wrapped key it cannot unwrap is refused and kept, never silently replaced', async () => {
    const map = nieuweMap();
    await ontwikkelKluis(map).sleutel('demo-muteren');
    const [bestand] = bestanden(join(map, SLEUTELMAP));
    const pad = join(map, SLEUTELMAP, bestand!);
    writeFileSync(pad, Buffer.alloc(60, 7));
    const probleem = await weigering(ontwikkelKluis(map).sleutel('demo-muteren'));
    expect(probleem).toMatchObject({ status: 503, code: 'SLEUTEL_ONLEESBAAR' });
    expect(probleem.detail).toContain('Lokale gegevens wissen');
    expect(readFileSync(pad)).toEqual(Buffer.alloc(60, 7));
  });
});

describe('the vault with Electron\'s safeStorage', () => {
  beforeEach(() => {
    Object.assign(nep.staat, { beschikbaar: true, backend: 'gnome_libsecret', sleutelring: 'ring-1' });
    vi.clearAllMocks();
  });
  const electronKluis = (dataMap: string, opties: { zwakkeSleutelopslagToestaan?: boolean; systeem?: NodeJS.Platform } = {}) =>
    maakKluis({ geheimen: electronGeheimen({ zwakkeSleutelopslagToestaan: opties.zwakkeSleutelopslagToestaan ?? false, ...(opties.systeem ? { systeem: opties.systeem } : {}) }), dataMap });

  it('wraps the key with safeStorage, and unwraps the same key in a new vault', async () => {
    const map = nieuweMap();
    const sleutel = await electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren');
    expect(sleutel).toHaveLength(32);
    expect(nep.safeStorage.encryptString).toHaveBeenCalledExactlyOnceWith(sleutel.toString('base64'));
    expect(await electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren')).toEqual(sleutel);
    expect(nep.safeStorage.decryptString).toHaveBeenCalledTimes(1);
    expect(electronGeheimen({ zwakkeSleutelopslagToestaan: false, systeem: 'linux' }).backend()).toBe('gnome_libsecret');
  });

  it('refuses Linux\'s weak "basic_text" store with a 503 that tells IT what to do, and writes nothing', async () => {
    nep.staat.backend = 'basic_text';
    const map = nieuweMap();
    const probleem = await weigering(electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren'));
    expect(probleem).toMatchObject({ status: 503, code: 'SLEUTELOPSLAG_ONVEILIG' });
    expect(probleem.detail).toContain('"basic_text"');
    expect(probleem.detail).toContain('Vraag IT een sleutelbos te installeren of te ontgrendelen');
    expect(probleem.detail).toContain('"zwakkeSleutelopslagToestaan": true in het machinebeleid');
    expect(nep.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(existsSync(join(map, SLEUTELMAP))).toBe(false);
  });

  it('accepts "basic_text" where IT\'s policy allows it', async () => {
    nep.staat.backend = 'basic_text';
    expect(await electronKluis(nieuweMap(), { systeem: 'linux', zwakkeSleutelopslagToestaan: true }).sleutel('demo-muteren')).toHaveLength(32);
  });

  it('refuses a key it already holds once the store has become weak', async () => {
    const map = nieuweMap();
    await electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren');
    nep.staat.backend = 'basic_text';
    expect(await weigering(electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren'))).toMatchObject({ code: 'SLEUTELOPSLAG_ONVEILIG' });
    expect(nep.safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it.each<[NodeJS.Platform, RegExp]>([
    ['linux', /de sleutelbos \(GNOME Keyring of KWallet\) is niet beschikbaar\. Vraag IT/],
    ['darwin', /de sleutelhanger \(Keychain\) is niet beschikbaar/],
    ['win32', /de Windows-gegevensbeveiliging \(DPAPI\) is niet beschikbaar/],
  ])('refuses when encryption is not available (%s)', async (systeem, melding) => {
    nep.staat.beschikbaar = false;
    const probleem = await weigering(electronKluis(nieuweMap(), { systeem, zwakkeSleutelopslagToestaan: true }).sleutel('demo-muteren'));
    expect(probleem).toMatchObject({ status: 503, code: 'SLEUTELOPSLAG_ONVEILIG' });
    expect(probleem.detail).toMatch(melding);
  });

  it('on Windows and macOS asks for no Linux backend: DPAPI and the Keychain are the OS\'s own', async () => {
    nep.staat.backend = 'basic_text';
    expect(await electronKluis(nieuweMap(), { systeem: 'win32' }).sleutel('demo-muteren')).toHaveLength(32);
    expect(electronGeheimen({ zwakkeSleutelopslagToestaan: false, systeem: 'win32' }).backend()).toBe('dpapi');
    expect(electronGeheimen({ zwakkeSleutelopslagToestaan: false, systeem: 'darwin' }).backend()).toBe('keychain');
    expect(nep.safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('a reset keyring makes the key unreadable: refused, not replaced', async () => {
    const map = nieuweMap();
    await electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren');
    nep.staat.sleutelring = 'ring-2';
    expect(await weigering(electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren'))).toMatchObject({ status: 503, code: 'SLEUTEL_ONLEESBAAR' });
    nep.staat.sleutelring = 'ring-1';
    expect(await electronKluis(map, { systeem: 'linux' }).sleutel('demo-muteren')).toHaveLength(32);
  });
});

describe('cache.sleutel and cache.vergeet', async () => {
  const server = await startTestServer({ personen: 20 });

  function diensten(geheimen = nodePlatform({ dataMap: nieuweMap() }).geheimen) {
    const dataMap = nieuweMap();
    const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') });
    return maakDiensten({ isi: new IsiClient(server.url), platform, policy: STANDAARD_POLICY, kluis: maakKluis({ geheimen, dataMap }), info: { versie: 't', modus: 'browser', demo: true } });
  }
  const inloggen = async (d: ReturnType<typeof diensten>, gebruikersnaam: string) => d.sessie.inloggen({ gebruikersnaam, wachtwoord: 'demo', totp: await server.totp(gebruikersnaam) });

  it('give the logged-in user\'s key only while logged in; locking or logging out ends that', async () => {
    const d = diensten();
    expect(await verwerkAanroep(d, 'cache.sleutel', {})).toMatchObject({ ok: false, probleem: { status: 401, code: 'NIET_INGELOGD' } });
    await inloggen(d, 'demo-muteren');
    const een = await verwerkAanroep(d, 'cache.sleutel', {});
    expect(een).toMatchObject({ ok: true, waarde: { gebruikersnaam: 'demo-muteren' } });
    const sleutel = (een as { waarde: { sleutel: string } }).waarde.sleutel;
    expect(Buffer.from(sleutel, 'base64')).toHaveLength(32);
    expect(await verwerkAanroep(d, 'sessie.vergrendel', {})).toEqual({ ok: true, waarde: {} });
    expect(await verwerkAanroep(d, 'sessie.huidig', {})).toEqual({ ok: true, waarde: null });
    expect(await verwerkAanroep(d, 'cache.sleutel', {})).toMatchObject({ ok: false, probleem: { code: 'NIET_INGELOGD' } });
    // Unlocking is logging in again: the same key.
    await inloggen(d, 'demo-muteren');
    expect(await verwerkAanroep(d, 'cache.sleutel', {})).toEqual({ ok: true, waarde: { gebruikersnaam: 'demo-muteren', sleutel } });
    await d.sessie.uitloggen({});
    expect(await verwerkAanroep(d, 'cache.sleutel', {})).toMatchObject({ ok: false, probleem: { code: 'NIET_INGELOGD' } });
  });

  it('vergrendel ends the session at ISI too', async () => {
    const d = diensten();
    await inloggen(d, 'demo-raadplegen');
    const voor = server.logregels.length;
    await d.sessie.vergrendel({});
    expect(server.logregels.slice(voor).join('\n')).toContain('"method":"DELETE","url":"/api/v1/sessies/huidig"');
  });

  it('cache.vergeet makes the next key a new one, for the logged-in user only (issue 12, finding 7)', async () => {
    const d = diensten();
    await inloggen(d, 'demo-muteren');
    const oud = await d.cache.sleutel({});
    await d.sessie.uitloggen({});
    // Logged out: refused, and the key is still there.
    expect(await verwerkAanroep(d, 'cache.vergeet', { gebruikersnaam: 'demo-muteren' })).toMatchObject({ ok: false, probleem: { status: 401, code: 'NIET_INGELOGD' } });
    await inloggen(d, 'demo-raadplegen');
    // Another user's key: refused with a message that says what to do, nothing destroyed.
    const ander = await verwerkAanroep(d, 'cache.vergeet', { gebruikersnaam: 'demo-muteren' });
    expect(ander).toMatchObject({ ok: false, probleem: { status: 403, code: 'ANDERE_GEBRUIKER' } });
    expect((ander as { probleem: { detail: string } }).probleem.detail).toContain('alleen uw eigen lokale gegevens');
    await d.sessie.uitloggen({});
    await inloggen(d, 'demo-muteren');
    expect((await d.cache.sleutel({})).sleutel).toBe(oud.sleutel);
    expect(await verwerkAanroep(d, 'cache.vergeet', { gebruikersnaam: 'demo-muteren' })).toEqual({ ok: true, waarde: {} });
    const nieuw = await d.cache.sleutel({});
    expect(nieuw.sleutel).not.toBe(oud.sleutel);
  });

  it('a sync page restarts the retention of the logged-in user\'s key', async () => {
    const dataMap = nieuweMap();
    const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') });
    const kluis = maakKluis({ geheimen: platform.geheimen, dataMap });
    const d = maakDiensten({ isi: new IsiClient(server.url), platform, policy: STANDAARD_POLICY, kluis, info: { versie: 't', modus: 'browser', demo: true } });
    await inloggen(d, 'demo-muteren');
    await d.cache.sleutel({});
    const bestand = join(dataMap, SLEUTELMAP, readdirSync(join(dataMap, SLEUTELMAP))[0]!);
    const lang = new Date(Date.now() - 30 * 86_400_000);
    utimesSync(bestand, lang, lang);
    expect(await verwerkAanroep(d, 'sync.pagina', { gc: '0014', cursor: null })).toMatchObject({ ok: true });
    expect(Date.now() - statSync(bestand).mtimeMs).toBeLessThan(60_000);
    expect(await kluis.ruimOp(14)).toBe(0);
    expect(existsSync(bestand)).toBe(true);
  });

  it('a refused key store reaches the renderer as the typed 503 problem', async () => {
    nep.staat.backend = 'basic_text';
    const d = diensten(electronGeheimen({ zwakkeSleutelopslagToestaan: false, systeem: 'linux' }));
    await inloggen(d, 'demo-muteren');
    expect(await verwerkAanroep(d, 'cache.sleutel', {})).toMatchObject({ ok: false, probleem: { status: 503, code: 'SLEUTELOPSLAG_ONVEILIG', title: 'Sleutelopslag niet veilig' } });
  });
});
