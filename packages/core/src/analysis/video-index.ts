/**
 * One pass over a video list that every creator-level analysis starts from: keep the counted videos,
 * parse each `posted_at` once, copy the counters out, and group by creator. The result is laid out as
 * columns (typed arrays) with each creator's videos contiguous, so the analyses after it read small,
 * dense arrays instead of chasing a quarter of a million large parsed objects again: at that scale
 * every touch of a parsed object is a cache miss, and the pass over them is most of the cost.
 * @module
 */
import { countedClass } from "./counted.js";
import { DAY_MS, parseInstantMs } from "./dates.js";
import type { VideoInput } from "./inputs.js";

/**
 * Counted videos with a parseable `posted_at`, grouped by creator (creators in first-seen order, each
 * creator's videos in input order), then the ones without a creator. Position `k` describes
 * `videos[k]`, `postedMs[k]`, `day[k]`, `views[k]` and `actions[k]`.
 */
export interface VideoIndex<V extends VideoInput = VideoInput> {
  videos: V[];
  postedMs: Float64Array;
  /** UTC day number of `posted_at`. */
  day: Int32Array;
  views: Float64Array;
  /** likes + comments + shares + saves */
  actions: Float64Array;
  /** Creator id of each slot. */
  creatorIds: string[];
  /** Slot `s` owns positions `start[s]` to `start[s + 1]` (exclusive); the last entry ends the attributed part. */
  start: Int32Array;
  slotOf: Map<string, number>;
  pending: number;
  /**
   * UTC day numbers of the pending (`pending_review`) posts per creator: the Tracking Inbox backlog,
   * which underperformance judging must not hold against the creator.
   */
  pendingDays: Map<string, number[]>;
  /** Excluded videos the caller held anyway (`GET /videos` never lists them). */
  excludedKnown: number;
  /** Videos with a counted status whose tracking is disabled (`tracking_enabled: false`): left out. */
  disabled: number;
  /** Videos whose status the docs do not name: left out (the conservative reading). */
  unknownStatus: number;
  /** Videos without a `tracking_enabled` field: treated as enabled, which reports say. */
  trackingUnreported: number;
  /** Counted videos whose `posted_at` could not be parsed (left out of date-based analyses). */
  undated: number;
}

export function indexVideos<V extends VideoInput>(input: readonly V[]): VideoIndex<V> {
  const n = input.length;
  const slotOfRow = new Int32Array(n);
  const ms = new Float64Array(n);
  const rowViews = new Float64Array(n);
  const rowActions = new Float64Array(n);
  const kept: V[] = [];
  const slotOf = new Map<string, number>();
  const creatorIds: string[] = [];
  const counts: number[] = [];
  let pending = 0;
  const pendingDays = new Map<string, number[]>();
  let excludedKnown = 0;
  let disabled = 0;
  let unknownStatus = 0;
  let trackingUnreported = 0;
  let undated = 0;

  // Pass 1, over the parsed objects: the only pass that touches them. Which videos count is counted.ts's
  // rule; its class also says why a video was left out.
  for (const video of input) {
    if (video.tracking_enabled === undefined || video.tracking_enabled === null) trackingUnreported++;
    const status = countedClass(video);
    if (status !== "counted") {
      if (status === "pending_review") {
        pending++;
        notePending(pendingDays, video);
      } else if (status === "excluded") excludedKnown++;
      else if (status === "tracking_disabled") disabled++;
      else unknownStatus++;
      continue;
    }
    const postedMs = parseInstantMs(video.posted_at);
    if (postedMs === null) {
      undated++;
      continue;
    }
    const row = kept.length;
    kept.push(video);
    ms[row] = postedMs;
    rowViews[row] = video.view_count;
    rowActions[row] = video.like_count + video.comment_count + video.share_count + (video.save_count ?? 0);
    const creatorId = video.creator_id;
    let slot = -1;
    if (creatorId !== null) {
      const known = slotOf.get(creatorId);
      if (known === undefined) {
        slot = creatorIds.length;
        slotOf.set(creatorId, slot);
        creatorIds.push(creatorId);
        counts.push(1);
      } else {
        slot = known;
        counts[slot]!++;
      }
    }
    slotOfRow[row] = slot;
  }

  // Pass 2, over the typed arrays only: a counting sort by creator slot (stable, so input order holds).
  const m = kept.length;
  const slots = creatorIds.length;
  const start = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) start[s + 1] = start[s]! + counts[s]!;
  const next = start.slice(0, slots);
  let tail = start[slots]!;
  const videos = new Array<V>(m);
  const postedMs = new Float64Array(m);
  const day = new Int32Array(m);
  const views = new Float64Array(m);
  const actions = new Float64Array(m);
  for (let row = 0; row < m; row++) {
    const slot = slotOfRow[row]!;
    const k = slot >= 0 ? next[slot]!++ : tail++;
    videos[k] = kept[row]!;
    postedMs[k] = ms[row]!;
    day[k] = Math.floor(ms[row]! / DAY_MS);
    views[k] = rowViews[row]!;
    actions[k] = rowActions[row]!;
  }
  return {
    videos,
    postedMs,
    day,
    views,
    actions,
    creatorIds,
    start,
    slotOf,
    pending,
    pendingDays,
    excludedKnown,
    disabled,
    unknownStatus,
    trackingUnreported,
    undated,
  };
}

/** Files a pending post under its creator by posting day (a disabled or undated one is no backlog). */
function notePending(into: Map<string, number[]>, video: VideoInput): void {
  if (video.creator_id === null || video.tracking_enabled === false) return;
  const ms = parseInstantMs(video.posted_at);
  if (ms === null) return;
  const day = Math.floor(ms / DAY_MS);
  const list = into.get(video.creator_id);
  if (list) list.push(day);
  else into.set(video.creator_id, [day]);
}

/** Accepts either raw videos or an index built earlier, so several analyses can share one index. */
export function asIndex<V extends VideoInput>(videos: readonly V[] | VideoIndex<V>): VideoIndex<V> {
  return Array.isArray(videos) ? indexVideos(videos as readonly V[]) : (videos as VideoIndex<V>);
}

/** Positions `[from, to)` of a creator's videos in the index; an empty range for an unknown creator. */
export function creatorRange(index: VideoIndex, creatorId: string): [number, number] {
  const slot = index.slotOf.get(creatorId);
  return slot === undefined ? [0, 0] : [index.start[slot]!, index.start[slot + 1]!];
}

/** The sum of a video's engagement actions: likes + comments + shares + saves. */
export function engagementActions(v: VideoInput): number {
  return v.like_count + v.comment_count + v.share_count + (v.save_count ?? 0);
}
