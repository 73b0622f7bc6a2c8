/**
 * The proxy put together: `createProxy()` composes the Hono app (HTTP hardening from `@goatkit/server`,
 * operations endpoints, the pass-through API, the derived workflow routes) around one `ResponseCache`
 * and one upstream pacer, so every route shares entries and budget. `startProxy()` serves it.
 * @module
 */
import { ResponseCache } from "@goatkit/core";
import {
  apiEnvelope,
  bodyLimits,
  type CloseOptions,
  errorHandler,
  hostGuard,
  isLoopbackHost,
  type ListenAddress,
  routeNotFound,
  serve,
} from "@goatkit/server";
import { Hono, type MiddlewareHandler } from "hono";
import { BackgroundTasks } from "./cache/background.js";
import { RequestKeys } from "./cache/request-keys.js";
import { RedisStore } from "./cache/stores/redis-store.js";
import { type ProxyOptions, type ResolvedProxyOptions, resolveProxyOptions } from "./config.js";
import { gatewayAuth } from "./gateway/gateway-auth.js";
import { accessLog } from "./observability/access-log.js";
import { NO_METRICS } from "./observability/metrics.js";
import { PrometheusMetrics } from "./observability/prometheus.js";
import { derivedRoutes } from "./routes/derived.js";
import { OPS_PATHS, opsRoutes } from "./routes/ops.js";
import { API_PREFIX, mountPassThrough } from "./routes/pass-through.js";
import { REFERENCE_PATH, REFERENCE_SCRIPT_PATH } from "./routes/reference.js";
import { PACED_IN_FETCH, pacedFetch } from "./upstream/paced-fetch.js";
import { UpstreamPacer } from "./upstream/pacer.js";
import { RedisBudget } from "./upstream/redis-budget.js";
import { Upstream } from "./upstream/upstream.js";

/** The composed proxy, in process (no port): `app.request()` / `app.fetch` serve it. */
export interface ProxyApp {
  app: Hono;
  /** Shared by every route: core's client on it (derived routes) finds what pass-through stored. */
  cache: ResponseCache;
  upstream: Upstream;
  options: ResolvedProxyOptions;
  /** Resolves once background refreshes started so far have finished. */
  idle(): Promise<void>;
  /** What `GET /metrics` serves (its `registry` is the proxy's own); undefined with `metrics: false`. */
  metrics: PrometheusMetrics | undefined;
  /** A graceful shutdown started: `/readyz` answers 503 from now on. */
  drain(): void;
  isDraining(): boolean;
}

export interface ProxyInternals {
  /** The bound address once listening (Host checks); undefined in process. */
  listening?: () => ListenAddress | undefined;
}

/** Where the derived workflow routes are mounted. */
export const DERIVED_PREFIX = "/goatkit/v1";

/**
 * @example
 * const proxy = createProxy({ upstream: sandbox.url, rateLimit: false });
 * const res = await proxy.app.request("/api/v1/projects", { headers: { authorization: `Bearer ${key}` } });
 * res.headers.get("cache-status"); // "goatkit; fwd=miss; stored"
 */
