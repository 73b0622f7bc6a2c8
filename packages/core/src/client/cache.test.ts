/**
 * The response cache in the client, against the sandbox over real HTTP: what the sandbox counts is what
 * was really sent, so "served from the cache" is proved by the server, not by the client's own word.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryCache, ResponseCache } from "../cache/response-cache.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { AbortError, AuthenticationError, ConnectionError, NotFoundError, ServerError } from "./errors.js";

const harness = withSandbox();

describe("client with a response cache", () => {
  it("lists twice and the sandbox sees the pages once; requestCount counts only what was sent", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    sandbox.resetRequests();
    const first = await tg.creators.list({ limit: 20 }).toArray();
    const pages = sandbox.requests().total;
    expect(pages).toBe(Math.ceil(first.length / 20));
    expect(tg.requestCount).toBe(pages);

    const second = await tg.creators.list({ limit: 20 }).toArray();
    expect(second).toEqual(first);
    expect(sandbox.requests().total).toBe(pages);
    expect(tg.requestCount).toBe(pages);
  });

  it("marks results hit, miss or bypass", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    const get = (options = {}) => tg.request({ method: "GET", path: "/projects" }, options);
    expect((await get()).cache).toBe("miss");
    const hit = await get();
    expect(hit).toMatchObject({ cache: "hit", status: 200 });
    expect(Array.isArray(hit.data)).toBe(true);
    sandbox.resetRequests();
    expect((await get({ cache: false })).cache).toBe("bypass");
    expect(sandbox.requests().total).toBe(1);
    expect((await newClient().request({ method: "GET", path: "/projects" })).cache).toBe("bypass");
  });

  it("uses a per-call cache over the client's", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    const mine = new ResponseCache();
    await tg.projects.list();
    sandbox.resetRequests();
    await tg.projects.list({}, { cache: mine });
    await tg.projects.list({}, { cache: mine });
    expect(sandbox.requests().total).toBe(1);
  });

  it("refetches a list after a PATCH of a creator on it, and keeps pages that did not show it", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    const page1 = await tg.creators.list({ limit: 5 });
    const page2 = await page1.nextPage();
    const target = page1.data[0]!;
    sandbox.resetRequests();

    await tg.creators.update(target.id, { readme: "Cache test: updated" });
    expect(sandbox.requests().total).toBe(1);

    const again = await tg.creators.list({ limit: 5 });
    expect(sandbox.requests().total).toBe(2);
    expect(again.data[0]?.description).toBe("Cache test: updated");
    // page 2 never showed the creator: still served from the cache
    const again2 = await again.nextPage();
    expect(again2?.data).toEqual(page2?.data);
    expect(sandbox.requests().total).toBe(2);
  });

  it("invalidates the client's cache on a write made with cache: false", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    const target = (await tg.creators.list({ limit: 3 })).data[1]!;
    await tg.creators.update(target.id, { readme: "written past the cache" }, { cache: false });
    sandbox.resetRequests();
    const again = await tg.creators.list({ limit: 3 });
    expect(sandbox.requests().total).toBe(1);
    expect(again.data[1]?.description).toBe("written past the cache");
  });

  it("never shares entries between API keys, even through one ResponseCache", async () => {
    const { sandbox, newClient } = harness();
    const cache = new ResponseCache();
    const rw = newClient(sandbox.keys.readWrite, { cache });
    const ro = newClient(sandbox.keys.readOnly, { cache });
    const orgB = newClient(sandbox.keys.orgB, { cache });
    const revoked = newClient(sandbox.keys.revoked, { cache });
    sandbox.resetRequests();

    const a = await rw.projects.list();
    const b = await ro.projects.list(); // same org, same data: still its own request
    expect(b.data).toEqual(a.data);
    expect(sandbox.requests().total).toBe(2);
    const other = await orgB.projects.list();
    expect(other.data.map((p) => p.id)).not.toEqual(a.data.map((p) => p.id));
    // a revoked key is refused by the server, not answered from another key's entry
    await expect(revoked.projects.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(sandbox.requests().total).toBe(4);

    await rw.projects.list();
    await ro.projects.list();
    await orgB.projects.list();
    expect(sandbox.requests().total).toBe(4);
    expect(Object.values(sandbox.requests().byKey)).toEqual([1, 1, 1, 1]);
  });

  it("sends one request for concurrent identical GETs, also across clients sharing the cache and key", async () => {
    const { sandbox, newClient } = harness();
    sandbox.setFaults({ latencyMs: 50 });
    try {
      const cache = new ResponseCache();
      const a = newClient(undefined, { cache });
      const b = newClient(undefined, { cache });
      sandbox.resetRequests();
      const spec = { method: "GET" as const, path: "/creators", query: { limit: 7 } };
      const results = await Promise.all([
        ...Array.from({ length: 4 }, () => a.request(spec)),
        b.request(spec),
        b.creators.list({ limit: 7 }),
      ]);
      expect(sandbox.requests().total).toBe(1);
      expect(a.requestCount + b.requestCount).toBe(1);
      const marks = results.slice(0, 5).map((r) => (r as { cache: string }).cache);
      expect(marks.filter((m) => m === "miss")).toHaveLength(1);
      expect(marks.filter((m) => m === "hit")).toHaveLength(4);
      expect(results[5]!.data).toEqual(results[0]!.data);
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it("lets a caller abort its share of a coalesced GET without failing the others", async () => {
    const { sandbox, newClient } = harness();
    sandbox.setFaults({ latencyMs: 300 });
    try {
      const tg = newClient(undefined, { cache: new ResponseCache() });
      sandbox.resetRequests();
      const controller = new AbortController();
      const started = performance.now();
      const leaving = tg.projects.list({}, { signal: controller.signal }).catch((e: unknown) => e);
      const staying = tg.projects.list().then((page) => page); // then() starts it: a list is lazy
      setTimeout(() => controller.abort(), 20);
      expect(await leaving).toBeInstanceOf(AbortError);
      expect(performance.now() - started).toBeLessThan(250);
      expect((await staying).data.length).toBeGreaterThan(0);
      expect(sandbox.requests().total).toBe(1);
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it("validates every joined caller's data with its own schema", async () => {
    const { sandbox, newClient } = harness();
    sandbox.setFaults({ latencyMs: 30 });
    try {
      const tg = newClient(undefined, { cache: new ResponseCache() });
      const spec = { method: "GET" as const, path: "/projects" };
      const [loose, strict] = await Promise.allSettled([
        tg.request(spec),
        tg.request({ ...spec, schema: z.array(z.object({ no_such_field: z.string() })) }),
      ]);
      expect(loose.status).toBe("fulfilled");
      expect(strict.status).toBe("rejected");
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it("does not cache errors", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient(undefined, { cache: new ResponseCache() });
    sandbox.resetRequests();
    const missing = "00000000-0000-4000-8000-00000000dead";
    await expect(tg.creators.stats(missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(tg.creators.stats(missing)).rejects.toBeInstanceOf(NotFoundError);
    expect(sandbox.requests().total).toBe(2);
  });

  it.each([
    ["an outage (503)", { outage: true }, ServerError],
    ["dropped connections", { dropRate: 1 }, ConnectionError],
  ])(
    "serves a stale entry when the refetch fails with %s, and fails once the entry is past stale",
    async (_name, fault, errorClass) => {
      const { sandbox, newClient } = harness();
      const clock = { now: Date.parse("2026-03-15T12:00:00Z") };
      const tg = newClient(undefined, { cache: createMemoryCache({ now: () => clock.now }) });
      const spec = { method: "GET" as const, path: "/projects" };
      const fresh = await tg.request(spec);
      clock.now += 6 * 60_000; // lists: fresh 5 min, then stale for 1 h
      sandbox.setFaults(fault);
      try {
        sandbox.resetRequests();
        const stale = await tg.request(spec);
        expect(stale.cache).toBe("stale");
        expect(stale.data).toEqual(fresh.data);
        expect(sandbox.requests().total).toBe(1); // it did try
        clock.now += 60 * 60_000;
        await expect(tg.request(spec)).rejects.toBeInstanceOf(errorClass);
      } finally {
        sandbox.setFaults({ outage: false, dropRate: 0 });
      }
      expect((await tg.request(spec)).cache).toBe("miss");
    },
  );
});
