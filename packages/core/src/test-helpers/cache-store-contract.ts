/**
 * The behaviour every {@link CacheStore} must have, as a vitest suite: the memory store runs it here, and
 * the proxy's SQLite and Redis stores run the same one, so the three are interchangeable. Times are real
 * (`Date.now`), since a remote store expires entries by its own clock. Not published (test-helpers/).
 *
 * @example
 * describeCacheStore("SqliteStore", ({ maxBytes }) => new SqliteStore(":memory:", { maxBytes }));
 */
import { afterEach, describe, expect, it } from "vitest";
import type { CacheEntry, CacheStore } from "../cache/store.js";

export interface StoreContractOptions {
  /**
   * Whether the store honours `maxBytes` with least-recently-used eviction (default `true`). Turn it off
   * for stores bounded elsewhere (Redis `maxmemory`).
   */
  boundedLru?: boolean;
}

/** Makes an empty store; `maxBytes` is the bound the LRU tests expect it to keep. */
export type MakeStore = (options: { maxBytes: number }) => CacheStore | Promise<CacheStore>;

const MAX_BYTES = 10_000;
/** Big enough that two fit under MAX_BYTES and three do not, whatever a store counts as overhead (< 900 bytes). */
const BIG = 4_000;

export function describeCacheStore(
  name: string,
  makeStore: MakeStore,
  options: StoreContractOptions = {},
): void {
  describe(`CacheStore contract: ${name}`, () => {
    const opened: CacheStore[] = [];
    const open = async (maxBytes = MAX_BYTES) => {
      const store = await makeStore({ maxBytes });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close?.()));
    });

    it("round-trips bytes, times and tags", async () => {
      const store = await open();
      const value = Uint8Array.from([0, 1, 2, 250, 255, 10, 13]);
      const e = entry({ value, tags: ["id:a", "id:b"] });
      await store.set("k", e);
      const got = await store.get("k");
      expect(got).toBeDefined();
      expect([...got!.value]).toEqual([...value]);
      expect(got).toMatchObject({
        storedAt: e.storedAt,
        freshUntil: e.freshUntil,
        staleUntil: e.staleUntil,
      });
      expect([...got!.tags].sort()).toEqual(["id:a", "id:b"]);
      expect(await store.get("other")).toBeUndefined();
    });

    it("replaces an entry on set", async () => {
      const store = await open();
      await store.set("k", entry({ value: bytes("one"), tags: ["id:old"] }));
      await store.set("k", entry({ value: bytes("two"), tags: ["id:new"] }));
      expect(text((await store.get("k"))!.value)).toBe("two");
      // the replaced entry's tags no longer lead to the key
      expect(await store.deleteByTag("id:old")).toBe(0);
      expect(await store.get("k")).toBeDefined();
    });

    it("returns a stale entry (past freshUntil, before staleUntil) as it is", async () => {
      const store = await open();
      const now = Date.now();
      await store.set("k", entry({ freshUntil: now - 1_000, staleUntil: now + 60_000 }));
      const got = await store.get("k");
      expect(got?.freshUntil).toBe(now - 1_000);
    });

    it("does not return an entry past staleUntil", async () => {
      const store = await open();
      const now = Date.now();
      await store.set("dead", entry({ freshUntil: now - 2_000, staleUntil: now - 1_000 }));
      expect(await store.get("dead")).toBeUndefined();
      await store.set("soon", entry({ freshUntil: now, staleUntil: now + 150 }));
      expect(await store.get("soon")).toBeDefined();
      await new Promise((r) => setTimeout(r, 300));
      expect(await store.get("soon")).toBeUndefined();
    });

    it("deletes every entry with a tag, and only those", async () => {
      const store = await open();
      await store.set("a", entry({ tags: ["id:p", "id:1"] }));
      await store.set("b", entry({ tags: ["id:p", "id:2"] }));
      await store.set("c", entry({ tags: ["id:2"] }));
      await store.set("d", entry({ tags: [] }));
      expect(await store.deleteByTag("id:p")).toBe(2);
      expect(await store.get("a")).toBeUndefined();
      expect(await store.get("b")).toBeUndefined();
      expect(await store.get("c")).toBeDefined();
      expect(await store.get("d")).toBeDefined();
      expect(await store.deleteByTag("id:p")).toBe(0);
      expect(await store.deleteByTag("id:unknown")).toBe(0);
    });

    it("deletes one entry", async () => {
      const store = await open();
      await store.set("a", entry());
      expect(await store.delete("a")).toBe(true);
      expect(await store.delete("a")).toBe(false);
      expect(await store.get("a")).toBeUndefined();
    });

    if (options.boundedLru !== false) {
      it("evicts the least recently used entry to stay under maxBytes", async () => {
        const store = await open();
        await store.set("a", entry({ value: new Uint8Array(BIG), tags: ["id:a"] }));
        await store.set("b", entry({ value: new Uint8Array(BIG), tags: ["id:b"] }));
        await store.get("a"); // a is now more recent than b
        await store.set("c", entry({ value: new Uint8Array(BIG), tags: ["id:c"] }));
        expect(await store.get("b")).toBeUndefined();
        expect(await store.get("a")).toBeDefined();
        expect(await store.get("c")).toBeDefined();
        // the evicted entry left the tag index too
        expect(await store.deleteByTag("id:b")).toBe(0);
      });

      it("does not store a value larger than the bound, and drops the key's older entry", async () => {
        const store = await open();
        await store.set("k", entry({ value: bytes("small") }));
        await store.set("k", entry({ value: new Uint8Array(MAX_BYTES + 1) }));
        expect(await store.get("k")).toBeUndefined();
        await store.set("other", entry({ value: new Uint8Array(MAX_BYTES + 1) }));
        expect(await store.get("other")).toBeUndefined();
      });
    }

    it("locks a key for one holder at a time, until released or expired (when it has lock())", async () => {
      const store = await open();
      if (!store.lock) return;
      const release = await store.lock("k", 10_000);
      expect(release).toBeTypeOf("function");
      expect(await store.lock("k", 10_000)).toBeNull();
      const other = await store.lock("other-key", 10_000);
      expect(other).toBeTypeOf("function");
      await release!();
      const again = await store.lock("k", 150);
      expect(again).toBeTypeOf("function");
      // an expired lock can be taken; the old holder's late release must not free the new holder's lock
      await new Promise((r) => setTimeout(r, 300));
      const next = await store.lock("k", 10_000);
      expect(next).toBeTypeOf("function");
      await again!();
      expect(await store.lock("k", 10_000)).toBeNull();
      await next!();
      await other!();
    });
  });
}

function entry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  const now = Date.now();
  return {
    value: bytes("{}"),
    storedAt: now,
    freshUntil: now + 60_000,
    staleUntil: now + 120_000,
    tags: [],
    ...overrides,
  };
}

function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function text(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}
