/**
 * Which videos count. Only `auto_tracked`, `included` and `direct_add` videos count in any stat;
 * `pending_review` videos wait in the Tracking Inbox (selective mode) and `excluded` ones were
 * rejected. Analyses keep the counted ones and report how many were left out, so a reader knows.
 * @module
 */
import type { TrackingStatus } from "../schema/video.js";

/** Whether a video with this status counts in stats, goals and campaign totals. */
export function isCounted(status: TrackingStatus): boolean {
  return status === "auto_tracked" || status === "included" || status === "direct_add";
}

export interface PartitionCounts {
  counted: number;
  pending_review: number;
  excluded: number;
}

export interface VideoPartition<V> {
  counted: V[];
  pending: V[];
  excluded: V[];
  counts: PartitionCounts;
}

/** Splits videos by whether they count. `GET /videos` never lists excluded ones, but callers may hold some. */
export function partitionVideos<V extends { tracking_status: TrackingStatus }>(
  videos: readonly V[],
): VideoPartition<V> {
  const counted: V[] = [];
  const pending: V[] = [];
  const excluded: V[] = [];
  for (const v of videos) {
    if (isCounted(v.tracking_status)) counted.push(v);
    else if (v.tracking_status === "pending_review") pending.push(v);
    else excluded.push(v);
  }
  return {
    counted,
    pending,
    excluded,
    counts: { counted: counted.length, pending_review: pending.length, excluded: excluded.length },
  };
}
