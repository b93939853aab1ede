import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The Electron entry itself, against a stand-in `electron` (the binary cannot be installed
// everywhere): a start-up that fails after the window's wiring began shows a dialog, writes its
// cause to the log and quits, instead of leaving the user with no window and no word (issue 10).
const map = mkdtempSync(join(tmpdir(), 'pib-start-'));
const electron = vi.hoisted(() => ({
  app: {
    getPath: vi.fn(), isPackaged: false, getVersion: () => '0.1.0', enableSandbox: vi.fn(), on: vi.fn(), exit: vi.fn(), quit: vi.fn(),
    whenReady: () => Promise.resolve(),
  },
  dialog: { showErrorBox: vi.fn() },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(() => {
      throw new Error('pib:// is al geregistreerd', { cause: new Error('tweede start voor BSN 994002026') });
    }),
  },
  BrowserWindow: vi.fn(), ipcMain: { handle: vi.fn() }, session: { defaultSession: {} }, shell: {}, safeStorage: {},
}));
vi.mock('electron', () => electron);
// No machine policy of the machine running the test; ISI's address from the environment, as `npm start` gives it.
vi.mock('../../../main/policy/bronnen', async (origineel) => ({ ...(await origineel<object>()), organisatiebronnen: () => [] }));

describe('the Electron entry', () => {
  // Importing the entry loads most of main: seconds on a busy machine.
  it('a failing start-up: the cause in the log (no BSN), one Dutch dialog, and the app quits', async () => {
    electron.app.getPath.mockImplementation((naam: string) => join(map, naam));
    vi.stubEnv('PIB_ISI_URL', 'http://127.0.0.1:9');
    await import('../../../main/electron/main');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Portal Inburgering kan niet starten', expect.stringMatching(/^Er ging iets mis bij het starten .*Start de app opnieuw.*beheerder/));
    const tekst = readFileSync(join(map, 'logs', 'portal-inburgering.log'), 'utf8');
    const regels = tekst.trim().split('\n').map((r) => JSON.parse(r) as { level: number; msg: string; err?: { message: string; stack: string } });
    expect(regels.at(-1)).toMatchObject({ level: 60, msg: 'de app kon niet starten', err: { message: expect.stringContaining('pib:// is al geregistreerd') } });
    expect(regels.at(-1)!.err!.stack).toContain('caused by: Error: tweede start voor BSN *********');
    expect(tekst).not.toContain('994002026');
  }, 60_000);
});

afterAll(() => vi.unstubAllEnvs());
