import type { StrictAnnotation as Annotation } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { byId, fixtureLookup, fixtureWorld, thrown } from "../test-helpers/stats-fixture.js";
import { type AnalyticsParams, type AnalyticsTarget, analytics } from "./analytics.js";
import { resolveCampaignVideos } from "./campaign-tree.js";

const world = fixtureWorld();
const creator = (id: string) => byId(world.creators, id);
const video = (id: string) => byId(world.videos, id);
const videosOf = (id: string) => world.videos.filter((v) => v.creator_id === id);

const creatorTarget = (id: string): AnalyticsTarget => ({
  entity: "creator",
  id,
  videos: videosOf(id), // includes v7 (pending) and v9 (disabled) for c1: must not count
  creator: creator(id),
});
const k1Target: AnalyticsTarget = {
  entity: "campaign",
  id: "k1",
  videos: resolveCampaignVideos("k1", fixtureLookup(world)),
  creators: [creator("c1"), creator("c2")],
};

const values = (target: AnalyticsTarget, params: AnalyticsParams) =>
  analytics(world, target, params).series.map((p) => p.value);

describe("analytics: raw metrics", () => {
  it("views in new mode are daily gains; the response has the emulator-default shape", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "views",
      from: "2026-03-09",
      to: "2026-03-11",
      tier_retention_days: 365,
    });
    // Each day v1 gains 100 and v2 gains 200.
    expect(a).toEqual({
      entity: "creator",
      entity_id: "c1",
      metric: "views",
      unit: "count",
      mode: "new",
      granularity: "day",
      from: "2026-03-09",
      to: "2026-03-11",
      tz: "UTC",
      series: [
        { bucket_start: "2026-03-09", value: 300, is_partial: false },
        { bucket_start: "2026-03-10", value: 300, is_partial: false },
        { bucket_start: "2026-03-11", value: 300, is_partial: false },
      ],
      compare_series: null,
      breakdown_series: null,
      annotations: [],
      tier_retention_days: 365,
    });
  });

  it("views in cumulative mode are the summed snapshots at the bucket end", () => {
    // d7: 1700 + 1000; d8: 1800 + 1200; d9: 1900 + 1400.
    expect(
      values(creatorTarget("c1"), {
        metric: "views",
        mode: "cumulative",
        from: "2026-03-09",
        to: "2026-03-11",
      }),
    ).toEqual([2700, 3000, 3300]);
  });

  it("counts a video's first snapshot as a gain when it was posted inside the window, as a baseline otherwise", () => {
    // c2: v5 (posted in January) is first scraped on Mar 12 → baseline; v4 (posted Mar 13) is first
    // scraped on Mar 14 with 1000 views → all gained that day.
    expect(values(creatorTarget("c2"), { metric: "views", from: "2026-03-11", to: "2026-03-15" })).toEqual([
      0, // Mar 11: nothing scraped yet
      0, // Mar 12: v5 baseline
      50, // Mar 13: v5 +50
      50 + 1000, // Mar 14
      50 + 500, // Mar 15
    ]);
  });

  it("followers: gains carried from the first snapshot, which is a baseline; null without data", () => {
    expect(
      values(creatorTarget("c1"), { metric: "followers", from: "2026-03-09", to: "2026-03-11" }),
    ).toEqual([10, 10, 10]);
    expect(
      values(creatorTarget("c1"), {
        metric: "followers",
        mode: "cumulative",
        from: "2026-03-09",
        to: "2026-03-11",
      }),
    ).toEqual([1070, 1080, 1090]);
    expect(
      values(creatorTarget("c2"), { metric: "followers", from: "2026-03-10", to: "2026-03-13" }),
    ).toEqual([null, null, 0, 5]);
    expect(
      values(creatorTarget("c2"), {
        metric: "followers",
        mode: "cumulative",
        from: "2026-03-10",
        to: "2026-03-13",
      }),
    ).toEqual([null, null, 500, 505]);
  });

  it("followers of a campaign sum its distinct creators", () => {
    // Mar 11: only c1 (1090); Mar 12: c1 1100 + c2 500 (c2's first snapshot is a baseline in new mode).
    expect(
      values(k1Target, { metric: "followers", mode: "cumulative", from: "2026-03-11", to: "2026-03-12" }),
    ).toEqual([1090, 1600]);
    expect(values(k1Target, { metric: "followers", from: "2026-03-11", to: "2026-03-12" })).toEqual([10, 10]);
  });

  it("posts per ISO week, new and cumulative; the as-of bucket is partial", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "posts",
      granularity: "week",
      from: "2026-03-02",
      to: "2026-03-25",
    });
    expect(a.series).toEqual([
      { bucket_start: "2026-03-02", value: 1, is_partial: false }, // v2
      { bucket_start: "2026-03-09", value: 0, is_partial: false }, // v9 is disabled
      { bucket_start: "2026-03-16", value: 1, is_partial: false }, // v3
      { bucket_start: "2026-03-23", value: 0, is_partial: true },
    ]);
    // Cumulative: all-time counted posts through each bucket end (v1 was posted in February).
    expect(
      values(creatorTarget("c1"), {
        metric: "posts",
        mode: "cumulative",
        granularity: "week",
        from: "2026-03-02",
        to: "2026-03-25",
      }),
    ).toEqual([2, 2, 3, 3]);
  });

  it("month buckets are labelled by the 1st, and buckets outside the window are null", () => {
    const cum = analytics(world, creatorTarget("c1"), {
      metric: "views",
      mode: "cumulative",
      granularity: "month",
      from: "2026-02-20",
      to: "2026-03-25",
    });
    expect(cum.series).toEqual([
      { bucket_start: "2026-02-01", value: null, is_partial: false },
      { bucket_start: "2026-03-01", value: 3300 + 4200, is_partial: true },
    ]);
    // New: v1 gains 100 on d1…d23 (d0 is its baseline) = 2300; v2 gains all of its 4200.
    expect(
      values(creatorTarget("c1"), {
        metric: "views",
        granularity: "month",
        from: "2026-02-20",
        to: "2026-03-25",
      }),
    ).toEqual([null, 2300 + 4200]);
  });

  it("flags only the bucket holding the as-of day as partial", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "views",
      from: "2026-03-23",
      to: "2026-03-25",
    });
    expect(a.series.map((p) => p.is_partial)).toEqual([false, false, true]);
  });
});

