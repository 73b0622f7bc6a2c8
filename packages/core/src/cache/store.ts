/**
 * The storage behind a response cache. The client ships an in-memory store; the proxy adds SQLite and
 * Redis ones behind the same interface, and all of them must pass the shared contract suite
 * (`src/test-helpers/cache-store-contract.ts`). Values are the response bytes as received, so any
 * process can serve them; times are epoch milliseconds, so entries stay meaningful across processes.
 * @module
 */

/** One stored response. Treat `value` as immutable: stores may hand out the array they hold. */
export interface CacheEntry {
  /** The response body as received (the JSON envelope). */
  value: Uint8Array;
  /** When it was stored (epoch ms). */
  storedAt: number;
  /** Served without a request until then (epoch ms). */
  freshUntil: number;
  /** Served only when a refetch fails until then; after it the store may drop the entry (epoch ms). */
  staleUntil: number;
  /** Ids the response mentions (see `idTag`); a write to any of them invalidates the entry. */
  tags: string[];
}

/** Releases a lock taken with {@link CacheStore.lock}. Releasing a lock that expired and was taken by someone else does nothing. */
export type ReleaseLock = () => Promise<void>;

export interface CacheStore {
  /** The entry, or `undefined` when there is none or it is past `staleUntil`. */
  get(key: string): Promise<CacheEntry | undefined>;
  /** Stores or replaces the entry. A store may drop it at once when `staleUntil` is past, or when it is too big to keep. */
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Deletes every entry carrying `tag` (write invalidation); resolves with how many went. */
  deleteByTag(tag: string): Promise<number>;
  /** Deletes one entry; `true` if there was one. */
  delete(key: string): Promise<boolean>;
  /**
   * Cross-process coalescing: takes the lock on `key` for at most `ttlMs` (so a crashed holder cannot
   * block others forever). Resolves with a release function, or `null` while someone else holds it.
   */
  lock?(key: string, ttlMs: number): Promise<ReleaseLock | null>;
  /** Frees connections or handles. */
  close?(): Promise<void>;
}
