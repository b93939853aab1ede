import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Wijzigingen, type SignaalInLijst } from '../../../shared/schemas/api';
import { Paginadata } from '../../../shared/ipc';
import { maakDiensten } from '../../../main/diensten';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';
import { startTestServer } from '../../helpers/isi';
import { zetKlok } from '../server/hulp';
import { wachtTot } from '../../helpers/wachten';

// The demo caseload as it is (over 1,000 persons in 0014), paged as the policy says.
const server = await startTestServer({ vandaag: '2025-03-01' });
const PAGINA = 250;
let token = '';

const dataMap = mkdtempSync(join(tmpdir(), 'pib-sync-'));
const platform = nodePlatform({ dataMap, downloadMap: join(dataMap, 'dl') });
const isi = new IsiClient(server.url);
const diensten = maakDiensten({
  isi, platform, policy: { ...STANDAARD_POLICY, syncPaginaGrootte: PAGINA },
  kluis: maakKluis({ geheimen: platform.geheimen, dataMap }), info: { versie: 't', modus: 'browser', demo: true },
});

beforeAll(async () => {
  token = await server.login('demo-muteren');
  await diensten.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await server.totp('demo-muteren') });
});

/** One page across the IPC contract, as the renderer asks for it. */
async function pagina(gc: string, cursor: string | null): Promise<Wijzigingen> {
  const uitkomst = await verwerkAanroep(diensten, 'sync.pagina', { gc, cursor });
  if (!uitkomst.ok) throw new Error(JSON.stringify(uitkomst.probleem));
  // The page crosses compressed, as the worker keeps it on disk.
  const { gecomprimeerd, cursor: volgende, meer } = Paginadata.parse(uitkomst.waarde);
  const p = Wijzigingen.parse(JSON.parse(inflateRawSync(gecomprimeerd).toString('utf8')));
  // What main read from the page for the next fetch is what the page says.
  expect({ cursor: volgende, meer }).toEqual({ cursor: p.cursor, meer: p.meer });
  return p;
}

/** A full sync: from no cursor, page after page, until ISI says there is no more. */
async function volledig(gc: string) {
  const paginas: Wijzigingen[] = [];
  let cursor: string | null = null;
  do {
    const p = await pagina(gc, cursor);
    paginas.push(p);
    cursor = p.cursor;
  } while (paginas.at(-1)!.meer && paginas.length < 100);
  return { paginas, cursor: cursor!, personen: paginas.flatMap((p) => p.personen), signalen: paginas.flatMap((p) => p.signalen) };
}

