import type { z } from 'zod';
import type { AppInfo, IPC, Updatestand } from '../../shared/ipc';
import type { IsiClient } from '../isi/client';
import type { Platform } from '../platform/platform';
import type { Beleidsbron } from '../policy/bronnen';
import type { Policy } from '../policy/schemas';
import type { Kluis } from '../vault/kluis';

type Contract = typeof IPC;
type Args<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { args: infer A extends z.ZodType } ? z.output<A> : never;
type Resultaat<D extends keyof Contract, K extends keyof Contract[D]> = Contract[D][K] extends { resultaat: infer R extends z.ZodType } ? z.input<R> : never;

/** One implementation per call of the contract; arguments arrive already validated. */
export type Diensten = { [D in keyof Contract]: { [K in keyof Contract[D]]: (args: Args<D, K>) => Promise<Resultaat<D, K>> } };

export interface DienstOpties {
  isi: IsiClient;
  platform: Platform;
  info: Omit<z.infer<typeof AppInfo>, 'isiUrl' | 'beleid'>;
  /** Read once at start-up (main/policy). */
  policy: Policy;
  kluis: Kluis;
  /** Browser mode: offers a saved workbook once as a download of the host and returns its URL (main/host/downloads.ts). */
  aanbieden?: (pad: string) => string;
  /** The organisation's policy sources, for the Instellingen screen (default: this machine's, main/policy/bronnen.ts). */
  bronnen?: () => Beleidsbron[];
  /** Where updates stand (the Electron entry's updater); without one the app does not update itself. */
  update?: () => z.input<typeof Updatestand>;
  /** Hears what the renderer reports of syncs and unsent changes (the updater waits for them). */
  bezigheid?: (b: { syncBezig: boolean; onverzonden: number }) => void;
}
