/**
 * Engagement rate by views, the TikTok benchmark the Analytics guide documents:
 * (likes + comments + shares + saves) / views × 100, `null` when there are no views.
 * @module
 */
import type { VideoInput } from "./inputs.js";
import { safeRatio } from "./stats-math.js";
import { engagementActions } from "./video-index.js";

/** One video's engagement rate in percent, `null` at 0 views. */
export function engagementRateByViews(v: VideoInput): number | null {
  const r = safeRatio(engagementActions(v), v.view_count);
  return r === null ? null : r * 100;
}

/**
 * Pooled engagement rate of a set of videos in percent: Σ actions / Σ views. Pooling weighs each view
 * equally, so one tiny video with a freak ratio cannot swing a creator's rate.
 */
export function pooledEngagementRate(videos: Iterable<VideoInput>): number | null {
  let actions = 0;
  let views = 0;
  for (const v of videos) {
    actions += engagementActions(v);
    views += v.view_count;
  }
  const r = safeRatio(actions, views);
  return r === null ? null : r * 100;
}