describe("analytics: derived metrics", () => {
  it("engagement_rate_by_views over the bucket's gains (new) or totals (cumulative)", () => {
    // Mar 9 gains: likes 20+20, comments 1+2, shares 0+1, saves 1+1 = 46 over 300 views.
    expect(
      values(creatorTarget("c1"), {
        metric: "engagement_rate_by_views",
        from: "2026-03-09",
        to: "2026-03-09",
      })[0],
    ).toBeCloseTo((46 / 300) * 100, 4);
    // Mar 9 totals: likes 240+100, comments 17+10, shares 5+5, saves 12+5 = 394 over 2700 views.
    const cum = values(creatorTarget("c1"), {
      metric: "engagement_rate_by_views",
      mode: "cumulative",
      from: "2026-03-09",
      to: "2026-03-09",
    });
    expect(cum[0]).toBeCloseTo((394 / 2700) * 100, 4);
  });

  it("engagement_rate_by_views is null when no views were gained", () => {
    // c1 on Mar 2: v1's baseline day, nothing gained.
    expect(
      values(creatorTarget("c1"), {
        metric: "engagement_rate_by_views",
        from: "2026-03-02",
        to: "2026-03-02",
      }),
    ).toEqual([null]);
  });

  it("engagement_rate_by_followers divides by the carried-forward follower count", () => {
    const [v] = values(creatorTarget("c1"), {
      metric: "engagement_rate_by_followers",
      from: "2026-03-09",
      to: "2026-03-09",
    });
    expect(v).toBeCloseTo((46 / 1070) * 100, 4);
    const [c] = values(creatorTarget("c1"), {
      metric: "engagement_rate_by_followers",
      mode: "cumulative",
      from: "2026-03-09",
      to: "2026-03-09",
    });
    expect(c).toBeCloseTo((394 / 1070) * 100, 4);
  });

  it("engagement_rate_by_followers is null without follower data", () => {
    // c3 has never been profile-scraped, although its video v10 has views.
    expect(
      values(creatorTarget("c3"), {
        metric: "engagement_rate_by_followers",
        from: "2026-03-22",
        to: "2026-03-24",
      }),
    ).toEqual([null, null, null]);
    // …while the rate by views exists: Mar 23 v10 first snapshot (posted that day): 10 likes / 100 views.
    expect(
      values(creatorTarget("c3"), {
        metric: "engagement_rate_by_views",
        from: "2026-03-23",
        to: "2026-03-23",
      }),
    ).toEqual([10]);
  });

  it("posts_per_week = posts × 7 / days in the (clipped) bucket; cumulative runs from `from`", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "posts_per_week",
      granularity: "week",
      from: "2026-03-04",
      to: "2026-03-25",
    });
    expect(a.unit).toBe("posts_per_week");
    // Week of Mar 2 covers Mar 4–8 (5 days, 1 post); Mar 9 (0); Mar 16 (1 of 7 days); Mar 23–25 (0 of 3).
    expect(a.series.map((p) => [p.bucket_start, p.value])).toEqual([
      ["2026-03-02", 1.4],
      ["2026-03-09", 0],
      ["2026-03-16", 1],
      ["2026-03-23", 0],
    ]);
    const cum = values(creatorTarget("c1"), {
      metric: "posts_per_week",
      mode: "cumulative",
      from: "2026-03-04",
      to: "2026-03-06",
    });
    // Mar 4: 0 posts in 1 day; Mar 5: 1 in 2 days → 3.5; Mar 6: 1 in 3 days → 2.3333.
    expect(cum[0]).toBe(0);
    expect(cum[1]).toBe(3.5);
    expect(cum[2]).toBeCloseTo(7 / 3, 4);
  });

  it("avg_views_per_post = views (gained or total) / videos posted through the day; null with no posts", () => {
    const target = creatorTarget("c1");
    const newMode = analytics(world, target, {
      metric: "avg_views_per_post",
      from: "2026-03-09",
      to: "2026-03-09",
    });
    expect(newMode.unit).toBe("views_per_post");
    expect(newMode.series[0]!.value).toBe(300 / 2); // v1 and v2 posted by then
    expect(
      values(target, {
        metric: "avg_views_per_post",
        mode: "cumulative",
        from: "2026-03-09",
        to: "2026-03-09",
      }),
    ).toEqual([2700 / 2]);
    // c3's only video v10 is posted Mar 23: nothing posted before → null; Mar 23: 100 gained / 1.
    expect(
      values(creatorTarget("c3"), { metric: "avg_views_per_post", from: "2026-03-21", to: "2026-03-23" }),
    ).toEqual([null, null, 100]);
  });

  it("growth_rate_pop of the base metric against the previous bucket", () => {
    // c1 view gains: Mar 3 100, Mar 4 100, Mar 5 100 + 200 (v2's first day), Mar 6 300.
    const a = analytics(world, creatorTarget("c1"), {
      metric: "growth_rate_pop",
      base_metric: "views",
      from: "2026-03-04",
      to: "2026-03-06",
    });
    expect(a.unit).toBe("percent");
    expect(a.series.map((p) => p.value)).toEqual([0, 200, 0]);
    expect(a).toHaveProperty("base_metric", "views");
    // Cumulative: Mar 4 total 1200, Mar 5 total 1300 + 200 → +25 %.
    expect(
      values(creatorTarget("c1"), {
        metric: "growth_rate_pop",
        base_metric: "views",
        mode: "cumulative",
        from: "2026-03-05",
        to: "2026-03-05",
      }),
    ).toEqual([25]);
    // Followers gain 10 a day: 0 % growth of the gain.
    expect(
      values(creatorTarget("c1"), {
        metric: "growth_rate_pop",
        base_metric: "followers",
        from: "2026-03-09",
        to: "2026-03-09",
      }),
    ).toEqual([0]);
  });

  it("growth_rate_pop is null when the previous value is 0", () => {
    // c2 gains nothing on Mar 11 and Mar 12 (v5 baseline), 50 on Mar 13.
    expect(
      values(creatorTarget("c2"), {
        metric: "growth_rate_pop",
        base_metric: "views",
        from: "2026-03-12",
        to: "2026-03-14",
      }),
    ).toEqual([null, null, ((1050 - 50) / 50) * 100]);
  });
});

