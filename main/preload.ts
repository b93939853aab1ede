import { contextBridge, ipcRenderer } from 'electron';
import { bouwApi } from '../shared/ipc';

/**
 * Exposes exactly the calls of `shared/ipc.ts` as `window.pib`, nothing else: each one invoke on
 * the channel of the same name. The renderer types it as `PibApi` (Bitwarden's `typeof` idea).
 */
export const api = bouwApi((kanaal, args) => ipcRenderer.invoke(kanaal, args));
contextBridge.exposeInMainWorld('pib', api);
