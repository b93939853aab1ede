/** renderer/db: the encrypted offline cache and outbox of one user, and the register of caches (README.md). */
export { openCache, type CacheOpties } from './cache';
export { CacheFout, type CacheFoutCode } from './fouten';
export { caches, verouderd, wisCache } from './register';
export type { IndexedDbBron } from './schema';
export type * from './types';
export { openCacheInWerker, zetWerkerKlaar } from './werkerCache';