describe("analytics: compare and breakdown", () => {
  it("compare=prior_period adds the same number of days right before `from`", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "views",
      from: "2026-03-05",
      to: "2026-03-06",
      compare: "prior_period",
    });
    expect(a.series.map((p) => p.value)).toEqual([300, 300]);
    expect(a.compare_series).toEqual([
      { bucket_start: "2026-03-03", value: 100, is_partial: false },
      { bucket_start: "2026-03-04", value: 100, is_partial: false },
    ]);
  });

  it("a prior period outside the window has null values", () => {
    const a = analytics(world, creatorTarget("c1"), {
      metric: "views",
      from: "2026-03-02",
      to: "2026-03-03",
      compare: "prior_period",
    });
    expect(a.series.map((p) => p.value)).toEqual([0, 100]); // Mar 2 is v1's baseline
    expect(a.compare_series!.map((p) => [p.bucket_start, p.value])).toEqual([
      ["2026-02-28", null],
      ["2026-03-01", null],
    ]);
  });

  it("breakdown=video lists the campaign's videos by views gained in the range", () => {
    const a = analytics(world, k1Target, {
      metric: "views",
      from: "2026-03-16",
      to: "2026-03-25",
      breakdown: "video",
    });
    // Gains Mar 16–25: v4 10 × 500, v2 10 × 200, v6 1200 (posted Mar 22), v1 10 × 100, v3 0.
    expect(a.breakdown_series!.map((b) => b.entity_ref.id)).toEqual(["v4", "v2", "v6", "v1", "v3"]);
    expect(a.breakdown_series![0]!.entity_ref).toEqual({ id: "v4", label: "Dance, part 2" });
    expect(a.breakdown_series![2]!.entity_ref.label).toBe(video("v6").url); // untitled → url
    expect(a.breakdown_series![0]!.series.every((p) => p.value === 500)).toBe(true);
    // With no more than 10 videos there is no rest bucket.
    expect(a.breakdown_series!.some((b) => b.entity_ref.id === "__other__")).toBe(false);
  });

  it("breakdown puts everything after the top 10 into __other__", () => {
    const counted = world.videos.filter((v) => ["v1", "v2", "v3", "v4", "v5", "v6", "v10"].includes(v.id));
    const clones = ["v5a", "v5b", "v5c", "v5d", "v5e", "v5f"].map((id) => ({ ...video("v5"), id }));
    const target: AnalyticsTarget = {
      entity: "project",
      id: "p1",
      videos: [...counted, ...clones],
      creators: [],
    };
    const a = analytics(world, target, {
      metric: "views",
      from: "2026-03-16",
      to: "2026-03-25",
      breakdown: "video",
    });
    // Gains: v4 5000, v2 2000, v6 1200, v1 1000, v5 and its six clones 500 each (ties by id), v10 300, v3 0.
    expect(a.breakdown_series!.map((b) => b.entity_ref.id)).toEqual([
      "v4",
      "v2",
      "v6",
      "v1",
      "v5",
      "v5a",
      "v5b",
      "v5c",
      "v5d",
      "v5e",
      "__other__",
    ]);
    const other = a.breakdown_series!.at(-1)!;
    expect(other.entity_ref).toEqual({ id: "__other__", label: "Other" });
    // Rest = v5f (50 a day) + v10 (posted Mar 23: 100 a day from then) + v3 (0).
    expect(other.series.map((p) => p.value)).toEqual([50, 50, 50, 50, 50, 50, 50, 150, 150, 150]);
    // The main series is the whole set: Mar 16 = v1 100 + v2 200 + v4 500 + 7 × 50.
    expect(a.series[0]!.value).toBe(100 + 200 + 500 + 7 * 50);
  });

  it("breakdown works with rate metrics on the rest bucket too", () => {
    const counted = world.videos.filter((v) => ["v1", "v2", "v3", "v4", "v5", "v6", "v10"].includes(v.id));
    const clones = ["v5a", "v5b", "v5c", "v5d", "v5e", "v5f"].map((id) => ({ ...video("v5"), id }));
    const target: AnalyticsTarget = { entity: "project", id: "p1", videos: [...counted, ...clones] };
    const a = analytics(world, target, {
      metric: "engagement_rate_by_views",
      from: "2026-03-23",
      to: "2026-03-23",
      breakdown: "video",
    });
    // Rest on Mar 23: v5f 50 views / 5 likes; v10 100 views / 10 likes (first day); v3 nothing → 15/150.
    expect(a.breakdown_series!.at(-1)!.series[0]!.value).toBe(10);
  });
});

