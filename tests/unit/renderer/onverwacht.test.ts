// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- each test mounts its own small component */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h } from 'vue';

const pib = vi.hoisted(() => ({ log: { fout: vi.fn() }, sync: { bereikbaar: vi.fn() } }));
vi.mock('../../../renderer/bridge', () => ({ pib }));

const { MELDING_INTERNE_FOUT } = await import('../../../shared/probleem');
const { meldOnverwacht, onverwachteMelding, vangOnverwacht } = await import('../../../renderer/onverwacht');
const { useAanroep } = await import('../../../renderer/composables/useAanroep');
const { CacheFout } = await import('../../../renderer/db');

beforeEach(() => {
  vi.resetAllMocks();
  pib.log.fout.mockResolvedValue({ ok: true, waarde: {} });
  onverwachteMelding.value = null;
  setActivePinia(createPinia());
});

describe('what no code caught (issue 10)', () => {
  it('an error in a component goes to main\'s log and is said once, in Dutch', async () => {
    const app = createApp(defineComponent({ setup: () => { throw new TypeError('persoon is undefined'); }, render: () => null }));
    vangOnverwacht(app, new EventTarget() as Window);
    app.mount(document.createElement('div'));
    await flushPromises();
    expect(pib.log.fout).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ bron: 'vue', melding: 'TypeError: persoon is undefined', stack: expect.stringContaining('onverwacht.test.ts') }));
    expect(onverwachteMelding.value).toBe(MELDING_INTERNE_FOUT);
    app.unmount();
  });

  it('an error in an event handler of a component too', async () => {
    const app = createApp(defineComponent({ render: () => h('button', { onClick: () => { throw new Error('klik mislukt'); } }) }));
    vangOnverwacht(app, new EventTarget() as Window);
    const el = document.createElement('div');
    app.mount(el);
    el.querySelector('button')!.click();
    await flushPromises();
    expect(pib.log.fout).toHaveBeenCalledWith(expect.objectContaining({ bron: 'vue', melding: 'Error: klik mislukt' }));
    app.unmount();
  });

  it('a promise nobody awaited and an error of the window are reported as well', async () => {
    const venster = new EventTarget();
    vangOnverwacht(createApp({}), venster as Window);
    venster.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new RangeError('pagina weg') }));
    venster.dispatchEvent(Object.assign(new Event('error'), { error: 'script kapot', message: 'script kapot' }));
    await flushPromises();
    expect(pib.log.fout.mock.calls.map(([f]) => [f.bron, f.melding])).toEqual([['belofte', 'RangeError: pagina weg'], ['venster', 'Error: script kapot']]);
    expect(onverwachteMelding.value).toBe(MELDING_INTERNE_FOUT);
  });

  it('a report that fails is no second error', async () => {
    pib.log.fout.mockRejectedValue(new Error('geen verbinding met main'));
    expect(() => meldOnverwacht('belofte', new Error('x'))).not.toThrow();
    pib.log.fout.mockImplementation(() => { throw new Error('sync'); });
    expect(() => meldOnverwacht('belofte', new Error('x'))).not.toThrow();
    await flushPromises();
  });
});

describe('useAanroep: an action that throws', () => {
  it('the cache locked during a search: its own Dutch message in place, no unhandled rejection, nothing logged', async () => {
    const { voer, probleem, bezig } = useAanroep();
    expect(await voer(() => Promise.reject(new CacheFout('GESLOTEN')))).toBeNull();
    expect(probleem.value).toMatchObject({ status: 423, code: 'CACHE_GESLOTEN', detail: 'De lokale gegevens zijn vergrendeld. Log opnieuw in om ze te gebruiken.' });
    expect(bezig.value).toBe(false);
    await flushPromises();
    expect(pib.log.fout).not.toHaveBeenCalled();
  });

  it('a fault of the app: the one message, and its cause to main\'s log', async () => {
    const { voer, probleem } = useAanroep();
    expect(await voer(() => Promise.reject(new TypeError('undefined is not a function')))).toBeNull();
    expect(probleem.value).toMatchObject({ status: 500, code: 'INTERNE_FOUT', detail: MELDING_INTERNE_FOUT });
    await flushPromises();
    expect(pib.log.fout).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ bron: 'aanroep', melding: 'TypeError: undefined is not a function' }));
  });
});
