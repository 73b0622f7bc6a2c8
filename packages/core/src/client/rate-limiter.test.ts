import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_KEY } from "../test-helpers/fixtures.js";
import { ok, startTestServer, type TestServer } from "../test-helpers/server.js";
import { createClient } from "./create-client.js";
import { AbortError } from "./errors.js";
import {
  keyedLimiter,
  MAX_SHARED_LIMITERS,
  RollingWindowLimiter,
  sharedLimiter,
  sharedLimiterCount,
} from "./rate-limiter.js";

describe("RollingWindowLimiter", () => {
  it("lets 5 through at once and makes the 6th wait for the window to roll", async () => {
    const limiter = new RollingWindowLimiter({ requests: 5, windowMs: 300 });
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, () => limiter.acquire().then(() => times.push(performance.now() - started))),
    );
    times.sort((a, b) => a - b);
    expect(times.slice(0, 5).every((t) => t < 50)).toBe(true);
    expect(times[5]).toBeGreaterThanOrEqual(290);
    expect(times[6]).toBeGreaterThanOrEqual(290);
  });

  it("never has more than `requests` in any rolling window", async () => {
    // On fake timers and the limiter's injected clock, so a loaded machine cannot delay the callbacks
    // that record the times (a real-clock version measured the callbacks' lag, not the limiter).
    vi.useFakeTimers();
    try {
      const limiter = new RollingWindowLimiter({ requests: 3, windowMs: 100 }, () => Date.now());
      const times: number[] = [];
      const all = Promise.all(
        Array.from({ length: 9 }, () => limiter.acquire().then(() => times.push(Date.now()))),
      );
      await vi.advanceTimersByTimeAsync(400);
      await all;
      expect(times).toHaveLength(9);
      for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(100);
      expect(times[8]! - times[0]!).toBeLessThan(300); // and no slower than the window allows
    } finally {
      vi.useRealTimers();
    }
  });

  it("serves waiters in arrival order", async () => {
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 30 });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("drops an aborted waiter without using its slot", async () => {
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 200 });
    await limiter.acquire();
    const c = new AbortController();
    const aborted = limiter.acquire(c.signal);
    const next = limiter.acquire();
    setTimeout(() => c.abort(new Error("cancelled")), 20);
    await expect(aborted).rejects.toThrow("cancelled");
    const started = performance.now();
    await next;
    expect(performance.now() - started).toBeLessThan(250);
    expect(limiter.inWindow).toBe(1);
  });

  it("is shared per key and window, keyed by a hash", () => {
    const a = sharedLimiter(TEST_KEY, { requests: 60, windowMs: 60_000 });
    expect(sharedLimiter(TEST_KEY, { requests: 60, windowMs: 60_000 })).toBe(a);
    expect(sharedLimiter(`tga_${"f".repeat(64)}`, { requests: 60, windowMs: 60_000 })).not.toBe(a);
  });
});

describe("RollingWindowLimiter.waitMs", () => {
  it("is 0 with a free slot, then the time until the oldest stamp leaves, counting the queue", async () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ requests: 2, windowMs: 1_000 }, () => now);
    expect(limiter.waitMs()).toBe(0);
    await limiter.acquire();
    expect(limiter.waitMs()).toBe(0);
    now = 100;
    await limiter.acquire();
    now = 200;
    expect(limiter.waitMs()).toBe(801); // the stamp at 0 leaves after 1 000 ms
    const c = new AbortController();
    const queued = limiter.acquire(c.signal).catch(() => {});
    // the queued caller takes that slot; a newcomer waits for the stamp at 100
    expect(limiter.waitMs()).toBe(901);
    c.abort();
    await queued;
    expect(limiter.waitMs()).toBe(801);
    now = 2_000;
    expect(limiter.waitMs()).toBe(0);
  });
});

describe("the shared limiters", () => {
  it("forget idle keys: 100,000 keys used once, then idle past the window, leave the map small", async () => {
    const options = { requests: 5, windowMs: 50 };
    const busy = `tga_${"b".repeat(64)}`;
    const busyLimiter = sharedLimiter(busy, { requests: 5, windowMs: 60_000 });
    await busyLimiter.acquire();
    for (let i = 0; i < 100_000; i++) {
      await sharedLimiter(`tga_${i.toString(16).padStart(64, "0")}`, options).acquire();
      // a client in use looks its limiter up on every request, which keeps it recently used
      if (i % 1_000 === 0) sharedLimiter(busy, { requests: 5, windowMs: 60_000 });
    }
    expect(sharedLimiterCount()).toBeLessThanOrEqual(MAX_SHARED_LIMITERS);
    await new Promise((r) => setTimeout(r, 80));
    sharedLimiter(TEST_KEY, options); // any use sweeps, at most once per window
    expect(sharedLimiterCount()).toBeLessThanOrEqual(3);
    // a key with requests still in its window is kept, with its count
    expect(sharedLimiter(busy, { requests: 5, windowMs: 60_000 })).toBe(busyLimiter);
    expect(busyLimiter.inWindow).toBe(1);
  });

  it("are looked up per request by a client's handle, so a forgotten limiter is never used beside its successor", async () => {
    const options = { requests: 1, windowMs: 40 };
    const key = `tga_${"c".repeat(64)}`;
    const handle = keyedLimiter(key, options);
    await handle.acquire();
    const first = sharedLimiter(key, options);
    expect(first.inWindow).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    sharedLimiter(`tga_${"d".repeat(64)}`, options); // sweeps the idle one
    await handle.acquire();
    const current = sharedLimiter(key, options);
    expect(current).not.toBe(first);
    expect(current.inWindow).toBe(1);
    expect(handle.waitMs?.()).toBeGreaterThan(0);
  });
});

describe("rate limiting in the client", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ "GET /schema": ok({ entities: {} }) });
  });
  afterEach(async () => {
    await server.close();
  });

  it("makes the 6th request of two clients with the same key wait (limit 5 per 2 s)", async () => {
    const options = {
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      rateLimit: { requests: 5, windowMs: 2_000 },
    };
    const a = createClient(options);
    const b = createClient(options);
    // Waits are observed through onWait, not wall-clock thresholds: a loaded CI machine slows the requests
    // themselves, but cannot make the limiter wait for the first five or skip the wait for the sixth.
    const waits: number[] = [];
    const onWait = (w: { reason: string; seconds: number }) => {
      if (w.reason === "rate_limit") waits.push(w.seconds);
    };
    const started = performance.now();
    await Promise.all([
      a.schema.get({ onWait }),
      a.schema.get({ onWait }),
      a.schema.get({ onWait }),
      b.schema.get({ onWait }),
      b.schema.get({ onWait }),
    ]);
    expect(waits).toEqual([]);
    await b.schema.get({ onWait });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    // the 6th slot opens only when the 1st send leaves the 2 s window (wide, so a slow machine still has
    // the first five done inside it)
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_995);
    expect(server.requests).toHaveLength(6);
    expect(a.requestCount + b.requestCount).toBe(6);
  });

  it("waits rather than fails, and the wait can be aborted", async () => {
    const tg = createClient({
      apiKey: TEST_KEY,
      baseUrl: server.baseUrl,
      rateLimit: { requests: 1, windowMs: 5_000 },
    });
    await tg.schema.get();
    const err = await tg.schema.get({ signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
    expect(tg.requestCount).toBe(1);
  });
});
