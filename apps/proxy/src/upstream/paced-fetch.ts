/**
 * A `fetch` for core clients the proxy runs itself (the derived workflow routes): every request it sends
 * is paced under the same per-key budget as pass-through traffic, keyed by its own `Authorization`
 * header. A request that would wait longer than the bound gets the proxy's 429 (with `Retry-After`)
 * without going out, which core's client already knows how to wait for and retry.
 * @module
 */
import { parseRetryAfter, type RateLimiter, routeFamily } from "@goatkit/core";
import { NO_METRICS, type ProxyMetrics } from "../observability/metrics.js";
import { tooManyRequests } from "../refusals.js";
import { callerCredential } from "./credential.js";
import type { UpstreamPacer } from "./pacer.js";

/**
 * The limiter to give a core client whose `fetch` is a {@link pacedFetch}: it lets every request through,
 * since the fetch paces them (a second limiter would be a second, separate budget).
 */
export const PACED_IN_FETCH: RateLimiter = Object.freeze({
  acquire: () => Promise.resolve(),
  waitMs: () => 0,
});

export interface PacedFetchOptions {
  pacer: UpstreamPacer;
  /** Longest pacing wait before answering 429 instead. */
  maxWaitMs: number;
  fetch?: typeof globalThis.fetch | undefined;
  /** Where upstream calls are counted (status class, latency until the headers). Default: nowhere. */
  metrics?: ProxyMetrics | undefined;
}

/**
 * @example
 * createClient({ apiKey, baseUrl: upstream, fetch: pacedFetch({ pacer, maxWaitMs: 10_000 }) });
 */
export function pacedFetch(options: PacedFetchOptions): typeof globalThis.fetch {
  const inner = options.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const credential = callerCredential(authorizationOf(input, init));
    const admission = await options.pacer.admit(credential, options.maxWaitMs);
    if (!admission.admitted) return tooManyRequests(admission.retryAfterMs);
    const metrics = options.metrics ?? NO_METRICS;
    const family = routeFamily(new URL(urlOf(input)).pathname);
    const started = performance.now();
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (err) {
      // The caller hanging up (an abort) says nothing about upstream.
      const name = err instanceof Error ? err.name : "";
      if (name !== "AbortError") {
        const outcome = name === "TimeoutError" ? "timeout" : "unreachable";
        metrics.upstreamCall(family, outcome, (performance.now() - started) / 1000);
      }
      throw err;
    }
    metrics.upstreamCall(family, response.status, (performance.now() - started) / 1000);
    if (response.status === 429) {
      options.pacer.holdOff(credential, parseRetryAfter(response.headers.get("retry-after")) ?? 1_000);
    }
    return response;
  };
}

function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}

function authorizationOf(input: RequestInfo | URL, init: RequestInit | undefined): string | null {
  if (init?.headers !== undefined) {
    const fromInit = new Headers(init.headers).get("authorization");
    if (fromInit !== null) return fromInit;
  }
  return input instanceof Request ? input.headers.get("authorization") : null;
}
