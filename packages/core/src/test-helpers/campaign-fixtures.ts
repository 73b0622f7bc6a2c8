/**
 * Hand-built campaign data for the campaign report builders' tests: a campaign, full listed videos
 * (the builders rank `Video`s, url included), a resolved video set and a legacy stats answer, every
 * field defaulted so a test states only what its figures depend on.
 * @module
 */
import type { DatedValue } from "../analysis/inputs.js";
import type { Campaign } from "../schema/campaign.js";
import type { CampaignStats } from "../schema/stats.js";
import type { Video } from "../schema/video.js";
import type { CampaignVideoSet } from "../workflows/campaign-tree.js";

export function campaign(over: Partial<Campaign> & { id: string }): Campaign {
  return {
    project_id: "p1",
    name: over.id,
    description: null,
    readme: null,
    metadata: {},
    target_views: null,
    target_at: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    ...over,
  };
}

/** A video as `GET /videos` lists it; `url` is derived from the id. */
export function listedVideo(over: Partial<Video> & { id: string; posted_at: string }): Video {
  return {
    project_id: "p1",
    creator_id: "c1",
    view_count: 1_000,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    tracking_status: "auto_tracked",
    tiktok_video_id: `tt-${over.id}`,
    url: `https://www.tiktok.com/@x/video/${over.id}`,
    title: null,
    description: null,
    save_count: 0,
    last_scraped_at: null,
    metadata: {},
    created_at: over.posted_at,
    updated_at: over.posted_at,
    ...over,
  };
}

/** A resolved set of `videos` (all counted), nothing left out unless `over` says so. */
export function videoSet(videos: Video[], over: Partial<CampaignVideoSet> = {}): CampaignVideoSet {
  return {
    videos,
    pending: [],
    left_out: { tracking_disabled: 0, unknown_status: 0, tracking_unreported: 0 },
    duplicates_removed: 0,
    unresolved_video_items: 0,
    creator_items: 0,
    video_items: videos.length,
    ...over,
  };
}

/** A legacy stats answer with empty lists and zero totals unless `over` says otherwise. */
export function campaignStats(over: Partial<CampaignStats> & { campaign_id: string }): CampaignStats {
  return {
    from: "2026-03-08",
    to: "2026-03-15",
    totals: {
      view_count: 0,
      like_count: 0,
      comment_count: 0,
      share_count: 0,
      save_count: 0,
      video_count: 0,
      creator_count: 0,
    },
    top_videos: [],
    top_creators: [],
    history: [],
    video_count_by_day: [],
    ...over,
  };
}

/** A cumulative series: `start` on `firstDay`, then each day `start + gain × n`, for `days` days. */
export function cumulative(firstDay: string, days: number, start: number, gain: number): DatedValue[] {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
    value: start + gain * i,
  }));
}
