import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeopendBestand, GeschrevenBestand, type Uitkomst, Voortgang } from '../../../shared/ipc';
import { vergelijkSignalen } from '../../../shared/rules/signalen';
import type { PersoonInLijst, SignaalInLijst } from '../../../shared/schemas/api';
import { maakDiensten } from '../../../main/diensten';
import { ISI_GROOTSTE_PAGINA } from '../../../shared/rules/zoeken';
import { bestandenRegister } from '../../../main/files';
import { DOWNLOAD_GELDIG_MS, eenmaligeDownloads } from '../../../main/host/downloads';
import { startHost, type Host } from '../../../main/host/host';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { IsiClient } from '../../../main/isi/client';
import { nodePlatform } from '../../../main/platform/node';
import type { Platform } from '../../../main/platform/platform';
import { STANDAARD_POLICY } from '../../../main/policy/schemas';
import { maakKluis } from '../../../main/vault/kluis';
import { startTestServer } from '../../helpers/isi';
import { haalBytes, zoekAlles } from '../server/hulp';
import { legeMap, leesWerkboek, type GelezenWerkboek } from './files/hulp';

// "Openen in Excel" and R-DL-2 behind the IPC contract, against the real reference server: every
// call across verwerkAanroep (arguments and answer checked by the contract's schemas).
const server = await startTestServer({ vandaag: '2025-03-01' });
let token = '';

/** Main's services on their own folders; `openen` stands in for the system's default application. */
function maak(opties: { openen?: (pad: string) => Promise<void>; aanbieden?: (pad: string) => string; isi?: IsiClient } = {}) {
  const basis = legeMap('pib-excel-');
  const downloads = join(basis, 'export');
  const geopend: string[] = [];
  const platform: Platform = {
    ...nodePlatform({ dataMap: join(basis, 'data'), downloadMap: join(basis, 'Downloads') }),
    openPad: opties.openen ?? (async (pad) => void geopend.push(pad)),
  };
  const diensten = maakDiensten({
    isi: opties.isi ?? new IsiClient(server.url), platform, policy: { ...STANDAARD_POLICY, downloadMap: downloads },
    kluis: maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() }), info: { versie: 't', modus: 'browser', demo: true },
    ...(opties.aanbieden ? { aanbieden: opties.aanbieden } : {}),
  });
  return { diensten, downloads, dataMap: platform.dataMap(), geopend };
}

async function ingelogd(o: Parameters<typeof maak>[0] = {}) {
  const m = maak(o);
  await m.diensten.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await server.totp('demo-muteren') });
  return m;
}

type Diensten = ReturnType<typeof maak>['diensten'];

async function roep<T>(diensten: Diensten, kanaal: string, args: unknown): Promise<Uitkomst<T>> {
  return (await verwerkAanroep(diensten, kanaal, args)) as Uitkomst<T>;
}

/** One "Openen in Excel" across the contract; its answer is checked by its schema. */
async function open(diensten: Diensten, kanaal: string, args: Record<string, unknown>) {
  const u = await roep(diensten, kanaal, { taakId: crypto.randomUUID(), ...args });
  if (!u.ok) throw new Error(`${kanaal} refused: ${JSON.stringify(u.probleem)}`);
  return GeopendBestand.parse(u.waarde);
}

async function werkboekVan(pad: string): Promise<GelezenWerkboek> {
  return leesWerkboek(readFileSync(pad));
}

/** A column of a sheet as the cells hold it, rows 2 … n. */
function kolom(wb: GelezenWerkboek, blad: string, letter: string) {
  const b = wb.blad(blad);
  return Array.from({ length: b.aantalRijen - 1 }, (_, i) => b.cellen.get(`${letter}${i + 2}`)!);
}

let m: Awaited<ReturnType<typeof ingelogd>>;

beforeAll(async () => {
  token = await server.login('demo-muteren');
  m = await ingelogd();
});

