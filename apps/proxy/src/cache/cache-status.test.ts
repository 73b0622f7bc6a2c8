/** The Cache-Status values, parameter order as in RFC 9211's examples. */
import { describe, expect, it } from "vitest";
import { cacheStatus, ttlSeconds } from "./cache-status.js";

describe("cacheStatus", () => {
  it.each([
    [{ hit: true, ttl: 299 }, "goatkit; hit; ttl=299"],
    [{ fwd: "miss", stored: true }, "goatkit; fwd=miss; stored"],
    [{ fwd: "miss", stored: true, collapsed: true }, "goatkit; fwd=miss; stored; collapsed"],
    [{ fwd: "uri-miss" }, "goatkit; fwd=uri-miss"],
    [{ fwd: "bypass" }, "goatkit; fwd=bypass"],
    [
      { hit: true, stale: true, fwd: "stale", fwdStatus: 503, ttl: -4, detail: "stale-if-error" },
      "goatkit; hit; stale; fwd=stale; fwd-status=503; ttl=-4; detail=stale-if-error",
    ],
  ] as const)("%j → %s", (parts, expected) => {
    expect(cacheStatus(parts)).toBe(expected);
  });

  it("counts ttl in whole seconds, at least -1 once stale", () => {
    expect(ttlSeconds(10_999, 0)).toBe(10);
    expect(ttlSeconds(0, 0)).toBe(0);
    expect(ttlSeconds(0, 1)).toBe(-1);
    expect(ttlSeconds(0, 2_500)).toBe(-3);
  });
});