describe("analytics: entities, validation and pass-through", () => {
  it("works for a single video", () => {
    const a = analytics(
      world,
      { entity: "video", id: "v2", videos: [video("v2")] },
      {
        metric: "engagement_rate_by_views",
        mode: "cumulative",
        from: "2026-03-05",
        to: "2026-03-05",
      },
    );
    expect(a.series[0]!.value).toBe(12); // (20 + 2 + 1 + 1) / 200
  });

  it("embeds the given annotations and echoes tier retention (null = unlimited)", () => {
    const note: Annotation = {
      id: "a1",
      org_id: "o1",
      created_at: "2026-03-10T00:00:00Z",
      project_id: "p1",
      entity: "creator",
      entity_id: "c1",
      date: "2026-03-10",
      kind: "manual",
      label: "Launch",
      note: null,
    };
    const a = analytics(world, creatorTarget("c1"), {
      metric: "views",
      annotations: [note],
      tier_retention_days: null,
    });
    expect(a.annotations).toEqual([note]);
    expect(a.tier_retention_days).toBeNull();
    expect(a.from).toBe("2026-02-24"); // default range
  });

  it("accepts any valid IANA tz but reports the UTC buckets it used", () => {
    expect(analytics(world, creatorTarget("c1"), { metric: "views", tz: "Europe/Berlin" }).tz).toBe("UTC");
  });

  const video2: AnalyticsTarget = { entity: "video", id: "v2", videos: [] };
  it.each<[string, AnalyticsTarget, AnalyticsParams]>([
    ["missing metric", creatorTarget("c1"), {}],
    ["unknown metric", creatorTarget("c1"), { metric: "reach" }],
    ["unknown mode", creatorTarget("c1"), { metric: "views", mode: "delta" }],
    ["unknown granularity", creatorTarget("c1"), { metric: "views", granularity: "hour" }],
    ["unknown compare", creatorTarget("c1"), { metric: "views", compare: "year_over_year" }],
    ["invalid tz", creatorTarget("c1"), { metric: "views", tz: "Mars/Olympus_Mons" }],
    ["from after to", creatorTarget("c1"), { metric: "views", from: "2026-03-10", to: "2026-03-01" }],
    ["bad day", creatorTarget("c1"), { metric: "views", from: "2026-02-31" }],
    ["growth without base", creatorTarget("c1"), { metric: "growth_rate_pop" }],
    ["growth with unknown base", creatorTarget("c1"), { metric: "growth_rate_pop", base_metric: "reach" }],
    ["video followers", video2, { metric: "followers" }],
    ["video ER by followers", video2, { metric: "engagement_rate_by_followers" }],
    ["video posts_per_week", video2, { metric: "posts_per_week" }],
    ["video avg_views_per_post", video2, { metric: "avg_views_per_post" }],
    ["video growth of followers", video2, { metric: "growth_rate_pop", base_metric: "followers" }],
    ["breakdown on a creator", creatorTarget("c1"), { metric: "views", breakdown: "video" }],
    ["unknown breakdown", k1Target, { metric: "views", breakdown: "creator" }],
    ["breakdown of followers", k1Target, { metric: "followers", breakdown: "video" }],
    [
      "breakdown of ER by followers",
      k1Target,
      { metric: "engagement_rate_by_followers", breakdown: "video" },
    ],
  ])("rejects %s with 400 invalid_query", (_, target, params) => {
    expect(thrown(() => analytics(world, target, params))).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
  });
});