describe('bestanden.openInExcel (R-DL-1 … R-DL-4)', () => {
  it('the PVT extract: a workbook named after the CSV inside, saved in the policy\'s download folder, listed and opened', async () => {
    const taakId = crypto.randomUUID();
    const u = await roep(m.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip', taakId });
    expect(u.ok, JSON.stringify(u)).toBe(true);
    const b = GeopendBestand.parse((u as { waarde: unknown }).waarde);
    expect(b).toMatchObject({ bestandsnaam: 'isi_pvt_0014_20250301.xlsx', pad: join(m.downloads, 'isi_pvt_0014_20250301.xlsx'), geopend: true });
    expect(b.downloadUrl).toBeUndefined();
    expect(m.geopend).toContain(b.pad);
    expect(readFileSync(b.pad).length).toBe(b.grootte);

    const wb = await werkboekVan(b.pad);
    expect(wb.bladen.map((x) => x.naam)).toEqual(['PVT extract', 'Legenda', 'Disclaimer']);
    const pvt = wb.blad('PVT extract');
    expect(b.rijen).toBe(pvt.aantalRijen - 1);
    const zip = await haalBytes(server, '/api/v1/gemeenten/0014/bestanden/isi_pvt.zip', token);
    const csvRijen = (await import('jszip')).default.loadAsync(zip.bytes).then(async (z) => (await z.file('isi_pvt_0014_20250301.csv')!.async('string')).trim().split('\r\n').length - 1);
    expect(b.rijen).toBe(await csvRijen);
    // BSN as text with its leading zeros kept (format "Tekst"), a date as a date cell.
    const bsn = kolom(wb, 'PVT extract', 'A');
    expect(bsn.every((c) => c.t === 's' && /^\d{9}$/.test(c.v) && wb.stijl(c.s).formaat === '@')).toBe(true);
    const geboortedatum = kolom(wb, 'PVT extract', 'F');
    expect(pvt.rij(1)[5]).toBe('Geboortedatum');
    expect(geboortedatum.every((c) => c.t === null && wb.stijl(c.s).formaat === 'dd-mm-yyyy')).toBe(true);

    // R-DL-2: the workbook is in the list of files the app wrote.
    const lijst = await roep<unknown[]>(m.diensten, 'bestanden.geschreven', {});
    expect(lijst.ok && lijst.waarde.map((x) => GeschrevenBestand.parse(x).pad)).toContain(b.pad);

    // The progress ends with KLAAR (all bytes of the zip received), reported once; then the task is gone.
    const klaar = await roep(m.diensten, 'bestanden.voortgang', { taakId });
    expect(klaar).toEqual({ ok: true, waarde: { fase: 'KLAAR', ontvangen: zip.bytes.length, totaal: zip.bytes.length } });
    expect(Voortgang.parse((klaar as { waarde: unknown }).waarde)).toBeTruthy();
    expect(await roep(m.diensten, 'bestanden.voortgang', { taakId })).toEqual({ ok: true, waarde: null });
  });

  it('a second time: a new file beside the first, never overwriting it', async () => {
    const eerste = await open(m.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    const tweede = await open(m.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    expect(tweede.pad).not.toBe(eerste.pad);
    expect(tweede.bestandsnaam).toMatch(/^isi_pvt_0014_20250301 \(\d+\)\.xlsx$/);
    expect(existsSync(eerste.pad)).toBe(true);
  });

  it('the MB year file (R-DL-4): gemeentecode and BSN as text, the disclaimer beside it', async () => {
    const lijst = await server.vraag<{ bestandsnaam: string }[]>('GET', '/api/v1/gemeenten/0014/bestanden', { token });
    const mb = lijst.body.map((x) => x.bestandsnaam).find((n) => n.startsWith('maatschappelijke_begeleiding_'))!;
    const b = await open(m.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: mb });
    const wb = await werkboekVan(b.pad);
    const jaar = /_(\d{4})\.zip$/.exec(mb)![1];
    expect(wb.bladen.map((x) => x.naam)).toEqual([`MB ${jaar}`, 'Disclaimer']);
    expect(kolom(wb, `MB ${jaar}`, 'A').every((c) => c.t === 's' && c.v === '0014' && wb.stijl(c.s).formaat === '@')).toBe(true);
  });

  it('while it runs, the progress goes DOWNLOADEN → OMZETTEN → OPENEN → KLAAR, never back', async () => {
    const taakId = crypto.randomUUID();
    let klaar = false;
    const bezig = roep(m.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip', taakId }).finally(() => (klaar = true));
    const gezien: string[] = [];
    while (!klaar) {
      const u = await roep<{ fase: string } | null>(m.diensten, 'bestanden.voortgang', { taakId });
      if (u.ok && u.waarde && gezien.at(-1) !== u.waarde.fase) gezien.push(u.waarde.fase);
      await new Promise((r) => setImmediate(r));
    }
    expect((await bezig).ok).toBe(true);
    const laatste = await roep<{ fase: string }>(m.diensten, 'bestanden.voortgang', { taakId });
    if (laatste.ok && laatste.waarde && gezien.at(-1) !== laatste.waarde.fase) gezien.push(laatste.waarde.fase);
    const volgorde = ['DOWNLOADEN', 'OMZETTEN', 'OPENEN', 'KLAAR'];
    expect(gezien.at(-1)).toBe('KLAAR');
    expect(gezien.map((f) => volgorde.indexOf(f))).toEqual([...gezien.map((f) => volgorde.indexOf(f))].sort());
  });

  it('not opened (no application for the file): no error, the file is saved and the answer says geopend: false', async () => {
    const n = await ingelogd({ openen: async () => Promise.reject(new Error('geen programma')) });
    const b = await open(n.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    expect(b.geopend).toBe(false);
    expect(existsSync(b.pad)).toBe(true);
  });

  it('a file ISI does not have: ISI\'s refusal, nothing written, no progress left behind', async () => {
    const n = await ingelogd();
    const taakId = crypto.randomUUID();
    const u = await roep(n.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'maatschappelijke_begeleiding_1999.zip', taakId });
    expect(u).toMatchObject({ ok: false, probleem: { status: 404 } });
    expect(existsSync(n.downloads)).toBe(false);
    expect(await roep(n.diensten, 'bestanden.voortgang', { taakId })).toEqual({ ok: true, waarde: null });
  });

  it('offline: the connection problem, saying that "Openen in Excel" needs a connection; nothing written', async () => {
    const isi = new IsiClient('http://127.0.0.1:9');
    isi.zetToken('een-token');
    const n = maak({ isi });
    for (const [kanaal, args] of [
      ['bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip' }],
      ['signalen.openInExcel', { gc: '0014' }],
      ['personen.openInExcel', { gc: '0014', vraag: { pvtPlichtig: 'J' } }],
      ['signalen.lijstInExcel', { gc: '0014', openstaand: {} }],
    ] as const) {
      const u = await roep(n.diensten, kanaal, { ...args, taakId: crypto.randomUUID() });
      expect(u, kanaal).toMatchObject({ ok: false, probleem: { status: 0, code: 'GEEN_VERBINDING' } });
      expect((u as { probleem: { detail: string } }).probleem.detail).toMatch(/^Voor 'Openen in Excel' is een verbinding met DUO \(ISI\) nodig.*Controleer de netwerkverbinding/);
    }
    expect(existsSync(n.downloads)).toBe(false);
  });

  it('arguments outside the contract are refused before anything is fetched', async () => {
    for (const args of [
      { gc: '0014', bestandsnaam: '../../etc/passwd', taakId: crypto.randomUUID() },
      { gc: '0014', bestandsnaam: 'isi_pvt.zip', taakId: 'geen-uuid' },
      { gc: '0014', bestandsnaam: 'isi_pvt.zip' },
    ]) {
      expect(await roep(m.diensten, 'bestanden.openInExcel', args), JSON.stringify(args)).toMatchObject({ ok: false, probleem: { code: 'ONGELDIGE_AANROEP' } });
    }
  });
});

describe('signalen.openInExcel (R-SIG-7)', () => {
  it('all signals of the gemeente as a workbook: one row per row of ISI\'s export, BSN as text, the date as a date', async () => {
    const b = await open(m.diensten, 'signalen.openInExcel', { gc: '0014' });
    expect(b.bestandsnaam).toBe('signalen_0014_20250301.xlsx');
    const csv = await haalBytes(server, '/api/v1/gemeenten/0014/signalen/export', token);
    const csvRijen = csv.bytes.toString('utf8').trim().split('\r\n').length - 1;
    expect(b.rijen).toBe(csvRijen);
    const wb = await werkboekVan(b.pad);
    expect(wb.bladen.map((x) => x.naam)).toEqual(['Signalen']);
    expect(wb.blad('Signalen').rij(1)).toEqual(['Status signaal', 'BSN', 'Achternaam', 'Code signaal', 'Omschrijving signaal', 'Datum signaal']);
    expect(kolom(wb, 'Signalen', 'B').every((c) => c.t === 's' && /^\d{9}$/.test(c.v))).toBe(true);
    expect(kolom(wb, 'Signalen', 'F').every((c) => c.t === null && wb.stijl(c.s).formaat === 'dd-mm-yyyy')).toBe(true);
  });
});

describe('personen.openInExcel: every row of the search, not only the page', () => {
  it(`more rows than one page of ISI (${ISI_GROOTSTE_PAGINA}): all of them, in the chosen sort order`, async () => {
    const vraag = { pvtPlichtig: 'J', sorteer: '-achternaam' };
    const isi = await zoekAlles<PersoonInLijst>(server, token, '/api/v1/gemeenten/0014/personen/_zoek', vraag);
    expect(isi.totaal).toBeGreaterThan(ISI_GROOTSTE_PAGINA);
    const taakId = crypto.randomUUID();
    const u = await roep(m.diensten, 'personen.openInExcel', { gc: '0014', vraag: { ...vraag, pagina: 3, paginaGrootte: 20 }, taakId });
    const b = GeopendBestand.parse((u as { waarde: unknown }).waarde);
    expect(b.bestandsnaam).toBe('gevonden_personen_0014_20250301.xlsx');
    expect(b.rijen).toBe(isi.totaal);
    const wb = await werkboekVan(b.pad);
    expect(wb.bladen.map((x) => x.naam)).toEqual(['Gevonden personen']);
    expect(kolom(wb, 'Gevonden personen', 'A').map((c) => c.v)).toEqual(isi.items.map((p) => p.bsn));
    expect(kolom(wb, 'Gevonden personen', 'A').every((c) => c.t === 's' && wb.stijl(c.s).formaat === '@')).toBe(true);
    expect(kolom(wb, 'Gevonden personen', 'D').every((c) => c.t === null && wb.stijl(c.s).formaat === 'dd-mm-yyyy')).toBe(true);
    // The progress counted rows: all of them.
    expect(await roep(m.diensten, 'bestanden.voortgang', { taakId })).toEqual({ ok: true, waarde: { fase: 'KLAAR', ontvangen: isi.totaal, totaal: isi.totaal } });
  });

  it('a search ISI refuses (R-ZP-2: no criterion) is refused with ISI\'s message', async () => {
    const u = await roep(m.diensten, 'personen.openInExcel', { gc: '0014', vraag: {}, taakId: crypto.randomUUID() });
    expect(u).toMatchObject({ ok: false, probleem: { status: 400, regel: 'R-ZP-2', detail: 'Vul minimaal één zoekveld in.' } });
  });
});

describe('signalen.lijstInExcel: the signal list shown, every row', () => {
  it('a search: every signal it finds, in its sort order', async () => {
    const vraag = { status: 'NIEUW', sorteer: '-datum' };
    const isi = await zoekAlles<SignaalInLijst>(server, token, '/api/v1/gemeenten/0014/signalen/_zoek', vraag);
    expect(isi.totaal).toBeGreaterThan(0);
    const b = await open(m.diensten, 'signalen.lijstInExcel', { gc: '0014', vraag });
    expect(b.bestandsnaam).toBe('gevonden_signalen_0014_20250301.xlsx');
    expect(b.rijen).toBe(isi.totaal);
    const wb = await werkboekVan(b.pad);
    expect(wb.bladen.map((x) => x.naam)).toEqual(['Gevonden signalen']);
    expect(kolom(wb, 'Gevonden signalen', 'B').map((c) => c.v)).toEqual(isi.items.map((s) => s.bsn));
  });

  it('R-SIG-3 "Toon deze signalen": Nieuw and In behandeling together, merged in ISI\'s order', async () => {
    const sorteer = 'achternaam';
    const delen = await Promise.all(['NIEUW', 'IN_BEHANDELING'].map((status) => zoekAlles<SignaalInLijst>(server, token, '/api/v1/gemeenten/0014/signalen/_zoek', { status, sorteer })));
    const verwacht = delen.flatMap((d) => d.items).sort(vergelijkSignalen({ kolom: 'achternaam', aflopend: false }));
    expect(delen.every((d) => d.totaal > 0)).toBe(true);
    const b = await open(m.diensten, 'signalen.lijstInExcel', { gc: '0014', openstaand: { sorteer } });
    expect(b.rijen).toBe(verwacht.length);
    const wb = await werkboekVan(b.pad);
    expect(kolom(wb, 'Gevonden signalen', 'A').map((c) => c.v)).toEqual(verwacht.map((s) => (s.status === 'NIEUW' ? 'Nieuw' : 'In behandeling')));
    expect(kolom(wb, 'Gevonden signalen', 'B').map((c) => c.v)).toEqual(verwacht.map((s) => s.bsn));
  });
});

describe('R-DL-2: bestanden.geschreven and bestanden.verwijderGeschreven', () => {
  it('lists what the app wrote with its age, downloads as well as workbooks; deletes only those files', async () => {
    const n = await ingelogd();
    const zip = await n.diensten.bestanden.download({ gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    expect(zip.pad).toBe(join(n.downloads, 'isi_pvt_0014.zip'));
    const werkboek = await open(n.diensten, 'signalen.openInExcel', { gc: '0014' });
    // An old one, as if written 40 days ago.
    const oud = join(n.downloads, 'oud.xlsx');
    writeFileSync(oud, 'x');
    await bestandenRegister(n.dataMap).registreer(oud, new Date(Date.now() - 40 * 86_400_000));
    // A file of the user beside them, which the app never wrote.
    const eigen = join(n.downloads, 'eigen.xlsx');
    writeFileSync(eigen, 'van de gebruiker');

    const lijst = await roep<unknown[]>(n.diensten, 'bestanden.geschreven', {});
    expect(lijst.ok).toBe(true);
    const bestanden = (lijst as { waarde: unknown[] }).waarde.map((x) => GeschrevenBestand.parse(x));
    expect(bestanden.map((x) => [x.bestandsnaam, x.dagenOud])).toEqual([['oud.xlsx', 40], ['isi_pvt_0014.zip', 0], [werkboek.bestandsnaam, 0]]);

    const geweigerd = await roep(n.diensten, 'bestanden.verwijderGeschreven', { paden: [oud, eigen] });
    expect(geweigerd).toMatchObject({ ok: false, probleem: { code: 'NIET_IN_REGISTER', status: 422 } });
    expect((geweigerd as { probleem: { detail: string } }).probleem.detail).toContain('er is niets verwijderd');
    expect(existsSync(oud) && existsSync(eigen)).toBe(true);

    expect(await roep(n.diensten, 'bestanden.verwijderGeschreven', { paden: [oud, zip.pad] })).toEqual({ ok: true, waarde: { verwijderd: 2 } });
    expect(existsSync(oud) || existsSync(zip.pad)).toBe(false);
    expect(existsSync(eigen) && existsSync(werkboek.pad)).toBe(true);
    const daarna = await roep<{ pad: string }[]>(n.diensten, 'bestanden.geschreven', {});
    expect(daarna.ok && daarna.waarde.map((x) => x.pad)).toEqual([werkboek.pad]);
  });

  it('a listed file removed by hand meanwhile is simply gone: no refusal', async () => {
    const n = await ingelogd();
    const b = await open(n.diensten, 'signalen.openInExcel', { gc: '0014' });
    // The user sees the list, then removes the file by hand before choosing it there.
    expect(await roep(n.diensten, 'bestanden.geschreven', {})).toMatchObject({ ok: true });
    const { rmSync } = await import('node:fs');
    rmSync(b.pad);
    expect(await roep(n.diensten, 'bestanden.verwijderGeschreven', { paden: [b.pad] })).toEqual({ ok: true, waarde: { verwijderd: 0 } });
  });

  it('issue 12, finding 7: without a login neither lists nor deletes; a path outside the register is refused the same whether it exists or not', async () => {
    const uit = maak();
    for (const [kanaal, args] of [['bestanden.geschreven', {}], ['bestanden.verwijderGeschreven', { paden: ['/etc/passwd'] }]] as const) {
      expect(await roep(uit.diensten, kanaal, args)).toMatchObject({ ok: false, probleem: { status: 401, code: 'NIET_INGELOGD' } });
    }
    const n = await ingelogd();
    const antwoord = async (pad: string) => {
      const u = await roep(n.diensten, 'bestanden.verwijderGeschreven', { paden: [pad] }) as { ok: false; probleem: { code: string; status: number; detail: string } };
      return { ...u, probleem: { ...u.probleem, detail: u.probleem.detail.replace(pad, 'PAD') } };
    };
    const bestaat = await antwoord('/etc/passwd');
    expect(bestaat).toMatchObject({ ok: false, probleem: { code: 'NIET_IN_REGISTER', status: 422 } });
    expect(await antwoord('/bestaat/niet/passwd')).toEqual(bestaat);
    expect(await antwoord('../../etc/passwd')).toEqual(bestaat);
    expect(existsSync('/etc/passwd')).toBe(true);
  });
});

describe('browser mode: the host offers the saved workbook once (GET /download/<id>)', () => {
  let host: Host;
  const downloads = eenmaligeDownloads();
  let n: Awaited<ReturnType<typeof ingelogd>>;

  beforeAll(async () => {
    n = await ingelogd({ aanbieden: downloads.bied });
    const rendererMap = legeMap('pib-excel-renderer-');
    writeFileSync(join(rendererMap, 'index.html'), '<div id="app"></div>');
    host = await startHost({ diensten: n.diensten, rendererMap, downloads });
  });
  afterAll(() => host.stop());

  it('served once as an attachment of the right type, then 404; the URL names no BSN and no path', async () => {
    const b = await open(n.diensten, 'bestanden.openInExcel', { gc: '0014', bestandsnaam: 'isi_pvt.zip' });
    expect(b.downloadUrl).toMatch(/^\/download\/[0-9a-f]{32}$/);
    const r = await fetch(`${host.url}${b.downloadUrl}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${b.bestandsnaam}"; filename*=UTF-8''${b.bestandsnaam}`);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(b.pad))).toBe(true);
    expect((await fetch(`${host.url}${b.downloadUrl}`)).status).toBe(404);
  });

  it('unknown, malformed and expired ids: 404; HEAD does not spend a link', async () => {
    expect((await fetch(`${host.url}/download/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${host.url}/download/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${host.url}/download/`)).status).toBe(404);
    const bestand = join(legeMap('pib-excel-dl-'), 'x (2).xlsx');
    writeFileSync(bestand, 'inhoud');
    const url = downloads.bied(bestand);
    expect((await fetch(`${host.url}${url}`, { method: 'HEAD' })).status).toBe(405);
    const r = await fetch(`${host.url}${url}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="x (2).xlsx"; filename*=UTF-8\'\'x%20%282%29.xlsx');

    let nu = 0;
    const metKlok = eenmaligeDownloads(() => nu);
    const verlopen = metKlok.bied(bestand).slice('/download/'.length);
    nu = DOWNLOAD_GELDIG_MS;
    expect(metKlok.neem(verlopen)).toBeNull();
    const geldig = metKlok.bied(bestand).slice('/download/'.length);
    nu += DOWNLOAD_GELDIG_MS - 1;
    expect(metKlok.neem(geldig)).toBe(bestand);
  });

  it('the desktop app has no such link', async () => {
    const b = await open(m.diensten, 'signalen.openInExcel', { gc: '0014' });
    expect(b.downloadUrl).toBeUndefined();
  });
});

describe('the download folder', () => {
  it('without a policy folder, the platform\'s Downloads; created when missing', async () => {
    const basis = legeMap('pib-excel-map-');
    mkdirSync(join(basis, 'data'));
    const platform: Platform = { ...nodePlatform({ dataMap: join(basis, 'data'), downloadMap: join(basis, 'Downloads') }), openPad: async () => undefined };
    const d = maakDiensten({
      isi: new IsiClient(server.url), platform, policy: STANDAARD_POLICY, kluis: maakKluis({ geheimen: platform.geheimen, dataMap: platform.dataMap() }),
      info: { versie: 't', modus: 'electron', demo: true },
    });
    await d.sessie.inloggen({ gebruikersnaam: 'demo-muteren', wachtwoord: 'demo', totp: await server.totp('demo-muteren') });
    const b = await open(d, 'signalen.openInExcel', { gc: '0014' });
    expect(b.pad).toBe(join(basis, 'Downloads', 'signalen_0014_20250301.xlsx'));
  });
});

describe('opening in plain Node (browser mode)', () => {
  it.skipIf(process.platform === 'win32')('a file the system cannot open is reported, not passed over in silence', async () => {
    // A file that does not exist: `open` and `xdg-open` refuse it at once, whatever the desktop.
    await expect(nodePlatform({ dataMap: legeMap('pib-excel-open-') }).openPad(join(legeMap('pib-excel-open-'), 'bestaat-niet.xlsx'))).rejects.toThrow();
  });
});
