/**
 * The top videos and creators of a campaign report. From the resolved video set when there is one
 * (every counted video ranked, full engagement figures); otherwise the stats route's own top-10 lists.
 * @module
 */
import { viewsByCreator } from "../../analysis/campaign-performance.js";
import { engagementRateByViews } from "../../analysis/engagement.js";
import { round } from "../../analysis/stats-math.js";
import type { CampaignPerformanceReport } from "../../reports/schema/campaign-performance.js";
import type { CampaignStats } from "../../schema/stats.js";
import type { Video } from "../../schema/video.js";
import type { CampaignVideoSet } from "../campaign-tree.js";

type Report = CampaignPerformanceReport;

/** How many videos and creators each list keeps. */
const TOP = 10;

export interface TopLists {
  top_videos: Report["top_videos"];
  top_creators: Report["top_creators"];
}

/** The `n` videos with the most lifetime views; ties by id, so the order never depends on the list's. */
export function rankedVideos(
  videos: readonly Video[],
  handles: ReadonlyMap<string, string>,
  n = TOP,
): Report["top_videos"] {
  return [...videos]
    .sort((a, b) => b.view_count - a.view_count || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: v.creator_id === null ? null : (handles.get(v.creator_id) ?? null),
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: round(engagementRateByViews(v), 4),
    }));
}

/** The top creators by lifetime views over the video set, with how many of its videos each has. */
function rankedCreators(
  videos: readonly Video[],
  handles: ReadonlyMap<string, string>,
): Report["top_creators"] {
  const counts = new Map<string, number>();
  for (const v of videos) if (v.creator_id) counts.set(v.creator_id, (counts.get(v.creator_id) ?? 0) + 1);
  return viewsByCreator(videos)
    .slice(0, TOP)
    .map((c) => ({
      creator_id: c.id,
      tiktok_handle: handles.get(c.id) ?? null,
      video_count: counts.get(c.id) ?? 0,
      view_count: c.view_count,
    }));
}

/** The stats route's top lists, as the report states them. */
function statsTopLists(stats: CampaignStats): TopLists {
  return {
    // The stats route's lists carry no saves, so the documented engagement rate cannot be computed.
    top_videos: stats.top_videos.map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: v.tiktok_handle,
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: null,
    })),
    top_creators: stats.top_creators.map((c) => ({
      creator_id: c.id,
      tiktok_handle: c.tiktok_handle,
      video_count: c.video_count,
      view_count: c.view_count,
    })),
  };
}

/** The lists from the video set when it was resolved, else from the stats route (one of them is there). */
export function topLists(
  stats: CampaignStats | null,
  set: CampaignVideoSet | null,
  handles: ReadonlyMap<string, string>,
): TopLists {
  if (set)
    return {
      top_videos: rankedVideos(set.videos, handles),
      top_creators: rankedCreators(set.videos, handles),
    };
  return statsTopLists(stats!);
}
