import { rendererLog } from '../log/renderer';
import { maakBestandswerk } from './excel';
import { appDiensten } from './app';
import { bestandenDiensten } from './bestanden';
import { factuurDiensten, personenDiensten, wetDiensten } from './personen';
import { cacheDiensten, sessieDiensten } from './sessie';
import { signalenDiensten } from './signalen';
import { Sessiestand } from './stand';
import { syncDiensten } from './sync';
import type { DienstOpties, Diensten } from './typen';
import { uitgaandDiensten } from './uitgaand';

export type { DienstOpties, Diensten } from './typen';
export { exportNaam } from './signalen';

/**
 * The services behind the IPC contract, the same in Electron and in browser mode, one module per
 * domain of `shared/ipc.ts`: most calls are one request to ISI; "Openen in Excel" fetches,
 * converts, saves and opens (main/files). `Diensten` asks for a service for every call: a call
 * added to the contract does not type-check here until it has one.
 */
export function maakDiensten(opties: DienstOpties): Diensten {
  const { isi, platform, policy, kluis, aanbieden } = opties;
  const stand = new Sessiestand(isi);
  const werk = maakBestandswerk({ isi, platform, policy, aanbieden });
  return {
    log: rendererLog(),
    app: appDiensten(opties),
    sessie: sessieDiensten(isi, stand),
    cache: cacheDiensten(stand, kluis),
    sync: syncDiensten({ isi, policy, kluis, stand }),
    uitgaand: uitgaandDiensten(isi),
    personen: personenDiensten({ isi, stand, werk }),
    factuur: factuurDiensten(isi),
    signalen: signalenDiensten({ isi, stand, werk }),
    bestanden: bestandenDiensten({ isi, platform, stand, werk }),
    wet: wetDiensten(isi),
  };
}
