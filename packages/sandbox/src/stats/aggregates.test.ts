import { describe, expect, it } from "vitest";
import { byId, fixtureWorld, thrown } from "../test-helpers/stats-fixture.js";
import { postingHeatmap, videoLeaderboard } from "./aggregates.js";

const world = fixtureWorld();
// The whole project, uncounted videos included: both endpoints must leave v7, v8 and v9 out.
const all = world.videos;

describe("videoLeaderboard", () => {
  it("orders counted videos by views, descending, with total_count", () => {
    const { rows, total_count } = videoLeaderboard(all);
    // Current views: v4 6500, v5 5000 + 50 × 13 = 5650, v2 4200, v1 3300, v6 1200, v10 300, v3 0.
    expect(rows.map((r) => [r.video_id, r.view_count])).toEqual([
      ["v4", 6500],
      ["v5", 5650],
      ["v2", 4200],
      ["v1", 3300],
      ["v6", 1200],
      ["v10", 300],
      ["v3", 0],
    ]);
    expect(total_count).toBe(7);
    expect(rows[0]).toEqual({
      video_id: "v4",
      title: "Dance, part 2",
      thumbnail_url: null,
      url: byId(all, "v4").url,
      view_count: 6500,
      like_count: 325,
      comment_count: 65,
      share_count: 5,
      save_count: 5,
      posted_at: "2026-03-13T20:00:00Z",
    });
  });

  it("pages with limit and offset; total_count is before paging", () => {
    const page = videoLeaderboard(all, { limit: "2", offset: "1" });
    expect(page.rows.map((r) => r.video_id)).toEqual(["v5", "v2"]);
    expect(page.total_count).toBe(7);
    expect(videoLeaderboard(all, { offset: 7 }).rows).toEqual([]);
    expect(videoLeaderboard(all, { limit: 100 }).rows).toHaveLength(7);
  });

  it("orders by other counters and by posted_at (newest first)", () => {
    // Likes: v5 500 + 5 × 13 = 565, v1 100 + 20 × 23 = 560, v2 420, v4 325, v6 120, v10 30, v3 0.
    expect(videoLeaderboard(all, { order: "like_count" }).rows.map((r) => r.video_id)).toEqual([
      "v5",
      "v1",
      "v2",
      "v4",
      "v6",
      "v10",
      "v3",
    ]);
    expect(videoLeaderboard(all, { order: "posted_at" }).rows.map((r) => r.video_id)).toEqual([
      "v10",
      "v6",
      "v3",
      "v4",
      "v2",
      "v1",
      "v5",
    ]);
  });

  it("breaks ties by id", () => {
    const twins = [{ ...byId(all, "v3"), id: "b" }, { ...byId(all, "v3"), id: "a" }, byId(all, "v3")];
    expect(videoLeaderboard(twins).rows.map((r) => r.video_id)).toEqual(["a", "b", "v3"]);
  });

  it("keeps videos posted within from..to (inclusive days)", () => {
    const r = videoLeaderboard(all, { from: "2026-03-05", to: "2026-03-18" });
    expect(r.rows.map((x) => x.video_id)).toEqual(["v4", "v2", "v3"]);
    expect(r.total_count).toBe(3);
    expect(videoLeaderboard(all, { from: "2026-03-22" }).rows.map((x) => x.video_id)).toEqual(["v6", "v10"]);
  });

  it.each([
    [{ order: "views" }],
    [{ limit: 0 }],
    [{ limit: "0" }],
    [{ limit: 101 }],
    [{ limit: "1.5" }],
    [{ limit: "ten" }],
    [{ limit: 2.5 }],
    [{ offset: -1 }],
    [{ offset: "-1" }],
    [{ from: "2026-03-32" }],
    [{ from: "2026-03-10", to: "2026-03-01" }],
  ])("rejects %j with 400 invalid_query", (query) => {
    expect(thrown(() => videoLeaderboard(all, query))).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
  });
});

describe("postingHeatmap", () => {
  it("counts posts per UTC day of week and hour with their average views", () => {
    // A second Friday-20:00 post with 1500 views shares v4's cell.
    const extra = { ...byId(all, "v4"), id: "v4b", view_count: 1500, posted_at: "2026-03-20T20:59:00Z" };
    const cells = postingHeatmap([...all, extra], { from: "2026-03-01", to: "2026-03-31" });
    expect(cells).toEqual([
      { dow: 0, hour: 23, post_count: 1, avg_views: 1200 }, // v6 Sunday Mar 22 23:30
      { dow: 1, hour: 8, post_count: 1, avg_views: 300 }, // v10 Monday Mar 23 08:00
      { dow: 3, hour: 9, post_count: 1, avg_views: 0 }, // v3 Wednesday Mar 18 09:15
      { dow: 4, hour: 14, post_count: 1, avg_views: 4200 }, // v2 Thursday Mar 5 14:30
      { dow: 5, hour: 20, post_count: 2, avg_views: (6500 + 1500) / 2 }, // v4 + v4b
    ]);
    // v7 (pending, Saturday 10:00) never shows up; v1 and v5 were posted before `from`.
  });

  it("only keeps posts inside from..to", () => {
    expect(postingHeatmap(all, { from: "2026-03-23", to: "2026-03-23" })).toEqual([
      { dow: 1, hour: 8, post_count: 1, avg_views: 300 },
    ]);
    expect(postingHeatmap(all, { from: "2026-04-01", to: "2026-04-30" })).toEqual([]);
  });

  it("requires from and to", () => {
    expect(thrown(() => postingHeatmap(all, { from: "2026-03-01" }))).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
    expect(thrown(() => postingHeatmap(all, { to: "2026-03-01" }))).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
    expect(thrown(() => postingHeatmap(all, { from: "x", to: "2026-03-01" })).code).toBe("invalid_query");
  });
});
