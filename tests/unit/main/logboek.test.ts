import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGBESTAND, logboek, maakLogboek, roterendBestand, zetLogboek } from '../../../main/log/logboek';
import { rendererLog } from '../../../main/log/renderer';
import { maskeerBsn, veiligPad } from '../../../shared/maskeer';

const map = () => mkdtempSync(join(tmpdir(), 'pib-log-'));
const regels = (m: string) => readFileSync(join(m, LOGBESTAND), 'utf8').trim().split('\n').map((r) => JSON.parse(r) as Record<string, unknown>);

describe('the log of main', () => {
  it('writes JSON lines at the policy\'s level, with ISO times', () => {
    const m = map();
    const log = maakLogboek({ map: m, niveau: 'waarschuwing' });
    log.info('niet te zien');
    log.warn({ kanaal: 'sync.pagina' }, 'ISI antwoordde traag');
    log.error('mislukt');
    const r = regels(m);
    expect(r.map((x) => [x.level, x.msg])).toEqual([[40, 'ISI antwoordde traag'], [50, 'mislukt']]);
    expect(r[0]!.kanaal).toBe('sync.pagina');
    expect(String(r[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('never holds a BSN, in the message or in any field', () => {
    const m = map();
    const log = maakLogboek({ map: m, niveau: 'debug' });
    log.debug({ url: '/api/v1/gemeenten/0014/wet?bsn=123456782', persoon: { bsn: '999999990' } }, 'gezocht op 123456782');
    const tekst = readFileSync(join(m, LOGBESTAND), 'utf8');
    expect(tekst).not.toMatch(/\d{9}/);
    expect(tekst).toContain('*********');
    expect(tekst).toContain('0014');
  });

  it('"uit" writes nothing', () => {
    const m = map();
    maakLogboek({ map: m, niveau: 'uit' }).error('stil');
    expect(statSync(join(m, LOGBESTAND)).size).toBe(0);
  });

  it('rotates by size: never past the limit, at most the kept number of older files', () => {
    const m = map();
    const bestand = roterendBestand(m, { maxBytes: 1000, bewaard: 2 });
    for (let i = 0; i < 100; i++) bestand.write(`${JSON.stringify({ i, tekst: 'x'.repeat(80) })}\n`);
    bestand.sluit();
    expect(readdirSync(m).sort()).toEqual(['portal-inburgering.1.log', 'portal-inburgering.2.log', 'portal-inburgering.log']);
    for (const f of readdirSync(m)) expect(statSync(join(m, f)).size).toBeLessThanOrEqual(1000);
    // The newest lines are in the current file; the oldest were deleted.
    expect(readFileSync(join(m, LOGBESTAND), 'utf8')).toContain('"i":99');
    expect(readFileSync(join(m, 'portal-inburgering.2.log'), 'utf8')).not.toContain('"i":0,');
    expect(existsSync(join(m, 'portal-inburgering.3.log'))).toBe(false);
  });

  it('goes on in an existing file after a restart', () => {
    const m = map();
    maakLogboek({ map: m, niveau: 'info' }).info('eerste start');
    maakLogboek({ map: m, niveau: 'info' }).info('tweede start');
    expect(regels(m).map((r) => r.msg)).toEqual(['eerste start', 'tweede start']);
  });
});

describe('masking, shared with the reference server\'s way', () => {
  it('masks every run of nine or more digits, keeping its length', () => {
    expect(maskeerBsn('bsn 123456782 en 12345678')).toBe('bsn ********* en 12345678');
    expect(maskeerBsn('1234567890123')).toBe('*************');
    expect(veiligPad('/api/v1/personen/123456782?bsn=123456782')).toBe('/api/v1/personen/*********');
  });

  it.each([
    ['percent-encoded', '/personen/%39%39%34%30%30%32%30%32%36', '/personen/***************************'],
    ['partly percent-encoded', '/personen/99%34002026', '/personen/***********'],
    ['with dashes', 'bsn 994-002-026.', 'bsn ***********.'],
    ['with dots, the official way', 'bsn 9940.02.026', 'bsn ***********'],
    ['with spaces', 'bsn 994 002 026', 'bsn ***********'],
    ['with encoded dashes', '/p/994%2D002%2D026', '/p/***************'],
    ['in a longer chain', 'v1.2.3.994002026', 'v1.2.3.*********'],
  ])('masks a BSN written %s (#11, issue 12 finding 9)', (_wijze, tekst, gemaskeerd) => {
    expect(maskeerBsn(tekst)).toBe(gemaskeerd);
  });

  it.each([
    ['an IPv4 address', 'adres 192.168.100.200'],
    ['an ISO time', '2026-12-02T08:25:00.123Z'],
    ['a date', 'op 2025-03-01 om 09:00'],
    ['eight digits in groups', '1234-5678'],
    ['a gemeentecode and an id', '/gemeenten/0014/personen/p-1234'],
  ])('keeps %s', (_wat, tekst) => {
    expect(maskeerBsn(tekst)).toBe(tekst);
  });

  it('the app\'s log file holds no BSN in any of those forms', () => {
    const m = map();
    maakLogboek({ map: m, niveau: 'info' }).info({ pad: '/personen/%39%39%34%30%30%32%30%32%36' }, 'gezocht op 994-002-026 en 9940.02.026');
    const tekst = readFileSync(join(m, LOGBESTAND), 'utf8');
    expect(tekst).not.toMatch(/%39%39%34|994-002-026|9940\.02\.026/);
    expect(regels(m)[0]!.msg).toBe('gezocht op *********** en ***********');
  });
});

describe('log.fout: the renderer\'s unexpected errors in main\'s log', () => {
  const stil = logboek();
  afterEach(() => zetLogboek(stil));

  it('writes what the renderer reports, masked', async () => {
    const m = map();
    zetLogboek(maakLogboek({ map: m, niveau: 'fout' }));
    await rendererLog().fout({ bron: 'vue', melding: 'TypeError: persoon 994002026 is undefined', stack: 'at PersoonScherm (994002026)', route: '/personen' });
    const [regel] = regels(m);
    expect(regel).toMatchObject({ level: 50, bron: 'renderer', soort: 'vue', route: '/personen', melding: 'TypeError: persoon ********* is undefined', stack: 'at PersoonScherm (*********)' });
    expect(readFileSync(join(m, LOGBESTAND), 'utf8')).not.toContain('994002026');
  });

  it('takes at most so many a minute, and counts the ones it dropped in the next line', async () => {
    const m = map();
    zetLogboek(maakLogboek({ map: m, niveau: 'fout' }));
    let klok = 0;
    const dienst = rendererLog({ perMinuut: 3, nu: () => klok });
    for (let i = 0; i < 10; i++) await dienst.fout({ bron: 'belofte', melding: `fout ${i}` });
    expect(regels(m).map((r) => r.melding)).toEqual(['fout 0', 'fout 1', 'fout 2']);
    klok = 60_000;
    await dienst.fout({ bron: 'belofte', melding: 'na een minuut' });
    expect(regels(m).at(-1)).toMatchObject({ overgeslagen: 7, melding: 'na een minuut' });
  });
});
