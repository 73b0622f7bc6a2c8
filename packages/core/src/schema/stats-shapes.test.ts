/**
 * Both documented stats shapes (api-contract Part A.3 and Part B §4.6, §6.1, §5.2) and the bare
 * `{ series }` answer, hand-written from the contract, all read by the tolerant readers into Part A's
 * shape; the strict readers take Part A only.
 */
import { describe, expect, it } from "vitest";
import {
  CampaignStats,
  CreatorStats,
  StrictCampaignStats,
  StrictCreatorStats,
  StrictVideoStats,
  VideoStats,
} from "./stats.js";

const C = "3f1c2b7e-9a4d-4c1e-8f00-123456789abc";

describe("creator stats", () => {
  const partA = {
    creator_id: C,
    from: "2026-03-01",
    to: "2026-03-02",
    history: [
      { date: "2026-03-01", follower_count: 10, total_likes_count: 100, video_count: 3 },
      { date: "2026-03-02", follower_count: 12, total_likes_count: 110, video_count: 4 },
    ],
    total_video_views: [
      { date: "2026-03-01", value: 500 },
      { date: "2026-03-02", value: 700 },
    ],
    posting_frequency: [{ week_start: "2026-02-23", video_count: 1 }],
  };
  // §4.6 emulator default
  const partB = {
    creator_id: C,
    from: "2026-03-01",
    to: "2026-03-02",
    total_video_views: 700,
    posting_frequency: 3.5,
    history: [
      { date: "2026-03-01", follower_count: 10, view_count: 500, like_count: 100, video_count: 3 },
      { date: "2026-03-02", follower_count: 12, view_count: 700, like_count: 110, video_count: 4 },
    ],
  };

  it("Part A passes both readers unchanged", () => {
    expect(StrictCreatorStats.parse(partA)).toEqual(partA);
    expect(CreatorStats.parse(partA)).toEqual(partA);
  });

  it("Part B is normalised: likes and views from the history, posting frequency marked incomplete", () => {
    expect(StrictCreatorStats.safeParse(partB).success).toBe(false);
    const s = CreatorStats.parse(partB);
    expect(s.history.map((h) => [h.date, h.follower_count, h.total_likes_count, h.video_count])).toEqual([
      ["2026-03-01", 10, 100, 3],
      ["2026-03-02", 12, 110, 4],
    ]);
    expect(s.total_video_views).toEqual(partA.total_video_views);
    // a single number cannot be split into weeks: empty, and said so
    expect(s.posting_frequency).toEqual([]);
    expect(s.source_shape).toBe("part_b");
    expect(s.incomplete).toEqual(["posting_frequency"]);
  });

  it("a bare { series } (metric=) keeps the series and marks every Part A list incomplete", () => {
    const s = CreatorStats.parse({ series: [{ date: "2026-03-01", value: 1.5 }] });
    expect(s.source_shape).toBe("series");
    expect(s).toMatchObject({ history: [], total_video_views: [], posting_frequency: [] });
    expect((s as { series?: unknown }).series).toEqual([{ date: "2026-03-01", value: 1.5 }]);
    expect(s.incomplete).toEqual([
      "creator_id",
      "from",
      "history",
      "posting_frequency",
      "to",
      "total_video_views",
    ]);
  });

  it("an answer with neither history nor series fails, naming what it expected", () => {
    const r = CreatorStats.safeParse({ creator_id: C });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/history/);
  });
});

