/**
 * The proxy's options, their defaults and the checks that run before anything listens: a bad value fails
 * here with a message naming the option, never later as odd behaviour. The CLI maps its flags onto these.
 * @module
 */
import {
  type CacheStore,
  DEFAULT_BASE_URL,
  type FreshnessOverrides,
  type FreshnessPolicy,
  MemoryStore,
  type RateLimitOptions,
  type RouteFamily,
  resolveFreshnessPolicy,
} from "@goatkit/core";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_JSON_DEPTH, parseHost } from "@goatkit/server";
import type { Logger } from "pino";
import { type RevalidateWindows, resolveRevalidateWindows } from "./cache/revalidate-window.js";
import {
  type GatewayOptions,
  type ResolvedGatewayOptions,
  resolveGatewayOptions,
} from "./gateway/options.js";

export interface ProxyOptions {
  /** Upstream API base URL, ending in its version segment. Default: the real API. */
  upstream?: string | undefined;
  /** Where cached answers live. Default: a fresh in-memory store (64 MiB). The caller owns it (closes it). */
  store?: CacheStore | undefined;
  /** Overrides of core's freshness policy per route family (`{ lists: { ttlMs: 60_000 } }`). */
  policy?: FreshnessOverrides | undefined;
  /** Stale-while-revalidate window per route family, ms past freshness (see `revalidate-window.ts`). */
  revalidate?: { [F in RouteFamily]?: number | undefined } | undefined;
  /** Upstream pacing per caller key. Default 60 requests per 60 000 ms; `false` for none of our own. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Longest a request waits for pacing before it is answered stale or 429. Default 10 000 ms. */
  maxWaitMs?: number | undefined;
  /** Whole upstream exchange, body included. Default 30 000 ms. */
  upstreamTimeoutMs?: number | undefined;
  /** Largest upstream answer held (they are read whole). Default 32 MiB. */
  maxUpstreamBytes?: number | undefined;
  /** Largest request body. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Deepest JSON nesting in a request body. Default 32. */
  maxJsonDepth?: number | undefined;
  /** Other `Host` names to answer to while bound to loopback: `name` or `name:port`. */
  allowedHosts?: readonly string[] | undefined;
  /** A `fetch` for upstream requests (tests, instrumentation). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Epoch-ms clock for freshness. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Where unexpected errors go. Default: the logger's `error`, or `console.error` without a logger. */
  onError?: ((err: unknown) => void) | undefined;
  /**
   * A pino logger (see `createLogger`) for access-log lines and errors. Default `false`: no access log
   * in process (the CLI passes one).
   */
  logger?: Logger | false | undefined;
  /** With a logger, one line per request. Default true. */
  accessLog?: boolean | undefined;
  /**
   * Prometheus metrics on the proxy's own registry, served at `GET /metrics`; `processMetrics` adds
   * prom-client's default process metrics. Default on, without process metrics; `false` for none.
   */
  metrics?: boolean | { processMetrics?: boolean | undefined } | undefined;
  /**
   * Team gateway mode: callers authenticate with proxy tokens from this tokens file, and every request
   * goes upstream with the team's key (one cache partition, one budget). Default: pass-through mode.
   */
  gateway?: GatewayOptions | undefined;
}

export interface ResolvedProxyOptions {
  upstream: string;
  store: CacheStore;
  policy: FreshnessPolicy;
  revalidate: RevalidateWindows;
  rateLimit: RateLimitOptions | false;
  maxWaitMs: number;
  upstreamTimeoutMs: number;
  maxUpstreamBytes: number;
  maxBodyBytes: number;
  maxJsonDepth: number;
  allowedHosts: readonly string[];
  fetch: typeof globalThis.fetch;
  now: () => number;
  onError: (err: unknown) => void;
  logger: Logger | false;
  accessLog: boolean;
  metrics: false | { processMetrics: boolean };
  gateway?: ResolvedGatewayOptions | undefined;
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({
  requests: 60,
  windowMs: 60_000,
});
export const DEFAULT_MAX_WAIT_MS = 10_000;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_UPSTREAM_BYTES = 32 * 1024 * 1024;

/** Defaults applied and every value checked; throws a `TypeError` or `RangeError` naming the option. */
export function resolveProxyOptions(options: ProxyOptions = {}): ResolvedProxyOptions {
  for (const host of options.allowedHosts ?? []) {
    if (!parseHost(host))
      throw new TypeError(`allowedHosts: ${JSON.stringify(host)} is not a host or host:port`);
  }
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (rateLimit !== false) {
    positiveInteger(rateLimit.requests, "rateLimit.requests");
    positive(rateLimit.windowMs, "rateLimit.windowMs");
  }
  const logger = options.logger ?? false;
  const onError =
    options.onError ??
    (logger
      ? (err: unknown) => logger.error({ err }, "unexpected error")
      : (err: unknown) => console.error("[goatkit-proxy]", err));
  return {
    upstream: normaliseUpstream(options.upstream ?? DEFAULT_BASE_URL),
    store: options.store ?? new MemoryStore(),
    policy: resolveFreshnessPolicy(options.policy),
    revalidate: resolveRevalidateWindows(options.revalidate),
    rateLimit,
    maxWaitMs: nonNegative(options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, "maxWaitMs"),
    upstreamTimeoutMs: positive(
      options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
      "upstreamTimeoutMs",
    ),
    maxUpstreamBytes: positiveInteger(
      options.maxUpstreamBytes ?? DEFAULT_MAX_UPSTREAM_BYTES,
      "maxUpstreamBytes",
    ),
    maxBodyBytes: positiveInteger(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, "maxBodyBytes"),
    maxJsonDepth: positiveInteger(options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH, "maxJsonDepth"),
    allowedHosts: options.allowedHosts ?? [],
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    onError,
    logger,
    accessLog: options.accessLog ?? true,
    metrics:
      options.metrics === false
        ? false
        : { processMetrics: typeof options.metrics === "object" && options.metrics.processMetrics === true },
    gateway: options.gateway === undefined ? undefined : resolveGatewayOptions(options.gateway, onError),
  };
}

/**
 * The upstream base URL as requests are built from it: http(s), no credentials, query or fragment, a path
 * ending in a version segment (`/api/v1`), no trailing slash. Throws a `TypeError` saying what is wrong.
 *
 * @example
 * normaliseUpstream("http://127.0.0.1:4010/api/v1/") // "http://127.0.0.1:4010/api/v1"
 */
export function normaliseUpstream(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      `upstream ${JSON.stringify(value)} is not a URL (expected e.g. https://www.trackagoat.com/api/v1)`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`upstream must be an http or https URL, got ${url.protocol}`);
  if (url.username || url.password) throw new TypeError("upstream must not carry credentials");
  if (url.search || url.hash) throw new TypeError("upstream must not have a query or fragment");
  const path = url.pathname.replace(/\/+$/, "");
  if (!/\/v\d+$/.test(path))
    throw new TypeError(`upstream must end in the API's version segment, like /api/v1 (got ${url.pathname})`);
  return `${url.origin}${path}`;
}

function positive(value: number, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a number > 0, got ${String(value)}`);
  return value;
}

function nonNegative(value: number, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a number ≥ 0, got ${String(value)}`);
  return value;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number ≥ 1, got ${String(value)}`);
  return value;
}
