/**
 * The proxy's embedded default cache store: core's `CacheStore` on a SQLite file, so a restart keeps the
 * cache (and with it the upstream budget already spent). Bounded in bytes with least-recently-used
 * eviction, like core's MemoryStore, and passes the same contract suite.
 *
 * One file, three tables: entries (the bytes and their times), entry_tags (the tag index write
 * invalidation walks), and locks (cross-process coalescing with an expiry, so a crashed holder never
 * blocks the others for longer than its ttl). WAL mode lets several proxy processes on one machine share
 * the file.
 * @module
 */

import type { CacheEntry, CacheStore, ReleaseLock } from "@goatkit/core";
import Database from "better-sqlite3";

export interface SqliteStoreOptions {
  /** Most bytes kept (values, keys and tags counted); least recently used go first. Default 256 MiB. */
  maxBytes?: number;
  /** Epoch-ms clock deciding when an entry is past `staleUntil` and a lock has expired. Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_SQLITE_MAX_BYTES = 256 * 1024 * 1024;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    stored_at INTEGER NOT NULL,
    fresh_until INTEGER NOT NULL,
    stale_until INTEGER NOT NULL,
    size INTEGER NOT NULL,
    used INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS entries_used ON entries (used);
  CREATE TABLE IF NOT EXISTS entry_tags (
    tag TEXT NOT NULL,
    key TEXT NOT NULL REFERENCES entries (key) ON DELETE CASCADE,
    PRIMARY KEY (tag, key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS entry_tags_key ON entry_tags (key);
  CREATE TABLE IF NOT EXISTS locks (
    key TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    expires INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

interface EntryRow {
  value: Buffer;
  stored_at: number;
  fresh_until: number;
  stale_until: number;
}

/**
 * @example
 * const store = new SqliteStore("./goatkit-cache.sqlite", { maxBytes: 512 * 1024 * 1024 });
 * const cache = new ResponseCache({ store });
 */
export class SqliteStore implements CacheStore {
  readonly maxBytes: number;
  readonly #db: Database.Database;
  readonly #now: () => number;
  /** Recency counter: a sequence, not a time, so two uses within one millisecond still order. */
  #used: number;
  #bytes: number;
  readonly #sql;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_SQLITE_MAX_BYTES;
    if (!Number.isFinite(this.maxBytes) || this.maxBytes <= 0)
      throw new RangeError(`maxBytes must be a positive number of bytes, got ${this.maxBytes}`);
    this.#now = options.now ?? Date.now;
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = NORMAL");
    this.#db.pragma("foreign_keys = ON");
    this.#db.pragma("busy_timeout = 5000");
    this.#db.exec(SCHEMA);
    const db = this.#db;
    this.#sql = {
      get: db.prepare<[string, number], EntryRow>(
        "SELECT value, stored_at, fresh_until, stale_until FROM entries WHERE key = ? AND stale_until > ?",
      ),
      tagsOf: db.prepare<[string], { tag: string }>("SELECT tag FROM entry_tags WHERE key = ?"),
      touch: db.prepare<[number, string]>("UPDATE entries SET used = ? WHERE key = ?"),
      upsert: db.prepare(
        `INSERT INTO entries (key, value, stored_at, fresh_until, stale_until, size, used)
         VALUES (@key, @value, @storedAt, @freshUntil, @staleUntil, @size, @used)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, stored_at = excluded.stored_at,
           fresh_until = excluded.fresh_until, stale_until = excluded.stale_until,
           size = excluded.size, used = excluded.used`,
      ),
      sizeOf: db.prepare<[string], { size: number }>("SELECT size FROM entries WHERE key = ?"),
      deleteTagsOf: db.prepare<[string]>("DELETE FROM entry_tags WHERE key = ?"),
      addTag: db.prepare<[string, string]>("INSERT OR IGNORE INTO entry_tags (tag, key) VALUES (?, ?)"),
      deleteKey: db.prepare<[string]>("DELETE FROM entries WHERE key = ?"),
      keysOfTag: db.prepare<[string], { key: string }>("SELECT key FROM entry_tags WHERE tag = ?"),
      oldest: db.prepare<[], { key: string; size: number }>(
        "SELECT key, size FROM entries ORDER BY used ASC LIMIT 1",
      ),
      expired: db.prepare<[number]>("DELETE FROM entries WHERE stale_until <= ?"),
      totals: db.prepare<[], { bytes: number; used: number }>(
        "SELECT COALESCE(SUM(size), 0) AS bytes, COALESCE(MAX(used), 0) AS used FROM entries",
      ),
      lockGet: db.prepare<[string], { token: string; expires: number }>(
        "SELECT token, expires FROM locks WHERE key = ?",
      ),
      lockSet: db.prepare<[string, string, number]>(
        "INSERT INTO locks (key, token, expires) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires = excluded.expires",
      ),
      lockRelease: db.prepare<[string, string]>("DELETE FROM locks WHERE key = ? AND token = ?"),
    };
    // Entries left from a previous run: expired ones go now; the rest keep their recency order.
    this.#sql.expired.run(this.#now());
    const totals = this.#sql.totals.get()!;
    this.#bytes = totals.bytes;
    this.#used = totals.used;
  }

  /** Bytes currently kept (values, keys and tags). */
  get bytes(): number {
    return this.#bytes;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const row = this.#sql.get.get(key, this.#now());
    if (!row) return undefined;
    this.#sql.touch.run(++this.#used, key);
    const tags = this.#sql.tagsOf.all(key).map((t) => t.tag);
    return {
      value: new Uint8Array(row.value.buffer, row.value.byteOffset, row.value.byteLength),
      storedAt: row.stored_at,
      freshUntil: row.fresh_until,
      staleUntil: row.stale_until,
      tags,
    };
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const size = entrySize(key, entry);
    const store = this.#db.transaction(() => {
      this.#remove(key);
      // Past its stale window or bigger than the whole bound: not kept, and the key's older entry is gone.
      if (entry.staleUntil <= this.#now() || size > this.maxBytes) return;
      this.#sql.upsert.run({
        key,
        value: Buffer.from(entry.value.buffer, entry.value.byteOffset, entry.value.byteLength),
        storedAt: entry.storedAt,
        freshUntil: entry.freshUntil,
        staleUntil: entry.staleUntil,
        size,
        used: ++this.#used,
      });
      for (const tag of new Set(entry.tags)) this.#sql.addTag.run(tag, key);
      this.#bytes += size;
      this.#evict();
    });
    store();
  }

  async deleteByTag(tag: string): Promise<number> {
    const run = this.#db.transaction(() => {
      const keys = this.#sql.keysOfTag.all(tag).map((r) => r.key);
      let removed = 0;
      for (const key of keys) if (this.#remove(key)) removed++;
      return removed;
    });
    return run();
  }

  async delete(key: string): Promise<boolean> {
    return this.#db.transaction(() => this.#remove(key))();
  }

  async lock(key: string, ttlMs: number): Promise<ReleaseLock | null> {
    const token = `${process.pid}:${Math.random().toString(36).slice(2)}:${this.#now()}`;
    const take = this.#db.transaction(() => {
      const held = this.#sql.lockGet.get(key);
      if (held && held.expires > this.#now()) return false;
      this.#sql.lockSet.run(key, token, this.#now() + ttlMs);
      return true;
    });
    // IMMEDIATE: the read and the write happen under one write lock, so two processes cannot both win.
    if (!take.immediate()) return null;
    return async () => {
      if (this.#db.open) this.#sql.lockRelease.run(key, token);
    };
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  /** Deletes the key's entry and tags (by cascade); keeps the byte count right. Inside a transaction. */
  #remove(key: string): boolean {
    const row = this.#sql.sizeOf.get(key);
    if (!row) return false;
    this.#sql.deleteKey.run(key);
    this.#bytes -= row.size;
    return true;
  }

  #evict(): void {
    while (this.#bytes > this.maxBytes) {
      const oldest = this.#sql.oldest.get();
      if (!oldest) break;
      this.#remove(oldest.key);
    }
  }
}

/** What an entry costs against `maxBytes`: its bytes, key and tags, plus a fixed row overhead. */
function entrySize(key: string, entry: CacheEntry): number {
  let size = entry.value.byteLength + key.length + 64;
  for (const tag of entry.tags) size += tag.length + 16;
  return size;
}