describe('sync.pagina', () => {
  let cursor = '';

  it('a full sync of the demo gemeente brings every person and signal once, in pages of the policy\'s size', async () => {
    const v = await volledig('0014');
    cursor = v.cursor;
    expect(v.paginas.length).toBeGreaterThan(4);
    for (const p of v.paginas) {
      const n = p.personen.length + p.signalen.length + p.verwijderd.personen.length + p.verwijderd.signalen.length;
      expect(n).toBe(p.meer ? PAGINA : n);
      expect(n).toBeLessThanOrEqual(PAGINA);
    }
    const ids = v.personen.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(1000);
    // The same as ISI hands out in one go.
    const alles = Wijzigingen.parse((await server.vraag('GET', '/api/v1/gemeenten/0014/wijzigingen?limiet=5000', { token })).body);
    expect([...ids].sort()).toEqual(alles.personen.map((p) => p.id).sort());
    expect(v.signalen.map((s) => s.id).sort()).toEqual(alles.signalen.map((s) => s.id).sort());
  });

  it('the first page\'s totaal is what the whole full sync brings; the later pages have none', async () => {
    const v = await volledig('0014');
    expect(v.paginas[0]!.totaal).toBe(v.personen.length + v.signalen.length);
    expect(v.paginas.slice(1).every((p) => p.totaal === undefined)).toBe(true);
  });

  it('with the cursor: only what changed since', async () => {
    expect(await pagina('0014', cursor)).toMatchObject({ personen: [], signalen: [], meer: false });
    const s = (await server.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'NIEUW' } })).body.items[0] as SignaalInLijst;
    expect((await server.vraag('POST', '/api/v1/gemeenten/0014/signalen/statuswijzigingen', { token, body: { ids: [s.id], status: 'AFGEHANDELD' } })).status).toBe(201);
    const p = await pagina('0014', cursor);
    expect(p.signalen.map((x) => [x.id, x.status])).toEqual([[s.id, 'AFGEHANDELD']]);
    expect(p.totaal).toBeUndefined();
  });

  it('main asks ISI for the next pages as soon as one with more after it arrives, two ahead of the renderer, and hands them over when the renderer asks', async () => {
    const vraag = vi.spyOn(isi, 'vraag');
    const gevraagd = (i: number) => decodeURIComponent(String(vraag.mock.calls[i]![1]));
    try {
      const eerste = await pagina('0014', null);
      await wachtTot(() => vraag.mock.calls.length === 3);
      // The second request went out with the first page's cursor, before the renderer asked for it; the third with the second's.
      expect(gevraagd(1)).toContain(`vanaf=${eerste.cursor}`);
      // Two ahead, not more: nothing further is asked until the renderer takes one.
      await new Promise((r) => setTimeout(r, 300));
      expect(vraag).toHaveBeenCalledTimes(3);
      const tweede = await pagina('0014', eerste.cursor);
      expect(tweede.personen[0]!.id).not.toBe(eerste.personen[0]!.id);
      expect(gevraagd(2)).toContain(`vanaf=${tweede.cursor}`);
      // Taking the second made room: the fourth is asked for, the third comes from what main had fetched ahead.
      await wachtTot(() => vraag.mock.calls.length === 4);
      const derde = await pagina('0014', tweede.cursor);
      expect(gevraagd(3)).toContain(`vanaf=${derde.cursor}`);
      await wachtTot(() => vraag.mock.calls.length === 5);
      // Asked with another cursor than the one fetched ahead: ISI is asked for exactly that.
      const weer = await pagina('0014', eerste.cursor);
      expect(gevraagd(5)).toContain(`vanaf=${eerste.cursor}`);
      expect(weer.personen.map((p) => p.id)).toEqual(tweede.personen.map((p) => p.id));
    } finally {
      vraag.mockRestore();
    }
  });

  it('a cursor ISI no longer knows passes through as the 410 problem: the renderer starts over', async () => {
    await zetKlok(server, token, '2025-03-08');
    await zetKlok(server, token, '2025-04-23');
    const uitkomst = await verwerkAanroep(diensten, 'sync.pagina', { gc: '0014', cursor });
    expect(uitkomst).toMatchObject({ ok: false, probleem: { status: 410 } });
    if (!uitkomst.ok) expect(uitkomst.probleem.detail).toContain('zonder cursor');
    // Starting over works.
    expect((await volledig('0014')).personen.length).toBeGreaterThan(1000);
  });

  it('a cursor of another gemeente is ISI\'s 400; a gemeente not the user\'s its 403', async () => {
    const almere = (await pagina('0034', null)).cursor;
    expect(await verwerkAanroep(diensten, 'sync.pagina', { gc: '0014', cursor: almere })).toMatchObject({ ok: false, probleem: { status: 400, code: 'ONGELDIGE_CURSOR' } });
    expect(await verwerkAanroep(diensten, 'sync.pagina', { gc: '0363', cursor: null })).toMatchObject({ ok: false, probleem: { status: 403 } });
  });
});

describe('sync.pagina: an answer that breaks the contract', () => {
  it('not JSON, or without cursor and meer: refused as ONGELDIGE_PAGINA, nothing handed on', async () => {
    const antwoorden = ['<html>proxy fout</html>', JSON.stringify({ personen: [], signalen: [] })];
    const nep = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(antwoorden.shift());
    });
    await new Promise<void>((klaar) => nep.listen(0, '127.0.0.1', klaar));
    try {
      const isi = new IsiClient(`http://127.0.0.1:${(nep.address() as AddressInfo).port}`);
      isi.zetToken('token');
      const d = maakDiensten({ isi, platform, policy: STANDAARD_POLICY, kluis: maakKluis({ geheimen: platform.geheimen, dataMap }), info: { versie: 't', modus: 'browser', demo: true } });
      for (let i = 0; i < 2; i++) {
        expect(await verwerkAanroep(d, 'sync.pagina', { gc: '0014', cursor: null })).toMatchObject({ ok: false, probleem: { status: 502, code: 'ONGELDIGE_PAGINA' } });
      }
    } finally {
      nep.close();
    }
  });
});
