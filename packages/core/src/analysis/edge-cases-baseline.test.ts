/**
 * Issue 12, case 3: no baseline means unknown, not zero. A cumulative series without a reading for the
 * day before the range cannot say what the range gained: `gained` is null, with the reason, and every
 * consumer (comparison, trends) says the gain is unknown instead of "had no views in the range".
 * Hand-computed fixtures.
 */
import { describe, expect, it } from "vitest";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { compareCampaignSeries, pacing } from "./campaign-performance.js";
import { analyzeCreatorTrendSeries } from "./trends.js";

const series = (values: number[], start = 1) =>
  values.map((value, i) => ({ date: `2026-03-${String(start + i).padStart(2, "0")}`, value }));

/** The new fields, read without depending on the type (the test is written before they exist). */
const unknownReason = (x: object): unknown => (x as { gain_unknown_reason?: unknown }).gain_unknown_reason;

describe("case 3: pacing without the day-before reading", () => {
  const range = { from: "2026-03-02", to: "2026-03-04" };

  it("returns gained: null with the reason when the series starts on `from`", () => {
    // Readings 03-02 … 03-04 only: what 03-02 itself gained is unknown, so is the range's total.
    const p = pacing(series([110, 130, 160], 2), { range });
    expect(p.gained).toBeNull();
    expect(p.avg_per_day).toBeNull();
    expect(unknownReason(p)).toMatch(/no reading before the range/);
    // The gains the readings do show stay: 03-03 +20, 03-04 +30.
    expect(p.daily).toEqual([
      { date: "2026-03-03", value: 20 },
      { date: "2026-03-04", value: 30 },
    ]);
    assertJsonSafe(p);
  });

  it("returns gained: null for a range without any reading", () => {
    const p = pacing([], { range });
    expect(p.gained).toBeNull();
    expect(String(unknownReason(p))).toMatch(/no reading/);
  });

  it("keeps gained = last − baseline, and no reason, when the day before is there", () => {
    const p = pacing(series([100, 110, 130, 160]), { range });
    expect(p.gained).toBe(60);
    expect(unknownReason(p)).toBeNull();
    expect((p as { baseline_date?: unknown }).baseline_date).toBe("2026-03-01");
  });
});

describe("case 3: campaign comparison", () => {
  const totals = (views: number) => ({
    view_count: views,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    video_count: 4,
    creator_count: 2,
  });
  const range = { from: "2026-03-02", to: "2026-03-04" };
  const rows = compareCampaignSeries(
    [
      // Baseline 1000 on 03-01: +300 over 3 days.
      { campaign_id: "known", name: "Known", views: series([1000, 1100, 1250, 1300]), totals: totals(1300) },
      // No reading before 03-02: the range's gain is unknown, not 300 and not 0.
      { campaign_id: "nobase", name: "No baseline", views: series([500, 600, 800], 2), totals: totals(800) },
      // A reading of 0 on 03-01 and no views since: a known 0.
      { campaign_id: "zero", name: "Zero", views: series([0, 0, 0, 0]), totals: totals(0) },
    ],
    range,
  );
  const byId = Object.fromEntries(rows.map((r) => [r.campaign_id, r]));

  it("gives the campaign without a baseline an unknown gain and unknown per-unit figures", () => {
    expect(byId.nobase).toMatchObject({
      views_gained: null,
      views_gained_per_active_day: null,
      views_gained_per_creator: null,
      views_gained_per_video: null,
    });
    expect(unknownReason(byId.nobase!)).toMatch(/no reading before the range/);
  });

  it("keeps known gains, a known zero included, and ranks the unknown last", () => {
    expect(byId.known).toMatchObject({ views_gained: 300, views_gained_per_active_day: 100 });
    expect(unknownReason(byId.known!)).toBeNull();
    expect(byId.zero).toMatchObject({ views_gained: 0, active_day_count: 0 });
    expect(unknownReason(byId.zero!)).toBeNull();
    expect(rows.map((r) => r.campaign_id)).toEqual(["known", "zero", "nobase"]);
  });
});

describe("case 3: creator trend", () => {
  // Readings from `from` (a Monday) on, none for the Sunday before: the gains over the range are unknown.
  const RANGE = { from: "2026-02-23", to: "2026-03-15" };
  const days = Array.from({ length: 21 }, (_, i) =>
    new Date(Date.UTC(2026, 1, 23 + i)).toISOString().slice(0, 10),
  );
  const followers = days.map((date, i) => ({ date, value: 1000 + 10 * i }));
  const views = days.map((date, i) => ({ date, value: 5000 + 100 * i }));
  const weeklyPosts = [
    { week_start: "2026-02-23", video_count: 3 },
    { week_start: "2026-03-02", video_count: 2 },
    { week_start: "2026-03-09", video_count: 2 },
  ];
  const t = analyzeCreatorTrendSeries({ range: RANGE, followers, views, weeklyPosts });

  it("says follower and view growth over the range are unknown", () => {
    expect(t.followers.change).toBeNull();
    expect(t.followers.change_ratio).toBeNull();
    expect(t.followers.pacing.gained).toBeNull();
    expect(t.views.change).toBeNull();
    expect(t.views.pacing.gained).toBeNull();
    expect(unknownReason(t.views.pacing)).toMatch(/no reading before the range/);
  });

  it("writes an 'unknown' highlight instead of a growth figure", () => {
    expect(t.highlights.some((h) => h.startsWith("followers +"))).toBe(false);
    expect(t.highlights.some((h) => /unknown/.test(h) && /no reading before the range/.test(h))).toBe(true);
  });

  it("still measures a range whose day before has a reading", () => {
    const withBase = analyzeCreatorTrendSeries({
      range: RANGE,
      followers: [{ date: "2026-02-22", value: 990 }, ...followers],
      views: [{ date: "2026-02-22", value: 4900 }, ...views],
      weeklyPosts,
    });
    // 990 → 1200: +210 over 21 days; views 4900 → 7000: +2100.
    expect(withBase.followers.change).toBe(210);
    expect(withBase.views.pacing.gained).toBe(2100);
    expect(unknownReason(withBase.views.pacing)).toBeNull();
  });
});
