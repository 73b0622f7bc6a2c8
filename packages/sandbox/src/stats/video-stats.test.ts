import { describe, expect, it } from "vitest";
import { byId, fixtureWorld, thrown } from "../test-helpers/stats-fixture.js";
import { parseDateRange } from "./range.js";
import { videoStats } from "./video-stats.js";

const world = fixtureWorld();
const v = (id: string) => byId(world.videos, id);
const range = (from: string, to: string) => parseDateRange({ from, to }, world);

describe("videoStats without metric", () => {
  it("returns the cumulative counters of the days that have a snapshot", () => {
    const s = videoStats(world, v("v2"), range("2026-03-03", "2026-03-07"));
    // v2 is first snapshotted on d3 = Mar 5; Mar 3 and 4 are omitted.
    expect(s).toEqual({
      video_id: "v2",
      from: "2026-03-03",
      to: "2026-03-07",
      history: [
        {
          date: "2026-03-05",
          view_count: 200,
          like_count: 20,
          comment_count: 2,
          share_count: 1,
          save_count: 1,
        },
        {
          date: "2026-03-06",
          view_count: 400,
          like_count: 40,
          comment_count: 4,
          share_count: 2,
          save_count: 2,
        },
        {
          date: "2026-03-07",
          view_count: 600,
          like_count: 60,
          comment_count: 6,
          share_count: 3,
          save_count: 3,
        },
      ],
    });
  });

  it("has an empty history outside the window", () => {
    expect(videoStats(world, v("v1"), range("2026-04-01", "2026-04-03")).history).toEqual([]);
  });
});

describe("videoStats with metric", () => {
  it("engagement_rate_by_views on daily gains: posted-in-window first snapshot counts from 0", () => {
    const s = videoStats(world, v("v2"), range("2026-03-04", "2026-03-06"), {
      metric: "engagement_rate_by_views",
    });
    expect(s.metric).toBe("engagement_rate_by_views");
    expect(s.unit).toBe("percent");
    // Mar 4: no snapshot, 0 views gained → null. Mar 5 (first snapshot, posted that day): 200 views,
    // 20+2+1+1 = 24 engagements → 12 %. Mar 6: same gains → 12 %.
    expect(s.series).toEqual([
      { date: "2026-03-04", value: null },
      { date: "2026-03-05", value: 12 },
      { date: "2026-03-06", value: 12 },
    ]);
    expect(s.history).toBeUndefined();
  });

  it("treats the first snapshot of a video posted before the window as a baseline", () => {
    const s = videoStats(world, v("v1"), range("2026-03-02", "2026-03-03"), {
      metric: "engagement_rate_by_views",
    });
    // Mar 2 (d0) is v1's baseline: nothing gained → null. Mar 3: 100 views, 20+1+0+1 = 22 → 22 %.
    expect(s.series!.map((p) => p.value)).toEqual([null, 22]);
  });

  it("is null on days a video gains no views", () => {
    const s = videoStats(world, v("v3"), range("2026-03-18", "2026-03-20"), {
      metric: "engagement_rate_by_views",
    });
    expect(s.series!.map((p) => p.value)).toEqual([null, null, null]);
  });

  it("growth_rate_pop compares each day's gain with the day before, null after a 0", () => {
    const s = videoStats(world, v("v4"), range("2026-03-12", "2026-03-15"), {
      metric: "growth_rate_pop",
      base_metric: "views",
    });
    // v4 view gains: Mar 11 0, Mar 12 0, Mar 13 0 (posted, not scraped yet), Mar 14 1000 (first snapshot,
    // posted inside the window), Mar 15 500. Growth: null, null, null (previous 0), (500−1000)/1000 = −50 %.
    expect(s.series!.map((p) => p.value)).toEqual([null, null, null, -50]);
    expect(s.unit).toBe("percent");
  });

  it("growth_rate_pop works on other base metrics", () => {
    const s = videoStats(world, v("v1"), range("2026-03-03", "2026-03-04"), {
      metric: "growth_rate_pop",
      base_metric: "likes",
    });
    // Mar 2 is the baseline (0 likes gained) → Mar 3 null; Mar 3 and Mar 4 both gain 20 → 0 %.
    expect(s.series!.map((p) => p.value)).toEqual([null, 0]);
  });

  it.each([
    [{ metric: "engagement_rate_by_followers" }],
    [{ metric: "posts_per_week" }],
    [{ metric: "views" }],
    [{ metric: "bogus" }],
    [{ metric: "growth_rate_pop" }],
    [{ metric: "growth_rate_pop", base_metric: "followers" }],
    [{ metric: "growth_rate_pop", base_metric: "bogus" }],
    [{ metric: "engagement_rate_by_views", granularity: "week" }],
  ])("rejects %j with 400 invalid_query", (options) => {
    expect(
      thrown(() => videoStats(world, v("v1"), range("2026-03-03", "2026-03-04"), options)),
    ).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
  });
});
