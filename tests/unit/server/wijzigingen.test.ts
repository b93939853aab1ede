import { beforeAll, describe, expect, it } from 'vitest';
import { Wijzigingen, type PersoonInLijst, type SignaalInLijst, type Wijzigingen as WijzigingenType } from '../../../shared/schemas/api';
import { startTestServer, type TestServer } from '../../helpers/isi';
import { gebeurtenis, leesPersoon, maakPersoon, pvt, verwachtKoppen, verwachtProbleem, zetKlok, zoekAlles } from './hulp';

const isi = await startTestServer({ vandaag: '2025-03-01' });

let token = '';
beforeAll(async () => {
  token = await isi.login('demo-muteren');
});

const pad = (gc: string, vanaf?: string, limiet?: number) => {
  const q = new URLSearchParams();
  if (vanaf !== undefined) q.set('vanaf', vanaf);
  if (limiet !== undefined) q.set('limiet', String(limiet));
  const s = q.toString();
  return `/api/v1/gemeenten/${gc}/wijzigingen${s ? `?${s}` : ''}`;
};

async function pagina(server: TestServer, gc: string, vanaf?: string, limiet?: number): Promise<WijzigingenType> {
  const r = await server.vraag('GET', pad(gc, vanaf, limiet), { token });
  expect(r.status, r.tekst).toBe(200);
  return Wijzigingen.parse(r.body);
}

/** Pages until `meer` is false; every page within `limiet`, and full while there is more. */
async function alles(gc: string, vanaf: string | undefined, limiet: number) {
  const paginas: WijzigingenType[] = [];
  let cursor = vanaf;
  for (let i = 0; i < 1000; i++) {
    const p = await pagina(isi, gc, cursor, limiet);
    const n = p.personen.length + p.signalen.length + p.verwijderd.personen.length + p.verwijderd.signalen.length;
    expect(n).toBeLessThanOrEqual(limiet);
    if (p.meer) expect(n).toBe(limiet);
    paginas.push(p);
    cursor = p.cursor;
    if (!p.meer) break;
  }
  return {
    paginas,
    cursor: cursor!,
    personen: paginas.flatMap((p) => p.personen),
    signalen: paginas.flatMap((p) => p.signalen),
    weg: { personen: paginas.flatMap((p) => p.verwijderd.personen), signalen: paginas.flatMap((p) => p.verwijderd.signalen) },
  };
}

let cursor0 = '';

describe('full sync (no cursor)', () => {
  it('paging with limiet until meer is false gives every person of the PIB and every signal exactly once', async () => {
    const a = await alles('0014', undefined, 100);
    expect(a.paginas.length).toBeGreaterThan(10);
    cursor0 = a.cursor;
    const personen = a.personen.map((p) => p.id);
    expect(new Set(personen).size).toBe(personen.length);
    const w = await zoekAlles<PersoonInLijst>(isi, token, '/api/v1/gemeenten/0014/personen/_zoek', { verblijf: 'WOONACHTIG' });
    const v = await zoekAlles<PersoonInLijst>(isi, token, '/api/v1/gemeenten/0014/personen/_zoek', { verblijf: 'VOORMALIG' });
    expect([...personen].sort()).toEqual([...w.items, ...v.items].map((p) => p.id).sort());
    const signalen = a.signalen.map((s) => s.id);
    expect(new Set(signalen).size).toBe(signalen.length);
    const alleSignalen = await zoekAlles<SignaalInLijst>(isi, token, '/api/v1/gemeenten/0014/signalen/_zoek', {});
    expect([...signalen].sort()).toEqual(alleSignalen.items.map((s) => s.id).sort());
    expect(a.signalen.every((s) => s.gemeentecode === '0014')).toBe(true);
    // No BSN in the URL: the cursor is opaque and holds no nine-digit run.
    expect(cursor0).not.toMatch(/\d{9}/);
  });

  it('the first page of a full sync tells how many persons and signals the whole sync brings; no other page does', async () => {
    for (const gc of ['0014', '0034']) {
      const a = await alles(gc, undefined, 150);
      expect(a.paginas.length, gc).toBeGreaterThan(1);
      expect(a.paginas[0]!.totaal, gc).toBe(a.personen.length + a.signalen.length);
      expect(a.paginas.slice(1).map((p) => p.totaal), gc).toEqual(a.paginas.slice(1).map(() => undefined));
      expect((await pagina(isi, gc, a.cursor)).totaal, gc).toBeUndefined();
    }
  });

  it('the same in one page with limiet 5000; the default page is 1000', async () => {
    const groot = await pagina(isi, '0014', undefined, 5000);
    expect(groot.meer).toBe(false);
    const standaard = await pagina(isi, '0014');
    expect(standaard.meer).toBe(true);
    expect(standaard.personen.length + standaard.signalen.length + standaard.verwijderd.signalen.length + standaard.verwijderd.personen.length).toBe(1000);
    const r = await isi.vraag('GET', pad('0014', undefined, 5000), { token });
    verwachtKoppen(r);
  });

  it('every person in the feed is the person GET answers', async () => {
    const p = await pagina(isi, '0014', undefined, 50);
    for (const persoon of p.personen.slice(0, 10)) expect(await leesPersoon(isi, token, '0014', persoon.id)).toEqual(persoon);
  });

  it.each([['0'], ['5001'], ['abc'], ['-1'], ['1.5']])('limiet %s → 400', async (limiet) => {
    const p = verwachtProbleem(await isi.vraag('GET', `/api/v1/gemeenten/0014/wijzigingen?limiet=${limiet}`, { token }), 400);
    expect(p.fouten?.[0]?.veld).toBe('limiet');
  });
});

