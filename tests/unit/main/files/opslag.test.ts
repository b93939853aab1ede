import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bewaarBestand } from '../../../../main/files/opslag';
import { bestandenRegister, REGISTER_BESTANDSNAAM } from '../../../../main/files/register';
import { inhoudVan, legeMap, verwachtBestandFout } from './hulp';

const NAAM = 'isi_pvt_0014_20250301.xlsx';

// The tests run as root on CI, where no folder refuses a write: the refusals of the disk are simulated for marked paths.
vi.mock('node:fs/promises', async (origineel) => {
  const echt = await origineel<typeof fsPromises>();
  const weiger = (code: string) => Object.assign(new Error(code), { code });
  return {
    ...echt,
    mkdir: (pad: string, opties: Parameters<typeof echt.mkdir>[1]) => {
      if (pad.includes('alleen-lezen')) return Promise.reject(weiger('EACCES'));
      if (pad.includes('schijf-vol')) return Promise.reject(weiger('ENOSPC'));
      return echt.mkdir(pad, opties);
    },
  };
});

describe('bewaarBestand: atomic, never overwriting', () => {
  it('writes the file under its name in a folder it makes when needed, and leaves no temporary file', async () => {
    const map = join(legeMap('pib-files-opslag-'), 'Downloads', 'Inburgering');
    const pad = await bewaarBestand(map, NAAM, Buffer.from('eerste'));
    expect(pad).toBe(join(map, NAAM));
    expect(readFileSync(pad, 'utf8')).toBe('eerste');
    expect(inhoudVan(map)).toEqual([NAAM]);
  });

  it('a name that is taken becomes "naam (2).xlsx", "naam (3).xlsx"; the existing file is untouched', async () => {
    const map = legeMap('pib-files-opslag-');
    writeFileSync(join(map, NAAM), 'van de gebruiker');
    expect(await bewaarBestand(map, NAAM, Buffer.from('twee'))).toBe(join(map, 'isi_pvt_0014_20250301 (2).xlsx'));
    expect(await bewaarBestand(map, NAAM, Buffer.from('drie'))).toBe(join(map, 'isi_pvt_0014_20250301 (3).xlsx'));
    expect(readFileSync(join(map, NAAM), 'utf8')).toBe('van de gebruiker');
    expect(readFileSync(join(map, 'isi_pvt_0014_20250301 (3).xlsx'), 'utf8')).toBe('drie');
    expect(inhoudVan(map).sort()).toEqual(['isi_pvt_0014_20250301 (2).xlsx', 'isi_pvt_0014_20250301 (3).xlsx', NAAM]);
  });

  it('saves at the same moment each get their own name and their whole content', async () => {
    const map = legeMap('pib-files-opslag-');
    const inhoud = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i));
    const paden = await Promise.all(inhoud.map((b) => bewaarBestand(map, NAAM, b)));
    expect(new Set(paden).size).toBe(8);
    paden.forEach((p, i) => expect(readFileSync(p).equals(inhoud[i]!)).toBe(true));
    expect(inhoudVan(map)).toHaveLength(8);
  });

  it('refuses a name with a path, an empty or hidden name', async () => {
    const map = legeMap('pib-files-opslag-');
    for (const naam of ['../x.xlsx', 'a/b.xlsx', 'a\\b.xlsx', '', '.verborgen.xlsx']) {
      await verwachtBestandFout(bewaarBestand(map, naam, Buffer.from('x')), 'ONGELDIGE_BESTANDSNAAM', /geen geldige bestandsnaam/);
    }
    expect(inhoudVan(map)).toEqual([]);
  });

  it('a folder it may not write in, or a full disk, gives a Dutch message naming the folder and what to do', async () => {
    await verwachtBestandFout(bewaarBestand('/mnt/alleen-lezen', NAAM, Buffer.from('x')), 'OPSLAAN_MISLUKT', /mag niet schrijven in de map '\/mnt\/alleen-lezen'\. Kies een andere map/);
    await verwachtBestandFout(bewaarBestand('/mnt/schijf-vol', NAAM, Buffer.from('x')), 'OPSLAAN_MISLUKT', /geen ruimte meer op de schijf van '\/mnt\/schijf-vol'\. Maak ruimte vrij/);
  });
});

