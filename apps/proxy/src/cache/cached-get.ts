/**
 * A GET through the cache, the way nginx's `proxy_cache` with `proxy_cache_lock` and
 * `proxy_cache_use_stale` (or Varnish's grace) would do it, on core's `ResponseCache`:
 *
 * - fresh entry → answered from its bytes, nothing sent (`hit`);
 * - stale, within the family's revalidate window → answered stale at once, refreshed in the background
 *   (`hit; stale; fwd=stale`, stale-while-revalidate);
 * - stale past it, or missing → sent upstream, once for every concurrent caller with the same key
 *   (core's in-process coalescing, then the store's lock across processes), and stored if it is a 200
 *   JSON envelope (`fwd=miss; stored`);
 * - upstream failing (5xx, 429, timeout, no connection) or this key's budget spent while a stale entry
 *   exists → the stale entry (`hit; stale; detail=stale-if-error` / `rate-limited`).
 *
 * Keys are core's `cacheKey` of the upstream URL and the caller's credential, and bodies are stored as
 * received, so core's client on the same store (the derived routes) reads these entries and vice versa.
 * A broken store never fails a request upstream can answer: when the lookup fails (a Redis that went
 * away), the request goes upstream without the cache (`fwd=bypass; detail=store-unavailable`), still
 * coalesced in process and paced.
 * @module
 */
import {
  type CacheEntry,
  type CacheLookup,
  type ResponseCache,
  type RouteFamily,
  routeFamily,
} from "@goatkit/core";
import { NO_METRICS, type ProxyMetrics, type RevalidationOutcome } from "../observability/metrics.js";
import type { Upstream } from "../upstream/upstream.js";
import type { BackgroundTasks } from "./background.js";
import type { CacheStatusParts, ForwardReason } from "./cache-status.js";
import { entryResponse, HIT } from "./entry-response.js";
import { type Forwarded, forwardedResponse } from "./forwarded-response.js";
import type { RequestKeys } from "./request-keys.js";
import type { RevalidateWindows } from "./revalidate-window.js";
import { storableData } from "./storable.js";
import { type StoreLockOptions, underStoreLock } from "./store-lock.js";

export interface CachedGetDeps {
  cache: ResponseCache;
  upstream: Upstream;
  revalidate: RevalidateWindows;
  /** Longest pacing wait before a miss is answered 429. */
  maxWaitMs: number;
  lock: StoreLockOptions;
  background: BackgroundTasks;
  now: () => number;
  /** Where cache results and background revalidations are counted. Default: nowhere. */
  metrics?: ProxyMetrics | undefined;
  /** Remembers keys and families per URL and credential (the hit path's largest cost). Default: none. */
  keys?: RequestKeys | undefined;
}

export interface CachedGetRequest {
  /** The upstream URL. */
  url: string;
  /** Headers to send upstream (already filtered). */
  headers: Headers;
  credential: string;
  /** The caller's `Cache-Control`: `no-cache` skips the lookup (the answer is still stored). */
  noCache?: boolean;
}

/** What one upstream trip produced, shared by every caller that joined it. */
type Fetched = Forwarded | { kind: "entry"; entry: CacheEntry };

export async function cachedGet(deps: CachedGetDeps, request: CachedGetRequest): Promise<Response> {
  const { cache, now } = deps;
  const metrics = deps.metrics ?? NO_METRICS;
  const { key, family } = deps.keys
    ? deps.keys.of(request.url, request.credential)
    : { key: cache.key("GET", request.url, request.credential), family: familyOf(request.url) };
  let fwd: ForwardReason = request.noCache ? "request" : "miss";
  let detail: string | undefined;

  if (!request.noCache) {
    const found = await lookup(cache, key);
    if (found === UNAVAILABLE) {
      fwd = "bypass";
      detail = STORE_UNAVAILABLE;
    }
    // The common case first, with nothing allocated beyond the answer itself.
    if (found.state === "fresh") {
      metrics.cacheResult(family, "hit");
      return entryResponse(found.entry, now(), HIT);
    }
    if (found.state === "stale") {
      fwd = "stale";
      const { entry } = found;
      const revalidateUntil = Math.min(entry.freshUntil + deps.revalidate[family], entry.staleUntil);
      if (now() < revalidateUntil) {
        refreshInBackground(deps, request, key, family);
        metrics.cacheResult(family, "stale");
        return entryResponse(entry, now(), staleStatus("stale-while-revalidate", "stale"));
      }
      // Stale now beats fresh later: a spent budget is not waited for while there is something to serve.
      if (deps.upstream.pacer.waitMs(request.credential) > 0) {
        metrics.cacheResult(family, "stale");
        return entryResponse(entry, now(), staleStatus("rate-limited"));
      }
    }
  }

  const { value, joined } = await cache.coalesce(flightKey(key), () =>
    fetchAndStore(deps, request, key, deps.maxWaitMs),
  );
  if (value.kind === "entry") {
    // Another process filled the entry while this one waited for the store's lock.
    metrics.cacheResult(family, "coalesced");
    return entryResponse(value.entry, now(), joined ? { hit: true, collapsed: true } : HIT);
  }
  if (fallsBackToStale(value)) {
    // Looked up again: the entry may have been refreshed, or have expired, while the request ran.
    const fallback = await lookup(cache, key);
    if (fallback.state !== "miss") {
      const status =
        value.kind === "throttled"
          ? staleStatus("rate-limited")
          : staleStatus("stale-if-error", fwd, value.kind === "response" ? value.response.status : undefined);
      metrics.cacheResult(family, fallback.state === "fresh" ? "hit" : "stale");
      return entryResponse(fallback.entry, now(), fallback.state === "fresh" ? HIT : status);
    }
  }
  metrics.cacheResult(
    family,
    joined
      ? "coalesced"
      : fwd === "stale"
        ? "revalidated"
        : fwd === "request" || fwd === "bypass"
          ? "bypass"
          : "miss",
  );
  return forwardedResponse(value, detail ? { fwd, collapsed: joined, detail } : { fwd, collapsed: joined });
}

