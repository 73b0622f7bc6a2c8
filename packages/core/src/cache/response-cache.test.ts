import { describe, expect, it } from "vitest";
import { TEST_KEY } from "../test-helpers/fixtures.js";
import { MemoryStore } from "./memory-store.js";
import { createMemoryCache, ResponseCache } from "./response-cache.js";
import { idTag } from "./tags.js";

const BASE = "https://x.test/api/v1";
const C1 = "c0000000-0000-4000-8000-000000000001";
const C2 = "c0000000-0000-4000-8000-000000000002";
const list = (...ids: string[]) =>
  JSON.stringify({ data: ids.map((id) => ({ id })), error: null, meta: null });

function clocked() {
  const clock = { now: 1_000_000 };
  const cache = createMemoryCache({ now: () => clock.now });
  return { clock, cache };
}

describe("ResponseCache lookups", () => {
  it("is fresh for ttlMs, then stale for staleMs, then a miss (lists: 5 min / 1 h)", async () => {
    const { clock, cache } = clocked();
    const url = `${BASE}/creators?limit=5`;
    const key = cache.key("GET", url, TEST_KEY);
    expect(await cache.lookup(key)).toEqual({ state: "miss" });
    await cache.save(key, { url, body: list(C1) });
    expect((await cache.lookup(key)).state).toBe("fresh");
    clock.now += 5 * 60_000 - 1;
    expect((await cache.lookup(key)).state).toBe("fresh");
    clock.now += 1;
    expect((await cache.lookup(key)).state).toBe("stale");
    clock.now += 60 * 60_000 - 1;
    expect((await cache.lookup(key)).state).toBe("stale");
    clock.now += 1;
    expect(await cache.lookup(key)).toEqual({ state: "miss" });
  });

  it("gives each route family its policy's lifetimes", async () => {
    const { clock, cache } = clocked();
    const saved = await cache.save("k", { url: `${BASE}/videos/v1x/stats`, body: "{}" });
    expect(saved!.freshUntil - clock.now).toBe(15 * 60_000);
    expect(saved!.staleUntil - saved!.freshUntil).toBe(6 * 60 * 60_000);
    const schema = await cache.save("s", { url: `${BASE}/schema`, body: "{}" });
    expect(schema!.freshUntil - clock.now).toBe(24 * 60 * 60_000);
  });

  it("takes policy overrides", async () => {
    const cache = new ResponseCache({ policy: { lists: { ttlMs: 10, staleMs: 0 } }, now: () => 0 });
    const saved = await cache.save("k", { url: `${BASE}/creators`, body: "{}" });
    expect(saved).toMatchObject({ freshUntil: 10, staleUntil: 10 });
    expect(() => new ResponseCache({ policy: { lists: { ttlMs: -5 } } })).toThrow(/lists\.ttlMs/);
  });

  it("stores the body as bytes, tagged from its URL and data (read from the body when not given)", async () => {
    const { cache } = clocked();
    const url = `${BASE}/creators?project_id=p1x`;
    const entry = await cache.save("k", { url, body: list(C1, C2) });
    expect(new TextDecoder().decode(entry!.value)).toBe(list(C1, C2));
    expect(entry!.tags.sort()).toEqual([idTag(C1), idTag(C2), idTag("p1x")].sort());
  });
});

describe("ResponseCache invalidation", () => {
  it("drops every entry tagged with an id a write touches, and only those", async () => {
    const { cache } = clocked();
    const pageA = `${BASE}/creators?limit=1`;
    const pageB = `${BASE}/creators?limit=1&cursor=b`;
    const stats = `${BASE}/creators/${C1}/stats`;
    const other = `${BASE}/creators?limit=1&cursor=c`;
    await cache.save(pageA, { url: pageA, body: list(C1) });
    await cache.save(pageB, { url: pageB, body: list(C1, C2) });
    await cache.save(stats, { url: stats, body: "{}" });
    await cache.save(other, { url: other, body: list(C2) });
    expect(await cache.invalidateWrite({ url: `${BASE}/creators/${C1}`, body: { readme: "x" } })).toBe(3);
    expect((await cache.lookup(pageA)).state).toBe("miss");
    expect((await cache.lookup(pageB)).state).toBe("miss");
    expect((await cache.lookup(stats)).state).toBe("miss");
    expect((await cache.lookup(other)).state).toBe("fresh");
  });

  it("does not store a response whose request started before a write invalidated one of its ids", async () => {
    const { cache } = clocked();
    const url = `${BASE}/creators`;
    const before = cache.mark();
    await cache.invalidate([idTag(C1)]);
    expect(await cache.save("k1", { url, body: list(C1) }, before)).toBeUndefined();
    // an unrelated id, or a request started after the write, is stored
    expect(await cache.save("k2", { url, body: list(C2) }, before)).toBeDefined();
    expect(await cache.save("k3", { url, body: list(C1) }, cache.mark())).toBeDefined();
  });
});

describe("ResponseCache coalescing", () => {
  it("runs N concurrent identical requests once", async () => {
    const cache = new ResponseCache();
    let runs = 0;
    const run = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      return "body";
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.coalesce("k", run)));
    expect(runs).toBe(1);
    expect(results.map((r) => r.value)).toEqual(Array(10).fill("body"));
    expect(results.filter((r) => !r.joined)).toHaveLength(1);
    // once settled, the next call runs again
    await cache.coalesce("k", run);
    expect(runs).toBe(2);
  });

  it("keeps different keys apart", async () => {
    const cache = new ResponseCache();
    let runs = 0;
    const run = async () => ++runs;
    await Promise.all([cache.coalesce("a", run), cache.coalesce("b", run)]);
    expect(runs).toBe(2);
  });

  it("lets one caller abort without failing the others, and cancels the run when all have aborted", async () => {
    const cache = new ResponseCache();
    let runSignal: AbortSignal | undefined;
    let finish: (v: string) => void = () => {};
    const run = (signal: AbortSignal) => {
      runSignal = signal;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.coalesce("k", run, a.signal);
    const second = cache.coalesce("k", run, b.signal);
    a.abort(new Error("a gave up"));
    await expect(first).rejects.toThrow("a gave up");
    expect(runSignal?.aborted).toBe(false);
    finish("done");
    await expect(second).resolves.toMatchObject({ value: "done", joined: true });

    const c = new AbortController();
    const lone = cache.coalesce("k2", run, c.signal);
    c.abort(new Error("c gave up"));
    await expect(lone).rejects.toThrow("c gave up");
    expect(runSignal?.aborted).toBe(true);
  });

  it("starts a new request after an invalidation instead of joining one that may carry old data", async () => {
    const cache = new ResponseCache({ store: new MemoryStore() });
    let runs = 0;
    const run = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return runs;
    };
    const before = cache.coalesce("k", run);
    await cache.invalidate([idTag(C1)]);
    const after = cache.coalesce("k", run);
    await Promise.all([before, after]);
    expect(runs).toBe(2);
  });
});
