/**
 * What the proxy counts, as events its parts report where they happen (the cache flow, the pacer, the
 * upstream exchange, the request middleware), through this small interface passed down to them rather
 * than module globals: two proxies in one process keep their own figures, and code that wants none gets
 * {@link NO_METRICS}. The Prometheus implementation is `prometheus.ts`.
 * @module
 */
import type { RouteFamily } from "@goatkit/core";

/**
 * How the cache answered one GET it could have answered (one event per such request):
 * `hit` a fresh entry; `stale` a stale entry served (while revalidating, after a failed refetch, or
 * because the key's budget was spent); `revalidated` a stale entry refetched before answering; `miss`
 * nothing stored, sent upstream; `coalesced` shared another request's upstream exchange (in process, or
 * across processes through the store's lock); `bypass` the caller said `no-cache`/`no-store`, or the
 * request cannot be cached (`Range`, a non-JSON `Accept`).
 */
export const CACHE_RESULTS = ["hit", "stale", "revalidated", "miss", "coalesced", "bypass"] as const;
export type CacheResult = (typeof CACHE_RESULTS)[number];

/** What a stale-while-revalidate refresh in the background ended with. */
export type RevalidationOutcome = "stored" | "not_stored" | "coalesced" | "throttled" | "failed";

/** An upstream answer's HTTP status, or how the exchange failed without one. */
export type UpstreamOutcome = number | "timeout" | "unreachable" | "too_large";

/** The kind of route a request went to: the request latency histogram is split by it. */
export type RouteKind = "pass_through" | "derived" | "ops" | "other";

/** Pacing budgets at one moment, aggregated: keys are secrets and unbounded, so never one per key. */
export interface PacingSummary {
  /** Keys that sent something in the current window, are queued, or are held off by an upstream 429. */
  activeKeys: number;
  /** Requests the most spent of those keys may still send in the current window (the limit when none). */
  minRemaining: number;
  /** Requests per window per key. */
  limit: number;
  /** The window, seconds. */
  windowSeconds: number;
}

export interface ProxyMetrics {
  cacheResult(family: RouteFamily, result: CacheResult): void;
  revalidation(family: RouteFamily, outcome: RevalidationOutcome): void;
  /** One exchange with upstream (pass-through or a derived run's request) and how long it took. */
  upstreamCall(family: RouteFamily, outcome: UpstreamOutcome, seconds: number): void;
  /** The pacer made a request wait this long for a slot. */
  pacerWait(seconds: number): void;
  /** The pacer refused a slot (the wait would exceed the caller's bound): our own 429 or a stale answer. */
  pacerRefusal(): void;
  /** One request answered by the proxy. */
  request(kind: RouteKind, status: number, seconds: number): void;
  /** Where the budget gauges read from at scrape time; called only when the proxy paces. */
  watchPacing(read: () => PacingSummary): void;
}

/** Counts nothing. */
export const NO_METRICS: ProxyMetrics = Object.freeze({
  cacheResult() {},
  revalidation() {},
  upstreamCall() {},
  pacerWait() {},
  pacerRefusal() {},
  request() {},
  watchPacing() {},
});
