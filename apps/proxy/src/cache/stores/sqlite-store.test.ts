/**
 * The SQLite store passes core's CacheStore contract (the suite MemoryStore passes too), and keeps what
 * it holds across a restart: the reason it is the proxy's default.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeCacheStore } from "@goatkit/core-test-helpers/cache-store-contract.js";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "goatkit-sqlite-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(dir, `cache-${++files}.sqlite`);

describeCacheStore("SqliteStore (file)", ({ maxBytes }) => new SqliteStore(freshFile(), { maxBytes }));
describeCacheStore("SqliteStore (:memory:)", ({ maxBytes }) => new SqliteStore(":memory:", { maxBytes }));

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

describe("SqliteStore on a file", () => {
  it("keeps entries, tags and the LRU order across a restart", async () => {
    const file = freshFile();
    const first = new SqliteStore(file, { maxBytes: 10_000 });
    await first.set("a", entry("A".repeat(3_000), ["id:a"]));
    await first.set("b", entry("B".repeat(3_000), ["id:b"]));
    await first.get("a"); // a is now the most recent
    await first.close();

    const second = new SqliteStore(file, { maxBytes: 10_000 });
    expect(new TextDecoder().decode((await second.get("b"))!.value)).toBe("B".repeat(3_000));
    expect(second.bytes).toBeGreaterThan(6_000);
    await second.get("a");
    await second.set("c", entry("C".repeat(5_000), ["id:c"]));
    // b was least recently used before and after the restart, so it went first
    expect(await second.get("b")).toBeUndefined();
    expect(await second.get("a")).toBeDefined();
    expect(await second.deleteByTag("id:a")).toBe(1);
    await second.close();
  });

  it("drops entries that expired while it was closed", async () => {
    const file = freshFile();
    let now = Date.parse("2026-12-02T09:00:00Z");
    const clock = () => now;
    const first = new SqliteStore(file, { now: clock });
    await first.set("k", { ...entry("x"), storedAt: now, freshUntil: now + 1_000, staleUntil: now + 2_000 });
    await first.close();
    now += 5_000;
    const second = new SqliteStore(file, { now: clock });
    expect(await second.get("k")).toBeUndefined();
    expect(second.bytes).toBe(0);
    await second.close();
  });

  it("shares locks between two stores on one file (two proxy processes)", async () => {
    const file = freshFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    const release = await a.lock("k", 10_000);
    expect(release).toBeTypeOf("function");
    expect(await b.lock("k", 10_000)).toBeNull();
    await release!();
    const taken = await b.lock("k", 10_000);
    expect(taken).toBeTypeOf("function");
    await taken!();
    await a.close();
    await b.close();
  });

  it("refuses a bound that is not a positive number", () => {
    expect(() => new SqliteStore(":memory:", { maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
