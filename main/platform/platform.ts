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
  /** Opens a file with the system's default application. */
  openPad(pad: string): Promise<void>;
}
