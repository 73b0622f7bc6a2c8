import { describe, expect, it } from "vitest";
import { DEFAULT_FRESHNESS_POLICY, resolveFreshnessPolicy, routeFamily } from "./policy.js";

describe("routeFamily", () => {
  it.each([
    ["/api/v1/analytics", "analytics"],
    ["/api/v1/analytics/aggregate/video-leaderboard", "analytics"],
    ["/analytics/annotations", "analytics"],
    ["/api/v1/creators/3f1c/stats", "stats"],
    ["/api/v1/campaigns/3f1c/stats/", "stats"],
    ["/api/v1/schema", "schema"],
    ["/api/v1/openapi.json", "schema"],
    ["/api/v1/creators", "lists"],
    ["/api/v1/projects/3f1c/goal-compliance", "lists"],
    ["/api/v1/creators/stats-watchers", "lists"],
    ["/proxy/tg/api/v1/analytics", "analytics"],
    ["/api/v1", "lists"],
  ])("%s → %s", (path, family) => {
    expect(routeFamily(path)).toBe(family);
  });
});

describe("resolveFreshnessPolicy", () => {
  it("defaults: lists 5 min / 1 h, stats and analytics 15 min / 6 h, schema 24 h / 7 days", () => {
    expect(resolveFreshnessPolicy()).toEqual({
      lists: { ttlMs: 300_000, staleMs: 3_600_000 },
      stats: { ttlMs: 900_000, staleMs: 21_600_000 },
      analytics: { ttlMs: 900_000, staleMs: 21_600_000 },
      schema: { ttlMs: 86_400_000, staleMs: 604_800_000 },
    });
    expect(Object.isFrozen(DEFAULT_FRESHNESS_POLICY.lists)).toBe(true);
  });

  it("merges overrides per family and field", () => {
    const p = resolveFreshnessPolicy({ lists: { ttlMs: 1_000 }, schema: { ttlMs: 0, staleMs: 0 } });
    expect(p.lists).toEqual({ ttlMs: 1_000, staleMs: 3_600_000 });
    expect(p.schema).toEqual({ ttlMs: 0, staleMs: 0 });
    expect(p.stats).toEqual(DEFAULT_FRESHNESS_POLICY.stats);
    expect(resolveFreshnessPolicy({ lists: { ttlMs: undefined } }).lists.ttlMs).toBe(300_000);
  });

  it.each([
    [{ lists: { ttlMs: -1 } }, /lists\.ttlMs.*-1/],
    [{ stats: { staleMs: Number.POSITIVE_INFINITY } }, /stats\.staleMs/],
    [{ analytics: { ttlMs: Number.NaN } }, /analytics\.ttlMs/],
    [{ schema: { ttlMs: "60" as unknown as number } }, /schema\.ttlMs/],
  ])("rejects %j", (overrides, message) => {
    expect(() => resolveFreshnessPolicy(overrides)).toThrow(message);
  });

  it("rejects an unknown family", () => {
    expect(() => resolveFreshnessPolicy({ list: { ttlMs: 1 } } as never)).toThrow(
      /Unknown route family "list"/,
    );
  });
});
