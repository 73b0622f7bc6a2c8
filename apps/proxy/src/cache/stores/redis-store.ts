/**
 * Core's `CacheStore` on Redis, for several proxy instances that must behave as one: they read each
 * other's entries, a write through any of them invalidates for all (`deleteByTag`, then a message to the
 * others so their requests in flight cannot store pre-write data), and their store lock coalesces
 * identical misses across instances. It passes the same contract suite as the memory and SQLite stores,
 * except the byte bound: Redis bounds itself (`maxmemory`), see `redis-store-scripts.ts` for why an
 * eviction can never serve an invalidated entry.
 *
 * Keys hold core's cache keys, which carry only a hash of the caller's credential, under a prefix
 * (default `goatkit-proxy:`) so one Redis can serve other things too. While Redis is unreachable every
 * operation rejects at once with a {@link StoreUnavailableError} (the proxy then goes upstream without
 * the cache); the connection comes back by itself. Invalidations are the exception: a tag that could not
 * be deleted is kept and deleted once Redis answers again, since entries stored before the outage may
 * still be there (a network split, not a restart), and a write must not leave them to be served.
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { CacheEntry, CacheStore, ReleaseLock } from "@goatkit/core";
import type { Redis } from "ioredis";
import { connectRedis, type RedisConnectOptions, redactRedisUrl } from "./redis-connection.js";
import { DELETE_BY_TAG, DELETE_ENTRY, GET_ENTRY, RELEASE_LOCK, SET_ENTRY } from "./redis-store-scripts.js";

export interface RedisStoreOptions {
  /** Put before every key and channel name. Default `goatkit-proxy:`. */
  prefix?: string | undefined;
  /** Epoch-ms clock for the `staleUntil` check on read. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Whether `close()` also closes `redis` (default: only when the store opened it, see {@link RedisStore.connect}). */
  ownsConnection?: boolean | undefined;
  /** The address as shown in errors (no password). */
  label?: string | undefined;
}

export const DEFAULT_REDIS_PREFIX = "goatkit-proxy:";

/** Tags kept for deletion while Redis is away; past this, every entry is dropped on reconnection instead. */
export const MAX_PENDING_INVALIDATIONS = 10_000;

/** Redis cannot be reached right now; the message says since when and why, never a password. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

/** Tags invalidated by another instance, and the work to do about them here. */
export type RemoteInvalidationHandler = (tags: string[]) => Promise<unknown>;

interface Scripts {
  goatkitGetBuffer(key: string, tagPrefix: string): Promise<(Buffer | null)[] | null>;
  goatkitSet(key: string, ...args: (string | Buffer | number)[]): Promise<number>;
  goatkitDelete(key: string, tagPrefix: string): Promise<number>;
  goatkitDeleteByTag(tagKey: string, tagPrefix: string, tag: string): Promise<number>;
  goatkitRelease(lockKey: string, token: string): Promise<number>;
}

/** Set while handling another instance's invalidation, so handling it does not announce it again. */
const remoteInvalidation = new AsyncLocalStorage<boolean>();

/**
 * @example
 * const store = await RedisStore.connect("redis://127.0.0.1:6379/0");
 * const proxy = await startProxy({ upstream, store }); // shares cache, budget and lock with its peers
 */
export class RedisStore implements CacheStore {
  readonly redis: Redis;
  readonly prefix: string;
  /** This instance's id in invalidation messages (its own are ignored). */
  readonly instanceId = randomUUID();
  readonly #now: () => number;
  readonly #owns: boolean;
  readonly #label: string;
  readonly #scripts: Scripts;
  #subscriber: Redis | undefined;
  readonly #handlers = new Set<RemoteInvalidationHandler>();
  /** Tags whose deletion failed, to delete when Redis answers again. */
  readonly #pending = new Set<string>();
  /** More failed than {@link MAX_PENDING_INVALIDATIONS}: drop every entry instead. */
  #pendingOverflow = false;
  #replaying: Promise<void> | undefined;

