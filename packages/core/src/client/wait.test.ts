/** `onWait` (told before every sleep) and an injected `rateLimiter`, against a scripted server. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponseCache } from "../cache/response-cache.js";
import { TEST_KEY } from "../test-helpers/fixtures.js";
import { fail, ok, startTestServer, type TestServer } from "../test-helpers/server.js";
import { createClient } from "./create-client.js";
import { AbortError, ConfigurationError } from "./errors.js";
import { type RateLimiter, RollingWindowLimiter } from "./rate-limiter.js";
import type { WaitEvent } from "./wait.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ "GET /schema": ok({ entities: {} }) });
});
afterEach(async () => {
  await server.close();
});

/** Its own key per test, so that no other test's requests sit in the shared limiter's window. */
let keys = 0;
const freshKey = () => `tga_${(++keys).toString(16).padStart(64, "a")}`;

describe("onWait", () => {
  it("reports a rate-limit wait with its estimated length (1 request per 1 000 ms)", async () => {
    const tg = createClient({
      apiKey: freshKey(),
      baseUrl: server.baseUrl,
      rateLimit: { requests: 1, windowMs: 1_000 },
    });
    // A window wider than a cold first request on a busy machine (which can take 200 ms and more),
    // so the second request always has to wait.
    const waits: { event: WaitEvent; at: number }[] = [];
    const onWait = (event: WaitEvent) => waits.push({ event, at: performance.now() });
    await tg.schema.get({ onWait });
    expect(waits).toEqual([]);
    await tg.schema.get({ onWait });
    const sentAfter = performance.now() - waits[0]!.at;
    expect(waits).toHaveLength(1);
    expect(waits[0]!.event).toMatchObject({ reason: "rate_limit", attempt: 1 });
    // the estimate is the wait that followed (it starts from the first send, not its answer)
    const { seconds } = waits[0]!.event;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(1.001);
    expect(sentAfter / 1000).toBeGreaterThanOrEqual(seconds - 0.02);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThan(600);
  });

  it("reports a retry wait with the server's Retry-After and the status (503, then 429)", async () => {
    server.route(
      "GET /schema",
      fail(503, "service_unavailable", "down", {}, { "retry-after": "0.2" }),
      fail(429, "rate_limited", "slow down", {}, { "retry-after": "0.3" }),
      ok({ entities: {} }),
    );
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimit: false });
    const waits: WaitEvent[] = [];
    await tg.schema.get({ onWait: (w) => waits.push(w) });
    expect(waits).toEqual([
      { reason: "retry", seconds: 0.2, status: 503, error: "ServerError", attempt: 2 },
      { reason: "retry", seconds: 0.3, status: 429, error: "RateLimitError", attempt: 3 },
    ]);
  });

  it("reports a backoff after a connection error without a status", async () => {
    server.route(
      "GET /schema",
      (_req, res) => {
        res.socket?.destroy();
      },
      ok({ entities: {} }),
    );
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimit: false });
    const waits: WaitEvent[] = [];
    await tg.schema.get({ onWait: (w) => waits.push(w) });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: "retry", error: "ConnectionError", attempt: 2 });
    expect(waits[0]).not.toHaveProperty("status");
    expect(waits[0]!.seconds).toBeGreaterThan(0.3);
    expect(waits[0]!.seconds).toBeLessThanOrEqual(0.5);
  });

  it("aborts a rate-limit wait promptly when the signal fires during it", async () => {
    const tg = createClient({
      apiKey: freshKey(),
      baseUrl: server.baseUrl,
      rateLimit: { requests: 1, windowMs: 10_000 },
    });
    await tg.schema.get();
    const controller = new AbortController();
    const started = performance.now();
    const err = await tg.schema
      .get({ signal: controller.signal, onWait: () => setTimeout(() => controller.abort(), 20) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a retry wait promptly when the signal fires during it", async () => {
    server.route("GET /schema", fail(503, "service_unavailable", "down", {}, { "retry-after": "30" }));
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimit: false });
    const controller = new AbortController();
    const started = performance.now();
    const err = await tg.schema
      .get({ signal: controller.signal, onWait: () => setTimeout(() => controller.abort(), 20) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it("does not fail the request when onWait throws", async () => {
    server.route(
      "GET /schema",
      fail(503, "service_unavailable", "down", {}, { "retry-after": "0" }),
      ok({ entities: {} }),
    );
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimit: false });
    const onWait = () => {
      throw new Error("UI gone");
    };
    await expect(tg.schema.get({ onWait })).resolves.toBeDefined();
  });
});

describe("an injected rateLimiter", () => {
  const counting = () => {
    const limiter = { calls: 0, acquire: async (_signal?: AbortSignal) => void limiter.calls++ };
    return limiter;
  };

  it("is called once per HTTP attempt, retries included, instead of the per-key limiter", async () => {
    server.route(
      "GET /schema",
      fail(500, "internal_error", "x"),
      fail(500, "internal_error", "x"),
      ok({ entities: {} }),
    );
    const limiter = counting();
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimiter: limiter });
    await tg.schema.get({ onWait: () => {} }); // the default backoff: 0.5 s + 1 s at most
    expect(limiter.calls).toBe(3);
    expect(tg.requestCount).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("passes on what the limiter refuses with, and counts each sent request for the call", async () => {
    server.route("GET /schema", ok({ entities: {} }));
    class BudgetSpent extends Error {}
    let open = true;
    const limiter = {
      acquire: async () => {
        if (!open) throw new BudgetSpent("team budget spent");
      },
    };
    const tg = createClient({ apiKey: TEST_KEY, baseUrl: server.baseUrl, rateLimiter: limiter });
    let sent = 0;
    await tg.schema.get({ onRequest: () => sent++ });
    expect(sent).toBe(1);
    open = false;
    const err = await tg.schema.get({ onRequest: () => sent++ }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BudgetSpent);
    expect(sent).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("is not called for a cache hit", async () => {
    const limiter = counting();
    const tg = createClient({
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      rateLimiter: limiter,
      cache: new ResponseCache(),
    });
    await tg.schema.get();
    await tg.schema.get();
    expect(limiter.calls).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("gives clients with different keys one budget, and reports its waits", async () => {
    const budget = new RollingWindowLimiter({ requests: 2, windowMs: 300 });
    const a = createClient({ apiKey: freshKey(), baseUrl: server.baseUrl, rateLimiter: budget });
    const b = createClient({ apiKey: freshKey(), baseUrl: server.baseUrl, rateLimiter: budget });
    const waits: WaitEvent[] = [];
    const started = performance.now();
    await Promise.all([a.schema.get(), b.schema.get()]);
    await b.schema.get({ onWait: (w) => waits.push(w) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ reason: "rate_limit", attempt: 1 });
    expect(waits[0]!.seconds).toBeGreaterThan(0);
    expect(waits[0]!.seconds).toBeLessThanOrEqual(0.301);
  });

  it("is turned off by rateLimit: false, and cannot be combined with a rateLimit object", async () => {
    const limiter = counting();
    const tg = createClient({
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      rateLimit: false,
      rateLimiter: limiter,
    });
    await tg.schema.get();
    expect(limiter.calls).toBe(0);
    expect(() =>
      createClient({ apiKey: TEST_KEY, rateLimit: { requests: 1, windowMs: 1 }, rateLimiter: limiter }),
    ).toThrow(ConfigurationError);
    expect(() => createClient({ apiKey: TEST_KEY, rateLimiter: {} as RateLimiter })).toThrow(/acquire/);
  });
});
