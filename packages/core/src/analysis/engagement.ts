/**
 * Engagement rate by views, the TikTok benchmark the Analytics guide documents as
 * (likes + comments + shares + saves) / views × 100. Here it is a fraction in [0, 1] (0.0812, not
 * 8.12) like every other ratio in the reports; only the markdown renders it as a percent. `null` when
 * there are no views.
 * @module
 */
import type { VideoInput } from "./inputs.js";
import { safeRatio } from "./stats-math.js";
import { engagementActions } from "./video-index.js";

/** One video's engagement rate as a fraction, `null` at 0 views. */
export function engagementRateByViews(v: VideoInput): number | null {
  return safeRatio(engagementActions(v), v.view_count);
}

/**
 * Pooled engagement rate of a set of videos as a fraction: Σ actions / Σ views. Pooling weighs each
 * view equally, so one tiny video with a freak ratio cannot swing a creator's rate.
 */
export function pooledEngagementRate(videos: Iterable<VideoInput>): number | null {
  let actions = 0;
  let views = 0;
  for (const v of videos) {
    actions += engagementActions(v);
    views += v.view_count;
  }
  return safeRatio(actions, views);
}
