/**
 * The Redis store against a real redis-server: core's CacheStore contract (as the memory and SQLite stores
 * pass it; the byte bound is Redis's own `maxmemory`), then what only a shared store must do: two stores
 * (two proxy instances) see each other's entries, locks and invalidations; an evicted tag index never
 * lets an entry escape invalidation; nothing secret goes into a key; and an outage fails fast and heals.
 */

import { cacheKey } from "@goatkit/core";
import { describeCacheStore } from "@goatkit/core-test-helpers/cache-store-contract.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RedisServer, startRedisServer } from "../../test-helpers/redis-server.js";
import { connectRedis, redactRedisUrl } from "./redis-connection.js";
import { RedisStore, StoreUnavailableError } from "./redis-store.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

let prefixes = 0;
const freshPrefix = () => `test-${++prefixes}:`;

describeCacheStore("RedisStore", () => RedisStore.connect(redis.url, { prefix: freshPrefix() }), {
  boundedLru: false,
});

const entry = (text: string, tags: string[] = []) => {
  const now = Date.now();
  return {
    value: new TextEncoder().encode(text),
    storedAt: now,
    freshUntil: now + 60_000,
    staleUntil: now + 120_000,
    tags,
  };
};

describe("RedisStore shared by two instances", () => {
  const opened: RedisStore[] = [];
  const pair = async () => {
    const prefix = freshPrefix();
    const a = await RedisStore.connect(redis.url, { prefix });
    const b = await RedisStore.connect(redis.url, { prefix });
    opened.push(a, b);
    return [a, b] as const;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it("one reads what the other stored, and a tag deleted through one is gone for both", async () => {
    const [a, b] = await pair();
    await a.set("k1", entry("one", ["id:p", "id:1"]));
    await a.set("k2", entry("two", ["id:2"]));
    expect(new TextDecoder().decode((await b.get("k1"))!.value)).toBe("one");
    expect(await b.deleteByTag("id:p")).toBe(1);
    expect(await a.get("k1")).toBeUndefined();
    expect(await a.get("k2")).toBeDefined();
  });

  it("a lock taken by one is refused to the other until released", async () => {
    const [a, b] = await pair();
    const release = await a.lock("k", 10_000);
    expect(release).toBeTypeOf("function");
    expect(await b.lock("k", 10_000)).toBeNull();
    await release!();
    const taken = await b.lock("k", 10_000);
    expect(taken).toBeTypeOf("function");
    await taken!();
  });

  it("an invalidation made while cut off from Redis is done once the connection is back", async () => {
    const [a, b] = await pair();
    await b.set("k", entry("pre-write", ["id:w"]));
    a.redis.disconnect(); // A is cut off; Redis and B carry on (a network split, not a restart)
    await vi.waitFor(() => expect(a.available).toBe(false));
    expect(await a.deleteByTag("id:w")).toBe(0); // not done yet…
    expect(a.pendingInvalidations).toBe(1);
    expect(await b.get("k")).toBeDefined();
    await a.redis.connect();
    await vi.waitFor(async () => expect(await b.get("k")).toBeUndefined()); // …done on reconnection
    expect(a.pendingInvalidations).toBe(0);
  });

  it("tells the other instance which tags were invalidated, not itself, and does not echo", async () => {
    const [a, b] = await pair();
    const heardByA: string[][] = [];
    const heardByB: string[][] = [];
    a.onRemoteInvalidation(async (tags) => {
      heardByA.push(tags);
    });
    // B handles it as the proxy does, by invalidating its own cache (which calls deleteByTag again).
    b.onRemoteInvalidation(async (tags) => {
      heardByB.push(tags);
      for (const tag of tags) await b.deleteByTag(tag);
    });
    await new Promise((r) => setTimeout(r, 100)); // both subscriptions in place
    await a.deleteByTag("id:x");
    await vi.waitFor(() => expect(heardByB).toEqual([["id:x"]]));
    await new Promise((r) => setTimeout(r, 100));
    expect(heardByA).toEqual([]); // B's handling did not announce it back
    expect(heardByB).toEqual([["id:x"]]);
  });
});

describe("RedisStore details", () => {
  let store: RedisStore;
  afterEach(async () => {
    await store?.close();
  });

  it("drops an entry whose tag index was evicted, so an invalidation can never miss it", async () => {
    const prefix = freshPrefix();
    store = await RedisStore.connect(redis.url, { prefix });
    await store.set("k", entry("x", ["id:a", "id:b"]));
    const client = await connectRedis(redis.url);
    try {
      await client.del(`${prefix}t:id:b`); // what maxmemory eviction could do
      expect(await store.get("k")).toBeUndefined();
      expect(await client.exists(`${prefix}e:k`)).toBe(0);
    } finally {
      client.disconnect();
    }
  });

  it("keys hold no credential: core's cache key hashes it", async () => {
    const prefix = freshPrefix();
    store = await RedisStore.connect(redis.url, { prefix });
    const secret = "tga_secret_key_that_must_not_appear";
    const key = cacheKey({ method: "GET", url: "http://x/api/v1/projects?limit=5" }, secret);
    await store.set(key, entry("{}", ["id:p"]));
    const release = await store.lock(key, 10_000);
    const client = await connectRedis(redis.url);
    try {
      const keys = await client.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThanOrEqual(3); // entry, tag set, lock
      for (const k of keys) expect(k).not.toContain(secret);
      expect(keys.join(" ")).toContain(" k="); // the hashed credential
    } finally {
      client.disconnect();
      await release?.();
    }
  });

  it("entries and tag sets expire in Redis at staleUntil", async () => {
    const prefix = freshPrefix();
    store = await RedisStore.connect(redis.url, { prefix });
    const now = Date.now();
    await store.set("k", { ...entry("x", ["id:t"]), freshUntil: now + 10_000, staleUntil: now + 50_000 });
    const client = await connectRedis(redis.url);
    try {
      const entryTtl = await client.pttl(`${prefix}e:k`);
      const tagTtl = await client.pttl(`${prefix}t:id:t`);
      expect(entryTtl).toBeGreaterThan(40_000);
      expect(entryTtl).toBeLessThanOrEqual(50_000);
      expect(tagTtl).toBeGreaterThanOrEqual(entryTtl - 1_000);
    } finally {
      client.disconnect();
    }
  });

  it("fails fast while Redis is down, and works again once it is back, without a new store", async () => {
    const own = await startRedisServer();
    try {
      store = await RedisStore.connect(own.url, { prefix: freshPrefix() });
      await store.set("k", entry("x"));
      await own.stop();
      await vi.waitFor(() => expect(store.available).toBe(false));
      const started = performance.now();
      await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.lock("k", 1_000)).rejects.toThrow(/not connected/);
      expect(performance.now() - started).toBeLessThan(1_000); // no waiting on a dead connection
      await own.restart();
      await vi.waitFor(() => expect(store.available).toBe(true), { timeout: 10_000, interval: 50 });
      expect(await store.get("k")).toBeUndefined(); // restarted empty
      await store.set("k", entry("y"));
      expect(new TextDecoder().decode((await store.get("k"))!.value)).toBe("y");
    } finally {
      await store.close();
      await own.stop();
    }
  });

  it("cannot be opened on an address where nothing answers; the error names it without the password", async () => {
    const own = await startRedisServer();
    await own.stop();
    const url = `redis://:hunter2@127.0.0.1:${own.port}/0`;
    const err = await RedisStore.connect(url, { connectTimeoutMs: 500 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`127.0.0.1:${own.port}`);
    expect((err as Error).message).not.toContain("hunter2");
    expect(redactRedisUrl(url)).toBe(`redis://:***@127.0.0.1:${own.port}/0`);
  });
});
