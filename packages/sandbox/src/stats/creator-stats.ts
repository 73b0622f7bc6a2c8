/**
 * `GET /creators/{id}/stats` (Part A.3), from the daily snapshots: the profile history (carried forward
 * from the first creator snapshot), the cumulative views of the creator's counted videos, and counted
 * posts per ISO week. Days outside the snapshot window have no history or views entries (there is
 * nothing to carry forward into the future); posting_frequency covers the whole range because posting
 * days are known from `posted_at` alone.
 */
import type { CreatorStats } from "@goatkit/core";
import { dayString, isoWeekStart } from "@goatkit/core/analysis";
import type { CreatorRecord, CreatorSnapshot, VideoRecord, World } from "../world/types.js";
import { countedOnly } from "./counted.js";
import { dailySeries } from "./daily-series.js";
import { dayNumber } from "./days.js";
import type { DayRangeQuery } from "./range.js";
import { clampToWindow } from "./snapshots.js";

export function creatorStats(
  world: World,
  creator: CreatorRecord,
  creatorVideos: readonly VideoRecord[],
  range: DayRangeQuery,
): CreatorStats {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  const videos = countedOnly(creatorVideos);

  const history: CreatorStats["history"] = [];
  const window = clampToWindow(world, range.fromIndex, range.toIndex);
  if (window) {
    // Carry-forward seed: the last snapshot before the range, if the range starts inside the window.
    let last: CreatorSnapshot | null = window.lo > 0 ? world.creatorSnapshot(creator, window.lo - 1) : null;
    for (let idx = window.lo; idx <= window.hi; idx++) {
      last = world.creatorSnapshot(creator, idx) ?? last;
      if (!last) continue; // before the first snapshot: absent
      history.push({
        date: world.days[idx]!,
        follower_count: last.follower_count,
        total_likes_count: last.total_likes_count,
        video_count: last.video_count,
      });
    }
  }

  const { series } = dailySeries(world, videos, [], from, to);
  const total_video_views: CreatorStats["total_video_views"] = [];
  for (let i = 0; i < series.length; i++) {
    if (series.inWindow[i])
      total_video_views.push({ date: dayString(from + i), value: series.cum.view_count[i]! });
  }

  // Weeks overlapping the range, labelled by their Monday; only posts inside the range count.
  const posting_frequency: CreatorStats["posting_frequency"] = [];
  for (let week = isoWeekStart(from); week <= to; week += 7) {
    let count = 0;
    for (let d = Math.max(week, from); d <= Math.min(week + 6, to); d++) count += series.posts[d - from]!;
    posting_frequency.push({ week_start: dayString(week), video_count: count });
  }

  return {
    creator_id: creator.id,
    from: range.from,
    to: range.to,
    history,
    total_video_views,
    posting_frequency,
  };
}
