import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { kanalen, type Uitkomst } from '../../shared/ipc';
import { probleem } from '../../shared/probleem';
import type { Diensten } from '../diensten';
import { isEigenUrl } from '../electron/venster';
import { verwerkAanroep } from './verwerker';

export const AFZENDER_GEWEIGERD: Uitkomst<never> = {
  ok: false,
  probleem: probleem({ status: 403, code: 'AFZENDER_GEWEIGERD', title: 'Geweigerd', detail: 'Deze aanroep komt niet van de applicatie zelf en is geweigerd.' }),
};

/**
 * One handler per call of the contract (Electron's ipcMain; browser mode's host serves the same
 * list over its socket). Only the app's own top frame may call main: a subframe, another origin or
 * a frame that is already gone gets a typed refusal and the service is never run.
 */
export function registreerIpc(ipcMain: Pick<IpcMain, 'handle'>, diensten: Diensten): void {
  for (const naam of kanalen()) {
    ipcMain.handle(naam, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, args: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isEigenUrl(frame.url)) return AFZENDER_GEWEIGERD;
      return verwerkAanroep(diensten, naam, args);
    });
  }
}
