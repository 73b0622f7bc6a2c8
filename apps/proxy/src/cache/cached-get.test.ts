/**
 * Staleness and failures against the sandbox over HTTP, with a freshness policy of milliseconds so the
 * tests need not wait minutes: stale-while-revalidate, stale-if-error during an outage, and what a caller
 * gets when upstream fails with nothing stored (502/504 in the API's envelope, upstream's own 5xx as is).
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TINY = { lists: { ttlMs: 100, staleMs: 60_000 } };

describe("stale entries", () => {
  it("stale-if-error: during an outage a stale entry is served, then the fresh answer once upstream is back", async () => {
    h = await startHarness({ proxy: { policy: TINY, revalidate: { lists: 0 } } });
    const original = await (await h.call("/projects")).text();
    await sleep(150);
    h.sandbox.setFaults({ outage: true });
    const during = await h.call("/projects");
    expect(during.status).toBe(200);
    expect(during.headers.get("cache-status")).toMatch(
      /^goatkit; hit; stale; fwd=stale; fwd-status=503; ttl=-\d+; detail=stale-if-error$/,
    );
    expect(await during.text()).toBe(original);
    expect(h.sandbox.requests().byStatus["503"]).toBe(1); // it did try

    h.sandbox.setFaults({ outage: false });
    const after = await h.call("/projects");
    expect(after.headers.get("cache-status")).toBe("goatkit; fwd=stale; stored");
    expect(h.upstreamCount("GET /projects")).toBe(3);
  });

  it("stale-if-error also covers dropped connections and timeouts", async () => {
    h = await startHarness({ proxy: { policy: TINY, revalidate: { lists: 0 }, upstreamTimeoutMs: 200 } });
    const original = await (await h.call("/projects")).text();
    await sleep(150);
    h.sandbox.setFaults({ dropRate: 1 });
    const dropped = await h.call("/projects");
    expect(dropped.headers.get("cache-status")).toMatch(
      /^goatkit; hit; stale; fwd=stale; ttl=-\d+; detail=stale-if-error$/,
    );
    expect(await dropped.text()).toBe(original);
    h.sandbox.setFaults({ dropRate: 0, latencyMs: 1_000 });
    const slow = await h.call("/projects");
    expect(slow.headers.get("cache-status")).toMatch(/detail=stale-if-error$/);
    expect(await slow.text()).toBe(original);
  });

  it("stale-while-revalidate: a stale entry is served at once and refreshed in the background", async () => {
    h = await startHarness({ proxy: { policy: TINY, revalidate: { lists: 60_000 } } });
    await h.call("/projects");
    await sleep(150);
    const stale = await h.call("/projects");
    expect(stale.headers.get("cache-status")).toMatch(
      /^goatkit; hit; stale; fwd=stale; ttl=-\d+; detail=stale-while-revalidate$/,
    );
    await h.proxy.idle();
    expect(h.upstreamCount("GET /projects")).toBe(2);
    const fresh = await h.call("/projects");
    expect(fresh.headers.get("cache-status")).toMatch(/^goatkit; hit; ttl=\d+$/);
    expect(h.upstreamCount("GET /projects")).toBe(2);
  });

  it("a background refresh that fails leaves the stale entry in place, and never crashes anything", async () => {
    h = await startHarness({ proxy: { policy: TINY, revalidate: { lists: 60_000 } } });
    const original = await (await h.call("/projects")).text();
    await sleep(150);
    h.sandbox.setFaults({ outage: true });
    const first = await h.call("/projects");
    await h.proxy.idle();
    const second = await h.call("/projects");
    await h.proxy.idle();
    for (const res of [first, second]) {
      expect(res.headers.get("cache-status")).toMatch(/detail=stale-while-revalidate$/);
      expect(await res.text()).toBe(original);
    }
    expect(h.sandbox.requests().byStatus["503"]).toBe(2);
  });

  it("past the stale window an entry is gone: an outage is then upstream's 503, as is", async () => {
    h = await startHarness({
      proxy: { policy: { lists: { ttlMs: 50, staleMs: 50 } }, revalidate: { lists: 0 } },
    });
    await h.call("/projects");
    await sleep(150);
    h.sandbox.setFaults({ outage: true });
    const res = await h.call("/projects");
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-status")).toBe("goatkit; fwd=miss");
    expect((await res.json()).meta.code).toBeTruthy();
  });
});

describe("upstream failures with nothing stored", () => {
  it("a refused connection is a 502 in the API's envelope", async () => {
    h = await startHarness();
    await h.sandbox.stop();
    const res = await h.call("/projects");
    expect(res.status).toBe(502);
    expect(res.headers.get("cache-status")).toBe("goatkit; fwd=miss; detail=upstream-unreachable");
    const body = await res.json();
    expect(body).toMatchObject({ data: null, meta: { code: "upstream_unreachable" } });
    expect(body.error).not.toContain(h.sandbox.keys.readWrite);
  });

  it("no answer in time is a 504; a dropped connection a 502; the proxy keeps serving", async () => {
    h = await startHarness({ proxy: { upstreamTimeoutMs: 150 } });
    h.sandbox.setFaults({ latencyMs: 1_000 });
    const slow = await h.call("/projects");
    expect(slow.status).toBe(504);
    expect((await slow.json()).meta.code).toBe("upstream_timeout");
    h.sandbox.setFaults({ latencyMs: 0, dropRate: 1 });
    const dropped = await h.call("/projects");
    expect(dropped.status).toBe(502);
    h.sandbox.setFaults({ dropRate: 0 });
    expect((await h.call("/projects")).status).toBe(200);
  });

  it("a cut-off JSON body is passed through but not stored", async () => {
    h = await startHarness();
    h.sandbox.setFaults({ malformedRate: 1 });
    const broken = await h.call("/projects");
    expect(broken.status).toBe(200);
    expect(broken.headers.get("cache-status")).toBe("goatkit; fwd=miss");
    h.sandbox.setFaults({ malformedRate: 0 });
    expect((await h.call("/projects")).headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
  });

  it("an answer larger than the bound is a 502, not an unbounded buffer", async () => {
    h = await startHarness({ proxy: { maxUpstreamBytes: 100 } });
    const res = await h.call("/projects");
    expect(res.status).toBe(502);
    expect((await res.json()).meta.code).toBe("upstream_response_too_large");
  });
});
