/**
 * Per-day totals of a set of videos (and optionally creators) over a span of days, computed in one pass
 * over the daily snapshots. Every stats-like response is a view over these arrays, so the snapshot
 * store is read once per (video, day) and never through stored aggregates.
 *
 * THE GAIN RULE ("new" values; used by analytics `mode=new`, video metric series and goal views):
 * a day's gain of a video is its snapshot minus the previous day's snapshot. When there is no previous
 * snapshot, the day holds the video's first snapshot, and then:
 *   - a video posted inside the snapshot window (posted day ≥ world.days[0]) gains its whole first
 *     value: it did not exist before, so everything it has was gained since it was posted, inside the
 *     window — even when the first scrape came a day or two after posting;
 *   - a video posted before the window is a baseline and gains 0 that day: its first value holds views
 *     from before the data starts, which no day of the window earned.
 * Creators' follower counts follow the baseline rule always (a profile has followers before it is
 * first scraped). Follower counts are carried forward over missing days.
 */
import type { CreatorRecord, VideoRecord, World } from "../world/types.js";
import { instantDayNumber } from "./days.js";
import { windowStartNumber } from "./snapshots.js";

export const COUNTERS = ["view_count", "like_count", "comment_count", "share_count", "save_count"] as const;
export type Counter = (typeof COUNTERS)[number];
type PerCounter = Record<Counter, Float64Array>;

export interface DailySeries {
  /** Day number of element 0; element i is day `start + i`. */
  start: number;
  length: number;
  /** 1 where the day has snapshot data (inside `world.days`). */
  inWindow: Uint8Array;
  /** Summed cumulative counters at each day's end (videos without a snapshot yet add 0). */
  cum: PerCounter;
  /** Summed gains of each day (the gain rule above). */
  gain: PerCounter;
  /** Videos posted on each day (by posted_at's UTC day; known outside the window too). */
  posts: Float64Array;
  /** Videos posted before `start`. */
  postsBefore: number;
  /** Summed carried-forward follower counts; `followersHas` 1 where at least one creator had data. */
  followers: Float64Array;
  followerGain: Float64Array;
  followersHas: Uint8Array;
}

const perCounter = (n: number): PerCounter => ({
  view_count: new Float64Array(n),
  like_count: new Float64Array(n),
  comment_count: new Float64Array(n),
  share_count: new Float64Array(n),
  save_count: new Float64Array(n),
});

export interface DailySeriesOptions {
  /** Also return each video's view gain summed over these day numbers (inclusive), for rankings. */
  rankViews?: { from: number; to: number };
}

/**
 * Totals of `videos` (assumed counted) and follower totals of `creators` for the day numbers
 * `from..to` inclusive. Cost: one snapshot read per video per window day in the span, plus one for the
 * day before (the gain of the first day needs it).
 */
