/**
 * How the transport goes through a {@link ResponseCache}: GETs are answered from a fresh entry,
 * coalesced with an identical request in flight, or sent and stored; a failed refetch falls back to a
 * stale entry; writes invalidate what they may have changed. A broken store (a Redis outage, say) must
 * never fail a request that the API itself can answer, so store errors are logged and skipped.
 * @module
 */
import type { CacheLookup, CacheStatus, ResponseCache } from "../cache/response-cache.js";
import type { CacheEntry } from "../cache/store.js";
import { ConnectionError, isTrackagoatError, RateLimitError, ServerError } from "./errors.js";
import type { Logger } from "./logger.js";

/** A 2xx response, read but not parsed. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  requestId: string | undefined;
}

/** What the transport lends the cache flow for one call. */
export interface CachedCall<R> {
  cache: ResponseCache;
  key: string;
  url: string;
  /** Sends the request (pacing, retries) and returns the 2xx response or throws. */
  send(signal: AbortSignal): Promise<RawResponse>;
  /** Parses and validates a body; throws a `ResponseValidationError`. */
  parse(raw: RawResponse, status: CacheStatus): R;
  /** The data of a parsed result, for the entry's tags. */
  dataOf(result: R): unknown;
  signal: AbortSignal | undefined;
  log: Logger | undefined;
  /** The URL as it may be logged. */
  shownUrl: string;
}

interface Outcome<R> {
  raw: RawResponse;
  status: CacheStatus;
  /** The starter's own parse of a fresh response, so it is not parsed twice. */
  result?: R;
}

/** A GET through the cache. Callers that joined another's request parse the shared body themselves. */
export async function cachedGet<R>(call: CachedCall<R>): Promise<R> {
  const { value, joined } = await call.cache.coalesce(
    call.key,
    (signal) => fetchThrough(call, signal),
    call.signal,
  );
  if (!joined && value.result !== undefined) return value.result;
  return call.parse(value.raw, joined && value.status === "miss" ? "hit" : value.status);
}

async function fetchThrough<R>(call: CachedCall<R>, signal: AbortSignal): Promise<Outcome<R>> {
  const { cache, key, log } = call;
  const found = await lookup(call);
  if (found.state === "fresh") {
    log?.debug(`cache hit GET ${call.shownUrl}`, { url: call.shownUrl, cache: "hit" });
    return { raw: fromEntry(found.entry), status: "hit" };
  }
  const since = cache.mark();
  let raw: RawResponse;
  try {
    raw = await call.send(signal);
  } catch (err) {
    if (!fallsBackToStale(err)) throw err;
    // Looked up again: the entry may have been refreshed (or have expired) while the retries ran.
    const fallback = await lookup(call);
    if (fallback.state === "miss") throw err;
    log?.debug(`serving a stale cached response for GET ${call.shownUrl} after ${(err as Error).name}`, {
      url: call.shownUrl,
      cache: "stale",
      error: (err as Error).name,
    });
    return { raw: fromEntry(fallback.entry), status: fallback.state === "fresh" ? "hit" : "stale" };
  }
  // Parsed before storing: a body that fails validation is not kept to fail again from the cache.
  const result = call.parse(raw, "miss");
  try {
    await cache.save(key, { url: call.url, body: raw.text, data: call.dataOf(result) }, since);
  } catch (err) {
    log?.debug(`cache store failed: ${describe(err)}`);
  }
  return { raw, status: "miss", result };
}

/**
 * Runs a write, then invalidates what it may have changed in every cache given, also when the outcome
 * is unknown (timeout, dropped connection, 5xx): only a 4xx says for sure that nothing changed.
 */
export async function invalidatingWrite<R>(
  caches: ReadonlySet<ResponseCache>,
  request: { url: string; body: unknown },
  run: () => Promise<R>,
  log: Logger | undefined,
): Promise<R> {
  let changed = true;
  try {
    return await run();
  } catch (err) {
    changed = !refusedByServer(err);
    throw err;
  } finally {
    if (changed) {
      for (const cache of caches) {
        await cache.invalidateWrite(request).catch((err: unknown) => {
          log?.debug(`cache invalidation failed: ${describe(err)}`);
        });
      }
    }
  }
}

async function lookup(call: CachedCall<unknown>): Promise<CacheLookup> {
  try {
    return await call.cache.lookup(call.key);
  } catch (err) {
    call.log?.debug(`cache lookup failed: ${describe(err)}`);
    return { state: "miss" };
  }
}

const decoder = new TextDecoder();

function fromEntry(entry: CacheEntry): RawResponse {
  return { status: 200, headers: new Headers(), text: decoder.decode(entry.value), requestId: undefined };
}

/** Failures a stale answer is better than: the API did not answer (5xx, 429, no response, timeout). */
function fallsBackToStale(err: unknown): boolean {
  return err instanceof ServerError || err instanceof ConnectionError || err instanceof RateLimitError;
}

function refusedByServer(err: unknown): boolean {
  return isTrackagoatError(err) && err.status !== undefined && err.status >= 400 && err.status < 500;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