describe("campaign stats", () => {
  const partA = {
    campaign_id: C,
    from: "2026-03-01",
    to: "2026-03-01",
    totals: {
      view_count: 900,
      like_count: 90,
      comment_count: 9,
      share_count: 3,
      save_count: 1,
      video_count: 2,
      creator_count: 1,
    },
    top_videos: [
      {
        id: "v1",
        creator_id: "c1",
        tiktok_handle: "a",
        title: null,
        url: "https://www.tiktok.com/@a/video/1",
        posted_at: "2026-03-01T10:00:00Z",
        view_count: 600,
        like_count: 60,
        comment_count: 6,
        share_count: 2,
      },
    ],
    top_creators: [{ id: "c1", tiktok_handle: "a", video_count: 2, view_count: 900 }],
    history: [{ date: "2026-03-01", view_count: 900, like_count: 90, comment_count: 9, share_count: 3 }],
    video_count_by_day: [{ date: "2026-03-01", count: 2 }],
  };
  // §6.1 emulator default
  const partB = {
    campaign_id: C,
    from: "2026-03-01",
    to: "2026-03-01",
    totals: { view_count: 900, like_count: 90, comment_count: 9, share_count: 3 },
    top_videos: [{ video_id: "v1", title: null, url: "https://www.tiktok.com/@a/video/1", view_count: 600 }],
    top_creators: [{ creator_id: "c1", tiktok_handle: "a", view_count: 900 }],
    history: [{ date: "2026-03-01", view_count: 900, like_count: 90, comment_count: 9, share_count: 3 }],
    video_count_by_day: [{ date: "2026-03-01", count: 2 }],
  };

  it("Part A passes both readers unchanged", () => {
    expect(StrictCampaignStats.parse(partA)).toEqual(partA);
    expect(CampaignStats.parse(partA)).toEqual(partA);
  });

  it("Part B is normalised to Part A's keys, with what it lacks listed as incomplete", () => {
    expect(StrictCampaignStats.safeParse(partB).success).toBe(false);
    const s = CampaignStats.parse(partB);
    expect(s.source_shape).toBe("part_b");
    expect(s.top_videos[0]).toMatchObject({ id: "v1", view_count: 600, url: partB.top_videos[0]!.url });
    expect(s.top_creators[0]).toMatchObject({ id: "c1", tiktok_handle: "a", view_count: 900 });
    expect(s.totals).toMatchObject({ view_count: 900, like_count: 90, save_count: 0 });
    expect(s.history).toEqual(partA.history);
    expect(s.incomplete).toEqual([
      "top_creators[].video_count",
      "top_videos[].comment_count",
      "top_videos[].creator_id",
      "top_videos[].like_count",
      "top_videos[].posted_at",
      "top_videos[].share_count",
      "top_videos[].tiktok_handle",
      "totals.creator_count",
      "totals.video_count",
    ]);
  });

  it("a bare { series } is read too, every Part A part marked incomplete", () => {
    const s = CampaignStats.parse({ series: [{ bucket_start: "2026-03-01", value: 3 }] });
    expect(s.source_shape).toBe("series");
    expect(s.incomplete).toContain("totals");
    expect(s.incomplete).toContain("history");
  });
});

describe("video stats", () => {
  const history = {
    video_id: "v1",
    from: "2026-03-01",
    to: "2026-03-01",
    history: [
      { date: "2026-03-01", view_count: 5, like_count: 1, comment_count: 0, share_count: 0, save_count: 0 },
    ],
  };
  const metric = {
    video_id: "v1",
    from: "2026-03-01",
    to: "2026-03-01",
    metric: "engagement_rate_by_views",
    unit: "percent",
    series: [{ date: "2026-03-01", value: null }],
  };

  it("goatkit's two forms (history, or metric series) pass both readers", () => {
    for (const s of [history, metric]) {
      expect(StrictVideoStats.parse(s)).toEqual(s);
      expect(VideoStats.parse(s)).toEqual(s);
    }
  });

  it("§5.2's bare { series } passes tolerant (ids to be filled by the client), not strict", () => {
    const bare = { series: [{ date: "2026-03-01", value: 2.5 }] };
    expect(StrictVideoStats.safeParse(bare).success).toBe(false);
    const s = VideoStats.parse(bare);
    expect(s.series).toEqual(bare.series);
    expect(s.source_shape).toBe("series");
    expect(s.incomplete).toEqual(["from", "to", "video_id"]);
  });
});
