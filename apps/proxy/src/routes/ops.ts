/**
 * Operations endpoints, outside the API's namespace: `/healthz` says the process is up (for a supervisor
 * restarting it), `/readyz` says it can serve (its store answers and upstream is reachable, and it is not
 * shutting down; for a load balancer routing to it), `/metrics` the Prometheus text exposition. The
 * upstream probe is remembered for a few seconds, so a probe every second does not become a request
 * every second.
 * @module
 */
import type { CacheStore } from "@goatkit/core";
import { Hono } from "hono";
import { type ProbeResult, probeUpstream } from "../upstream/probe.js";

export interface OpsOptions {
  store: CacheStore;
  /**
   * The proxy keeps serving without its store (a shared Redis): a failing store makes `/readyz` say
   * `degraded` with 200, since taking every instance out of a load balancer would turn it into an outage.
   */
  storeOptional?: boolean | undefined;
  upstream: string;
  fetch: typeof globalThis.fetch;
  /** How long an upstream probe result is reused. Default 5 000 ms. */
  probeTtlMs?: number;
  /** True once a graceful shutdown started: `/readyz` answers 503 so load balancers stop sending. */
  draining?: () => boolean;
  /** What `/metrics` serves; without it there is no `/metrics`. */
  metrics?: { text(): Promise<string>; readonly contentType: string } | undefined;
}

/** The operations endpoints' paths (the request metrics count them as `ops`). */
export const OPS_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

const STORE_PROBE_KEY = "goatkit-proxy readyz probe";

export function opsRoutes(options: OpsOptions): Hono {
  const app = new Hono();
  const probeTtlMs = options.probeTtlMs ?? 5_000;
  let lastProbe: { at: number; result: Promise<ProbeResult> } | undefined;

  const upstreamProbe = (): Promise<ProbeResult> => {
    const now = performance.now();
    if (!lastProbe || now - lastProbe.at > probeTtlMs) {
      lastProbe = {
        at: now,
        result: probeUpstream(options.upstream, { fetch: options.fetch, timeoutMs: 3_000 }),
      };
    }
    return lastProbe.result;
  };

  app.get("/healthz", (c) => c.json({ data: { status: "ok" }, error: null, meta: null }));

  app.get("/readyz", async (c) => {
    if (options.draining?.()) {
      return c.json(
        {
          data: { status: "draining" },
          error: "Not ready (shutting down: finishing the requests in flight)",
          meta: { code: "not_ready" },
        },
        503,
      );
    }
    const [store, upstream] = await Promise.all([storeCheck(options.store), upstreamProbe()]);
    const storeUsable = store === "ok" || options.storeOptional === true;
    const ready = storeUsable && upstream.reachable;
    const degraded = ready && store !== "ok";
    const data = {
      status: degraded ? "degraded" : ready ? "ready" : "not_ready",
      store: degraded ? `unavailable: ${store} (serving without the cache, pacing locally)` : store,
      upstream: upstream.reachable ? "ok" : `unreachable: ${upstream.reason}`,
    };
    if (ready) return c.json({ data, error: null, meta: null });
    const problems = [storeUsable ? "" : `store: ${store}`, upstream.reachable ? "" : data.upstream];
    return c.json(
      { data, error: `Not ready (${problems.filter(Boolean).join("; ")})`, meta: { code: "not_ready" } },
      503,
    );
  });

  const { metrics } = options;
  if (metrics) {
    app.get(
      "/metrics",
      async () => new Response(await metrics.text(), { headers: { "content-type": metrics.contentType } }),
    );
  }

  return app;
}

async function storeCheck(store: CacheStore): Promise<string> {
  try {
    await Promise.race([
      store.get(STORE_PROBE_KEY),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("no answer within 2000 ms")), 2_000).unref(),
      ),
    ]);
    return "ok";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
