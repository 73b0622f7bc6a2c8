/**
 * Hand-built API entities (the parsed `Video`, `Creator` and `Campaign` types) for the report builder
 * tests, whose inputs are what the client returns rather than the analyses' minimal shapes
 * (analysis-fixtures.ts). Defaults match those of analysis-fixtures.ts where both have the field.
 */
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { Video } from "../schema/video.js";

/** A listed video of c1 in p1: counted, tracking enabled (no "tracking_unreported" caveat), never scraped, 1,000 views. */
export function apiVideo(over: Partial<Video> & { id: string; posted_at: string }): Video {
  return {
    project_id: "p1",
    creator_id: "c1",
    tiktok_video_id: `tt-${over.id}`,
    url: `https://www.tiktok.com/@someone/video/${over.id}`,
    title: null,
    description: null,
    view_count: 1000,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    tracking_status: "auto_tracked",
    last_scraped_at: null,
    tracking_enabled: true,
    metadata: {},
    ...over,
  };
}

/** A listed creator of p1 (handle = id): auto mode, 10,000 followers, tracked since 2026-01-01, scraped 2026-03-15 11:00. */
export function apiCreator(over: Partial<Creator> & { id: string }): Creator {
  return {
    project_id: "p1",
    tiktok_handle: over.id,
    display_name: null,
    description: null,
    follower_count: 10_000,
    total_likes_count: 0,
    video_count: 0,
    tracking_mode: "auto",
    last_scraped_at: "2026-03-15T11:00:00Z",
    metadata: {},
    created_at: "2026-01-01T00:00:00Z",
    ...over,
  };
}

/** A campaign of p1 without notes or target. */
export function apiCampaign(over: Partial<Campaign> & { id: string }): Campaign {
  return {
    project_id: "p1",
    name: `Campaign ${over.id}`,
    description: null,
    readme: null,
    metadata: {},
    target_views: null,
    target_at: null,
    created_at: "2026-01-01T00:00:00Z",
    ...over,
  };
}
