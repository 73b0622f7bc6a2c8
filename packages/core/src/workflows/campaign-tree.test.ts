import { describe, expect, it } from "vitest";
import type { CampaignItem } from "../schema/campaign.js";
import type { Video } from "../schema/video.js";
import { campaignVideoSet } from "./campaign-tree.js";

const v = (id: string, creator: string | null, status: Video["tracking_status"] = "auto_tracked"): Video =>
  ({
    id,
    project_id: "p",
    creator_id: creator,
    tiktok_video_id: id,
    url: `https://tiktok.test/${id}`,
    title: null,
    description: null,
    view_count: 10,
    like_count: 1,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    posted_at: "2026-03-01T00:00:00Z",
    tracking_status: status,
    last_scraped_at: null,
    metadata: {},
    created_at: "2026-03-01T00:00:00Z",
  }) as Video;

const item = (item_type: CampaignItem["item_type"], item_id: string): CampaignItem => ({
  item_type,
  item_id,
});

describe("campaignVideoSet", () => {
  const videos = [
    v("a1", "A"),
    v("a2", "A"),
    v("a3", "A", "pending_review"),
    v("b1", "B"),
    v("d1", null, "direct_add"),
  ];

  it("expands creators to their counted videos and keeps each video once across paths", () => {
    const set = campaignVideoSet(
      {
        root: "root",
        campaign_ids: ["root", "sub"],
        // root: creator A + sub; sub: creator A again, video a1 again, video b1, direct video d1
        items: [
          item("creator", "A"),
          item("campaign", "sub"),
          item("creator", "A"),
          item("video", "a1"),
          item("video", "b1"),
          item("video", "d1"),
        ],
      },
      videos,
    );
    expect(set.videos.map((x) => x.id).sort()).toEqual(["a1", "a2", "b1", "d1"]);
    expect(set.duplicates_removed).toBe(2); // a1 (3 paths) and a2 (2 paths)
    expect(set.pending.map((x) => x.id)).toEqual(["a3"]);
    expect(set).toMatchObject({ creator_items: 2, video_items: 3, unresolved_video_items: 0 });
  });

  it("counts video items that resolve to nothing (excluded, deleted or elsewhere) and ignores pending items", () => {
    const set = campaignVideoSet(
      { root: "r", campaign_ids: ["r"], items: [item("video", "gone"), item("video", "a3")] },
      videos,
    );
    expect(set.videos).toEqual([]);
    expect(set.unresolved_video_items).toBe(1);
    expect(set.pending.map((x) => x.id)).toEqual(["a3"]);
  });
});