  /** Connects (rejecting when Redis cannot be reached now) and returns a store that owns the connection. */
  static async connect(
    url: string,
    options: Omit<RedisStoreOptions, "ownsConnection" | "label"> & RedisConnectOptions = {},
  ): Promise<RedisStore> {
    const redis = await connectRedis(url, options);
    return new RedisStore(redis, { ...options, ownsConnection: true, label: redactRedisUrl(url) });
  }

  /** On a connection made elsewhere; give it {@link redisClientOptions} so an outage fails fast. */
  constructor(redis: Redis, options: RedisStoreOptions = {}) {
    this.redis = redis;
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.#now = options.now ?? Date.now;
    this.#owns = options.ownsConnection ?? false;
    this.#label = options.label ?? `${redis.options.host}:${redis.options.port}`;
    redis.defineCommand("goatkitGet", { numberOfKeys: 1, lua: GET_ENTRY });
    redis.defineCommand("goatkitSet", { numberOfKeys: 1, lua: SET_ENTRY });
    redis.defineCommand("goatkitDelete", { numberOfKeys: 1, lua: DELETE_ENTRY });
    redis.defineCommand("goatkitDeleteByTag", { numberOfKeys: 1, lua: DELETE_BY_TAG });
    redis.defineCommand("goatkitRelease", { numberOfKeys: 1, lua: RELEASE_LOCK });
    this.#scripts = redis as unknown as Scripts;
    redis.on("ready", () => this.#replayPending());
  }

  /** Invalidations waiting for Redis to answer again (tags; `Infinity` when every entry will be dropped). */
  get pendingInvalidations(): number {
    return this.#pendingOverflow ? Number.POSITIVE_INFINITY : this.#pending.size;
  }

  /** Whether Redis is connected now (commands are sent only then). */
  get available(): boolean {
    return this.redis.status === "ready";
  }

  /** Where the store is, without a password (for `/readyz` and logs). */
  get label(): string {
    return this.#label;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    this.#check();
    // Until the invalidations missed during an outage are done, an entry may be one they would remove.
    if (this.pendingInvalidations > 0) await this.#replayPending();
    const got = await this.#scripts.goatkitGetBuffer(this.#entryKey(key), this.#tagPrefix);
    if (!got) return undefined;
    const [value, storedAt, freshUntil, staleUntil, tags] = got;
    if (!value || !storedAt || !freshUntil || !staleUntil) return undefined;
    const entry: CacheEntry = {
      value: new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
      storedAt: Number(storedAt.toString()),
      freshUntil: Number(freshUntil.toString()),
      staleUntil: Number(staleUntil.toString()),
      tags: tags && tags.byteLength > 0 ? tags.toString().split("\n") : [],
    };
    // Redis expires by its own clock; ours has the last word.
    return entry.staleUntil > this.#now() ? entry : undefined;
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    this.#check();
    const tags = [...new Set(entry.tags)];
    // Past its stale window, or with a tag the index cannot hold: not kept, and the older entry goes.
    if (entry.staleUntil <= this.#now() || tags.some((t) => t === "" || t.includes("\n"))) {
      await this.delete(key);
      return;
    }
    const value = Buffer.from(entry.value.buffer, entry.value.byteOffset, entry.value.byteLength);
    await this.#scripts.goatkitSet(
      this.#entryKey(key),
      this.#tagPrefix,
      value,
      String(entry.storedAt),
      String(entry.freshUntil),
      String(entry.staleUntil),
      Math.ceil(entry.staleUntil),
      tags.join("\n"),
      ...tags,
    );
  }

