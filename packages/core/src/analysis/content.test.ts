import { describe, expect, it } from "vitest";
import { creator, video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { analyzeContent } from "./content.js";
import { engagementRateByViews, pooledEngagementRate } from "./engagement.js";
import { postingPattern } from "./posting-pattern.js";

const AS_OF = "2026-03-15T12:00:00Z";

describe("engagement rate by views", () => {
  it("is (likes + comments + shares + saves) / views as a fraction, null at 0 views", () => {
    const v = video({
      posted_at: AS_OF,
      view_count: 200,
      like_count: 10,
      comment_count: 4,
      share_count: 3,
      save_count: 3,
    });
    expect(engagementRateByViews(v)).toBe(0.1);
    expect(engagementRateByViews({ ...v, view_count: 0 })).toBeNull();
    // Pooled: (20 + 0) / (200 + 800) = 0.02.
    expect(
      pooledEngagementRate([
        v,
        { ...v, view_count: 800, like_count: 0, comment_count: 0, share_count: 0, save_count: 0 },
      ]),
    ).toBe(0.02);
    expect(pooledEngagementRate([])).toBeNull();
  });
});

describe("postingPattern", () => {
  it("buckets by UTC weekday (0 = Sunday) and hour with average views", () => {
    const p = postingPattern([
      video({ posted_at: "2026-03-15T18:10:00Z", view_count: 100 }), // Sunday 18h
      video({ posted_at: "2026-03-08T18:59:00Z", view_count: 300 }), // Sunday 18h
      video({ posted_at: "2026-03-09T07:00:00Z", view_count: 50 }), // Monday 7h
      video({ posted_at: "2026-03-09T09:00:00+02:00", view_count: 70 }), // Monday 7h UTC
    ]);
    expect(p.cells).toEqual([
      { dow: 0, hour: 18, post_count: 2, avg_views: 200 },
      { dow: 1, hour: 7, post_count: 2, avg_views: 60 },
    ]);
    expect(p.best).toEqual({ dow: 0, hour: 18, post_count: 2, avg_views: 200 });
  });
});

describe("analyzeContent", () => {
  it("ranks top and bottom videos, leaves young videos out of the bottom, and breaks down by creator", () => {
    const videos = [
      video({
        id: "big",
        creator_id: "a",
        posted_at: "2026-03-01T00:00:00Z",
        view_count: 9000,
        like_count: 900,
      }),
      video({
        id: "mid",
        creator_id: "b",
        posted_at: "2026-03-01T00:00:00Z",
        view_count: 900,
        like_count: 9,
      }),
      video({ id: "low", creator_id: "b", posted_at: "2026-03-01T00:00:00Z", view_count: 100 }),
      video({ id: "new", creator_id: "b", posted_at: "2026-03-15T10:00:00Z", view_count: 0 }),
      video({
        id: "pend",
        creator_id: "a",
        posted_at: "2026-03-01T00:00:00Z",
        tracking_status: "pending_review",
      }),
    ];
    const r = analyzeContent(videos, [creator({ id: "a", tiktok_handle: "alpha" })], AS_OF, { top: 2 });
    expect(r.top_videos.map((v) => v.video_id)).toEqual(["big", "mid"]);
    expect(r.top_videos[0]).toMatchObject({ tiktok_handle: "alpha", engagement_rate: 0.1 });
    expect(r.bottom_videos.map((v) => v.video_id)).toEqual(["low", "mid"]);
    // Pooled engagement: (900 + 9) / 10,000 views; creator b: 9 / 1,000.
    expect(r).toMatchObject({
      video_count: 4,
      total_views: 10_000,
      median_views: 500,
      pending_review: 1,
      engagement_rate: 0.0909,
    });
    expect(
      r.creators.map((c) => [c.creator_id, c.post_count, c.view_count, c.view_share, c.engagement_rate]),
    ).toEqual([
      ["a", 1, 9000, 0.9, 0.1],
      ["b", 3, 1000, 0.1, 0.009],
    ]);
    assertJsonSafe(r);
  });
  it("handles no videos without NaN", () => {
    const r = analyzeContent([], [], AS_OF);
    expect(r).toMatchObject({ video_count: 0, median_views: null, engagement_rate: null, top_videos: [] });
    assertJsonSafe(r);
  });
});
