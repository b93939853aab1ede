import type { CacheFoutCode } from './fouten';
import type { Cache } from './types';

/** The methods of an open cache the worker answers (everything but the name and `sluit`). */
export type CacheMethode = Exclude<keyof Cache, 'gebruikersnaam' | 'sluit'>;

/** What the window posts to the cache worker. */
export type Verzoek =
  | { id: number; methode: 'open'; gebruikersnaam: string; sleutel: string; herbouw: boolean; voorrang: string | null }
  | { id: number; methode: 'sluit' }
  | { id: number; methode: CacheMethode; args: unknown[] };

/** The worker's answer to one request: a value, or the error (a CacheFout's code, else a message). */
export type Antwoord = { id: number; waarde: unknown } | { id: number; fout: { code: CacheFoutCode } | { code: null; bericht: string } };