export function createProxy(options: ProxyOptions = {}, internals: ProxyInternals = {}): ProxyApp {
  const config = resolveProxyOptions(options);
  const cache = new ResponseCache({ store: config.store, policy: config.policy, now: config.now });
  const prometheus = config.metrics ? new PrometheusMetrics(config.metrics) : undefined;
  const metrics = prometheus ?? NO_METRICS;
  // On Redis, instances share the upstream budget and hear each other's invalidations.
  const shared = config.store instanceof RedisStore ? config.store : undefined;
  const budget = shared ? new RedisBudget(shared.redis, { prefix: shared.prefix }) : undefined;
  shared?.onRemoteInvalidation((tags) => cache.invalidate(tags));
  const pacer = new UpstreamPacer(config.rateLimit, undefined, metrics, budget);
  if (config.rateLimit !== false) metrics.watchPacing(() => pacer.summary()!);
  let draining = false;
  const upstream = new Upstream({
    base: config.upstream,
    pacer,
    fetch: config.fetch,
    timeoutMs: config.upstreamTimeoutMs,
    maxBytes: config.maxUpstreamBytes,
    metrics,
  });
  const background = new BackgroundTasks(config.onError);

  const app = new Hono();
  app.onError(errorHandler({ formatError: apiEnvelope, onError: config.onError }));
  app.notFound(routeNotFound({ app, formatError: apiEnvelope }));
  // Outermost, so every answer is timed and logged, refusals included. Without metrics or a log there
  // is nothing to time, and no wrapper at all.
  const logger = config.accessLog && config.logger ? config.logger : undefined;
  if (prometheus || logger) {
    app.use(
      "*",
      accessLog({
        metrics,
        logger,
        prefixes: { passThrough: API_PREFIX, derived: DERIVED_PREFIX, ops: OPS_PATHS },
      }),
    );
  }
  app.use(
    "*",
    requestChecks(
      internals.listening ?? (() => undefined),
      config.allowedHosts,
      bodyLimits({ formatError: apiEnvelope, maxBytes: config.maxBodyBytes, maxDepth: config.maxJsonDepth }),
    ),
  );
  app.route(
    "/",
    opsRoutes({
      store: config.store,
      // Without Redis every instance still serves (pass-through, paced locally): degraded, not down.
      storeOptional: shared !== undefined,
      upstream: config.upstream,
      fetch: config.fetch,
      draining: () => draining,
      metrics: prometheus,
    }),
  );
  // Team gateway: everything registered from here on needs a proxy token (the ops routes above stay
  // open); the team key replaces it before pass-through and derived routes read Authorization.
  if (config.gateway) {
    // The API's description and reference page hold no data: readable without a token.
    const publicPaths = ["/openapi.json", REFERENCE_PATH, REFERENCE_SCRIPT_PATH].map(
      (p) => `${DERIVED_PREFIX}${p}`,
    );
    app.use("*", gatewayAuth({ ...config.gateway, publicPaths }));
  }
  mountPassThrough(app, {
    cache,
    upstream,
    revalidate: config.revalidate,
    maxWaitMs: config.maxWaitMs,
    // A holder that crashed blocks the others no longer than one upstream exchange could take.
    lock: {
      ttlMs: config.upstreamTimeoutMs + config.maxWaitMs,
      waitMs: config.upstreamTimeoutMs + config.maxWaitMs,
    },
    background,
    now: config.now,
    metrics,
    keys: new RequestKeys(cache),
  });
  app.route(
    DERIVED_PREFIX,
    derivedRoutes({
      upstream: config.upstream,
      cache,
      // Paced in `fetch` instead, by the key each request carries, under the pass-through budget:
      // core's own per-key limiter would be a second budget beside it.
      rateLimiter: PACED_IN_FETCH,
      fetch: pacedFetch({ pacer, maxWaitMs: config.maxWaitMs, fetch: config.fetch, metrics }),
    }),
  );

  return {
    app,
    cache,
    upstream,
    options: config,
    idle: () => background.idle(),
    metrics: prometheus,
    drain: () => {
      draining = true;
    },
    isDraining: () => draining,
  };
}

/**
 * The checks every request passes before a route, cheapest first, as one middleware (each Hono
 * middleware level costs a promise and a dispatch on every request):
 *
 * 1. The Host check against DNS rebinding, while bound to loopback: every legitimate local client then
 *    says `localhost`/`127.0.0.1`/`[::1]`, and a foreign name means a hostile page re-pointed its name at
 *    us (with the caller's browser, it could read cached answers). Bound beyond loopback, clients use
 *    names the proxy cannot know, and every cached answer needs its key anyway. In process there is no
 *    network. A `Host` value the guard accepted is remembered (a few legitimate names, bounded), and a
 *    request whose URL carries that same host skips the guard's parsing; anything else goes through it.
 * 2. The body limits (which skip requests that frame no body, every GET).
 */
