import { describe, expect, it } from "vitest";
import { byId, fixtureLookup, fixtureWorld } from "../test-helpers/stats-fixture.js";
import { campaignStats } from "./campaign-stats.js";
import { resolveCampaignVideos } from "./campaign-tree.js";
import { parseDateRange } from "./range.js";

const world = fixtureWorld();
const k1 = byId(world.campaigns, "k1");
const videos = resolveCampaignVideos("k1", fixtureLookup(world)); // v1 v2 v3 v4 v6
const creatorsById = (id: string) => world.creators.find((c) => c.id === id);
const range = parseDateRange({ from: "2026-03-16", to: "2026-03-25" }, world);

describe("campaignStats", () => {
  const s = campaignStats(world, k1, videos, creatorsById, range);

  it("totals the current counters of the de-duplicated set", () => {
    // At d23: v1 3300/560/33/5/28, v2 4200/420/42/21/21, v3 0, v4 6500/325/65/5/5, v6 1200/120/12/12/12.
    expect(s.totals).toEqual({
      view_count: 3300 + 4200 + 6500 + 1200,
      like_count: 560 + 420 + 325 + 120,
      comment_count: 33 + 42 + 65 + 12,
      share_count: 5 + 21 + 5 + 12,
      save_count: 28 + 21 + 5 + 12,
      video_count: 5, // v2 reached twice counts once; v7 pending and v8 excluded left out
      creator_count: 2, // c1, c2; v6 has no creator
    });
  });

  it("totals do not depend on the range", () => {
    const other = campaignStats(
      world,
      k1,
      videos,
      creatorsById,
      parseDateRange({ from: "2026-03-02", to: "2026-03-03" }, world),
    );
    expect(other.totals).toEqual(s.totals);
  });

  it("ranks top videos by views with their creator's handle", () => {
    expect(s.top_videos.map((v) => [v.id, v.view_count])).toEqual([
      ["v4", 6500],
      ["v2", 4200],
      ["v1", 3300],
      ["v6", 1200],
      ["v3", 0],
    ]);
    expect(s.top_videos[0]).toMatchObject({ creator_id: "c2", tiktok_handle: "bob", title: "Dance, part 2" });
    expect(s.top_videos[3]).toMatchObject({ creator_id: null, tiktok_handle: null, title: null });
    expect(s.top_videos[0]).toHaveProperty("posted_at", "2026-03-13T20:00:00Z");
  });

  it("ranks top creators by the summed views of their videos in the set", () => {
    expect(s.top_creators).toEqual([
      { id: "c1", tiktok_handle: "alice", video_count: 3, view_count: 3300 + 4200 + 0 },
      { id: "c2", tiktok_handle: "bob", video_count: 1, view_count: 6500 },
    ]);
  });

  it("keeps 10 top videos, ties broken by id", () => {
    const v2 = videos.find((v) => v.id === "v2")!;
    const clones = Array.from({ length: 12 }, (_, i) => ({
      ...v2,
      id: `x${String(i).padStart(2, "0")}`,
      view_count: 100,
    }));
    const t = campaignStats(world, k1, clones, creatorsById, range);
    expect(t.top_videos.map((v) => v.id)).toEqual([
      "x00",
      "x01",
      "x02",
      "x03",
      "x04",
      "x05",
      "x06",
      "x07",
      "x08",
      "x09",
    ]);
    expect(t.totals.video_count).toBe(12);
  });

  it("has cumulative daily history over the set", () => {
    expect(s.history).toHaveLength(10);
    // d14: v1 1000 + 1400 = 2400, v2 200 × 12 = 2400, v3 not yet, v6 not yet, v4 1000 + 500 × 2 = 2000.
    expect(s.history[0]).toEqual({
      date: "2026-03-16",
      view_count: 2400 + 2400 + 2000,
      like_count: 380 + 240 + 100, // v1 100 + 20×14, v2 20×12, v4 50 + 25×2
      comment_count: 24 + 24 + 20,
      share_count: 5 + 12 + 5,
      save_count: 19 + 12 + 5,
    });
    // The last day equals the current totals, since records hold the last snapshot.
    expect(s.history.at(-1)!.view_count).toBe(s.totals.view_count);
  });

  it("counts videos posted each day of the range, zeros included", () => {
    expect(s.video_count_by_day).toHaveLength(10);
    const nonZero = s.video_count_by_day.filter((d) => d.count > 0);
    expect(nonZero).toEqual([
      { date: "2026-03-18", count: 1 }, // v3
      { date: "2026-03-22", count: 1 }, // v6
    ]);
    expect(s.video_count_by_day[0]).toEqual({ date: "2026-03-16", count: 0 });
  });

  it("reports history only for days with snapshots, but every day's post count", () => {
    const t = campaignStats(
      world,
      k1,
      videos,
      creatorsById,
      parseDateRange({ from: "2026-02-27", to: "2026-03-03" }, world),
    );
    expect(t.history.map((h) => h.date)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(t.history[0]!.view_count).toBe(1000); // only v1 exists on d0
    expect(t.video_count_by_day.map((d) => d.date)).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
    ]);
  });
});