  /** Resolves 0 without deleting when Redis cannot be reached: the tag is deleted once it can. */
  async deleteByTag(tag: string): Promise<number> {
    let deleted: number;
    try {
      this.#check();
      deleted = await this.#scripts.goatkitDeleteByTag(this.#tagPrefix + tag, this.#tagPrefix, tag);
    } catch {
      this.#defer(tag);
      return 0;
    }
    if (remoteInvalidation.getStore() !== true) {
      // The others drop it too (already done here, in Redis) and, above all, stop their requests in
      // flight from storing what they fetched before the write. Best effort: a lost message leaves only
      // that narrow window open.
      const message = JSON.stringify({ from: this.instanceId, tags: [tag] });
      await this.redis.publish(this.#channel, message).catch(() => {});
    }
    return deleted;
  }

  async delete(key: string): Promise<boolean> {
    this.#check();
    return (await this.#scripts.goatkitDelete(this.#entryKey(key), this.#tagPrefix)) === 1;
  }

  async lock(key: string, ttlMs: number): Promise<ReleaseLock | null> {
    this.#check();
    const lockKey = `${this.prefix}l:${key}`;
    const token = randomUUID();
    const taken = await this.redis.set(lockKey, token, "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
    if (taken !== "OK") return null;
    return async () => {
      if (this.available) await this.#scripts.goatkitRelease(lockKey, token);
    };
  }

  /**
   * Calls `handler` with the tags another instance invalidated (on a second connection, subscribed to
   * the prefix's channel; it resubscribes by itself after an outage). Returns an unsubscribe function.
   * While `handler` runs, this store's `deleteByTag` does not announce again what it was told.
   */
  onRemoteInvalidation(handler: RemoteInvalidationHandler): () => void {
    this.#handlers.add(handler);
    if (!this.#subscriber) {
      // The offline queue stays on for this one connection: the subscription waits for Redis to come back.
      const subscriber = this.redis.duplicate({ enableOfflineQueue: true, lazyConnect: false });
      subscriber.on("error", () => {});
      subscriber.on("message", (_channel: string, message: string) => this.#onMessage(message));
      subscriber.subscribe(this.#channel).catch(() => {});
      this.#subscriber = subscriber;
    }
    return () => {
      this.#handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.#handlers.clear();
    const subscriber = this.#subscriber;
    this.#subscriber = undefined;
    subscriber?.disconnect();
    if (!this.#owns) return;
    if (this.available) await this.redis.quit().catch(() => {});
    this.redis.disconnect();
  }

  #defer(tag: string): void {
    if (this.#pending.size < MAX_PENDING_INVALIDATIONS) this.#pending.add(tag);
    else this.#pendingOverflow = true;
  }

  /** Deletes what failed to be deleted while Redis was away (once at a time; failures stay pending). */
  #replayPending(): Promise<void> {
    if (this.pendingInvalidations === 0) return Promise.resolve();
    this.#replaying ??= (async () => {
      try {
        if (this.#pendingOverflow) {
          await this.#dropAllEntries();
          this.#pendingOverflow = false;
          this.#pending.clear();
        }
        for (const tag of [...this.#pending]) {
          this.#pending.delete(tag);
          await this.deleteByTag(tag); // puts it back if Redis went away again
        }
      } catch {
        // Still unreachable: the next reconnection tries again.
      } finally {
        this.#replaying = undefined;
      }
    })();
    return this.#replaying;
  }

  async #dropAllEntries(): Promise<void> {
    this.#check();
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.prefix}e:*`, "COUNT", 500);
      if (keys.length > 0) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  }

  #onMessage(message: string): void {
    let parsed: { from?: unknown; tags?: unknown };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.from === this.instanceId || !Array.isArray(parsed.tags)) return;
    const tags = parsed.tags.filter((t): t is string => typeof t === "string");
    for (const handler of this.#handlers) {
      remoteInvalidation.run(true, () => handler(tags)).catch(() => {});
    }
  }

  /** Fails at once, with a readable reason, instead of sending into a connection that is not there. */
  #check(): void {
    if (this.redis.status !== "ready")
      throw new StoreUnavailableError(`Redis at ${this.#label} is not connected (${this.redis.status})`);
  }

  get #tagPrefix(): string {
    return `${this.prefix}t:`;
  }

  get #channel(): string {
    return `${this.prefix}invalidations`;
  }

  #entryKey(key: string): string {
    return `${this.prefix}e:${key}`;
  }
}
