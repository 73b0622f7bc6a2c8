/**
 * `GET /metrics` over real HTTP, in front of the sandbox: the counters move with what the cache and
 * upstream did (read from the Prometheus text by name and labels), pacing is exposed only as aggregates,
 * and each proxy keeps its own registry.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createProxy } from "../server.js";
import { type Harness, startHarness } from "../test-helpers/harness.js";
import { sampleValue } from "../test-helpers/prom-text.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.stop());
  return h;
}

async function scrape(h: Harness): Promise<string> {
  const res = await fetch(`${h.proxy.origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

const cacheResult = (text: string, result: string, family = "lists") =>
  sampleValue(text, "goatkit_proxy_cache_results_total", { family, result });

describe("GET /metrics", () => {
  it("cache results move: miss, hit, stale (refreshed in the background), revalidated, bypass", async () => {
    // The freshness clock; it starts at the real time, which the memory store's own expiry goes by.
    let clock = Date.now();
    const h = await harness({ proxy: { now: () => clock } });
    const before = await scrape(h);
    expect(cacheResult(before, "miss")).toBe(0);
    expect(cacheResult(before, "hit")).toBe(0);

    await (await h.call("/projects")).text();
    let text = await scrape(h);
    expect(cacheResult(text, "miss")).toBe(1);
    expect(cacheResult(text, "hit")).toBe(0);
    expect(
      sampleValue(text, "goatkit_proxy_upstream_requests_total", { family: "lists", status_class: "2xx" }),
    ).toBe(1);
    expect(sampleValue(text, "goatkit_proxy_upstream_duration_seconds_count", { family: "lists" })).toBe(1);

    await (await h.call("/projects")).text();
    text = await scrape(h);
    expect(cacheResult(text, "hit")).toBe(1);
    expect(
      sampleValue(text, "goatkit_proxy_upstream_requests_total", { family: "lists", status_class: "2xx" }),
    ).toBe(1);
    expect(sampleValue(text, "goatkit_proxy_request_duration_seconds_count", { kind: "pass_through" })).toBe(
      2,
    );
    expect(
      sampleValue(text, "goatkit_proxy_requests_total", { kind: "pass_through", status_class: "2xx" }),
    ).toBe(2);
    // The scrapes so far were answered before they were counted: two of them.
    expect(sampleValue(text, "goatkit_proxy_request_duration_seconds_count", { kind: "ops" })).toBe(2);

    clock += 5 * 60_000 + 1_000; // stale, inside the 1 min revalidate window of lists
    const stale = await h.call("/projects");
    expect(stale.headers.get("cache-status")).toMatch(/detail=stale-while-revalidate/);
    await stale.text();
    await h.proxy.idle();
    text = await scrape(h);
    expect(cacheResult(text, "stale")).toBe(1);
    expect(
      sampleValue(text, "goatkit_proxy_cache_background_revalidations_total", {
        family: "lists",
        outcome: "stored",
      }),
    ).toBe(1);

    clock += 5 * 60_000 + 2 * 60_000; // past the revalidate window: refetched before answering
    const revalidated = await h.call("/projects");
    expect(revalidated.headers.get("cache-status")).toBe("goatkit; fwd=stale; stored");
    await revalidated.text();
    await (await h.call("/projects", { headers: { "cache-control": "no-cache" } })).text();
    await (await h.call("/projects", { headers: { range: "bytes=0-10" } })).text();
    text = await scrape(h);
    expect(cacheResult(text, "revalidated")).toBe(1);
    expect(cacheResult(text, "bypass")).toBe(2);
    expect(cacheResult(text, "miss")).toBe(1);
    expect(
      sampleValue(text, "goatkit_proxy_upstream_requests_total", { family: "lists", status_class: "2xx" }),
    ).toBe(5);
  });

  it("upstream 429s count by family; the hold-off that follows is a pacer refusal", async () => {
    const h = await harness({ sandbox: { rateLimit: { perMinute: 1 } }, proxy: { maxWaitMs: 0 } });
    expect((await h.call("/projects")).status).toBe(200);
    const limited = await h.call("/creators");
    expect(limited.status).toBe(429);
    await limited.text();
    const held = await h.call("/campaigns");
    expect(held.status).toBe(429);
    expect(held.headers.get("cache-status")).toMatch(/detail=rate-limited/);
    await held.text();
    const text = await scrape(h);
    expect(sampleValue(text, "goatkit_proxy_upstream_rate_limited_total", { family: "lists" })).toBe(1);
    expect(sampleValue(text, "goatkit_proxy_upstream_rate_limited_total", { family: "stats" })).toBe(0);
    expect(
      sampleValue(text, "goatkit_proxy_upstream_requests_total", { family: "lists", status_class: "4xx" }),
    ).toBe(1);
    expect(sampleValue(text, "goatkit_proxy_pacer_refusals_total")).toBe(1);
  });

  it("pacing budget as aggregates only: active keys, the lowest budget left, the limit; never a key", async () => {
    const h = await harness({ proxy: { rateLimit: { requests: 5, windowMs: 60_000 } } });
    let text = await scrape(h);
    expect(sampleValue(text, "goatkit_proxy_pacing_active_keys")).toBe(0);
    expect(sampleValue(text, "goatkit_proxy_pacing_budget_remaining_min")).toBe(5);
    await (await h.call("/projects")).text();
    await (await h.call("/creators")).text();
    await (await h.call("/projects", { key: h.sandbox.keys.readOnly })).text();
    text = await scrape(h);
    expect(sampleValue(text, "goatkit_proxy_pacing_active_keys")).toBe(2);
    expect(sampleValue(text, "goatkit_proxy_pacing_budget_remaining_min")).toBe(3);
    expect(sampleValue(text, "goatkit_proxy_pacing_budget_limit")).toBe(5);
    expect(sampleValue(text, "goatkit_proxy_pacing_window_seconds")).toBe(60);
    for (const key of Object.values(h.sandbox.keys)) expect(text).not.toContain(key.slice(4, 20));
    expect(text).not.toMatch(/tga_/);
  });

  it("without pacing of our own there is no budget figure (not a full one)", async () => {
    const h = await harness();
    const text = await scrape(h);
    expect(sampleValue(text, "goatkit_proxy_pacing_budget_remaining_min")).toBeUndefined();
  });

  it("each proxy has its own registry: two in one process count apart; metrics: false has no /metrics", async () => {
    const a = createProxy({ upstream: "http://127.0.0.1:9/api/v1" });
    const b = createProxy({ upstream: "http://127.0.0.1:9/api/v1" });
    await a.app.request("/healthz");
    await a.app.request("/healthz");
    await b.app.request("/healthz");
    const count = async (p: typeof a) =>
      sampleValue(await (await p.app.request("/metrics")).text(), "goatkit_proxy_requests_total", {
        kind: "ops",
        status_class: "2xx",
      });
    expect(await count(a)).toBe(2);
    expect(await count(b)).toBe(1);
    const none = createProxy({ upstream: "http://127.0.0.1:9/api/v1", metrics: false });
    expect((await none.app.request("/metrics")).status).toBe(404);
    expect(none.metrics).toBeUndefined();
  });

  it("process metrics are opt-in", async () => {
    const plain = createProxy({ upstream: "http://127.0.0.1:9/api/v1" });
    const withProcess = createProxy({
      upstream: "http://127.0.0.1:9/api/v1",
      metrics: { processMetrics: true },
    });
    expect(await (await plain.app.request("/metrics")).text()).not.toContain("process_cpu_seconds_total");
    expect(await (await withProcess.app.request("/metrics")).text()).toContain("process_cpu_seconds_total");
  });
});
