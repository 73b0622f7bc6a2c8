import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import {
  analyzeCreatorTrendSeries,
  postsOnDay,
  weeklyPostsFromVideos,
  weeklyPostsInRange,
} from "./trends.js";

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

describe("weeklyPostsInRange", () => {
  const vids = [
    video({ posted_at: "2026-02-22T20:00:00Z" }), // Sunday before a Monday `from`
    video({ posted_at: "2026-02-23T09:00:00Z" }),
    video({ posted_at: "2026-02-24T09:00:00Z" }), // Tuesday before a Wednesday `from`
    video({ posted_at: "2026-02-24T18:00:00Z", tracking_status: "pending_review" }),
    video({ posted_at: "2026-02-26T09:00:00Z" }),
    video({ posted_at: "2026-03-10T09:00:00Z" }),
  ];
  it("counts counted posts of one day", () => {
    expect(postsOnDay(vids, "2026-02-24")).toBe(1);
    expect(postsOnDay(vids, "2026-02-25")).toBe(0);
  });
  it("drops the extra week a Monday `from` adds when the call starts at the baseline day", () => {
    const fromBaseline = weeklyPostsFromVideos(vids, { from: "2026-02-22", to: RANGE.to });
    expect(fromBaseline.map((w) => w.week_start)).toEqual([
      "2026-02-16",
      "2026-02-23",
      "2026-03-02",
      "2026-03-09",
    ]);
    expect(weeklyPostsInRange(fromBaseline, RANGE, postsOnDay(vids, "2026-02-22"))).toEqual([
      { week_start: "2026-02-23", video_count: 3 },
      { week_start: "2026-03-02", video_count: 0 },
      { week_start: "2026-03-09", video_count: 1 },
    ]);
  });
  it("takes the baseline day's posts off the week it shares with `from`", () => {
    const range = { from: "2026-02-25", to: "2026-03-15" };
    const fromBaseline = weeklyPostsFromVideos(vids, { from: "2026-02-24", to: range.to });
    expect(fromBaseline[0]).toEqual({ week_start: "2026-02-23", video_count: 2 });
    const cut = weeklyPostsInRange(fromBaseline, range, postsOnDay(vids, "2026-02-24"));
    expect(cut).toEqual(weeklyPostsFromVideos(vids, range));
    expect(cut[0]).toEqual({ week_start: "2026-02-23", video_count: 1 });
    // Buckets of a call for exactly the range pass through unchanged.
    expect(weeklyPostsInRange(weeklyPostsFromVideos(vids, range), range, 0)).toEqual(cut);
  });
});

describe("analyzeCreatorTrendSeries", () => {
  // No point for the baseline day (2026-02-22), as when the data starts inside the range: the gains
  // over the whole range are unknown, the weeks' gains the readings show are still summed.
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

  it("calls the growth over the range unknown without the day-before reading, and keeps the daily gains", () => {
    expect(t.followers).toMatchObject({ start: null, end: 1200, change: null, change_ratio: null });
    expect(t.views.change).toBeNull();
    expect(t.views.pacing.gain_unknown_reason).toBe(
      "no reading before the range: the history starts on 2026-02-23",
    );
    expect(t.views.pacing.daily.reduce((s, d) => s + d.value, 0)).toBe(100 * 6 + 200 * 7 + 100 * 7);
  });

  it("sums gains per week and compares weeks (the first week is partial: its Monday has no gain)", () => {
    expect(
      t.weeks.map((w) => [
        w.week_start,
        w.partial,
        w.views_gained,
        w.followers_gained,
        w.views_wow_change_ratio,
      ]),
    ).toEqual([
      ["2026-02-23", true, 600, 60, null],
      ["2026-03-02", false, 1300, 70, null],
      // (800 − 1300) / 1300 = −0.384615…
      ["2026-03-09", false, 800, 70, -0.3846],
    ]);
    expect(t.weeks[2]!.views_gained_per_post).toBe(400);
  });

  it("finds posting gaps and writes highlights", () => {
    expect(t.posting_gaps).toEqual(["2026-03-02"]);
    expect(t.highlights[0]).toBe(
      "followers gained over 2026-02-23 → 2026-03-15 unknown (no reading before the range: the history " +
        "starts on 2026-02-23); 1,200 at the end",
    );
    expect(t.highlights.some((h) => h.includes("2026-03-02"))).toBe(true);
    assertJsonSafe(t);
  });

  it("marks every week partial when the views series has no data", () => {
    const e = analyzeCreatorTrendSeries({ range: RANGE, followers, views: [], weeklyPosts });
    expect(e.weeks.every((w) => w.partial && w.views_gained === null)).toBe(true);
  });

  it("does not call a creator whose views did not move steady", () => {
    const flat = [
      { date: "2026-02-22", value: 5000 },
      ...followers.map((p) => ({ date: p.date, value: 5000 })),
    ];
    const e = analyzeCreatorTrendSeries({ range: RANGE, followers, views: flat, weeklyPosts });
    expect(e.views.pacing.direction).toBe("insufficient_data");
    expect(e.highlights[1]).toBe("views gained 0/day on average; too little growth to judge the trend");
  });

  it("handles empty series without NaN", () => {
    const e = analyzeCreatorTrendSeries({ range: RANGE, followers: [], views: [], weeklyPosts: [] });
    expect(e.posting_gaps).toEqual([]);
    expect(e.followers.change).toBeNull();
    assertJsonSafe(e);
  });
});

describe("analyzeCreatorTrendSeries from the baseline day", () => {
  // The same three weeks, with the level at the end of Sunday 2026-02-22 (the baseline) in front and a
  // point after the range that must not count. Followers +10/day; views +100/day in week 1,
  // +200/day in week 2, +100/day in week 3, every day of the range with its own gain.
  const withBaseline = ["2026-02-22", ...days, "2026-03-16"];
  const followers = withBaseline.map((date, i) => ({ date, value: 1000 + 10 * i }));
  let v = 0;
  const views = withBaseline.map((date, i) => {
    if (i > 0) v += i <= 7 ? 100 : i <= 14 ? 200 : i <= 21 ? 100 : 9999;
    return { date, value: 5000 + v };
  });
  const weeklyPosts = [
    { week_start: "2026-02-23", video_count: 3 },
    { week_start: "2026-03-02", video_count: 0 },
    { week_start: "2026-03-09", video_count: 2 },
  ];
  const t = analyzeCreatorTrendSeries({ range: RANGE, followers, views, weeklyPosts });

  it("gains one value per day of the range: change = value(to) − value(from − 1)", () => {
    expect(t.followers).toMatchObject({ start: 1000, end: 1210, change: 210, change_ratio: 0.21 });
    expect(t.views).toMatchObject({ start: 5000, end: 5000 + 2800, change: 2800 });
    expect(t.views.pacing.day_count).toBe(21);
    expect(t.views.pacing.daily.map((d) => d.date)).toEqual(days);
    expect(t.views.pacing.avg_per_day).toBe(133.33);
    expect(t.highlights[0]).toBe("followers +210 (+21.0%) over 2026-02-23 → 2026-03-15");
  });

  it("has a whole first week: its Monday gain counts and it is compared week over week", () => {
    expect(
      t.weeks.map((w) => [
        w.week_start,
        w.partial,
        w.views_gained,
        w.followers_gained,
        w.views_wow_change_ratio,
      ]),
    ).toEqual([
      ["2026-02-23", false, 700, 70, null],
      ["2026-03-02", false, 1400, 70, 1],
      ["2026-03-09", false, 700, 70, -0.5],
    ]);
    assertJsonSafe(t);
  });
});
