/**
 * The upstream API as the proxy's routes see it: its base URL, and one paced, bounded exchange per call
 * that reports what happened (an answer, a refusal by our own pacing, a failure) instead of throwing.
 * Everything that goes upstream with a caller's key goes through here, so it is paced under one budget.
 * @module
 */
import { parseRetryAfter, routeFamily } from "@goatkit/core";
import { NO_METRICS, type ProxyMetrics } from "../observability/metrics.js";
import type { UpstreamPacer } from "./pacer.js";
import { sendUpstream, UpstreamFailure, type UpstreamRequest, type UpstreamResponse } from "./send.js";

/** What one call produced. */
export type Exchange =
  | { kind: "response"; response: UpstreamResponse }
  | { kind: "throttled"; retryAfterMs: number }
  | { kind: "failed"; failure: UpstreamFailure };

export interface UpstreamOptions {
  /** Base URL ending in the version segment, e.g. `https://www.trackagoat.com/api/v1`. */
  base: string;
  pacer: UpstreamPacer;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxBytes: number;
  /** Where upstream calls, their status class and latency are counted. Default: nowhere. */
  metrics?: ProxyMetrics | undefined;
}

/** An upstream 429 without a usable `Retry-After` still holds the key off this long. */
const DEFAULT_HOLD_OFF_MS = 1_000;

export class Upstream {
  readonly base: string;
  readonly pacer: UpstreamPacer;
  readonly #options: UpstreamOptions;

  constructor(options: UpstreamOptions) {
    this.base = options.base;
    this.pacer = options.pacer;
    this.#options = options;
  }

  /** The upstream URL for a path below the base (`/creators/x`) and a raw query (`?limit=5` or `""`). */
  url(path: string, search: string): string {
    return `${this.base}${path}${search}`;
  }

  /**
   * Paces (waiting at most `maxWaitMs`), then sends. An upstream 429 holds `credential` off for its
   * `Retry-After`. Never rejects.
   */
  async exchange(request: UpstreamRequest, credential: string, maxWaitMs: number): Promise<Exchange> {
    const admission = await this.pacer.admit(credential, maxWaitMs);
    if (!admission.admitted) return { kind: "throttled", retryAfterMs: admission.retryAfterMs };
    const metrics = this.#options.metrics ?? NO_METRICS;
    const family = routeFamily(new URL(request.url).pathname);
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    try {
      const response = await sendUpstream(request, this.#options);
      metrics.upstreamCall(family, response.status, took());
      if (response.status === 429) {
        const wait = parseRetryAfter(response.headers.get("retry-after")) ?? DEFAULT_HOLD_OFF_MS;
        this.pacer.holdOff(credential, wait);
      }
      return { kind: "response", response };
    } catch (err) {
      const failure =
        err instanceof UpstreamFailure
          ? err
          : new UpstreamFailure("unreachable", String(err), { cause: err });
      metrics.upstreamCall(family, failure.kind, took());
      return { kind: "failed", failure };
    }
  }
}
