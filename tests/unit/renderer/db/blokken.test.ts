import 'fake-indexeddb/auto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheFout, openCache, type Cache, type IndexedDbBron } from '../../../../renderer/db';
import { LOG_GRENS, VOUW_NA_VOLLEDIGE_SYNC } from '../../../../renderer/db/cache';
import { databasenaamVoor } from '../../../../renderer/db/register';
import { leesSleutel, leidSleutels, Veldversleuteling } from '../../../../renderer/db/sleutels';
import type { Persoon } from '../../../../shared/schemas/api';
import { maakPersoon, maakSignaal, nieuweBron, nieuweIdempotencyKey, pagina } from './hulp';

const GC = '0014';

/** The rows of one table of the user's database, read raw (as anyone with the file would). */
async function rijen(bron: IndexedDbBron, gebruiker: string, tabel: string): Promise<Record<string, unknown>[]> {
  const db = new Dexie(await databasenaamVoor(gebruiker), bron);
  await db.open();
  try {
    return await db.table(tabel).toArray();
  } finally {
    db.close();
  }
}

async function overschrijf(bron: IndexedDbBron, gebruiker: string, tabel: string, wijzig: (r: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const db = new Dexie(await databasenaamVoor(gebruiker), bron);
  await db.open();
  const t = db.table(tabel);
  const eerste = (await t.toArray())[0]!;
  await t.put(wijzig(eerste));
  db.close();
}

/** Full sync of `n` persons (with a signal each) in pages of `per`. */
async function vul(cache: Cache, n: number, per: number, gc = GC): Promise<void> {
  const personen = Array.from({ length: n }, (_, i) => maakPersoon(i + 1, { gemeentecode: gc }));
  for (let i = 0; i < n; i += per) {
    const deel = personen.slice(i, i + per);
    await cache.pasToe(gc, pagina({ personen: deel, signalen: deel.map((p, j) => maakSignaal(i + j + 1, p)), cursor: `c${i + per}`, meer: i + per < n, ...(i === 0 ? { totaal: 2 * n } : {}) }));
  }
}

afterEach(() => vi.restoreAllMocks());

describe('renderer/db: het geheugen is de cache, IndexedDB houdt versleutelde blokken en een logboek', () => {
  it('elke pagina is één logregel; na heropenen (ontgrendelen) geeft het geheugen dezelfde antwoorden', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('a', sleutel, { bron });
    await vul(cache, 250, 50);
    const voor = await cache.zoekPersonen(GC, { pvtPlichtig: 'J', sorteer: '-achternaam', pagina: 3 });
    await cache.sluit();
    expect(await rijen(bron, 'a', 'logboek')).toHaveLength(5);
    expect(await rijen(bron, 'a', 'blokken')).toHaveLength(0);
    // In clear only ids of the log, the gemeente, sizes and the compression; the data itself are bytes.
    for (const r of await rijen(bron, 'a', 'logboek')) expect(r).toEqual({ id: expect.any(String), gc: GC, aantal: 100, data: expect.any(Uint8Array), vorm: 'deflate-raw' });

    const weer = await openCache('a', sleutel, { bron });
    expect(await weer.zoekPersonen(GC, { pvtPlichtig: 'J', sorteer: '-achternaam', pagina: 3 })).toEqual(voor);
    expect(await weer.aantallen(GC)).toEqual({ personen: 250, signalen: 250 });
    expect(await weer.syncStand(GC)).toMatchObject({ cursor: 'c250', volledig: true, verwerkt: 500 });
    await weer.sluit();
  });

  it('ontgrendelen: de gekozen gemeente (voorrang) is doorzoekbaar zodra openCache terugkomt; een vraag voor een andere wacht tot die op de achtergrond is ingelezen', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('v', sleutel, { bron });
    await vul(cache, 200, 25, '0014');
    await vul(cache, 300, 50, '0034');
    const vraag = { pvtPlichtig: 'J', sorteer: '-achternaam', pagina: 2 } as const;
    const voor = { '0014': await cache.zoekPersonen('0014', vraag), '0034': await cache.zoekPersonen('0034', vraag) };
    await cache.sluit();

    const weer = await openCache('v', sleutel, { bron, voorrang: '0034' });
    const volgorde: string[] = [];
    const antwoord = (gc: '0014' | '0034') => weer.zoekPersonen(gc, vraag).then((a) => (volgorde.push(gc), a));
    // Asked for the other gemeente first: answered only after the chosen one, which is in memory already.
    const [a, b] = await Promise.all([antwoord('0014'), antwoord('0034'), weer.allesGeladen()]);
    expect(volgorde).toEqual(['0034', '0014']);
    expect({ '0014': a, '0034': b }).toEqual(voor);
    expect(await weer.aantallen('0014')).toEqual({ personen: 200, signalen: 200 });
    await weer.sluit();
  });

  it('een deel dat wel ontsleutelt maar niet te lezen is, in een gemeente die op de achtergrond wordt ingelezen: die gemeente en allesGeladen weigeren met BESCHADIGD, de gekozen gemeente werkt', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('w', sleutel, { bron });
    await vul(cache, 100, 25, '0014');
    await vul(cache, 100, 25, '0034');
    await cache.sluit();
    // Bytes under the right key and at the right place, that are no compressed JSON: only a fault of the app itself makes these.
    const v = new Veldversleuteling(await leidSleutels(leesSleutel(sleutel)));
    const db = new Dexie(await databasenaamVoor('w'), bron);
    await db.open();
    const rij = (await db.table('logboek').toArray()).find((r: { gc: string }) => r.gc === '0014') as { id: string };
    await db.table('logboek').put({ ...rij, data: await v.versleutelBytes(new Uint8Array([1, 2, 3, 4]), `log/0014/${rij.id}`) });
    db.close();

    const weer = await openCache('w', sleutel, { bron, voorrang: '0034' });
    expect(await weer.aantallen('0034')).toEqual({ personen: 100, signalen: 100 });
    await expect(weer.aantallen('0014')).rejects.toMatchObject({ code: 'BESCHADIGD' });
    await expect(weer.allesGeladen()).rejects.toMatchObject({ code: 'BESCHADIGD' });
    await weer.sluit();
    // The same part in the chosen gemeente: the open itself is refused.
    await expect(openCache('w', sleutel, { bron, voorrang: '0014' })).rejects.toMatchObject({ code: 'BESCHADIGD' });
  });

  it(`compactie: een volledige synchronisatie van ${VOUW_NA_VOLLEDIGE_SYNC} of meer pagina's vouwt meteen in blokken in kolommen; daarna na ${LOG_GRENS} logregels opnieuw; de antwoorden blijven gelijk`, async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('b', sleutel, { bron, vouwMeteen: true });
    await vul(cache, 100, Math.ceil(100 / VOUW_NA_VOLLEDIGE_SYNC));
    await vi.waitFor(async () => expect(await rijen(bron, 'b', 'blokken')).toHaveLength(2));
    expect(await rijen(bron, 'b', 'logboek')).toHaveLength(0);
    // In clear only the chunk's id, the gemeente, the number of records and the compression.
    for (const b of await rijen(bron, 'b', 'blokken')) expect(b).toEqual({ id: expect.any(String), gc: GC, aantal: 100, data: expect.any(Uint8Array), vorm: 'deflate-raw' });
    const v = new Veldversleuteling(await leidSleutels(leesSleutel(sleutel)));
    const inhoud = await Promise.all((await rijen(bron, 'b', 'blokken')).map(async (b) =>
      JSON.parse(inflateRawSync(await v.ontsleutelBytes(b.data as Uint8Array<ArrayBuffer>, `blok/${GC}/${String(b.id)}`)).toString('utf8')) as { soort: string; kolommen: string[]; rijen: unknown[] }));
    expect(inhoud.map((b) => b.soort).sort()).toEqual(['personen', 'signalen']);
    const personenBlok = inhoud.find((b) => b.soort === 'personen')!;
    expect(personenBlok.kolommen).toEqual(Object.keys(maakPersoon(1)));
    expect(personenBlok.rijen[0]).toEqual(Object.values(maakPersoon(1, { gemeentecode: GC })));

    for (let i = 0; i < LOG_GRENS; i++) {
      await cache.pasToe(GC, pagina({ personen: [maakPersoon(1 + (i % 100), { versie: 2 + i })], cursor: `d${i}` }));
    }
    const voor = await cache.zoekPersonen(GC, { sorteer: 'geboortedatum', paginaGrootte: 500 });
    await vi.waitFor(async () => expect((await rijen(bron, 'b', 'logboek')).length).toBeLessThan(LOG_GRENS));
    const blokken = await rijen(bron, 'b', 'blokken');
    expect(blokken.map((b) => b.aantal)).toEqual([100, 100]);
    await cache.sluit();

    const weer = await openCache('b', sleutel, { bron });
    expect(await weer.zoekPersonen(GC, { sorteer: 'geboortedatum', paginaGrootte: 500 })).toEqual(voor);
    expect((await weer.haalPersoon(GC, maakPersoon(LOG_GRENS).id))!.versie).toBe(1 + LOG_GRENS);
    expect((await weer.syncStand(GC)).cursor).toBe(`d${LOG_GRENS - 1}`);
    await weer.sluit();
  });

  it('compactie: pagina\'s die komen terwijl het logboek wordt gevouwen, blijven na de nieuwe blokken in het logboek staan; een record van een andere vorm blijft zichzelf', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('k', sleutel, { bron, vouwMeteen: true });
    const personen = Array.from({ length: 400 }, (_, i) => maakPersoon(i + 1, { gemeentecode: GC }));
    // A field the contract does not name rides along, unread: in a chunk in columns this record keeps its own shape.
    personen[123] = { ...personen[123]!, extraVeld: 'rijdt mee' } as Persoon;
    for (let i = 0; i < 400; i += 50) {
      const deel = personen.slice(i, i + 50);
      await cache.pasToe(GC, pagina({ personen: deel, signalen: deel.map((p, j) => maakSignaal(i + j + 1, p)), cursor: `c${i + 50}`, meer: i + 50 < 400, ...(i === 0 ? { totaal: 800 } : {}) }));
    }
    // Straight after the full sync: the fold has begun, and these pages come while it runs.
    await cache.pasToe(GC, pagina({ personen: [maakPersoon(5, { versie: 9 })], cursor: 'e1' }));
    await cache.pasToe(GC, pagina({ verwijderd: { personen: [maakPersoon(6).id], signalen: [] }, cursor: 'e2' }));
    await vi.waitFor(async () => expect((await rijen(bron, 'k', 'blokken')).length).toBe(2));
    await cache.opSchijf();
    const voor = await cache.zoekPersonen(GC, { sorteer: 'achternaam', paginaGrootte: 500 });
    const anders = await cache.haalPersoon(GC, personen[123]!.id);
    expect(anders).toMatchObject({ extraVeld: 'rijdt mee' });
    await cache.sluit();

    const weer = await openCache('k', sleutel, { bron });
    expect(await weer.zoekPersonen(GC, { sorteer: 'achternaam', paginaGrootte: 500 })).toEqual(voor);
    expect(await weer.haalPersoon(GC, personen[123]!.id)).toEqual(anders);
    expect(await weer.aantallen(GC)).toEqual({ personen: 399, signalen: 400 });
    expect((await weer.haalPersoon(GC, maakPersoon(5).id))!.versie).toBe(9);
    expect(await weer.haalPersoon(GC, maakPersoon(6).id)).toBeNull();
    expect(await weer.syncStand(GC)).toMatchObject({ cursor: 'e2' });
    await weer.sluit();
  });

  it('een blok van vóór de kolommen (records als objecten) wordt nog gelezen', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('o', sleutel, { bron });
    await vul(cache, 20, 20);
    const voor = await cache.zoekPersonen(GC, { sorteer: 'achternaam' });
    await cache.sluit();
    // The directory pointed at one chunk as the previous version wrote it, instead of the log.
    const v = new Veldversleuteling(await leidSleutels(leesSleutel(sleutel)));
    const db = new Dexie(await databasenaamVoor('o'), bron);
    await db.open();
    const personen = Array.from({ length: 20 }, (_, i) => maakPersoon(i + 1, { gemeentecode: GC }));
    const delta = { personen, signalen: personen.map((p, i) => maakSignaal(i + 1, p)), verwijderd: { personen: [], signalen: [] } };
    const data = await v.versleutelBytes(new Uint8Array(deflateRawSync(JSON.stringify(delta))), `blok/${GC}/oud`);
    await db.table('blokken').put({ id: 'oud', gc: GC, aantal: 40, data, vorm: 'deflate-raw' });
    const gids = await v.ontsleutel<{ blokken: string[]; log: string[] }>((await db.table('stand').get(GC)).data, `stand/${GC}`);
    await db.table('logboek').clear();
    await db.table('stand').put({ gc: GC, data: await v.versleutel({ ...gids, blokken: ['oud'], log: [] }, `stand/${GC}`) });
    db.close();

    const weer = await openCache('o', sleutel, { bron });
    expect(await weer.zoekPersonen(GC, { sorteer: 'achternaam' })).toEqual(voor);
    expect(await weer.aantallen(GC)).toEqual({ personen: 20, signalen: 20 });
    await weer.sluit();
  });

  it('een beschadigd blok: de cache weigert (BESCHADIGD) en toont niets half; herbouw opent leeg en houdt de leesbare wachtrij', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('c', sleutel, { bron });
    await vul(cache, 30, 10);
    const entry = await cache.zetInWachtrij({ soort: 'CONTACT', gc: GC, bericht: { naam: 'N', email: 'n@example.org', magBellen: false, onderwerp: 'O', bericht: 'B' } }, crypto.randomUUID());
    await cache.sluit();
    await overschrijf(bron, 'c', 'logboek', (r) => {
      const data = new Uint8Array(r.data as Uint8Array);
      data[40]! ^= 0xff;
      return { ...r, data };
    });

    const fout = await openCache('c', sleutel, { bron }).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(CacheFout);
    expect((fout as CacheFout).code).toBe('BESCHADIGD');
    expect((fout as CacheFout).message).toContain('Opnieuw ophalen');

    const herbouwd = await openCache('c', sleutel, { bron, herbouw: true });
    expect(await herbouwd.aantallen(GC)).toEqual({ personen: 0, signalen: 0 });
    expect((await herbouwd.syncStand(GC)).cursor).toBeNull();
    expect((await herbouwd.wachtrij()).map((e) => e.id)).toEqual([entry.id]);
    await herbouwd.sluit();
  });

  it('een ontbrekend blok of een verwisselde logregel is ook BESCHADIGD (de additionele data binden elke waarde aan haar plaats)', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('d', sleutel, { bron });
    await vul(cache, 20, 10);
    await cache.sluit();
    const [een, twee] = await rijen(bron, 'd', 'logboek');
    await overschrijf(bron, 'd', 'logboek', (r) => ({ ...r, data: (r.id === een!.id ? twee : een)!.data }));
    await expect(openCache('d', sleutel, { bron })).rejects.toMatchObject({ code: 'BESCHADIGD' });
  });

  it('een pagina zoals main ze geeft (ISI\'s tekst, gecomprimeerd) gaat zoals ze kwam, versleuteld, in het logboek; het geheugen houdt dezelfde gegevens', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('t', sleutel, { bron });
    const p = pagina({ personen: [maakPersoon(1), maakPersoon(2)], signalen: [maakSignaal(1, maakPersoon(1))], cursor: 'c2', meer: false, totaal: 3 });
    const gecomprimeerd = new Uint8Array(deflateRawSync(JSON.stringify(p)));
    const { stand, personen, signalen } = await cache.pasToe(GC, { gecomprimeerd });
    expect(stand).toMatchObject({ cursor: 'c2', volledig: true, verwerkt: 3 });
    expect({ personen, signalen }).toEqual({ personen: [maakPersoon(1).id, maakPersoon(2).id], signalen: true });
    await cache.sluit();
    const [log] = await rijen(bron, 't', 'logboek');
    const v = new Veldversleuteling(await leidSleutels(leesSleutel(sleutel)));
    const plaats = `log/${GC}/${String(log!.id)}`;
    expect(await v.ontsleutelBytes(log!.data as Uint8Array<ArrayBuffer>, plaats)).toEqual(gecomprimeerd);
    const weer = await openCache('t', sleutel, { bron });
    expect(await weer.haalPersoon(GC, maakPersoon(2).id)).toMatchObject(maakPersoon(2));
    await weer.sluit();

    // A log entry written before compression came (JSON under the encryption, no vorm) still reads.
    const alsJson = await v.versleutel(p, plaats);
    await overschrijf(bron, 't', 'logboek', ({ vorm: _vorm, ...r }) => ({ ...r, data: alsJson }));
    const oud = await openCache('t', sleutel, { bron });
    expect(await oud.haalPersoon(GC, maakPersoon(2).id)).toMatchObject(maakPersoon(2));
    await oud.sluit();
  });

  it('een pagina die niet aan het contract voldoet wordt niet toegepast (ONGELDIGE_PAGINA); cursor en gegevens blijven', async () => {
    const cache = await openCache('e', nieuweIdempotencyKey(), { bron: nieuweBron() });
    await vul(cache, 10, 10);
    const stand = await cache.syncStand(GC);
    const kapot = { ...pagina({ personen: [maakPersoon(99)], cursor: 'x' }), personen: [{ ...maakPersoon(99), bsn: 12 }] };
    await expect(cache.pasToe(GC, kapot as never)).rejects.toMatchObject({ code: 'ONGELDIGE_PAGINA' });
    // As the text main hands over: not JSON, or JSON that breaks the contract.
    await expect(cache.pasToe(GC, '<html>proxy fout</html>')).rejects.toMatchObject({ code: 'ONGELDIGE_PAGINA' });
    await expect(cache.pasToe(GC, JSON.stringify(kapot))).rejects.toMatchObject({ code: 'ONGELDIGE_PAGINA' });
    expect(await cache.syncStand(GC)).toEqual(stand);
    expect(await cache.aantallen(GC)).toEqual({ personen: 10, signalen: 10 });
    await cache.sluit();
  });

  it('opslag vol: het geheugen werkt door, de schijf houdt haar laatste volledige stand en opslagfout zegt het', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const cache = await openCache('f', sleutel, { bron });
    await vul(cache, 10, 10);
    await cache.opSchijf();
    // fake-indexeddb/auto made its classes the globals: the store refuses as a full disk would.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'logboek') throw new DOMException('De schijf is vol', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await cache.pasToe(GC, pagina({ personen: [maakPersoon(50)], cursor: 'c50' }));
    await cache.opSchijf();
    expect(await cache.opslagfout()).toBe('OPSLAG_VOL');
    expect((await cache.zoekPersonen(GC, { bsn: maakPersoon(50).bsn })).totaal).toBe(1);
    vi.restoreAllMocks();
    await cache.sluit();
    const weer = await openCache('f', sleutel, { bron });
    expect(await weer.syncStand(GC)).toMatchObject({ cursor: 'c10' });
    expect(await weer.aantallen(GC)).toEqual({ personen: 10, signalen: 10 });
    await weer.sluit();
  });

  it('versie 1 naar 2: de oude wachtrij (gemeente en persoon in klare tekst) gaat mee, nu geheel versleuteld; de oude rijen verdwijnen', async () => {
    const bron = nieuweBron();
    const sleutel = nieuweIdempotencyKey();
    const naam = await databasenaamVoor('g');
    const v = new Veldversleuteling(await leidSleutels(leesSleutel(sleutel)));
    const oud = new Dexie(naam, bron);
    oud.version(1).stores({ personen: '[gc+id]', signalen: 'id, gc', wachtrij: 'id, [gc+persoonId]', stand: 'gc', meta: 'naam' });
    await oud.open();
    const p = maakPersoon(1);
    const w = { soort: 'PVT' as const, gc: GC, persoonId: p.id, versie: 1, wijziging: { datumStartDeelname: '2025-01-01', datumEindeDeelname: null, datumVoldaan: null, redenNietVoldaan: null } };
    await oud.table('meta').put({ naam: 'sleutelcontrole', waarde: await v.versleutel('pib-cache', 'meta/sleutelcontrole') });
    await oud.table('wachtrij').put({
      id: 'e1', gc: GC, persoonId: p.id, soort: 'PVT', status: 'WACHT', idempotencyKey: 'k1', aangemaakt: '2025-01-01T10:00:00.000Z', plaats: '2025-01-01T10:00:00.000Z', volgnummer: 1, pogingen: 2,
      inhoud: await v.versleutel({ wijziging: w, probleem: null, serverStand: null }, 'wachtrij/e1'),
    });
    await oud.table('personen').put({ gc: GC, id: p.id });
    await oud.table('stand').put({ gc: GC, cursor: 'oud', volledig: true });
    oud.close();

    const cache = await openCache('g', sleutel, { bron });
    expect(await cache.wachtrij()).toEqual([expect.objectContaining({ id: 'e1', idempotencyKey: 'k1', gc: GC, persoonId: p.id, wijziging: w, pogingen: 2, status: 'WACHT' })]);
    // The old rows with search fields in clear are gone; the next sync is a full one.
    expect((await cache.syncStand(GC)).cursor).toBeNull();
    await cache.sluit();
    const [rij] = await rijen(bron, 'g', 'wachtrij');
    expect(Object.keys(rij!).sort()).toEqual(['data', 'id']);
  });
});

