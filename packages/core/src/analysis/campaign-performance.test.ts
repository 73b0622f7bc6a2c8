import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import {
  baselineSeries,
  compareCampaignSeries,
  concentration,
  createdBaselineDay,
  dailyGains,
  pacing,
  targetEndDay,
  targetProgress,
  totalsFromVideos,
  viewsByCreator,
  viewsSinceCreated,
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

describe("baselineSeries", () => {
  it("keeps the baseline day (from − 1) and the range, nothing else", () => {
    const s = series([90, 100, 110, 130, 160, 200], 1); // 03-01 … 03-06
    expect(baselineSeries(s, { from: "2026-03-03", to: "2026-03-05" })).toEqual([
      { date: "2026-03-02", value: 100 },
      { date: "2026-03-03", value: 110 },
      { date: "2026-03-04", value: 130 },
      { date: "2026-03-05", value: 160 },
    ]);
    // No point for the baseline day (data starts inside the range): the range's first point is the baseline.
    expect(baselineSeries(s, { from: "2026-03-01", to: "2026-03-02" })).toEqual(series([90, 100], 1));
    // Across a month end.
    const feb = [
      { date: "2026-02-28", value: 5 },
      { date: "2026-03-01", value: 8 },
    ];
    expect(baselineSeries(feb, { from: "2026-03-01", to: "2026-03-01" })).toEqual(feb);
  });
});

describe("pacing", () => {
  it("measures a 3-day range from its baseline day: 3 gains, gained = last − baseline", () => {
    // Cumulative views at each day's end; 03-01 is the baseline of the range 03-02 … 03-04. The
    // points before the baseline and after the range must not count.
    const cumulative = [{ date: "2026-02-28", value: 40 }, ...series([100, 110, 130, 160, 500], 1)];
    const range = { from: "2026-03-02", to: "2026-03-04" };
    const p = pacing(cumulative, { range });
    expect(p.daily).toEqual([
      { date: "2026-03-02", value: 10 },
      { date: "2026-03-03", value: 20 },
      { date: "2026-03-04", value: 30 },
    ]);
    expect(p).toMatchObject({ day_count: 3, gained: 160 - 100, avg_per_day: 20, recent_per_day: 20 });
    // Without a point for the baseline day the range's gain is unknown; the later days' gains remain.
    const late = pacing(series([110, 130, 160], 2), { range });
    expect(late).toMatchObject({ day_count: 2, gained: null, avg_per_day: null, baseline_date: null });
    expect(late.daily.map((d) => d.date)).toEqual(["2026-03-03", "2026-03-04"]);
  });
  it("turns a cumulative series into daily gains, averages, slope and acceleration", () => {
    // Without a range the series is taken as given: its first point is the baseline.
    const p = pacing(series([100, 110, 130, 160, 200]));
    expect(dailyGains(series([100, 110]))).toEqual([{ date: "2026-03-02", value: 10 }]);
    expect(p.daily.map((d) => d.value)).toEqual([10, 20, 30, 40]);
    expect(p).toMatchObject({
      day_count: 4,
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
    expect(pacing(series([0, 40, 70, 90, 100]), { threshold: 0.9 }).direction).toBe("steady");
  });
  it("has no direction for a series that gained nothing (no views, or no new ones)", () => {
    expect(pacing(series([0, 0, 0, 0, 0])).direction).toBe("insufficient_data");
    expect(pacing(series([700, 700, 700, 700, 700])).direction).toBe("insufficient_data");
    // One day with a gain is enough to pace: 0, 0 then 0, 5 → from nothing to something.
    expect(pacing(series([0, 0, 0, 0, 5])).direction).toBe("accelerating");
  });
  it("handles empty and one-point series without NaN", () => {
    assertJsonSafe(pacing([]));
    assertJsonSafe(pacing(series([5])));
    expect(pacing([]).avg_per_day).toBeNull();
    expect(pacing(series([5]))).toMatchObject({ day_count: 0, gained: 0, avg_per_day: null });
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

describe("targetProgress on views gained since the campaign was created", () => {
  const asOf = "2026-03-15T12:00:00Z";
  // A campaign created on 2025-12-10 that took in a creator's September videos: they already had
  // 900,000 views at the end of 2025-12-09, the day before; 960,000 now.
  const campaign = { created_at: "2025-12-10T09:00:00Z", target_at: "2026-04-14T12:00:00Z" };
  const history = [
    { date: "2025-12-09", value: 900_000 },
    { date: "2025-12-10", value: 905_000 },
    { date: "2026-03-01", value: 950_000 },
    { date: "2026-03-15", value: 960_000 },
  ];

  it("counts only what the videos gained while the campaign existed", () => {
    const since = viewsSinceCreated(history, campaign, 960_000, asOf);
    expect(since).toEqual({
      views: 60_000,
      baseline_date: "2025-12-09",
      baseline_views: 900_000,
      end_date: null,
      end_views: 960_000,
    });
    const t = targetProgress(
      {
        target_views: 100_000,
        target_at: campaign.target_at,
        lifetime_views: 960_000,
        since_created: since,
        pace_per_day: 1000,
      },
      asOf,
    );
    // 60,000 counted, not the 960,000 lifetime views (which alone would read "reached, 960 %").
    // 30 days left at 1,000/day: projected 90,000 < 100,000; still needed 40,000 / 30 = 1,333.3 a day.
    expect(t).toMatchObject({
      status: "behind",
      basis: "since_created",
      basis_reason: null,
      views_counted: 60_000,
      lifetime_views: 960_000,
      baseline_date: "2025-12-09",
      baseline_views: 900_000,
      share_done: 0.6,
      days_left: 30,
      projected_at_target: 90_000,
      required_per_day: 1333.3,
    });
  });

  it("stops counting at target_at's day once it has passed", () => {
    const passed = { ...campaign, target_at: "2026-03-01T23:59:59Z" };
    const since = viewsSinceCreated(history, passed, 960_000, asOf);
    // Level at the end of 2026-03-01 (950,000) − 900,000; the 10,000 views after the deadline do not count.
    expect(since).toMatchObject({ views: 50_000, end_date: "2026-03-01", end_views: 950_000 });
    const judged = (target_views: number) =>
      targetProgress(
        {
          target_views,
          target_at: passed.target_at,
          lifetime_views: 960_000,
          since_created: since,
          pace_per_day: 1000,
        },
        asOf,
      ).status;
    expect(judged(40_000)).toBe("reached");
    expect(judged(55_000)).toBe("missed");
  });

  it("falls back to lifetime totals, saying why, when the baseline day has no history", () => {
    expect(viewsSinceCreated(history.slice(1), campaign, 960_000, asOf)).toBeNull();
    // target_at passed but its day is not in the history: no guess either.
    expect(
      viewsSinceCreated(history, { ...campaign, target_at: "2026-03-02T10:00:00Z" }, 960_000, asOf),
    ).toBeNull();
    const t = targetProgress(
      {
        target_views: 100_000,
        target_at: campaign.target_at,
        lifetime_views: 960_000,
        since_created: null,
        basis_reason: "no history for 2025-12-09",
        pace_per_day: 1000,
      },
      asOf,
    );
    expect(t).toMatchObject({
      status: "reached",
      basis: "lifetime",
      basis_reason: "no history for 2025-12-09",
      views_counted: 960_000,
      lifetime_views: 960_000,
      baseline_date: null,
      share_done: 9.6,
    });
  });

  it("takes the day before created_at, in UTC", () => {
    expect(createdBaselineDay("2026-03-01T00:00:00Z")).toBe("2026-02-28");
    expect(createdBaselineDay("2026-03-01T01:00:00+02:00")).toBe("2026-02-27");
    expect(targetEndDay("2026-03-15T12:00:00Z", asOf)).toBeNull();
    expect(targetEndDay("2026-03-15T11:59:59Z", asOf)).toBe("2026-03-15");
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
  it("normalises the views gained by active days, creators and videos, and ranks by gained per active day", () => {
    // Each series' first point (03-01) is the baseline of the range 03-02 … 03-05.
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
    // late: first views on 03-03; 300 gained over the 3 days 03-03 … 03-05 (100/day), over 3 creators
    // (100 each) and 4 videos (75 each).
    expect(rows[1]).toMatchObject({
      active_day_count: 3,
      views_gained: 300,
      views_gained_per_active_day: 100,
      views_gained_per_creator: 100,
      views_gained_per_video: 75,
    });
    // early: had views before the range, so active all 4 days: 500 gained over 4 days, 5 creators and
    // 4 videos. Per video is the range's 500 / 4, not the lifetime 1,500 / 4 = 375.
    expect(rows[0]).toMatchObject({
      active_day_count: 4,
      views_gained: 500,
      views_gained_per_active_day: 125,
      views_gained_per_creator: 100,
      views_gained_per_video: 125,
    });
    // The lifetime totals stay apart, with their engagement rate: 150 likes / 1,500 views.
    expect(rows[0]!.lifetime).toEqual({ ...totals(1500, 5), engagement_rate: 0.1 });
    expect(rows[2]).toMatchObject({
      active_day_count: 0,
      views_gained_per_active_day: null,
      views_gained_per_creator: null,
    });
    assertJsonSafe(rows);
  });

  it("counts days active as the days whose gains make up views gained (3-day range with a baseline)", () => {
    const range = { from: "2026-03-02", to: "2026-03-04" };
    const rows = compareCampaignSeries(
      [
        // Active the whole range: baseline 1000 on 03-01, then +100, +150, +50.
        {
          campaign_id: "whole",
          name: "Whole",
          views: series([1000, 1100, 1250, 1300]),
          totals: totals(1300, 2),
        },
        // No views until 03-03: active 03-03 and 03-04 only. The point after the range is ignored.
        { campaign_id: "late", name: "Late", views: series([0, 0, 50, 80, 9999]), totals: totals(80, 1) },
        // The data starts on `from` (no baseline point): the gain is unknown, not 300.
        {
          campaign_id: "nobase",
          name: "No baseline",
          views: series([500, 600, 800], 2),
          totals: totals(800, 1),
        },
      ],
      range,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.campaign_id, r]));
    expect(byId.whole).toMatchObject({
      active_day_count: 3,
      views_gained: 300,
      views_gained_per_active_day: 100,
    });
    expect(byId.late).toMatchObject({
      active_day_count: 2,
      views_gained: 80,
      views_gained_per_active_day: 40,
    });
    expect(byId.nobase).toMatchObject({
      views_gained: null,
      views_gained_per_active_day: null,
      gain_unknown_reason: "no reading before the range: the history starts on 2026-03-02",
    });
    for (const r of rows.filter((x) => x.views_gained !== null))
      expect(r.views_gained_per_active_day! * r.active_day_count).toBeCloseTo(r.views_gained!, 6);
  });
});
