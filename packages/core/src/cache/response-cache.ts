/**
 * `ResponseCache`: what a client (or the proxy) needs from a cache of API responses. It classifies a
 * stored entry as fresh, stale or missing under the freshness policy, stores 2xx bodies with their tags,
 * invalidates after writes, and coalesces identical requests in flight. Keys come from `cacheKey()`; the
 * bytes stored are the response body as received, so any holder of the same store can serve them.
 * @module
 */
import { cacheKey } from "./cache-key.js";
import { type Coalesced, InFlight } from "./in-flight.js";
import { MemoryStore } from "./memory-store.js";
import {
  type FreshnessOverrides,
  type FreshnessPolicy,
  resolveFreshnessPolicy,
  routeFamily,
} from "./policy.js";
import { RecentInvalidations } from "./recent-invalidations.js";
import type { CacheEntry, CacheStore } from "./store.js";
import { responseTags, writeTags } from "./tags.js";

/**
 * How a response was obtained: `hit` without an HTTP request of its own (a fresh entry, or an identical
 * request already in flight), `stale` from an expired entry because the refetch failed, `miss` fetched
 * (and stored if cacheable), `bypass` no cache involved (none configured, `cache: false`, not a GET).
 */
export type CacheStatus = "hit" | "stale" | "miss" | "bypass";

export type CacheLookup =
  | { state: "fresh"; entry: CacheEntry }
  | { state: "stale"; entry: CacheEntry }
  | { state: "miss" };

export interface ResponseCacheOptions {
  /** Where entries live. Default: a {@link MemoryStore} of 64 MiB. */
  store?: CacheStore | undefined;
  /** Overrides of {@link DEFAULT_FRESHNESS_POLICY}, per family and field. */
  policy?: FreshnessOverrides | undefined;
  /** Epoch-ms clock. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** What {@link ResponseCache.save} stores. */
export interface CacheableResponse {
  /** The absolute request URL: decides the route family (TTL) and the URL's tags. */
  url: string;
  /** The body as received. */
  body: string | Uint8Array;
  /** The envelope's `data`, when already parsed; otherwise it is read from `body` for the tags. */
  data?: unknown;
}

const encoder = new TextEncoder();

/**
 * @example
 * const cache = new ResponseCache();                       // in memory, default policy
 * const tg = createClient({ cache });
 * const shared = new ResponseCache({ store: new MemoryStore({ maxBytes: 8 << 20 }), policy: { lists: { ttlMs: 60_000 } } });
 */
export class ResponseCache {
  readonly store: CacheStore;
  readonly policy: FreshnessPolicy;
  readonly #now: () => number;
  readonly #inFlight = new InFlight();
  readonly #invalidations = new RecentInvalidations();

  constructor(options: ResponseCacheOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.policy = resolveFreshnessPolicy(options.policy);
    this.store = options.store ?? new MemoryStore({ now: this.#now });
  }

  /** The key of a request made with `credential`: {@link cacheKey}. */
  key(method: string, url: string, credential: string): string {
    return cacheKey({ method, url }, credential);
  }

  /** The entry under `key` and whether it is fresh or only stale. */
  async lookup(key: string): Promise<CacheLookup> {
    const entry = await this.store.get(key);
    if (!entry) return { state: "miss" };
    const now = this.#now();
    if (now < entry.freshUntil) return { state: "fresh", entry };
    if (now < entry.staleUntil) return { state: "stale", entry };
    return { state: "miss" };
  }

  /** A mark to take before sending a request whose response may be saved (see {@link save}). */
  mark(): number {
    return this.#invalidations.mark();
  }

  /**
   * Stores a 2xx response under `key` with its tags and the policy's lifetimes. With `since` (a
   * {@link mark} taken before the request), a response that a write may have made outdated while it
   * travelled is not stored. Resolves with the stored entry, or `undefined` if it was not stored.
   */
  async save(key: string, response: CacheableResponse, since?: number): Promise<CacheEntry | undefined> {
    const data = response.data !== undefined ? response.data : envelopeData(response.body);
    const tags = responseTags(response.url, data);
    if (since !== undefined && !this.#invalidations.mayStore(since, tags)) return undefined;
    const { ttlMs, staleMs } = this.policy[routeFamily(new URL(response.url).pathname)];
    const now = this.#now();
    const entry: CacheEntry = {
      value: typeof response.body === "string" ? encoder.encode(response.body) : response.body,
      storedAt: now,
      freshUntil: now + ttlMs,
      staleUntil: now + ttlMs + staleMs,
      tags,
    };
    await this.store.set(key, entry);
    return entry;
  }

  /** Deletes every entry carrying one of `tags`; resolves with how many went. */
  async invalidate(tags: Iterable<string>): Promise<number> {
    const list = [...tags];
    this.#invalidations.record(list);
    // Requests in flight may carry pre-write data: later callers must not join them.
    this.#inFlight.detachAll();
    let deleted = 0;
    for (const tag of list) deleted += await this.store.deleteByTag(tag);
    return deleted;
  }

  /** Invalidates what a write (POST, PATCH, DELETE) to `url` with `body` may have changed. */
  invalidateWrite(request: { url: string; body?: unknown }): Promise<number> {
    return this.invalidate(writeTags(request.url, request.body));
  }

  /**
   * Runs `run` once for any number of concurrent callers with the same `key` (see {@link InFlight}).
   * `run` receives a signal that aborts only when every caller has aborted.
   */
  coalesce<T>(
    key: string,
    run: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<Coalesced<T>> {
    return this.#inFlight.run(key, run, signal);
  }
}

/**
 * A {@link ResponseCache} over a {@link MemoryStore}.
 *
 * @example
 * const tg = createClient({ cache: createMemoryCache({ maxBytes: 16 << 20, policy: { lists: { ttlMs: 60_000 } } }) });
 */
export function createMemoryCache(
  options: { maxBytes?: number; policy?: FreshnessOverrides; now?: () => number } = {},
): ResponseCache {
  const now = options.now ?? Date.now;
  return new ResponseCache({
    store: new MemoryStore({ maxBytes: options.maxBytes, now }),
    policy: options.policy,
    now,
  });
}

const decoder = new TextDecoder();

function envelopeData(body: string | Uint8Array): unknown {
  try {
    const parsed: unknown = JSON.parse(typeof body === "string" ? body : decoder.decode(body));
    return typeof parsed === "object" && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
  } catch {
    return undefined;
  }
}
