/**
 * {@link ProxyMetrics} on prom-client, in a Registry of the proxy's own (never prom-client's global
 * one, so two proxies in one process do not collide), served as Prometheus text by `GET /metrics`.
 * No label ever holds a key, a token or a raw path: labels are route families, route kinds, status
 * classes and outcomes, all from small fixed sets.
 * @module
 */
import { ROUTE_FAMILIES } from "@goatkit/core";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import {
  CACHE_RESULTS,
  type CacheResult,
  type PacingSummary,
  type ProxyMetrics,
  type RevalidationOutcome,
  type RouteKind,
  type UpstreamOutcome,
} from "./metrics.js";

export interface PrometheusMetricsOptions {
  /** Also export prom-client's default process metrics (CPU, memory, event loop lag, GC). Default false. */
  processMetrics?: boolean | undefined;
}

const PREFIX = "goatkit_proxy_";
/** Requests span a cache hit (well under a millisecond) to a derived run of many paced upstream calls. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const UPSTREAM_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const WAIT_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** "2xx" … "5xx" for a status; a failure keeps its name. */
export function statusClass(outcome: UpstreamOutcome): string {
  return typeof outcome === "number" ? `${Math.floor(outcome / 100)}xx` : outcome;
}

export class PrometheusMetrics implements ProxyMetrics {
  readonly registry = new Registry();
  readonly #cache: Counter<"family" | "result">;
  readonly #revalidations: Counter<"family" | "outcome">;
  readonly #upstream: Counter<"family" | "status_class">;
  readonly #upstream429: Counter<"family">;
  readonly #upstreamSeconds: Histogram<"family">;
  readonly #pacerWait: Histogram;
  readonly #pacerRefusals: Counter;
  readonly #requests: Counter<"kind" | "status_class">;
  readonly #requestSeconds: Histogram<"kind">;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.#cache = new Counter({
      name: `${PREFIX}cache_results_total`,
      help: "GET requests the cache could answer, by route family and how it answered (hit, stale, revalidated, miss, coalesced, bypass). Since start.",
      labelNames: ["family", "result"],
      registers,
    });
    this.#revalidations = new Counter({
      name: `${PREFIX}cache_background_revalidations_total`,
      help: "Stale-while-revalidate refreshes run in the background, by route family and outcome. Since start.",
      labelNames: ["family", "outcome"],
      registers,
    });
    this.#upstream = new Counter({
      name: `${PREFIX}upstream_requests_total`,
      help: "Requests sent upstream (pass-through and derived runs), by route family and status class (2xx…5xx, or timeout, unreachable, too_large). Since start.",
      labelNames: ["family", "status_class"],
      registers,
    });
    this.#upstream429 = new Counter({
      name: `${PREFIX}upstream_rate_limited_total`,
      help: "Upstream 429 answers, by route family (each holds that key off for its Retry-After). Since start.",
      labelNames: ["family"],
      registers,
    });
    this.#upstreamSeconds = new Histogram({
      name: `${PREFIX}upstream_duration_seconds`,
      help: "Upstream exchange time in seconds, by route family (pass-through: body included; derived runs: until the headers).",
      labelNames: ["family"],
      buckets: UPSTREAM_BUCKETS,
      registers,
    });
    this.#pacerWait = new Histogram({
      name: `${PREFIX}pacer_wait_seconds`,
      help: "Time requests waited for a slot in their key's upstream budget, seconds (only requests that waited).",
      buckets: WAIT_BUCKETS,
      registers,
    });
    this.#pacerRefusals = new Counter({
      name: `${PREFIX}pacer_refusals_total`,
      help: "Requests the pacer refused because the wait would exceed --max-wait (answered stale, or our own 429). Since start.",
      registers,
    });
    this.#requests = new Counter({
      name: `${PREFIX}requests_total`,
      help: "Requests answered, by route kind (pass_through, derived, ops, other) and status class. Since start.",
      labelNames: ["kind", "status_class"],
      registers,
    });
    this.#requestSeconds = new Histogram({
      name: `${PREFIX}request_duration_seconds`,
      help: "Time to answer a request, seconds, by route kind (pass_through, derived, ops, other).",
      labelNames: ["kind"],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    // Known series start at 0, so rate() and "no hits yet" read right from the first scrape.
    for (const family of ROUTE_FAMILIES) {
      for (const result of CACHE_RESULTS) this.#cache.inc({ family, result }, 0);
      this.#upstream429.inc({ family }, 0);
    }
    this.#pacerRefusals.inc(0);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of everything above. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  cacheResult(family: string, result: CacheResult): void {
    this.#cache.inc({ family, result });
  }

  revalidation(family: string, outcome: RevalidationOutcome): void {
    this.#revalidations.inc({ family, outcome });
  }

  upstreamCall(family: string, outcome: UpstreamOutcome, seconds: number): void {
    this.#upstream.inc({ family, status_class: statusClass(outcome) });
    if (outcome === 429) this.#upstream429.inc({ family });
    this.#upstreamSeconds.observe({ family }, seconds);
  }

  pacerWait(seconds: number): void {
    this.#pacerWait.observe(seconds);
  }

  pacerRefusal(): void {
    this.#pacerRefusals.inc();
  }

  request(kind: RouteKind, status: number, seconds: number): void {
    this.#requests.inc({ kind, status_class: statusClass(status) });
    this.#requestSeconds.observe({ kind }, seconds);
  }

  /** Registers the budget gauges, read at scrape time: without pacing of our own there are none. */
  watchPacing(read: () => PacingSummary): void {
    const gauge = (name: string, help: string, value: (s: PacingSummary) => number) =>
      new Gauge({
        name: `${PREFIX}${name}`,
        help,
        registers: [this.registry],
        collect() {
          this.set(value(read()));
        },
      });
    gauge(
      "pacing_active_keys",
      "Keys with upstream requests in the current pacing window, queued, or held off by an upstream 429. Now.",
      (s) => s.activeKeys,
    );
    gauge(
      "pacing_budget_remaining_min",
      "Upstream requests the most spent active key may still send in the current window (the limit when no key is active). Now.",
      (s) => s.minRemaining,
    );
    gauge(
      "pacing_budget_limit",
      "Upstream requests allowed per key per pacing window (see goatkit_proxy_pacing_window_seconds).",
      (s) => s.limit,
    );
    gauge("pacing_window_seconds", "The pacing window, seconds.", (s) => s.windowSeconds);
  }
}
