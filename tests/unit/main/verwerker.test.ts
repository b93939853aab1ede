import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC, kanalen, MELDING_ONGELDIGE_AANROEP } from '../../../shared/ipc';
import type { Diensten } from '../../../main/diensten';
import { IsiFout } from '../../../main/isi/client';
import { controleerResultaat, ONGELDIG_ANTWOORD } from '../../../main/ipc/resultaat';
import { verwerkAanroep } from '../../../main/ipc/verwerker';
import { LOGBESTAND, logboek, maakLogboek, zetLogboek } from '../../../main/log/logboek';

const WETBEPALING = { wet: 'WI2013', overleden: false, woonachtigInGemeente: true, magGegevensInzien: true, melding: 'Wet inburgering 2013', meldingen: [] };

/** Every service of the contract as a spy, so a test can tell whether any was reached. */
function spionDiensten(gedrag: (naam: string) => Promise<unknown> = async () => ({})) {
  const spionnen = new Map<string, ReturnType<typeof vi.fn>>();
  const diensten: Record<string, Record<string, unknown>> = {};
  for (const naam of kanalen()) {
    const [domein, call] = naam.split('.') as [string, string];
    const spion = vi.fn(() => gedrag(naam));
    spionnen.set(naam, spion);
    (diensten[domein] ??= {})[call] = spion;
  }
  const aantalAanroepen = () => [...spionnen.values()].reduce((n, s) => n + s.mock.calls.length, 0);
  return { diensten: diensten as unknown as Diensten, spionnen, aantalAanroepen };
}

// Arguments no channel accepts: not an object, an array, unknown keys, a prototype trick.
const ONZIN: unknown[] = [
  undefined, null, 42, 'personen', true, [], [{ gc: '0014' }], { onbekend: 1 }, { gc: '0014', extra: 'x' },
  JSON.parse('{"__proto__": {"gc": "0014"}, "constructor": {"prototype": {"x": 1}}}'),
  { gc: '../0014' }, { gc: 14, id: {} }, { gc: '0014', vraag: 'SELECT *', id: -1, idempotencyKey: '' },
];

