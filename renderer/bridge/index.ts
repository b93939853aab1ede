import type { PibApi } from '../../shared/ipc';
import { websocketBrug } from './websocket';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    pib?: PibApi;
  }
}

/** The one bridge to main: the preload's `window.pib` in Electron, the host's WebSocket in a browser. */
export const pib: PibApi = window.pib ?? websocketBrug();
