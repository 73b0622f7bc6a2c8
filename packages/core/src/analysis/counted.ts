/**
 * Which videos count: the one definition core, its workflows and the sandbox share (api-contract A.2).
 * A video counts in stats, goals and campaign totals when its status is `auto_tracked`, `included` or
 * `direct_add`, it is not deleted, and its tracking is on. `pending_review` videos wait in the Tracking
 * Inbox (selective mode), `excluded` ones were rejected, disabled ones were switched off
 * (`tracking_enabled: false`), and a status the docs do not name does not count either: the
 * conservative reading. A video without `tracking_enabled` is treated as enabled, and analyses say so.
 * Analyses keep the counted ones and report how many were left out and why, so a reader knows.
 * @module
 */

/** The fields the counted rule reads. `deleted` is for stores that keep soft-deleted rows (the API lists none). */
export interface CountableVideo {
  tracking_status: string;
  tracking_enabled?: boolean | null | undefined;
  deleted?: boolean | undefined;
}

/** Why a video counts or not; one class per video. */
export type CountedClass = "counted" | "pending_review" | "excluded" | "tracking_disabled" | "unknown_status";

/**
 * The class of a status string. Its length picks the one literal it can be (the five documented
 * statuses differ in length but two, and lists hold hundreds of thousands of videos), then the full
 * comparison decides: a status the docs do not name is `unknown_status`, never counted.
 */
export function statusClass(status: string): Exclude<CountedClass, "tracking_disabled"> {
  switch (status.length) {
    case 12:
      return status === "auto_tracked" ? "counted" : "unknown_status";
    case 8:
      return status === "included" ? "counted" : status === "excluded" ? "excluded" : "unknown_status";
    case 10:
      return status === "direct_add" ? "counted" : "unknown_status";
    case 14:
      return status === "pending_review" ? "pending_review" : "unknown_status";
    default:
      return "unknown_status";
  }
}

/**
 * The class of a video: its status class, except that a counted-status video whose tracking is
 * disabled (or that is deleted) is `tracking_disabled`.
 */
export function countedClass(video: CountableVideo): CountedClass {
  const c = statusClass(video.tracking_status);
  if (c === "counted" && (video.tracking_enabled === false || video.deleted === true))
    return "tracking_disabled";
  return c;
}

/** Whether a video counts in stats, goals and campaign totals: the one rule (see the module comment). */
export function isCountedVideo(video: CountableVideo): boolean {
  return countedClass(video) === "counted";
}

export interface PartitionCounts {
  counted: number;
  pending_review: number;
  excluded: number;
  /** Videos with a counted status whose tracking is disabled (`tracking_enabled: false`). */
  tracking_disabled: number;
  /** Videos whose status the docs do not name: left out, the conservative reading. */
  unknown_status: number;
  /** Videos that carried no `tracking_enabled` field at all: treated as enabled. */
  tracking_unreported: number;
}

export interface VideoPartition<V> {
  counted: V[];
  pending: V[];
  excluded: V[];
  disabled: V[];
  unknown: V[];
  counts: PartitionCounts;
}

/** Splits videos by whether they count. `GET /videos` never lists excluded ones, but callers may hold some. */
export function partitionVideos<V extends CountableVideo>(videos: readonly V[]): VideoPartition<V> {
  const p: VideoPartition<V> = {
    counted: [],
    pending: [],
    excluded: [],
    disabled: [],
    unknown: [],
    counts: emptyCounts(),
  };
  for (const v of videos) {
    const c = countedClass(v);
    if (v.tracking_enabled === undefined || v.tracking_enabled === null) p.counts.tracking_unreported++;
    if (c === "counted") p.counted.push(v);
    else if (c === "pending_review") p.pending.push(v);
    else if (c === "excluded") p.excluded.push(v);
    else if (c === "tracking_disabled") p.disabled.push(v);
    else p.unknown.push(v);
  }
  p.counts.counted = p.counted.length;
  p.counts.pending_review = p.pending.length;
  p.counts.excluded = p.excluded.length;
  p.counts.tracking_disabled = p.disabled.length;
  p.counts.unknown_status = p.unknown.length;
  return p;
}

/** The counts of nothing. */
export function emptyCounts(): PartitionCounts {
  return {
    counted: 0,
    pending_review: 0,
    excluded: 0,
    tracking_disabled: 0,
    unknown_status: 0,
    tracking_unreported: 0,
  };
}

/** What a report must say it left out beyond pending videos: disabled and unknown-status videos, and missing fields. */
export type LeftOutCounts = Pick<
  PartitionCounts,
  "tracking_disabled" | "unknown_status" | "tracking_unreported"
>;

/** {@link LeftOutCounts} of a list, counted without copying it. */
export function leftOutCounts(videos: Iterable<CountableVideo>): LeftOutCounts {
  const out: LeftOutCounts = { tracking_disabled: 0, unknown_status: 0, tracking_unreported: 0 };
  for (const v of videos) {
    if (v.tracking_enabled === undefined || v.tracking_enabled === null) out.tracking_unreported++;
    const c = countedClass(v);
    if (c === "tracking_disabled") out.tracking_disabled++;
    else if (c === "unknown_status") out.unknown_status++;
  }
  return out;
}
