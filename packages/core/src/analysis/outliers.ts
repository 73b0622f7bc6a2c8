/**
 * Outlier videos by a robust z-score of log views within each creator. Views are heavy-tailed, so a
 * mean and standard deviation are dragged by the very outliers they should find; the median and the
 * MAD of ln(views) are not. Both a large z and a large ratio to the creator's median are required, so
 * a creator with very uniform views does not get every ordinary wobble flagged.
 *
 * Rule: among counted videos posted ≥ 7 days before asOf, for creators with ≥ 5 of them,
 * z = (ln v − median ln v) / (1.4826 × MAD ln v), v = max(view_count, 1);
 * "high" when z > 3.5 and v ≥ 5 × median views; "low" when z < −3.5 and v ≤ 0.2 × median views.
 * When the MAD is 0 the ratio condition decides alone.
 * @module
 */
import { DAY_MS, type Instant, instantMs } from "./dates.js";
import type { VideoInput } from "./inputs.js";
import type { OutlierVideo } from "./results/content.js";
import { MAD_TO_SIGMA, medianOfSorted, round } from "./stats-math.js";
import { asIndex, type VideoIndex } from "./video-index.js";

// The result type is inferred from the report part schema (results/content.ts): one definition.
export type { OutlierVideo };

export interface OutlierOptions {
  minAgeDays?: number;
  minVideos?: number;
  zThreshold?: number;
  highRatio?: number;
  lowRatio?: number;
}

export interface OutlierAnalysis {
  outliers: OutlierVideo[];
  creators_checked: number;
  /** Creators with some old-enough videos but fewer than `minVideos`. */
  creators_too_few_videos: number;
}

export function findOutliers(
  videos: readonly VideoInput[] | VideoIndex,
  asOf: Instant,
  options: OutlierOptions = {},
): OutlierAnalysis {
  const minAgeMs = (options.minAgeDays ?? 7) * DAY_MS;
  const minVideos = options.minVideos ?? 5;
  const zT = options.zThreshold ?? 3.5;
  const highRatio = options.highRatio ?? 5;
  const lowRatio = options.lowRatio ?? 0.2;
  const index = asIndex(videos);
  const cutoff = instantMs(asOf) - minAgeMs;

  const outliers: OutlierVideo[] = [];
  let checked = 0;
  let tooFew = 0;
  // Scratch buffers reused across creators: one allocation instead of four per creator.
  let cap = 64;
  let rows = new Int32Array(cap);
  let vs = new Float64Array(cap);
  let logs = new Float64Array(cap);
  let scratch = new Float64Array(cap);
  const { postedMs, views, start } = index;
  for (let slot = 0; slot < index.creatorIds.length; slot++) {
    const from = start[slot]!;
    const to = start[slot + 1]!;
    if (to - from > cap) {
      cap = (to - from) * 2;
      rows = new Int32Array(cap);
      vs = new Float64Array(cap);
      logs = new Float64Array(cap);
      scratch = new Float64Array(cap);
    }
    let n = 0;
    for (let k = from; k < to; k++) {
      if (postedMs[k]! > cutoff) continue;
      const v = Math.max(views[k]!, 1);
      rows[n] = k;
      vs[n] = v;
      logs[n] = Math.log(v);
      n++;
    }
    if (n < minVideos) {
      if (n > 0) tooFew++;
      continue;
    }
    checked++;
    const work = scratch.subarray(0, n);
    work.set(vs.subarray(0, n));
    work.sort();
    const medViews = medianOfSorted(work)!;
    // ln is monotonic, so the middle of the sorted views is the middle of the sorted logs.
    const mid = n >> 1;
    const medLog = n % 2 === 1 ? Math.log(work[mid]!) : (Math.log(work[mid - 1]!) + Math.log(work[mid]!)) / 2;
    for (let i = 0; i < n; i++) work[i] = Math.abs(logs[i]! - medLog);
    const scale = MAD_TO_SIGMA * medianOfSorted(work.sort())!;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      const z = scale > 0 ? (logs[i]! - medLog) / scale : null;
      let direction: "high" | "low" | null = null;
      if (v >= highRatio * medViews && (z === null || z > zT)) direction = "high";
      else if (v <= lowRatio * medViews && (z === null || z < -zT)) direction = "low";
      if (direction === null) continue;
      const video = index.videos[rows[i]!]!;
      outliers.push({
        video_id: video.id,
        creator_id: index.creatorIds[slot]!,
        direction,
        view_count: video.view_count,
        creator_median_views: medViews,
        ratio_to_median: round(v / medViews, 3),
        z: round(z, 2),
        posted_at: video.posted_at,
        title: video.title ?? null,
      });
    }
  }
  outliers.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === "high" ? -1 : 1) ||
      (a.direction === "high"
        ? (b.ratio_to_median ?? 0) - (a.ratio_to_median ?? 0)
        : (a.ratio_to_median ?? 0) - (b.ratio_to_median ?? 0)) ||
      (a.video_id < b.video_id ? -1 : 1),
  );
  return { outliers, creators_checked: checked, creators_too_few_videos: tooFew };
}