describe('renderer/db: één schrijver per cache (Web Locks)', () => {
  it('een tweede venster krijgt IN_GEBRUIK met een Nederlandse uitleg; na sluiten van het eerste opent het wel', async () => {
    // Node 20 has no Web Locks (Chromium has them in the window and the worker): a minimal
    // LockManager with the same `request(name, { ifAvailable }, callback)` contract stands in.
    const gehouden = new Set<string>();
    const locks = {
      async request(naam: string, _opties: { ifAvailable: boolean }, terug: (lock: { name: string } | null) => Promise<unknown>) {
        if (gehouden.has(naam)) return terug(null);
        gehouden.add(naam);
        try {
          return await terug({ name: naam });
        } finally {
          gehouden.delete(naam);
        }
      },
    };
    vi.stubGlobal('navigator', { ...globalThis.navigator, locks });
    try {
      const bron = nieuweBron();
      const sleutel = nieuweIdempotencyKey();
      const eerste = await openCache('h', sleutel, { bron });
      const fout = await openCache('h', sleutel, { bron }).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(CacheFout);
      expect((fout as CacheFout).code).toBe('IN_GEBRUIK');
      expect((fout as CacheFout).message).toContain('ander venster of tabblad');
      await eerste.sluit();
      const tweede = await openCache('h', sleutel, { bron });
      await tweede.sluit();
      expect(gehouden.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
