/**
 * Content analysis over a set of videos (a campaign's, a project's): what works and what does not.
 * Top and bottom videos by views, the spread of views, engagement, the posting-time pattern and the
 * per-creator breakdown, plus the robust outliers of outliers.ts. Only counted videos are analysed.
 * @module
 */
import { DAY_MS, type Instant, instantMs } from "./dates.js";
import { engagementRateByViews } from "./engagement.js";
import type { CreatorInput, VideoInput } from "./inputs.js";
import { findOutliers, type OutlierAnalysis, type OutlierOptions } from "./outliers.js";
import { postingPatternOf } from "./posting-pattern.js";
import type { ContentSummary, CreatorContentRow, RankedVideo } from "./results/content.js";
import { medianOfSorted, quantileSelect, round, safeRatio } from "./stats-math.js";
import { asIndex, type VideoIndex } from "./video-index.js";

// The result types are inferred from the report part schemas (results/content.ts): one definition each.
export type { CreatorContentRow, RankedVideo };

/** The report's content figures (results/content.ts) plus the outliers and the pending count. */
export type ContentAnalysis = ContentSummary & {
  outliers: OutlierAnalysis;
  pending_review: number;
};

export interface ContentOptions {
  top?: number;
  /** Bottom videos must be at least this old (default 3 days): a 2-hour-old post is not a flop yet. */
  minAgeDays?: number;
  outliers?: OutlierOptions;
}

function ranked(index: VideoIndex, k: number, handles: Map<string, string>): RankedVideo {
  const v = index.videos[k]!;
  return {
    video_id: v.id,
    creator_id: v.creator_id,
    tiktok_handle: v.creator_id === null ? null : (handles.get(v.creator_id) ?? null),
    title: v.title ?? null,
    url: v.url ?? null,
    posted_at: v.posted_at,
    view_count: v.view_count,
    engagement_rate: round(engagementRateByViews(v), 4),
  };
}

/**
 * The `k` first items under `compare`, in order, in one pass: a full sort of a 250,000-video
 * project would cost more than everything else in the analysis together.
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const item of items) {
    if (out.length === k && compare(item, out[k - 1]!) >= 0) continue;
    let i = out.length === k ? k - 1 : out.length;
    if (out.length < k) out.push(item);
    while (i > 0 && compare(item, out[i - 1]!) < 0) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = item;
  }
  return out;
}

/** {@link topK} over the positions `0 … n − 1` that pass `keep`, without materialising them. */
function topKPositions(
  n: number,
  k: number,
  compare: (a: number, b: number) => number,
  keep?: (i: number) => boolean,
) {
  const out: number[] = [];
  if (k <= 0) return out;
  for (let item = 0; item < n; item++) {
    if (keep && !keep(item)) continue;
    if (out.length === k && compare(item, out[k - 1]!) >= 0) continue;
    let i = out.length === k ? k - 1 : out.length;
    if (out.length < k) out.push(item);
    while (i > 0 && compare(item, out[i - 1]!) < 0) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = item;
  }
  return out;
}

export function analyzeContent(
  videos: readonly VideoInput[] | VideoIndex,
  creators: readonly CreatorInput[],
  asOf: Instant,
  options: ContentOptions = {},
): ContentAnalysis {
  const top = options.top ?? 10;
  const index = asIndex(videos);
  const handles = new Map(creators.map((c) => [c.id, c.tiktok_handle]));
  const n = index.videos.length;
  const cutoff = instantMs(asOf) - (options.minAgeDays ?? 3) * DAY_MS;
  const { views, actions, postedMs } = index;
  let totalViews = 0;
  let totalActions = 0;
  for (let k = 0; k < n; k++) {
    totalViews += views[k]!;
    totalActions += actions[k]!;
  }
  const scratch = views.slice();
  const byViewsDesc = (a: number, b: number) =>
    views[b]! - views[a]! || (index.videos[a]!.id < index.videos[b]!.id ? -1 : 1);
  const topVideos = topKPositions(n, top, byViewsDesc);
  const bottomVideos = topKPositions(
    n,
    top,
    (a, b) => byViewsDesc(b, a),
    (k) => postedMs[k]! <= cutoff,
  );

  const rows: CreatorContentRow[] = [];
  index.creatorIds.forEach((creatorId, slot) => {
    const from = index.start[slot]!;
    const to = index.start[slot + 1]!;
    let creatorViews = 0;
    let creatorActions = 0;
    for (let k = from; k < to; k++) {
      creatorViews += views[k]!;
      creatorActions += actions[k]!;
    }
    const er = safeRatio(creatorActions, creatorViews);
    rows.push({
      creator_id: creatorId,
      tiktok_handle: handles.get(creatorId) ?? null,
      post_count: to - from,
      view_count: creatorViews,
      median_views: medianOfSorted(views.slice(from, to).sort()),
      engagement_rate: round(er, 4),
      view_share: round(safeRatio(creatorViews, totalViews), 4),
    });
  });
  rows.sort((a, b) => b.view_count - a.view_count || (a.creator_id < b.creator_id ? -1 : 1));

  const er = safeRatio(totalActions, totalViews);
  return {
    video_count: n,
    total_views: totalViews,
    median_views: quantileSelect(scratch, 0.5),
    p90_views: quantileSelect(scratch, 0.9),
    engagement_rate: round(er, 4),
    top_videos: topVideos.map((k) => ranked(index, k, handles)),
    bottom_videos: bottomVideos.map((k) => ranked(index, k, handles)),
    outliers: findOutliers(index, asOf, options.outliers),
    posting_pattern: postingPatternOf(postedMs, views),
    creators: rows,
    pending_review: index.pending,
  };
}