function requestChecks(
  listening: () => ListenAddress | undefined,
  allowedHosts: readonly string[],
  bodyChecks: MiddlewareHandler,
): MiddlewareHandler {
  const guard = hostGuard({ formatError: apiEnvelope, allowedHosts, listening, checkOrigin: false });
  const accepted = new Set<string>();
  // Where the server listens is decided once; what follows from it is worked out once too.
  let acceptedAt: ListenAddress | undefined;
  let loopback = false;
  return (c, next) => {
    const at = listening();
    if (at !== acceptedAt) {
      accepted.clear();
      acceptedAt = at;
      loopback = at !== undefined && isLoopbackHost(at.host);
    }
    if (!loopback) return bodyChecks(c, next);
    const host = c.req.header("host");
    if (host !== undefined && accepted.has(host) && urlHostIs(c.req.url, host)) return bodyChecks(c, next);
    return guard(c, async () => {
      if (host !== undefined && accepted.size < MAX_ACCEPTED_HOSTS && urlHostIs(c.req.url, host))
        accepted.add(host);
      // The guard awaits its `next` without returning what it gives: a refusal by the body checks
      // becomes the answer here, as Hono would make it one.
      const refusal = await bodyChecks(c, next);
      if (refusal && !c.finalized) c.res = refusal;
    });
  };
}

/** Bound on remembered `Host` values: clients may spell a name many ways (case, port, trailing dot). */
const MAX_ACCEPTED_HOSTS = 16;

/** The URL is `http://<host>/…` with exactly `host` (then the guard's two checks are one). */
function urlHostIs(url: string, host: string): boolean {
  return url.startsWith("http://") && url.startsWith(host, 7) && url.charCodeAt(7 + host.length) === 47;
}

export interface StartProxyOptions extends ProxyOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number | undefined;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string | undefined;
}

/** A taken port: `serve()` rejects with it (re-exported so callers need not depend on @goatkit/server). */
export { PortInUseError } from "@goatkit/server";

export interface RunningProxy extends ProxyApp {
  /** The proxy's API base, e.g. `http://127.0.0.1:4020/api/v1`: give it to any client as its base URL. */
  url: string;
  /** Scheme, host and port. */
  origin: string;
  host: string;
  port: number;
  /** Requests received whose answer has not finished yet. */
  readonly inFlight: number;
  /**
   * Stops listening and closes every connection; waits for background refreshes. Not the store. With
   * `graceMs`, requests in flight get that long to finish first (and `/readyz` answers 503 meanwhile);
   * a later `close()` cuts them at once. `shutdown.ts` runs the CLI's whole graceful sequence.
   */
  close(options?: CloseOptions): Promise<void>;
}

/**
 * @example
 * const proxy = await startProxy({ upstream: sandbox.url, store: new SqliteStore("./cache.sqlite") });
 * // … clients use proxy.url as their base URL
 * await proxy.close();
 */
export async function startProxy(options: StartProxyOptions = {}): Promise<RunningProxy> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`port must be 0–65535, got ${port}`);
  let listening: ListenAddress | undefined;
  const proxy = createProxy(options, { listening: () => listening });
  const server = await serve({
    fetch: proxy.app.fetch,
    formatError: apiEnvelope,
    host,
    port,
    onError: proxy.options.onError,
  });
  listening = { host, port: server.port };
  return {
    ...proxy,
    url: `${server.origin}${API_PREFIX}`,
    origin: server.origin,
    host,
    port: server.port,
    get inFlight() {
      return server.inFlight;
    },
    close: async (closeOptions?: CloseOptions) => {
      proxy.drain();
      await server.close(closeOptions);
      await proxy.idle();
    },
  };
}
