/**
 * How derived endpoints fail: upstream errors keep their status and code in the envelope (5xx and no
 * answer as 502, 429 with its Retry-After), a refusal of the proxy's own limiter is an honest 429, and a
 * caller that hangs up stops the run: no upstream request is sent after the disconnect.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, RateLimitError, type RateLimiter, ResponseCache } from "@goatkit/core";
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DerivedRoutesOptions, derivedRoutes } from "./derived.js";

let sandbox: RunningSandbox;
let projectId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, rateLimit: false, dailyQuota: false, logErrors: false });
  const tg = createClient({ apiKey: sandbox.keys.readWrite, baseUrl: sandbox.url, rateLimit: false });
  projectId = (await tg.projects.list({ limit: 1 })).data[0]!.id;
});
afterAll(() => sandbox?.stop());

/** The routes on a cache of their own, asked for program_health of the sandbox's first project. */
async function ask(options: Partial<DerivedRoutesOptions> = {}, key = sandbox.keys.readWrite) {
  const routes = derivedRoutes({ upstream: sandbox.url, cache: new ResponseCache(), ...options });
  const app = new Hono().route("/goatkit/v1", routes);
  const res = await app.request(`/goatkit/v1/program_health?project_id=${projectId}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await res.json()) as { data: null; error: string; meta: Record<string, unknown> };
  return { res, body };
}

/** A fetch that answers every request with `status`, an error envelope and `headers`. */
function answering(status: number, code: string, headers: Record<string, string> = {}): typeof fetch {
  const body = JSON.stringify({ data: null, error: `sandbox says ${code}`, meta: { code } });
  return async () =>
    new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
}

describe("upstream errors", () => {
  it("a sandbox outage (503) is 502 upstream_error with the upstream status", async () => {
    sandbox.setFaults({ outage: true });
    try {
      const { res, body } = await ask();
      expect(res.status).toBe(502);
      expect(body.meta).toMatchObject({ code: "upstream_error", upstream_status: 503 });
      expect(body.error).toMatch(/^Upstream: 503/);
    } finally {
      sandbox.setFaults({ outage: false });
    }
  });

  it("an upstream 429 beyond what a run waits for is the caller's 429 with that Retry-After", async () => {
    const { res, body } = await ask({
      fetch: answering(429, "rate_limit_exceeded", { "retry-after": "120" }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("120");
    expect(body.meta).toMatchObject({ code: "rate_limit_exceeded", retryAfter: 120 });
  });

  it("403 and 404 keep their status and code; an unreachable upstream is 502", async () => {
    const forbidden = await ask({ fetch: answering(403, "insufficient_scope") });
    expect([forbidden.res.status, forbidden.body.meta.code]).toEqual([403, "insufficient_scope"]);
    const missing = await ask({ fetch: answering(404, "not_found") });
    expect([missing.res.status, missing.body.meta.code]).toEqual([404, "not_found"]);
    const refused: typeof fetch = async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    };
    const down = await ask({ fetch: refused });
    expect([down.res.status, down.body.meta.code]).toEqual([502, "upstream_unreachable"]);
  }, 15_000);
});

describe("the proxy's limiter", () => {
  it("a refused slot is 429 with the limiter's Retry-After, not an abort", async () => {
    const full: RateLimiter = {
      acquire: () => Promise.reject(new RateLimitError("budget spent", { status: 429, retryAfter: 6.2 })),
    };
    const { res, body } = await ask({ rateLimiter: full });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(body.meta).toMatchObject({ code: "rate_limit_exceeded", retryAfter: 7 });
    expect(body.error).toContain("retry in 7 s");

    const opaque: RateLimiter = { acquire: () => Promise.reject(new Error("queue full")) };
    const other = await ask({ rateLimiter: opaque });
    expect([other.res.status, other.body.meta.code]).toEqual([429, "rate_limit_exceeded"]);
    expect(other.res.headers.get("retry-after")).toBeNull();
  });

  it("a budget spent in the middle of a run is 429, and no request goes beyond the budget", async () => {
    let granted = 0;
    const two: RateLimiter = {
      acquire: async () => {
        if (granted >= 2) throw Object.assign(new Error("budget spent"), { retryAfter: 30 });
        granted++;
      },
    };
    const before = sandbox.requests().total;
    const { res, body } = await ask({ rateLimiter: two });
    expect([res.status, body.meta.code, res.headers.get("retry-after")]).toEqual([
      429,
      "rate_limit_exceeded",
      "30",
    ]);
    expect(granted).toBe(2);
    expect(sandbox.requests().total - before).toBeLessThanOrEqual(2);
  });
});

describe("a caller that hangs up", () => {
  it("stops the run: no upstream request starts after the disconnect", async () => {
    const started: number[] = [];
    const counting: typeof fetch = (input, init) => {
      started.push(performance.now());
      return fetch(input, init);
    };
    sandbox.setFaults({ latencyMs: 80 });
    // Pacing is not under test: a limiter that always grants keeps core's per-key budget (shared by every
    // client of this key in the process, and spent by the tests above) from delaying the first request.
    const unpaced: RateLimiter = { acquire: async () => {} };
    const routes = derivedRoutes({
      upstream: sandbox.url,
      cache: new ResponseCache(),
      fetch: counting,
      rateLimiter: unpaced,
    });
    const server = serve({
      fetch: new Hono().route("/goatkit/v1", routes).fetch,
      port: 0,
      hostname: "127.0.0.1",
    });
    try {
      await new Promise((resolve) => server.once("listening", resolve));
      const { port } = server.address() as AddressInfo;
      const controller = new AbortController();
      const answer = fetch(`http://127.0.0.1:${port}/goatkit/v1/program_health?project_id=${projectId}`, {
        headers: { authorization: `Bearer ${sandbox.keys.readWrite}` },
        signal: controller.signal,
      }).catch((err: unknown) => err);
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      const abortedAt = performance.now();
      expect(await answer).toBeInstanceOf(Error);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(started.length).toBeGreaterThan(0);
      expect(started.filter((t) => t > abortedAt + 30)).toEqual([]);
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
      (server as Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("options", () => {
  it("refuses an upstream that is not an http(s) URL", () => {
    expect(() => derivedRoutes({ upstream: "not a url", cache: new ResponseCache() })).toThrow();
    expect(() => derivedRoutes({ upstream: "ftp://x/api/v1", cache: new ResponseCache() })).toThrow(/http/);
  });
});
