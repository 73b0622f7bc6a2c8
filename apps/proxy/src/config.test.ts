/** Option checks: a bad value fails at start, naming the option. */
import { describe, expect, it } from "vitest";
import { parseCacheSpec } from "./cache/open-store.js";
import { normaliseUpstream, resolveProxyOptions } from "./config.js";

describe("options", () => {
  it("normalises the upstream base URL and refuses what cannot be one", () => {
    expect(normaliseUpstream("http://127.0.0.1:4010/api/v1/")).toBe("http://127.0.0.1:4010/api/v1");
    expect(normaliseUpstream("https://www.trackagoat.com/api/v1")).toBe("https://www.trackagoat.com/api/v1");
    expect(() => normaliseUpstream("not a url")).toThrow(/not a URL/);
    expect(() => normaliseUpstream("https://user:pw@x/api/v1")).toThrow(/credentials/);
    expect(() => normaliseUpstream("https://x/api/v1?key=1")).toThrow(/query/);
    expect(() => normaliseUpstream("https://x/api")).toThrow(/version segment/);
  });

  it("applies defaults and names the option a bad value belongs to", () => {
    const resolved = resolveProxyOptions({ policy: { lists: { ttlMs: 1_000 } } });
    expect(resolved.upstream).toBe("https://www.trackagoat.com/api/v1");
    expect(resolved.rateLimit).toEqual({ requests: 60, windowMs: 60_000 });
    expect(resolved.policy.lists).toEqual({ ttlMs: 1_000, staleMs: 3_600_000 });
    expect(resolved.revalidate.lists).toBe(60_000);
    expect(() => resolveProxyOptions({ maxWaitMs: -1 })).toThrow(/maxWaitMs/);
    expect(() => resolveProxyOptions({ rateLimit: { requests: 0, windowMs: 1 } })).toThrow(
      /rateLimit.requests/,
    );
    expect(() => resolveProxyOptions({ revalidate: { lists: Number.NaN } })).toThrow(/lists/);
    expect(() => resolveProxyOptions({ policy: { lists: { ttlMs: -5 } } })).toThrow(/lists.ttlMs/);
    expect(() => resolveProxyOptions({ allowedHosts: ["a b"] })).toThrow(/allowedHosts/);
  });

  it("reads --cache values", () => {
    expect(parseCacheSpec("memory:")).toEqual({ kind: "memory" });
    expect(parseCacheSpec("sqlite:./a/b.sqlite")).toEqual({ kind: "sqlite", path: "./a/b.sqlite" });
    expect(() => parseCacheSpec("sqlite:")).toThrow(/file path/);
    expect(parseCacheSpec("redis://x:6379/1")).toEqual({
      kind: "redis",
      url: "redis://x:6379/1",
      prefix: "goatkit-proxy:",
    });
    expect(() => parseCacheSpec("mysql://x")).toThrow(/memory:, sqlite:<path> or redis:/);
  });
});