/** Sends the request (under the store's lock) and stores a storable answer. Never rejects. */
async function fetchAndStore(
  deps: CachedGetDeps,
  request: CachedGetRequest,
  key: string,
  maxWaitMs: number,
): Promise<Fetched> {
  const { cache } = deps;
  // A caller who said no-cache asked for a new answer: it never takes a stored entry, not even one another
  // instance stored while this one waited for the lock (a store time cannot tell when that fetch began).
  const probe = async (): Promise<Fetched | undefined> => {
    if (request.noCache) return undefined;
    const found = await cache.lookup(key);
    return found.state === "fresh" ? { kind: "entry", entry: found.entry } : undefined;
  };
  return underStoreLock(cache.store, key, deps.lock, probe, async () => {
    const since = cache.mark();
    const exchange = await deps.upstream.exchange(
      { method: "GET", url: request.url, headers: request.headers },
      request.credential,
      maxWaitMs,
    );
    if (exchange.kind !== "response") return exchange;
    const storable = storableData(exchange.response);
    let stored = false;
    if (storable) {
      const body = exchange.response.body;
      stored = await cache
        .save(key, { url: request.url, body, data: storable.data }, since)
        .then((entry) => entry !== undefined)
        .catch(() => false);
    }
    return { kind: "response", response: exchange.response, stored };
  });
}

/** Stale-while-revalidate: refresh without making anyone wait, and only if the budget allows it now. */
function refreshInBackground(
  deps: CachedGetDeps,
  request: CachedGetRequest,
  key: string,
  family: RouteFamily,
): void {
  deps.background.run(async () => {
    const { value, joined } = await deps.cache.coalesce(flightKey(key), () =>
      fetchAndStore(deps, request, key, 0),
    );
    (deps.metrics ?? NO_METRICS).revalidation(family, revalidationOutcome(value, joined));
  });
}

function revalidationOutcome(value: Fetched, joined: boolean): RevalidationOutcome {
  if (joined || value.kind === "entry") return "coalesced";
  if (value.kind === "response") return value.stored ? "stored" : "not_stored";
  return value.kind;
}

function fallsBackToStale(value: Fetched): boolean {
  if (value.kind === "throttled" || value.kind === "failed") return true;
  return value.kind === "response" && (value.response.status >= 500 || value.response.status === 429);
}

function staleStatus(detail: string, fwd?: ForwardReason, fwdStatus?: number): CacheStatusParts {
  return { hit: true, stale: true, ...(fwd ? { fwd } : {}), ...(fwdStatus ? { fwdStatus } : {}), detail };
}

function familyOf(url: string): RouteFamily {
  return routeFamily(new URL(url).pathname);
}

/**
 * `cache.lookup`, with a broken store's error answering {@link UNAVAILABLE}, a miss (no async frame of its
 * own: hot path).
 */
function lookup(cache: ResponseCache, key: string): Promise<CacheLookup> {
  return cache.lookup(key).catch(() => UNAVAILABLE);
}

/** The lookup failed: a miss, told apart by identity so the answer can say why. */
const UNAVAILABLE: CacheLookup = Object.freeze({ state: "miss" });

/** `Cache-Status` detail when the store could not be asked. */
export const STORE_UNAVAILABLE = "store-unavailable";

// Core's client coalesces on the bare key with flights of another shape; this namespace keeps the two
// apart in the ResponseCache they share (its invalidation still detaches both).
function flightKey(key: string): string {
  return `goatkit-proxy\u0000${key}`;
}
