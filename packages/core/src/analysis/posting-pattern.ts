/**
 * When posts go out and how they do: a day-of-week × hour grid (UTC) with the post count and average
 * views per cell. The same cells as the aggregate posting-heatmap endpoint (dow 0 = Sunday, only
 * non-empty cells), computed from list data so it also works where that endpoint is missing.
 * @module
 */
import { DAY_MS, dayOfWeek, HOUR_MS, parseInstantMs } from "./dates.js";
import type { VideoInput } from "./inputs.js";
import type { PostingCell, PostingPattern } from "./results/content.js";
import { round } from "./stats-math.js";

// The result types are inferred from the report part schemas (results/content.ts): one definition each.
export type { PostingCell, PostingPattern };

/** The pattern of a video list. */
export function postingPattern(videos: Iterable<VideoInput>, minPosts = 2): PostingPattern {
  const ms: number[] = [];
  const vs: number[] = [];
  for (const video of videos) {
    const postedMs = parseInstantMs(video.posted_at);
    if (postedMs === null) continue;
    ms.push(postedMs);
    vs.push(video.view_count);
  }
  return postingPatternOf(ms, vs, minPosts);
}

/** The pattern from parsed posting instants and their views (e.g. a VideoIndex's columns). */
export function postingPatternOf(
  postedMs: ArrayLike<number>,
  postViews: ArrayLike<number>,
  minPosts = 2,
): PostingPattern {
  const counts = new Float64Array(7 * 24);
  const views = new Float64Array(7 * 24);
  for (let k = 0; k < postedMs.length; k++) {
    const ms = postedMs[k]!;
    const day = Math.floor(ms / DAY_MS);
    const hour = Math.floor((ms - day * DAY_MS) / HOUR_MS);
    const cell = dayOfWeek(day) * 24 + hour;
    counts[cell]! += 1;
    views[cell]! += postViews[k]!;
  }
  const cells: PostingCell[] = [];
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n > 0)
      cells.push({
        dow: Math.floor(i / 24),
        hour: i % 24,
        post_count: n,
        avg_views: round(views[i]! / n, 1)!,
      });
  }
  let best: PostingCell | null = null;
  let busiest: PostingCell | null = null;
  for (const c of cells) {
    if (c.post_count >= minPosts && (best === null || c.avg_views > best.avg_views)) best = c;
    if (busiest === null || c.post_count > busiest.post_count) busiest = c;
  }
  return { cells, best, busiest };
}

export const DOW_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
