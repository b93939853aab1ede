import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC } from '../../../shared/ipc';
import { maakDiensten } from '../../../main/diensten';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import type { Platform } from '../../../main/platform/platform';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';
import { startTestServer } from '../../helpers/isi';
import { legeMap } from './files/hulp';

// "Opslaan als PDF" on the person screen (issue 13, point 13) behind the IPC contract. Electron's
// printToPDF cannot run here: the platform's `alsPdf` is the one part stood in for, behind the same
// interface the Electron platform implements (main/platform/electron.ts).
const server = await startTestServer({ vandaag: '2025-03-01' });
const PDF = Buffer.from('%PDF-1.7\n% overzicht\n%%EOF\n');

function maak(alsPdf?: () => Promise<Buffer>) {
  const basis = legeMap('pib-pdf-');
  const geopend: string[] = [];
  const platform: Platform = {
    ...nodePlatform({ dataMap: join(basis, 'data'), downloadMap: join(basis, 'Downloads') }),
    openPad: async (pad) => void geopend.push(pad),
    ...(alsPdf ? { alsPdf } : {}),
  };
  const diensten = maakDiensten({
    isi: new IsiClient(server.url), platform, policy: STANDAARD_POLICY,
    kluis: maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() }), info: { versie: 't', modus: alsPdf ? 'electron' : 'browser', demo: true },
  });
  return { diensten, geopend, downloads: platform.downloadMap() };
}

const inloggen = async (d: ReturnType<typeof maak>['diensten']) => d.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await server.totp('demo-muteren') });

describe('bestanden.opslaanAlsPdf', () => {
  it('the printed window is saved in Downloads under a name without a BSN, only for this user (0600), listed for R-DL-2 and opened', async () => {
    const m = maak(async () => PDF);
    await inloggen(m.diensten);
    const u = await verwerkAanroep(m.diensten, 'bestanden.opslaanAlsPdf', {});
    expect(u.ok).toBe(true);
    if (!u.ok) return;
    const opgeslagen = IPC.bestanden.opslaanAlsPdf.resultaat.parse(u.waarde);
    expect(opgeslagen.bestandsnaam).toMatch(/^overzicht-persoon-\d{8}-\d{4}\.pdf$/);
    expect(opgeslagen.pad).toBe(join(m.downloads, opgeslagen.bestandsnaam));
    expect(readFileSync(opgeslagen.pad)).toEqual(PDF);
    expect(statSync(opgeslagen.pad).mode & 0o777).toBe(0o600);
    expect(m.geopend).toEqual([opgeslagen.pad]);
    expect(opgeslagen.geopend).toBe(true);
    const geschreven = await verwerkAanroep(m.diensten, 'bestanden.geschreven', {});
    expect(geschreven).toMatchObject({ ok: true, waarde: [expect.objectContaining({ pad: opgeslagen.pad })] });
    // A second one the same minute does not overwrite the first.
    const tweede = await verwerkAanroep(m.diensten, 'bestanden.opslaanAlsPdf', {});
    expect(tweede).toMatchObject({ ok: true, waarde: { bestandsnaam: expect.stringMatching(/ \(2\)\.pdf$/) } });
  });

  it('browser mode has no printToPDF: a Dutch refusal that says what to do instead', async () => {
    const m = maak();
    await inloggen(m.diensten);
    const u = await verwerkAanroep(m.diensten, 'bestanden.opslaanAlsPdf', {});
    expect(u).toMatchObject({ ok: false, probleem: { code: 'PDF_NIET_BESCHIKBAAR', detail: expect.stringContaining("'Afdrukken'") } });
  });

  it('without a session nothing is printed or saved', async () => {
    let gevraagd = 0;
    const m = maak(async () => {
      gevraagd++;
      return PDF;
    });
    expect(await verwerkAanroep(m.diensten, 'bestanden.opslaanAlsPdf', {})).toMatchObject({ ok: false, probleem: { status: 401 } });
    expect(gevraagd).toBe(0);
  });
});