export function dailySeries(
  world: World,
  videos: readonly VideoRecord[],
  creators: readonly CreatorRecord[],
  from: number,
  to: number,
  options: DailySeriesOptions = {},
): { series: DailySeries; rankViews: Float64Array | null } {
  const n = Math.max(0, to - from + 1);
  const w0 = windowStartNumber(world);
  const lastIndex = world.days.length - 1;
  // Window indices covered by the span.
  const lo = Math.max(from - w0, 0);
  const hi = Math.min(to - w0, lastIndex);
  const offset = w0 - from; // span position of window index idx is idx + offset

  const inWindow = new Uint8Array(n);
  for (let idx = lo; idx <= hi; idx++) inWindow[idx + offset] = 1;
  const cum = perCounter(n);
  const gain = perCounter(n);
  const posts = new Float64Array(n);
  let postsBefore = 0;

  const rank = options.rankViews;
  const rankViews = rank ? new Float64Array(videos.length) : null;
  const rankLo = rank ? rank.from - from : 0;
  const rankHi = rank ? rank.to - from : -1;

  const cv = cum.view_count;
  const cl = cum.like_count;
  const cc = cum.comment_count;
  const cs = cum.share_count;
  const csv = cum.save_count;
  const gv = gain.view_count;
  const gl = gain.like_count;
  const gc = gain.comment_count;
  const gs = gain.share_count;
  const gsv = gain.save_count;

  for (let k = 0; k < videos.length; k++) {
    const video = videos[k]!;
    const posted = instantDayNumber(video.posted_at);
    if (posted < from) postsBefore++;
    else if (posted <= to) posts[posted - from]!++;
    if (lo > hi) continue;

    const postedInWindow = posted >= w0;
    let prev = lo > 0 ? world.videoSnapshot(video, lo - 1) : null;
    let ranked = 0;
    for (let idx = lo; idx <= hi; idx++) {
      const cur = world.videoSnapshot(video, idx);
      if (!cur) continue; // not posted / not scraped yet: adds nothing, and the previous value stays
      const i = idx + offset;
      cv[i]! += cur.view_count;
      cl[i]! += cur.like_count;
      cc[i]! += cur.comment_count;
      cs[i]! += cur.share_count;
      csv[i]! += cur.save_count;
      let dv: number;
      if (prev) {
        dv = cur.view_count - prev.view_count;
        gv[i]! += dv;
        gl[i]! += cur.like_count - prev.like_count;
        gc[i]! += cur.comment_count - prev.comment_count;
        gs[i]! += cur.share_count - prev.share_count;
        gsv[i]! += cur.save_count - prev.save_count;
      } else if (postedInWindow) {
        dv = cur.view_count;
        gv[i]! += dv;
        gl[i]! += cur.like_count;
        gc[i]! += cur.comment_count;
        gs[i]! += cur.share_count;
        gsv[i]! += cur.save_count;
      } else dv = 0; // baseline
      if (i >= rankLo && i <= rankHi) ranked += dv;
      prev = cur;
    }
    if (rankViews) rankViews[k] = ranked;
  }

  const followers = new Float64Array(n);
  const followerGain = new Float64Array(n);
  const followersHas = new Uint8Array(n);
  if (lo <= hi) {
    for (const creator of creators) {
      let prev: number | undefined =
        lo > 0 ? world.creatorSnapshot(creator, lo - 1)?.follower_count : undefined;
      for (let idx = lo; idx <= hi; idx++) {
        const f = world.creatorSnapshot(creator, idx)?.follower_count ?? prev;
        if (f === undefined) continue;
        const i = idx + offset;
        followers[i]! += f;
        followersHas[i] = 1;
        if (prev !== undefined) followerGain[i]! += f - prev;
        prev = f;
      }
    }
  }

  return {
    series: {
      start: from,
      length: n,
      inWindow,
      cum,
      gain,
      posts,
      postsBefore,
      followers,
      followerGain,
      followersHas,
    },
    rankViews,
  };
}

/** `total − Σ parts`, element-wise. Every array of a series is a plain sum over videos, so this is exact. */
export function subtractSeries(total: DailySeries, parts: readonly DailySeries[]): DailySeries {
  const out: DailySeries = {
    ...total,
    cum: perCounter(total.length),
    gain: perCounter(total.length),
    posts: Float64Array.from(total.posts),
    postsBefore: total.postsBefore,
  };
  for (const c of COUNTERS) {
    out.cum[c].set(total.cum[c]);
    out.gain[c].set(total.gain[c]);
  }
  for (const part of parts) {
    for (const c of COUNTERS) {
      const oc = out.cum[c];
      const og = out.gain[c];
      const pc = part.cum[c];
      const pg = part.gain[c];
      for (let i = 0; i < total.length; i++) {
        oc[i]! -= pc[i]!;
        og[i]! -= pg[i]!;
      }
    }
    for (let i = 0; i < total.length; i++) out.posts[i]! -= part.posts[i]!;
    out.postsBefore -= part.postsBefore;
  }
  return out;
}
