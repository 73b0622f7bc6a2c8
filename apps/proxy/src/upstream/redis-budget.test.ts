/**
 * The shared upstream budget on a real redis-server: two pacers (two proxy instances) with one key never
 * let more than the limit through together, wait for a freed slot within their bound, share upstream's
 * hold-off, and pace on their own while Redis is down, sharing again once it is back.
 */
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connectRedis } from "../cache/stores/redis-connection.js";
import { type RedisServer, startRedisServer } from "../test-helpers/redis-server.js";
import { UpstreamPacer } from "./pacer.js";
import { RedisBudget } from "./redis-budget.js";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

const connections: Redis[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.disconnect();
});

let prefixes = 0;
/** Two pacers on separate connections with one budget prefix, as two instances would be. */
async function twoInstances(limit: { requests: number; windowMs: number } | false, url = server.url) {
  const prefix = `budget-${++prefixes}:`;
  const make = async () => {
    const redis = await connectRedis(url);
    connections.push(redis);
    return new UpstreamPacer(limit, undefined, undefined, new RedisBudget(redis, { prefix }));
  };
  return [await make(), await make()] as const;
}

const admittedCount = (results: { admitted: boolean }[]) => results.filter((r) => r.admitted).length;

describe("RedisBudget through two pacers", () => {
  it("two instances together get the limit per key, no more; another key has its own", async () => {
    const [a, b] = await twoInstances({ requests: 3, windowMs: 60_000 });
    expect(await a.admit("key-1", 0)).toEqual({ admitted: true });
    expect(await a.admit("key-1", 0)).toEqual({ admitted: true });
    expect(await b.admit("key-1", 0)).toEqual({ admitted: true });
    for (const pacer of [a, b]) {
      const refused = await pacer.admit("key-1", 1_000);
      expect(refused.admitted).toBe(false);
      expect(refused.admitted ? 0 : refused.retryAfterMs).toBeGreaterThan(55_000);
      expect(pacer.waitMs("key-1")).toBeGreaterThan(55_000); // the stale-or-wait decision sees it too
    }
    expect(await b.admit("key-2", 0)).toEqual({ admitted: true });
  });

  it("a burst from both at once: exactly the limit is admitted", async () => {
    const [a, b] = await twoInstances({ requests: 5, windowMs: 60_000 });
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).admit("key", 0)),
    );
    expect(admittedCount(burst)).toBe(5);
  });

  it("waits for a slot freed in the shared window when that is within the bound", async () => {
    const [a, b] = await twoInstances({ requests: 1, windowMs: 300 });
    expect(await a.admit("key", 0)).toEqual({ admitted: true });
    const started = performance.now();
    expect(await b.admit("key", 5_000)).toEqual({ admitted: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("upstream's 429 seen by one instance holds the key off on the other, also without a limit", async () => {
    const [a, b] = await twoInstances(false);
    expect(await b.admit("key", 0)).toEqual({ admitted: true });
    a.holdOff("key", 5_000);
    await vi.waitFor(async () => {
      const refused = await b.admit("key", 0);
      expect(refused.admitted).toBe(false);
      expect(refused.admitted ? 0 : refused.retryAfterMs).toBeGreaterThan(3_000);
    });
    expect(await b.admit("other-key", 0)).toEqual({ admitted: true });
  });

  it("paces locally while Redis is down, and shares the budget again once it is back", async () => {
    const own = await startRedisServer();
    try {
      const [a, b] = await twoInstances({ requests: 2, windowMs: 60_000 }, own.url);
      expect(await a.admit("key", 0)).toEqual({ admitted: true });
      await own.stop();
      await vi.waitFor(async () => {
        await a.admit("probe", 0);
        expect(a.sharedBudgetDown).toBe(true);
      });
      // Local pacing: this instance's own limit, counted from now.
      expect(admittedCount(await Promise.all([1, 2, 3].map(() => a.admit("key", 0))))).toBe(2);
      await own.restart();
      await vi.waitFor(
        async () => {
          expect((await b.admit("key-after", 0)).admitted).toBe(true);
          expect(b.sharedBudgetDown).toBe(false);
        },
        { timeout: 10_000, interval: 100 },
      );
      // Shared again: b spent one of key-after's two slots, so a gets one more and then is refused.
      await vi.waitFor(async () => {
        expect(await a.admit("key-after", 0)).toEqual({ admitted: true });
        expect(a.sharedBudgetDown).toBe(false);
      });
      expect((await a.admit("key-after", 0)).admitted).toBe(false);
    } finally {
      await own.stop();
    }
  });
});
