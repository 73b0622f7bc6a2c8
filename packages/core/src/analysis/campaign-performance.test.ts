import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import {
  compareCampaignSeries,
  concentration,
  dailyGains,
  pacing,
  targetProgress,
  totalsFromVideos,
  viewsByCreator,
} from "./campaign-performance.js";

const series = (values: number[], start = 1) =>
  values.map((value, i) => ({ date: `2026-03-${String(start + i).padStart(2, "0")}`, value }));

describe("totalsFromVideos", () => {
  it("sums counted videos once each and counts distinct creators", () => {
    const a = video({
      id: "a",
      creator_id: "x",
      posted_at: "2026-03-01T00:00:00Z",
      view_count: 100,
      like_count: 10,
      save_count: 1,
    });
    const b = video({
      id: "b",
      creator_id: "y",
      posted_at: "2026-03-01T00:00:00Z",
      view_count: 50,
      share_count: 2,
    });
    const direct = video({
      id: "d",
      creator_id: null,
      posted_at: "2026-03-01T00:00:00Z",
      view_count: 5,
      tracking_status: "direct_add",
    });
    const pending = video({
      id: "p",
      creator_id: "z",
      posted_at: "2026-03-01T00:00:00Z",
      tracking_status: "pending_review",
    });
    expect(totalsFromVideos([a, b, a, direct, pending])).toEqual({
      view_count: 155,
      like_count: 10,
      comment_count: 0,
      share_count: 2,
      save_count: 1,
      video_count: 3,
      creator_count: 2,
    });
    expect(viewsByCreator([a, b, direct])).toEqual([
      { id: "x", view_count: 100 },
      { id: "y", view_count: 50 },
    ]);
  });
});

describe("pacing", () => {
  it("turns a cumulative series into daily gains, averages, slope and acceleration", () => {
    const p = pacing(series([100, 110, 130, 160, 200]));
    expect(dailyGains(series([100, 110]))).toEqual([{ date: "2026-03-02", value: 10 }]);
    expect(p.daily.map((d) => d.value)).toEqual([10, 20, 30, 40]);
    expect(p).toMatchObject({
      gained: 100,
      avg_per_day: 25,
      recent_per_day: 25,
      slope_per_day: 10,
      first_half_avg: 15,
      second_half_avg: 35,
      acceleration: 1.3333,
      direction: "accelerating",
    });
  });
  it("calls a falling pace slowing and a flat one steady", () => {
    expect(pacing(series([0, 40, 70, 90, 100])).direction).toBe("slowing");
    expect(pacing(series([0, 10, 20, 30, 40])).direction).toBe("steady");
    expect(pacing(series([0, 10, 20])).direction).toBe("insufficient_data");
  });
  it("handles empty and one-point series without NaN", () => {
    assertJsonSafe(pacing([]));
    assertJsonSafe(pacing(series([5])));
    expect(pacing([]).avg_per_day).toBeNull();
  });
});

describe("concentration", () => {
  it("is the share of views from the top video, top creator and top 3 creators", () => {
    const c = concentration(
      [
        { id: "v1", view_count: 500 },
        { id: "v2", view_count: 300 },
      ],
      [
        { id: "c2", view_count: 700 },
        { id: "c1", view_count: 800 },
        { id: "c3", view_count: 500 },
      ],
      2000,
    );
    expect(c).toEqual({
      top_video_id: "v1",
      top_video_share: 0.25,
      top_creator_id: "c1",
      top_creator_share: 0.4,
      top3_creator_share: 1,
    });
    assertJsonSafe(concentration([], [], 0));
  });
});

describe("targetProgress", () => {
  const asOf = "2026-03-15T12:00:00Z";
  const target = { target_views: 10_000, target_at: "2026-04-14T12:00:00Z", current_views: 4000 };
  it("projects at the target date from the recent pace", () => {
    expect(targetProgress({ ...target, pace_per_day: 200 }, asOf)).toMatchObject({
      status: "on_track",
      days_left: 30,
      projected_at_target: 10_000,
      required_per_day: 200,
      share_done: 0.4,
    });
    expect(targetProgress({ ...target, pace_per_day: 150 }, asOf)).toMatchObject({
      status: "behind",
      projected_at_target: 8500,
    });
  });
  it("knows reached, missed and no target", () => {
    expect(targetProgress({ ...target, current_views: 10_000, pace_per_day: 0 }, asOf).status).toBe(
      "reached",
    );
    expect(targetProgress({ ...target, pace_per_day: 150 }, "2026-04-15T00:00:00Z").status).toBe("missed");
    const none = targetProgress(
      { target_views: null, target_at: null, current_views: 5, pace_per_day: null },
      asOf,
    );
    expect(none.status).toBe("no_target");
    assertJsonSafe(none);
  });
});

describe("compareCampaignSeries", () => {
  const totals = (views: number, creators: number) => ({
    view_count: views,
    like_count: views / 10,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    video_count: 4,
    creator_count: creators,
  });
  it("normalises by days active and creators, and ranks by views per active day", () => {
    const rows = compareCampaignSeries([
      { campaign_id: "late", name: "Late", views: series([0, 0, 100, 200, 300]), totals: totals(300, 3) },
      {
        campaign_id: "early",
        name: "Early",
        views: series([1000, 1100, 1200, 1300, 1500]),
        totals: totals(1500, 5),
      },
      { campaign_id: "empty", name: "Empty", views: series([0, 0, 0]), totals: totals(0, 0) },
    ]);
    expect(rows.map((r) => [r.campaign_id, r.rank])).toEqual([
      ["early", 1],
      ["late", 2],
      ["empty", 3],
    ]);
    // late: 300 gained over the 3 days since it started (100/day), 100 per creator.
    expect(rows[1]).toMatchObject({
      days_active: 3,
      views_gained: 300,
      views_per_active_day: 100,
      views_per_creator: 100,
    });
    // early: 500 over 4 day-over-day intervals.
    expect(rows[0]).toMatchObject({ days_active: 5, views_per_active_day: 125, engagement_rate: 10 });
    expect(rows[2]).toMatchObject({ days_active: 0, views_per_active_day: null, views_per_creator: null });
    assertJsonSafe(rows);
  });
});
