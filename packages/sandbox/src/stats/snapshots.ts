/**
 * Safe access to the world's daily snapshots. Snapshots exist only for `world.days` (the window); every
 * request range may reach outside it, so index math is clamped here once instead of in every caller.
 * `world.days` is a contiguous run of UTC days, so a day's index is plain day-number arithmetic.
 */
import type { Day, VideoRecord, VideoSnapshot, World } from "../world/types.js";
import { dayNumber } from "./days.js";

/** Day number of `world.days[0]`; NaN for an empty world. */
export function windowStartNumber(world: Pick<World, "days">): number {
  const first = world.days[0];
  return first === undefined ? Number.NaN : dayNumber(first);
}

/** Index of `day` in `world.days`. Not clamped: negative before the window, ≥ days.length after it. */
export function dayIndexOf(world: Pick<World, "days">, day: Day): number {
  return dayNumber(day) - windowStartNumber(world);
}

/** The part of `[fromIndex, toIndex]` that has snapshots, or null when the two do not overlap. */
export function clampToWindow(
  world: Pick<World, "days">,
  fromIndex: number,
  toIndex: number,
): { lo: number; hi: number } | null {
  const lo = Math.max(fromIndex, 0);
  const hi = Math.min(toIndex, world.days.length - 1);
  return lo <= hi ? { lo, hi } : null;
}

/** A video's snapshot at `dayIndex`, or null outside the window (the generator is never asked for those). */
export function videoSnapshotAt(world: World, video: VideoRecord, dayIndex: number): VideoSnapshot | null {
  if (dayIndex < 0 || dayIndex >= world.days.length) return null;
  return world.videoSnapshot(video, dayIndex);
}

/** Summed cumulative counters of `videos` at the end of `dayIndex`; videos without a snapshot add 0. */
export function sumSnapshots(world: World, videos: readonly VideoRecord[], dayIndex: number): VideoSnapshot {
  const total: VideoSnapshot = {
    view_count: 0,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
  };
  if (dayIndex < 0 || dayIndex >= world.days.length) return total;
  for (const video of videos) {
    const s = world.videoSnapshot(video, dayIndex);
    if (!s) continue;
    total.view_count += s.view_count;
    total.like_count += s.like_count;
    total.comment_count += s.comment_count;
    total.share_count += s.share_count;
    total.save_count += s.save_count;
  }
  return total;
}
