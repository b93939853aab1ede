import { app, safeStorage, shell, type WebContents } from 'electron';
import type { Geheimen, Platform } from './platform';

/** The desktop app's platform: the OS's own folders, default applications and key store. */
export function electronPlatform(opties: { zwakkeSleutelopslagToestaan: boolean; venster: () => WebContents | null }): Platform {
  return {
    naam: 'electron',
    downloadMap: () => app.getPath('downloads'),
    dataMap: () => app.getPath('userData'),
    openPad: async (pad) => {
      const fout = await shell.openPath(pad);
      if (fout) throw new Error(fout);
    },
    geheimen: electronGeheimen(opties),
    alsPdf: async () => {
      const inhoud = opties.venster();
      if (!inhoud) throw new Error('geen venster');
      return inhoud.printToPDF({ pageSize: 'A4', printBackground: false });
    },
  };
}

/** Linux without a keyring: Chromium then encrypts with a password written in its own source. */
const ZWAKKE_BACKEND = 'basic_text';

/**
 * safeStorage: DPAPI on Windows, the Keychain on macOS, a keyring on Linux. Like Signal Desktop,
 * it refuses Linux's "basic_text" fallback (no keyring found) unless IT's policy accepts it.
 */
export function electronGeheimen(opties: { zwakkeSleutelopslagToestaan: boolean; systeem?: NodeJS.Platform }): Geheimen {
  const systeem = opties.systeem ?? process.platform;
  const backend = () => (systeem === 'linux' ? safeStorage.getSelectedStorageBackend() : systeem === 'darwin' ? 'keychain' : 'dpapi');
  return {
    backend,
    bezwaar: async () => {
      if (!safeStorage.isEncryptionAvailable()) {
        const wat = systeem === 'linux' ? 'de sleutelbos (GNOME Keyring of KWallet)' : systeem === 'darwin' ? 'de sleutelhanger (Keychain)' : 'de Windows-gegevensbeveiliging (DPAPI)';
        return `De sleutel van de lokale gegevens kan niet veilig worden bewaard: ${wat} is niet beschikbaar. Vraag IT ${wat} te installeren of te ontgrendelen en start de app daarna opnieuw.`;
      }
      if (backend() === ZWAKKE_BACKEND && !opties.zwakkeSleutelopslagToestaan) {
        return 'De sleutel van de lokale gegevens kan niet veilig worden bewaard: op deze computer is geen sleutelbos (GNOME Keyring of KWallet) actief, alleen de zwakke opslag "basic_text". Vraag IT een sleutelbos te installeren of te ontgrendelen, of die zwakke opslag bewust toe te staan met "zwakkeSleutelopslagToestaan": true in het machinebeleid (docs/beleid.md). Start de app daarna opnieuw.';
      }
      return null;
    },
    // safeStorage wraps strings; base64 carries the bytes through unchanged.
    versleutel: async (data) => safeStorage.encryptString(data.toString('base64')),
    ontsleutel: async (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}
