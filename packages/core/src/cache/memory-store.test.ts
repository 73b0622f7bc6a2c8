import { describe, expect, it } from "vitest";
import { describeCacheStore } from "../test-helpers/cache-store-contract.js";
import { MemoryStore } from "./memory-store.js";
import type { CacheEntry } from "./store.js";

describeCacheStore("MemoryStore", ({ maxBytes }) => new MemoryStore({ maxBytes }));

describe("MemoryStore", () => {
  const entry = (size: number, tags: string[], now = 0): CacheEntry => ({
    value: new Uint8Array(size),
    storedAt: now,
    freshUntil: now + 1_000,
    staleUntil: now + 2_000,
    tags,
  });

  it("keeps the tag index as small as the entries it holds, through evictions", async () => {
    const store = new MemoryStore({ maxBytes: 50_000, now: () => 0 });
    for (let i = 0; i < 2_000; i++) await store.set(`k${i}`, entry(1_000, [`id:${i}`, "id:shared"]));
    expect(store.bytes).toBeLessThanOrEqual(50_000);
    expect(store.size).toBeLessThan(50);
    // one tag per live entry plus the shared one: evicted entries left the index
    expect(store.tagCount).toBe(store.size + 1);
    const live = store.size;
    expect(await store.deleteByTag("id:shared")).toBe(live);
    expect(store.size).toBe(0);
    expect(store.tagCount).toBe(0);
  });

  it("reads expiry from its clock", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    await store.set("k", entry(10, ["id:x"]));
    now = 1_999;
    expect(await store.get("k")).toBeDefined();
    now = 2_000;
    expect(await store.get("k")).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.tagCount).toBe(0);
  });

  it("rejects a bound that is not a positive integer", () => {
    expect(() => new MemoryStore({ maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => new MemoryStore({ maxBytes: 1.5 })).toThrow(/maxBytes/);
  });
});
