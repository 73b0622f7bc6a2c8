import { describe, expect, it } from "vitest";
import { byId, fixtureWorld } from "../test-helpers/stats-fixture.js";
import { creatorStats } from "./creator-stats.js";
import { parseDateRange } from "./range.js";

const world = fixtureWorld();
const c1 = byId(world.creators, "c1");
const c2 = byId(world.creators, "c2");
// All of the creator's videos, counted or not: creatorStats must drop v7 (pending) and v9 (disabled).
const videosOf = (id: string) => world.videos.filter((v) => v.creator_id === id);

describe("creatorStats", () => {
  it("has one carried-forward history entry per day of the range", () => {
    const s = creatorStats(
      world,
      c1,
      videosOf("c1"),
      parseDateRange({ from: "2026-03-09", to: "2026-03-25" }, world),
    );
    expect(s.creator_id).toBe("c1");
    expect(s.from).toBe("2026-03-09");
    expect(s.history).toHaveLength(17);
    // d7: followers 1000 + 70, likes 5000 + 700.
    expect(s.history[0]).toEqual({
      date: "2026-03-09",
      follower_count: 1070,
      total_likes_count: 5700,
      video_count: 10,
    });
    expect(s.history.at(-1)).toEqual({
      date: "2026-03-25",
      follower_count: 1230,
      total_likes_count: 7300,
      video_count: 10,
    });
  });

  it("leaves out days before the creator's first snapshot", () => {
    // c2 is first scraped on d10 = Mar 12.
    const s = creatorStats(
      world,
      c2,
      videosOf("c2"),
      parseDateRange({ from: "2026-03-02", to: "2026-03-15" }, world),
    );
    expect(s.history.map((h) => h.date)).toEqual(["2026-03-12", "2026-03-13", "2026-03-14", "2026-03-15"]);
    expect(s.history.map((h) => h.follower_count)).toEqual([500, 505, 510, 515]);
  });

  it("sums the counted videos' cumulative views each day", () => {
    const s = creatorStats(
      world,
      c1,
      videosOf("c1"),
      parseDateRange({ from: "2026-03-09", to: "2026-03-25" }, world),
    );
    // d7: v1 1000 + 700 = 1700, v2 200 × 5 = 1000, v3 not posted → 2700 (v7's 99999, v9's 77777 excluded).
    expect(s.total_video_views[0]).toEqual({ date: "2026-03-09", value: 2700 });
    // d23: v1 3300 + v2 4200 + v3 0.
    expect(s.total_video_views.at(-1)).toEqual({ date: "2026-03-25", value: 7500 });
    expect(s.total_video_views).toHaveLength(17);
  });

  it("has views and history only for days with snapshots (default range reaches before the window)", () => {
    const s = creatorStats(world, c2, videosOf("c2"), parseDateRange({}, world)); // Feb 24 … Mar 25
    expect(s.total_video_views).toHaveLength(24); // Mar 2 … Mar 25
    expect(s.total_video_views[0]).toEqual({ date: "2026-03-02", value: 0 }); // v5 first scraped d10
    expect(s.history).toHaveLength(14); // Mar 12 … Mar 25
  });

  it("counts posts per ISO week overlapping the range, zero weeks included", () => {
    const s = creatorStats(
      world,
      c1,
      videosOf("c1"),
      parseDateRange({ from: "2026-03-04", to: "2026-03-25" }, world),
    );
    // v2 Mar 5 → week of Mar 2; nothing in week Mar 9 (v9 is disabled); v3 Mar 18 → week of Mar 16;
    // Mar 23 week empty (v7 pending on Mar 7 never counts).
    expect(s.posting_frequency).toEqual([
      { week_start: "2026-03-02", video_count: 1 },
      { week_start: "2026-03-09", video_count: 0 },
      { week_start: "2026-03-16", video_count: 1 },
      { week_start: "2026-03-23", video_count: 0 },
    ]);
  });

  it("only counts posts inside both the week and the range", () => {
    // Range starts Friday Mar 6: v2 (Thursday Mar 5) is in the first week but not in the range.
    const s = creatorStats(
      world,
      c1,
      videosOf("c1"),
      parseDateRange({ from: "2026-03-06", to: "2026-03-18" }, world),
    );
    expect(s.posting_frequency).toEqual([
      { week_start: "2026-03-02", video_count: 0 },
      { week_start: "2026-03-09", video_count: 0 },
      { week_start: "2026-03-16", video_count: 1 },
    ]);
  });
});
