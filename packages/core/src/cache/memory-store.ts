/**
 * The in-process {@link CacheStore}: an LRU bounded in bytes (lru-cache), with a tag index for write
 * invalidation. The index is kept in step with the LRU through its `dispose` hook, so an entry evicted
 * for space, replaced or deleted also leaves every tag it was listed under.
 * @module
 */
import { LRUCache } from "lru-cache";
import type { CacheEntry, CacheStore, ReleaseLock } from "./store.js";

/** 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

// Rough per-entry cost beyond the counted strings and bytes (the entry object, map slots), so that
// many tiny entries cannot exceed the bound unnoticed.
const ENTRY_OVERHEAD = 64;
const MAX_LOCKS = 1_000;

export interface MemoryStoreOptions {
  /** Upper bound on what entries take (body bytes, key, tags, overhead). Default 64 MiB. */
  maxBytes?: number | undefined;
  /** Epoch-ms clock that decides when an entry is past `staleUntil`. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * @example
 * const store = new MemoryStore({ maxBytes: 16 * 1024 * 1024 });
 * const cache = new ResponseCache({ store });
 */
export class MemoryStore implements CacheStore {
  readonly maxBytes: number;
  readonly #lru: LRUCache<string, CacheEntry>;
  readonly #byTag = new Map<string, Set<string>>();
  readonly #locks = new Map<string, { token: symbol; expires: number }>();
  readonly #now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
      throw new RangeError(`MemoryStore maxBytes must be a positive integer, got ${String(maxBytes)}`);
    }
    this.maxBytes = maxBytes;
    this.#now = options.now ?? Date.now;
    this.#lru = new LRUCache<string, CacheEntry>({
      maxSize: maxBytes,
      sizeCalculation: entrySize,
      dispose: (entry, key) => this.#unindex(key, entry.tags),
    });
  }

  /** Entries held (stale ones included until they are read or evicted). */
  get size(): number {
    return this.#lru.size;
  }

  /** What the held entries count for against `maxBytes`. */
  get bytes(): number {
    return this.#lru.calculatedSize;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const entry = this.#lru.get(key);
    if (entry === undefined) return undefined;
    if (entry.staleUntil <= this.#now()) {
      this.#lru.delete(key);
      return undefined;
    }
    return entry;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    if (entry.staleUntil <= this.#now()) {
      // Dead on arrival; the older entry it replaces must not survive it either.
      this.#lru.delete(key);
      return;
    }
    // lru-cache drops an entry bigger than maxBytes (and the key's older one) without storing it.
    this.#lru.set(key, entry);
    if (this.#lru.peek(key) !== entry) return;
    for (const tag of new Set(entry.tags)) {
      let keys = this.#byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.#byTag.set(tag, keys);
      }
      keys.add(key);
    }
  }

  async deleteByTag(tag: string): Promise<number> {
    const keys = this.#byTag.get(tag);
    if (!keys) return 0;
    let deleted = 0;
    // A copy: each delete runs dispose, which edits the set being walked.
    for (const key of [...keys]) if (this.#lru.delete(key)) deleted++;
    return deleted;
  }

  async delete(key: string): Promise<boolean> {
    return this.#lru.delete(key);
  }

  async lock(key: string, ttlMs: number): Promise<ReleaseLock | null> {
    const now = this.#now();
    if (this.#locks.size > MAX_LOCKS) this.#dropExpiredLocks(now);
    const held = this.#locks.get(key);
    if (held && held.expires > now) return null;
    const token = Symbol(key);
    this.#locks.set(key, { token, expires: now + ttlMs });
    return async () => {
      // Only the holder's own lock: after expiry someone else may hold the key.
      if (this.#locks.get(key)?.token === token) this.#locks.delete(key);
    };
  }

  async close(): Promise<void> {
    this.#lru.clear();
    this.#locks.clear();
  }

  // Holders that never released (crashed, forgot) would otherwise pile up.
  #dropExpiredLocks(now: number): void {
    for (const [key, held] of this.#locks) if (held.expires <= now) this.#locks.delete(key);
  }

  #unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.#byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.#byTag.delete(tag);
    }
  }

  /** Tags with at least one entry (for tests of the index's consistency). */
  get tagCount(): number {
    return this.#byTag.size;
  }
}

function entrySize(entry: CacheEntry, key: string): number {
  let size = ENTRY_OVERHEAD + entry.value.byteLength + 2 * key.length;
  for (const tag of entry.tags) size += 2 * tag.length;
  return size;
}
