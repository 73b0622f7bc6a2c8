/**
 * Pacing: the per-key budget in isolation (on a fake clock), then over HTTP against the sandbox: a spent
 * budget is a 429 with an honest Retry-After when nothing is stored, a stale answer when something is,
 * and upstream's own 429 holds the key off instead of being hammered.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";
import { pacedFetch } from "./paced-fetch.js";
import { UpstreamPacer } from "./pacer.js";

describe("UpstreamPacer", () => {
  it("admits up to the budget per key, then refuses with the wait; keys are independent", async () => {
    let now = 0;
    const pacer = new UpstreamPacer({ requests: 2, windowMs: 60_000 }, () => now);
    expect(await pacer.admit("a", 0)).toEqual({ admitted: true });
    expect(await pacer.admit("a", 0)).toEqual({ admitted: true });
    const refused = await pacer.admit("a", 1_000);
    expect(refused.admitted).toBe(false);
    expect(refused.admitted ? 0 : refused.retryAfterMs).toBeGreaterThan(59_000);
    expect(await pacer.admit("b", 0)).toEqual({ admitted: true });
    now = 60_001;
    expect(await pacer.admit("a", 0)).toEqual({ admitted: true });
  });

  it("waits for a slot when the wait is within the bound", async () => {
    const pacer = new UpstreamPacer({ requests: 1, windowMs: 150 });
    await pacer.admit("a", 0);
    const started = performance.now();
    expect(await pacer.admit("a", 1_000)).toEqual({ admitted: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it("holds a key off after upstream's 429, also with pacing off", async () => {
    let now = 0;
    const pacer = new UpstreamPacer(false, () => now);
    expect(pacer.waitMs("a")).toBe(0);
    pacer.holdOff("a", 5_000);
    expect(pacer.waitMs("a")).toBe(5_000);
    expect(await pacer.admit("a", 1_000)).toEqual({ admitted: false, retryAfterMs: 5_000 });
    expect(pacer.waitMs("b")).toBe(0);
    now = 5_000;
    expect(await pacer.admit("a", 0)).toEqual({ admitted: true });
  });
});

describe("pacedFetch (the derived routes' fetch)", () => {
  it("paces by the request's own Authorization and answers the proxy's 429 without sending", async () => {
    const sent: string[] = [];
    const fetch = pacedFetch({
      pacer: new UpstreamPacer({ requests: 1, windowMs: 60_000 }),
      maxWaitMs: 0,
      fetch: async (input) => {
        sent.push(input instanceof Request ? input.url : String(input));
        return new Response("{}", { status: 200 });
      },
    });
    const withKey = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
    expect((await fetch("http://x/api/v1/a", withKey("k1"))).status).toBe(200);
    const refused = await fetch("http://x/api/v1/b", withKey("k1"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect((await refused.json()).meta).toMatchObject({ code: "rate_limit_exceeded" });
    expect((await fetch(new Request("http://x/api/v1/c", withKey("k2")))).status).toBe(200);
    expect(sent).toEqual(["http://x/api/v1/a", "http://x/api/v1/c"]);
  });
});

describe("pacing through the proxy", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it("a spent budget with nothing stored is a 429 in the envelope with an honest Retry-After", async () => {
    h = await startHarness({ proxy: { rateLimit: { requests: 2, windowMs: 60_000 }, maxWaitMs: 0 } });
    expect((await h.call("/projects")).status).toBe(200);
    expect((await h.call("/creators?limit=1")).status).toBe(200);
    const refused = await h.call("/videos?limit=1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("cache-status")).toBe("goatkit; fwd=miss; detail=rate-limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(await refused.json()).toMatchObject({
      data: null,
      meta: { code: "rate_limit_exceeded", retryAfter },
    });
    // Cached answers still flow, another key has its own budget, and upstream saw only what was paced.
    expect((await h.call("/projects")).headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect((await h.call("/videos?limit=1", { key: h.sandbox.keys.orgB })).status).toBe(200);
    expect(h.upstreamCount()).toBe(3);
  });

  it("a burst larger than the budget: never more than the budget upstream, the rest 429", async () => {
    h = await startHarness({ proxy: { rateLimit: { requests: 5, windowMs: 60_000 }, maxWaitMs: 0 } });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.call(`/creators?limit=${i + 1}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect(h.upstreamCount()).toBe(5);
  });

  it("a spent budget with a stale entry serves the stale entry instead", async () => {
    h = await startHarness({
      proxy: {
        rateLimit: { requests: 1, windowMs: 60_000 },
        maxWaitMs: 0,
        policy: { lists: { ttlMs: 50, staleMs: 60_000 } },
        revalidate: { lists: 0 },
      },
    });
    const original = await (await h.call("/projects")).text();
    await new Promise((r) => setTimeout(r, 100));
    const stale = await h.call("/projects");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-status")).toMatch(/^goatkit; hit; stale; ttl=-\d+; detail=rate-limited$/);
    expect(await stale.text()).toBe(original);
    expect(h.upstreamCount()).toBe(1);
  });

  it("upstream's own 429 passes through and holds the key off; nothing more is sent until Retry-After", async () => {
    h = await startHarness({ sandbox: { rateLimit: { perMinute: 1 } }, proxy: { maxWaitMs: 0 } });
    expect((await h.call("/projects")).status).toBe(200);
    const limited = await h.call("/creators?limit=1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("cache-status")).toBe("goatkit; fwd=miss");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).meta.code).toBe("rate_limit_exceeded");
    const held = await h.call("/videos?limit=1");
    expect(held.status).toBe(429);
    expect(held.headers.get("cache-status")).toBe("goatkit; fwd=miss; detail=rate-limited");
    expect(h.upstreamCount()).toBe(2);
  });
});