describe('who may read what the app writes (issue 12, finding 8)', () => {
  it('a workbook is 0600 and a folder the app makes is 0700, whatever the umask; so is the register', async () => {
    const vorig = process.umask(0o022);
    try {
      const basis = legeMap('pib-files-modus-');
      const map = join(basis, 'nieuw', 'Downloads');
      const pad = await bewaarBestand(map, NAAM, Buffer.from('BSN 994002026'));
      expect(statSync(pad).mode & 0o777).toBe(0o600);
      expect(statSync(map).mode & 0o777).toBe(0o700);
      // A copy under a taken name too.
      expect(statSync(await bewaarBestand(map, NAAM, Buffer.from('x'))).mode & 0o777).toBe(0o600);
      const data = join(basis, 'data');
      await bestandenRegister(data).registreer(pad, new Date('2025-03-31T09:00:00Z'));
      expect(statSync(join(data, REGISTER_BESTANDSNAAM)).mode & 0o777).toBe(0o600);
      expect(statSync(data).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(vorig);
    }
  });
});

describe('bestandenRegister (R-DL-2 in practice)', () => {
  const DAG = 86_400_000;

  it('R-DL-2: keeps the files the app wrote, oldest first, across restarts, in bestanden.json of the data folder', async () => {
    const data = legeMap('pib-files-data-');
    const downloads = legeMap('pib-files-downloads-');
    const nu = new Date('2025-03-31T09:00:00Z');
    const oud = await bewaarBestand(downloads, NAAM, Buffer.from('oud'));
    const nieuw = await bewaarBestand(downloads, 'signalen_0014_20250331.xlsx', Buffer.from('nieuw'));
    const register = bestandenRegister(data);
    await register.registreer(nieuw, nu);
    await register.registreer(oud, new Date(nu.getTime() - 31 * DAG));
    expect(existsSync(join(data, REGISTER_BESTANDSNAAM))).toBe(true);
    expect(await bestandenRegister(data).lijst()).toEqual([
      { pad: oud, bestandsnaam: NAAM, gemaakt: '2025-02-28T09:00:00.000Z' },
      { pad: nieuw, bestandsnaam: 'signalen_0014_20250331.xlsx', gemaakt: '2025-03-31T09:00:00.000Z' },
    ]);
  });

  it('R-DL-2: ouderDan gives the files older than N days; verwijder deletes one from disk and from the list', async () => {
    const data = legeMap('pib-files-data-');
    const downloads = legeMap('pib-files-downloads-');
    const nu = new Date('2025-03-31T09:00:00Z');
    const register = bestandenRegister(data);
    const paden = await Promise.all([40, 30, 29].map(async (dagen, i) => {
      const pad = await bewaarBestand(downloads, `f${i}.xlsx`, Buffer.from('x'));
      await register.registreer(pad, new Date(nu.getTime() - dagen * DAG));
      return pad;
    }));
    // Exactly 30 days is not older than 30 days.
    expect((await register.ouderDan(30, nu)).map((b) => b.bestandsnaam)).toEqual(['f0.xlsx']);
    expect((await register.ouderDan(29, nu)).map((b) => b.bestandsnaam)).toEqual(['f0.xlsx', 'f1.xlsx']);
    await register.verwijder(paden[0]!);
    expect(existsSync(paden[0]!)).toBe(false);
    expect((await register.lijst()).map((b) => b.bestandsnaam)).toEqual(['f1.xlsx', 'f2.xlsx']);
  });

  it('R-DL-2: refuses to delete a file that is not in the register, and deletes nothing', async () => {
    const data = legeMap('pib-files-data-');
    const downloads = legeMap('pib-files-downloads-');
    const van = join(downloads, 'eigen_werk.xlsx');
    writeFileSync(van, 'van de gebruiker');
    await verwachtBestandFout(bestandenRegister(data).verwijder(van), 'NIET_IN_REGISTER', /niet door de app bewaard/);
    expect(existsSync(van)).toBe(true);
  });

  it('a file removed by hand leaves the list; deleting one that is already gone is fine', async () => {
    const data = legeMap('pib-files-data-');
    const downloads = legeMap('pib-files-downloads-');
    const register = bestandenRegister(data);
    const a = await bewaarBestand(downloads, 'a.xlsx', Buffer.from('a'));
    const b = await bewaarBestand(downloads, 'b.xlsx', Buffer.from('b'));
    await register.registreer(a);
    await register.registreer(b);
    rmSync(b);
    await register.verwijder(b);
    rmSync(a);
    expect(await register.lijst()).toEqual([]);
    expect(JSON.parse(readFileSync(join(data, REGISTER_BESTANDSNAAM), 'utf8'))).toEqual([]);
  });

  it('registrations at the same moment are all kept (one change at a time)', async () => {
    const data = legeMap('pib-files-data-');
    const downloads = legeMap('pib-files-downloads-');
    const register = bestandenRegister(data);
    const paden = await Promise.all(Array.from({ length: 10 }, (_, i) => bewaarBestand(downloads, `f${i}.xlsx`, Buffer.from('x'))));
    await Promise.all(paden.map((p) => register.registreer(p)));
    expect((await register.lijst()).map((b) => b.pad).sort()).toEqual([...paden].sort());
    expect(inhoudVan(data)).toEqual([REGISTER_BESTANDSNAAM]);
  });

  it('a damaged register is refused with what to do, and left as it is', async () => {
    const data = legeMap('pib-files-data-');
    writeFileSync(join(data, REGISTER_BESTANDSNAAM), '{kapot');
    await verwachtBestandFout(bestandenRegister(data).lijst(), 'REGISTER_ONLEESBAAR', /is beschadigd\. Verwijder dat bestand/);
    writeFileSync(join(data, REGISTER_BESTANDSNAAM), JSON.stringify([{ pad: '/x', bestandsnaam: 'x' }]));
    await verwachtBestandFout(bestandenRegister(data).registreer('/y'), 'REGISTER_ONLEESBAAR');
    expect(readFileSync(join(data, REGISTER_BESTANDSNAAM), 'utf8')).toBe(JSON.stringify([{ pad: '/x', bestandsnaam: 'x' }]));
  });
});