describe('incremental sync (with a cursor)', () => {
  it('nothing changed: an empty page, meer false', async () => {
    const p = await pagina(isi, '0014', cursor0);
    expect(p).toMatchObject({ personen: [], signalen: [], verwijderd: { personen: [], signalen: [] }, meer: false });
  });

  it('after a PVT change: exactly that person, with the new versie', async () => {
    const start = (await pagina(isi, '0014', cursor0)).cursor;
    const lijst = await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token, body: { bsn: '994002026' } });
    const id = lijst.body.items[0].id as string;
    const voor = await leesPersoon(isi, token, '0014', id);
    const r = await isi.vraag('PUT', `/api/v1/gemeenten/0014/personen/${id}/pvt`, { token, body: pvt({ datumStartDeelname: '2025-02-01' }) });
    expect(r.status).toBe(200);
    const p = await pagina(isi, '0014', start);
    expect(p.personen.map((x) => x.id)).toEqual([id]);
    expect(p.personen[0]).toMatchObject({ versie: voor.versie + 1, datumStartDeelname: '2025-02-01' });
    expect(p).toMatchObject({ signalen: [], verwijderd: { personen: [], signalen: [] }, meer: false });
    // The other gemeente sees nothing of it.
    expect((await pagina(isi, '0034', (await pagina(isi, '0034', undefined, 5000)).cursor)).personen).toEqual([]);
  });

  it('after a signal status change: that signal and its person', async () => {
    const start = (await pagina(isi, '0014', cursor0)).cursor;
    const s = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'NIEUW', code: 'SS601' } })).body.items[0] as SignaalInLijst;
    expect((await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/statuswijzigingen', { token, body: { ids: [s.id], status: 'IN_BEHANDELING' } })).status).toBe(201);
    const p = await pagina(isi, '0014', start);
    expect(p.signalen).toEqual([{ ...s, status: 'IN_BEHANDELING', gemeentecode: '0014', statusGewijzigdOp: '2025-03-01' }]);
    expect(p.personen.map((x) => x.id)).toEqual([s.persoonId]);
  });

  it('a new person comes with its SS601', async () => {
    const start = (await pagina(isi, '0014', cursor0)).cursor;
    const nieuw = await maakPersoon(isi, token, { gemeentecode: '0014' });
    const p = await pagina(isi, '0014', start);
    expect(p.personen.map((x) => x.id)).toEqual([nieuw.id]);
    expect(p.signalen.map((x) => [x.code, x.persoonId])).toEqual([['SS601', nieuw.id]]);
  });

  it('R-SIG-9: a move: the old gemeente gets the person as VOORMALIG with SS614, the new one WOONACHTIG with SS613', async () => {
    const oud = (await pagina(isi, '0014', cursor0)).cursor;
    const nieuwGc = (await pagina(isi, '0034', undefined, 5000)).cursor;
    const p = await maakPersoon(isi, token, { gemeentecode: '0014' });
    const na0014 = (await pagina(isi, '0014', oud)).cursor;
    await gebeurtenis(isi, token, { type: 'VERHUISD', bsn: p.bsn, naarGemeentecode: '0034' });
    const hier = await pagina(isi, '0014', na0014);
    expect(hier.personen.map((x) => [x.id, x.verblijf, x.magWijzigen])).toEqual([[p.id, 'VOORMALIG', false]]);
    expect(hier.signalen.map((x) => x.code)).toEqual(['SS614']);
    const daar = await pagina(isi, '0034', nieuwGc);
    expect(daar.personen.map((x) => [x.id, x.verblijf, x.magWijzigen])).toEqual([[p.id, 'WOONACHTIG', true]]);
    expect(daar.signalen.map((x) => x.code)).toEqual(['SS613']);
  });

  it('UITGESCHREVEN: the person and its signals appear in verwijderd of every gemeente of its PIB', async () => {
    const p = await maakPersoon(isi, token, { gemeentecode: '0014' });
    const start = (await pagina(isi, '0014', cursor0)).cursor;
    const signalen = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { bsn: p.bsn } })).body.items as SignaalInLijst[];
    expect(signalen).toHaveLength(1);
    await gebeurtenis(isi, token, { type: 'UITGESCHREVEN', bsn: p.bsn });
    const na = await pagina(isi, '0014', start);
    expect(na.verwijderd).toEqual({ personen: [p.id], signalen: [signalen[0]!.id] });
    expect(na.personen).toEqual([]);
    expect(na.signalen).toEqual([]);
    // And a full sync no longer holds the person.
    expect((await pagina(isi, '0014', undefined, 5000)).personen.some((x) => x.id === p.id)).toBe(false);
  });

  it('a garbage cursor, a cursor of another gemeente or a forged one → 400', async () => {
    verwachtProbleem(await isi.vraag('GET', pad('0014', 'dit-is-geen-cursor'), { token }), 400);
    const almere = (await pagina(isi, '0034', undefined, 5000)).cursor;
    verwachtProbleem(await isi.vraag('GET', pad('0014', almere), { token }), 400);
    const vals = Buffer.from(JSON.stringify({ g: '0014', s: -5 })).toString('base64url');
    verwachtProbleem(await isi.vraag('GET', pad('0014', vals), { token }), 400);
    verwachtProbleem(await isi.vraag('GET', pad('0014', Buffer.from('[1,2]').toString('base64url')), { token }), 400);
  });
});