describe('verwerkAanroep', () => {
  it.each([
    ['an unknown channel', 'personen.verwijderAlles'], ['a domain without call', 'personen'], ['an empty name', ''],
    ['a call too deep', 'personen.zoek.extra'], ['Object\'s own properties', 'constructor.name'], ['the prototype', '__proto__.toString'],
    ['an inherited method', 'app.hasOwnProperty'], ['toString', 'toString'], ['a number', 42], ['null', null], ['an object', { kanaal: 'app.info' }],
  ])('refuses %s with a typed problem and calls nothing', async (_wat, kanaal) => {
    const { diensten, aantalAanroepen } = spionDiensten();
    const uitkomst = await verwerkAanroep(diensten, kanaal, {});
    expect(uitkomst).toEqual({ ok: false, probleem: expect.objectContaining({ status: 400, code: 'ONBEKENDE_AANROEP', detail: MELDING_ONGELDIGE_AANROEP }) });
    expect(aantalAanroepen()).toBe(0);
  });

  it.each(kanalen())('%s: arguments of the wrong shape get a typed problem and never reach the service', async (kanaal) => {
    const { diensten, aantalAanroepen } = spionDiensten();
    for (const args of ONZIN) {
      const uitkomst = await verwerkAanroep(diensten, kanaal, args);
      expect(uitkomst, JSON.stringify(args) ?? String(args)).toMatchObject({ ok: false, probleem: { status: 400, code: 'ONGELDIGE_AANROEP', type: 'urn:pib:probleem:ongeldige_aanroep' } });
      if (!uitkomst.ok) expect(uitkomst.probleem.detail.length).toBeGreaterThan(0);
    }
    expect(aantalAanroepen()).toBe(0);
  });

  it('says which field is wrong, in Dutch', async () => {
    const { diensten } = spionDiensten();
    const uitkomst = await verwerkAanroep(diensten, 'wet.bepaal', { gc: '0014', bsn: 'x'.repeat(21) });
    expect(uitkomst.ok).toBe(false);
    if (!uitkomst.ok) expect(uitkomst.probleem.fouten?.map((f) => f.veld)).toEqual(['bsn']);
  });

  it('hands valid arguments, as parsed, to exactly that service', async () => {
    const { diensten, spionnen, aantalAanroepen } = spionDiensten(async () => WETBEPALING);
    const uitkomst = await verwerkAanroep(diensten, 'wet.bepaal', { gc: '0014', bsn: '994002026' });
    expect(uitkomst).toEqual({ ok: true, waarde: WETBEPALING });
    expect(spionnen.get('wet.bepaal')).toHaveBeenCalledExactlyOnceWith({ gc: '0014', bsn: '994002026' });
    expect(aantalAanroepen()).toBe(1);
  });

  it('passes a refusal of ISI through as its problem', async () => {
    const probleem = { type: 'urn:isi:probleem:x', title: 'Geweigerd', status: 403, code: 'GEEN_TOEGANG', detail: 'U hebt geen toegang tot deze gemeente.' };
    const { diensten } = spionDiensten(async () => {
      throw new IsiFout(probleem);
    });
    expect(await verwerkAanroep(diensten, 'signalen.openstaand', { gc: '0014' })).toEqual({ ok: false, probleem });
  });

  it.each([
    ['an Error', () => new Error('kapot: /home/gebruiker/geheim')],
    ['a thrown string', () => 'kapot'],
    ['a thrown undefined', () => undefined],
  ])('turns %s of a service into a typed 500 problem without its details', async (_wat, fout) => {
    const { diensten } = spionDiensten(async () => {
      throw fout();
    });
    const uitkomst = verwerkAanroep(diensten, 'app.info', {});
    await expect(uitkomst).resolves.toMatchObject({ ok: false, probleem: { status: 500, code: 'INTERNE_FOUT' } });
    expect(JSON.stringify(await uitkomst)).not.toContain('geheim');
  });

  it('refuses a result that breaks the contract: the renderer gets a clear problem, not the result', async () => {
    const { diensten } = spionDiensten(async () => ({ wet: 'WI2013', bsn: '994002026' }));
    const uitkomst = await verwerkAanroep(diensten, 'wet.bepaal', { gc: '0014', bsn: '994002026' });
    expect(uitkomst).toEqual({ ok: false, probleem: ONGELDIG_ANTWOORD });
  });

  it('in production a search page of up to 500 rows is passed unchecked; every other result is checked', () => {
    const kapot = { items: 'geen lijst' };
    expect(controleerResultaat('personen.zoek', IPC.personen.zoek.resultaat, kapot, false)).toEqual({ ok: true, waarde: kapot });
    expect(controleerResultaat('signalen.zoek', IPC.signalen.zoek.resultaat, kapot, false)).toEqual({ ok: true, waarde: kapot });
    expect(controleerResultaat('personen.zoek', IPC.personen.zoek.resultaat, kapot, true)).toEqual({ ok: false, probleem: ONGELDIG_ANTWOORD });
    expect(controleerResultaat('personen.haal', IPC.personen.haal.resultaat, kapot, false)).toEqual({ ok: false, probleem: ONGELDIG_ANTWOORD });
    // A sync page is checked, but never inflated or parsed in main: that is the worker's.
    expect(controleerResultaat('sync.pagina', IPC.sync.pagina.resultaat, { gecomprimeerd: new Uint8Array([1, 2, 3]), cursor: 'c', meer: false }, false)).toMatchObject({ ok: true });
    expect(controleerResultaat('sync.pagina', IPC.sync.pagina.resultaat, { gecomprimeerd: 'tekst', cursor: 'c', meer: false }, false)).toEqual({ ok: false, probleem: ONGELDIG_ANTWOORD });
  });

  it('never throws, even when a service is missing', async () => {
    const uitkomst = await verwerkAanroep({} as Diensten, 'app.info', {});
    expect(uitkomst).toMatchObject({ ok: false, probleem: { status: 500, code: 'INTERNE_FOUT' } });
  });

  describe('an unexpected error in the log', () => {
    const stil = logboek();
    afterEach(() => zetLogboek(stil));

    it('is written with its cause and stack, every BSN masked, while the user gets the one message', async () => {
      const map = mkdtempSync(join(tmpdir(), 'pib-verwerker-'));
      zetLogboek(maakLogboek({ map, niveau: 'fout' }));
      const { diensten } = spionDiensten(async () => {
        throw new TypeError('wet van 994002026 niet te bepalen', { cause: new RangeError('peildatum ontbreekt voor 994-002-026') });
      });
      const uitkomst = await verwerkAanroep(diensten, 'wet.bepaal', { gc: '0014', bsn: '994002026' });
      expect(uitkomst).toMatchObject({ ok: false, probleem: { status: 500, code: 'INTERNE_FOUT', detail: expect.stringContaining('Probeer het opnieuw') } });
      const tekst = readFileSync(join(map, LOGBESTAND), 'utf8');
      const regel = JSON.parse(tekst) as { level: number; msg: string; kanaal: string; err: { type: string; message: string; stack: string } };
      expect(regel).toMatchObject({ level: 50, msg: 'onverwachte fout in een aanroep', kanaal: 'wet.bepaal', err: { type: 'TypeError' } });
      expect(regel.err.message).toContain('peildatum ontbreekt');
      expect(regel.err.stack).toContain('caused by: RangeError');
      expect(regel.err.stack).toContain('verwerker.test.ts');
      expect(tekst).not.toMatch(/994\D?002\D?026/);
    });

    it('is not written for a refusal of ISI, which is no fault of the app', async () => {
      const map = mkdtempSync(join(tmpdir(), 'pib-verwerker-'));
      zetLogboek(maakLogboek({ map, niveau: 'debug' }));
      const { diensten } = spionDiensten(async () => {
        throw new IsiFout({ type: 'urn:isi:probleem:x', title: 'Geweigerd', status: 403, code: 'GEEN_TOEGANG', detail: 'Geen toegang.' });
      });
      await verwerkAanroep(diensten, 'signalen.openstaand', { gc: '0014' });
      expect(readFileSync(join(map, LOGBESTAND), 'utf8')).toBe('');
    });
  });
});
