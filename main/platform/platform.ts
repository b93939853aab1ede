/**
 * The few capabilities main needs from its host, behind one interface: Electron's implementation
 * in the desktop app, a plain-Node one in browser mode and tests.
 */
export interface Platform {
  naam: 'electron' | 'node';
  /** Where downloaded and exported files go (the user's Downloads folder). */
  downloadMap(): string;
  /** The app's own data folder (kept between runs). */
  dataMap(): string;
  /** Opens a file with the system's default application; throws when that did not work. */
  openPad(pad: string): Promise<void>;
  /** The OS's key store, which wraps the cache keys main/vault keeps in the data folder. */
  geheimen: Geheimen;
  /**
   * The app's window as a PDF, laid out by its print stylesheet (Chromium's printToPDF): "Opslaan
   * als PDF" on the person screen. Only the desktop app has it; a browser prints itself.
   */
  alsPdf?: () => Promise<Buffer>;
}

/**
 * Wraps a few bytes so that only this OS user on this machine can unwrap them (DPAPI, macOS
 * Keychain, a Linux keyring). Asynchronous, as Electron's newer safeStorage API is.
 */
export interface Geheimen {
  /** Which store does the wrapping, e.g. "dpapi", "keychain", "gnome_libsecret", "alleen-ontwikkeling". */
  backend(): string;
  /** Null when secrets can be wrapped safely here now; else why not, in Dutch, saying what IT should do. */
  bezwaar(): Promise<string | null>;
  versleutel(data: Buffer): Promise<Buffer>;
  /** Throws when the data was not wrapped by this store (another user, another machine, a reset keyring). */
  ontsleutel(data: Buffer): Promise<Buffer>;
}