describe('deletions by DUO\'s daily work and the life of a cursor', () => {
  let afgehandeld: SignaalInLijst;
  let voorVerwijdering = '';

  it('R-SIG-2: a signal cleaned a week after Afgehandeld appears in verwijderd.signalen', async () => {
    voorVerwijdering = (await pagina(isi, '0014', cursor0)).cursor;
    afgehandeld = (await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/_zoek', { token, body: { status: 'NIEUW', code: 'SS601' } })).body.items[0];
    expect((await isi.vraag('POST', '/api/v1/gemeenten/0014/signalen/statuswijzigingen', { token, body: { ids: [afgehandeld.id], status: 'AFGEHANDELD' } })).status).toBe(201);
    await zetKlok(isi, token, '2025-03-07');
    const nogNiet = await alles('0014', voorVerwijdering, 1000);
    expect(nogNiet.weg.signalen).not.toContain(afgehandeld.id);
    await zetKlok(isi, token, '2025-03-08');
    const na = await alles('0014', voorVerwijdering, 1000);
    expect(na.weg.signalen).toContain(afgehandeld.id);
    expect(na.signalen.map((s) => s.id)).not.toContain(afgehandeld.id);
  });

  it('a cursor stays valid for at least 30 days after a deletion', async () => {
    await zetKlok(isi, token, '2025-04-07');
    const r = await isi.vraag('GET', pad('0014', voorVerwijdering, 5000), { token });
    expect(r.status, r.tekst).toBe(200);
    expect(Wijzigingen.parse(r.body).verwijderd.signalen).toContain(afgehandeld.id);
    expect((await isi.vraag('GET', pad('0014', cursor0, 5000), { token })).status).toBe(200);
  });

  it('a cursor from before tombstones that were pruned (more than 45 days later) → 410', async () => {
    await zetKlok(isi, token, '2025-04-23');
    const p = verwachtProbleem(await isi.vraag('GET', pad('0014', voorVerwijdering), { token }), 410);
    expect(p.detail).toContain('zonder cursor');
    verwachtProbleem(await isi.vraag('GET', pad('0014', cursor0), { token }), 410);
  });

  it('after a 410 the client starts over: a full sync without cursor pages to the end, and its cursor works', async () => {
    const a = await alles('0014', undefined, 200);
    const ids = a.personen.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const w = (await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token, body: { verblijf: 'WOONACHTIG' } })).body.totaal as number;
    const v = (await isi.vraag('POST', '/api/v1/gemeenten/0014/personen/_zoek', { token, body: { verblijf: 'VOORMALIG' } })).body.totaal as number;
    expect(ids).toHaveLength(w + v);
    // Its total leaves out the uitgeschreven person and the cleaned signal too, as the pages do.
    expect(a.paginas[0]!.totaal).toBe(ids.length + a.signalen.length);
    expect(a.signalen.map((s) => s.id)).not.toContain(afgehandeld.id);
    const verder = await pagina(isi, '0014', a.cursor);
    expect(verder).toMatchObject({ personen: [], signalen: [], meer: false });
  });
});
