import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { analyzeCreatorTrendSeries, weeklyPostsFromVideos } from "./trends.js";

// Three whole ISO weeks: Monday 2026-02-23 … Sunday 2026-03-15.
const RANGE = { from: "2026-02-23", to: "2026-03-15" };
const days = Array.from({ length: 21 }, (_, i) =>
  new Date(Date.UTC(2026, 1, 23 + i)).toISOString().slice(0, 10),
);

describe("weeklyPostsFromVideos", () => {
  it("counts counted posts per ISO week overlapping the range, zero weeks included", () => {
    const vids = [
      video({ posted_at: "2026-02-23T00:00:00Z" }),
      video({ posted_at: "2026-03-01T23:59:59Z" }),
      video({ posted_at: "2026-03-15T10:00:00Z" }),
      video({ posted_at: "2026-03-16T10:00:00Z" }), // after the range
      video({ posted_at: "2026-03-10T10:00:00Z", tracking_status: "pending_review" }),
    ];
    expect(weeklyPostsFromVideos(vids, RANGE)).toEqual([
      { week_start: "2026-02-23", video_count: 2 },
      { week_start: "2026-03-02", video_count: 0 },
      { week_start: "2026-03-09", video_count: 1 },
    ]);
  });
});

describe("analyzeCreatorTrendSeries", () => {
  // Followers +10/day; views +100/day in week 1, +200/day in week 2, +100/day in week 3.
  const followers = days.map((date, i) => ({ date, value: 1000 + 10 * i }));
  let v = 0;
  const views = days.map((date, i) => {
    if (i > 0) v += i <= 7 ? 100 : i <= 14 ? 200 : 100;
    return { date, value: 5000 + v };
  });
  const weeklyPosts = [
    { week_start: "2026-02-23", video_count: 3 },
    { week_start: "2026-03-02", video_count: 0 },
    { week_start: "2026-03-09", video_count: 2 },
  ];
  const t = analyzeCreatorTrendSeries({ range: RANGE, followers, views, weeklyPosts });

  it("measures follower and view growth over the range", () => {
    expect(t.followers).toMatchObject({ start: 1000, end: 1200, change: 200, change_pct: 20 });
    expect(t.views.change).toBe(100 * 7 + 200 * 7 + 100 * 6);
  });

  it("sums gains per week and compares weeks (the first week is partial: its Monday has no gain)", () => {
    expect(
      t.weeks.map((w) => [w.week_start, w.partial, w.views_gained, w.followers_gained, w.views_wow_pct]),
    ).toEqual([
      ["2026-02-23", true, 600, 60, null],
      ["2026-03-02", false, 1300, 70, null],
      ["2026-03-09", false, 800, 70, -38.5],
    ]);
    expect(t.weeks[2]!.views_per_post).toBe(400);
  });

  it("finds posting gaps and writes highlights", () => {
    expect(t.posting_gaps).toEqual(["2026-03-02"]);
    expect(t.highlights[0]).toBe("followers +200 (20%) over 2026-02-23 → 2026-03-15");
    expect(t.highlights.some((h) => h.includes("2026-03-02"))).toBe(true);
    assertJsonSafe(t);
  });

  it("handles empty series without NaN", () => {
    const e = analyzeCreatorTrendSeries({ range: RANGE, followers: [], views: [], weeklyPosts: [] });
    expect(e.posting_gaps).toEqual([]);
    expect(e.followers.change).toBeNull();
    assertJsonSafe(e);
  });
});
