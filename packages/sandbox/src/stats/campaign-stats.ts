/**
 * `GET /campaigns/{id}/stats` (Part A.3) over an already resolved, de-duplicated video set
 * (see campaign-tree.ts). `totals` and the top lists use the records' current counters (Part A.2:
 * counts are the current snapshot, not range sums); `history` and `video_count_by_day` are per day of
 * the range and come from the daily snapshots.
 */
import type { CampaignStats } from "@goatkit/core";
import { dayString } from "@goatkit/core/analysis";
import type { CampaignRecord, CreatorRecord, VideoRecord, World } from "../world/types.js";
import { countedOnly } from "./counted.js";
import { dailySeries } from "./daily-series.js";
import { dayNumber } from "./days.js";
import type { DayRangeQuery } from "./range.js";

const TOP_N = 10;

/** Descending by `key`, ties by id ascending, so equal counts never reorder between calls. */
const byDescThenId =
  <T extends { id: string }>(key: (x: T) => number) =>
  (a: T, b: T) =>
    key(b) - key(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Part A's campaign stats plus each history day's saves: the engagement formulas need them, Part A's
 * history does not carry them (the route drops them before answering).
 */
export type SandboxCampaignStats = Omit<CampaignStats, "history"> & {
  history: (CampaignStats["history"][number] & { save_count: number })[];
};

export function campaignStats(
  world: World,
  campaign: CampaignRecord,
  resolvedVideos: readonly VideoRecord[],
  creatorsById: (id: string) => CreatorRecord | undefined,
  range: DayRangeQuery,
): SandboxCampaignStats {
  const videos = countedOnly(resolvedVideos);

  const totals = {
    view_count: 0,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    video_count: videos.length,
    creator_count: 0,
  };
  const perCreator = new Map<string, { video_count: number; view_count: number }>();
  for (const v of videos) {
    totals.view_count += v.view_count;
    totals.like_count += v.like_count;
    totals.comment_count += v.comment_count;
    totals.share_count += v.share_count;
    totals.save_count += v.save_count;
    if (v.creator_id === null) continue;
    const entry = perCreator.get(v.creator_id) ?? { video_count: 0, view_count: 0 };
    entry.video_count++;
    entry.view_count += v.view_count;
    perCreator.set(v.creator_id, entry);
  }
  totals.creator_count = perCreator.size;

  const top_videos = [...videos]
    .sort(byDescThenId((v) => v.view_count))
    .slice(0, TOP_N)
    .map((v) => ({
      id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: v.creator_id === null ? null : (creatorsById(v.creator_id)?.tiktok_handle ?? null),
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      like_count: v.like_count,
      comment_count: v.comment_count,
      share_count: v.share_count,
    }));

  // A creator id no record answers for cannot be named (tiktok_handle is required), so it is not ranked.
  const top_creators = [...perCreator]
    .flatMap(([id, agg]) => {
      const creator = creatorsById(id);
      return creator ? [{ id, tiktok_handle: creator.tiktok_handle, ...agg }] : [];
    })
    .sort(byDescThenId((c) => c.view_count))
    .slice(0, TOP_N);

  const from = dayNumber(range.from);
  const { series } = dailySeries(world, videos, [], from, dayNumber(range.to));
  const history: SandboxCampaignStats["history"] = [];
  const video_count_by_day: CampaignStats["video_count_by_day"] = [];
  for (let i = 0; i < series.length; i++) {
    const date = dayString(from + i);
    video_count_by_day.push({ date, count: series.posts[i]! });
    // Days outside the snapshot window have no totals to report (rather than misleading zeros).
    if (!series.inWindow[i]) continue;
    history.push({
      date,
      view_count: series.cum.view_count[i]!,
      like_count: series.cum.like_count[i]!,
      comment_count: series.cum.comment_count[i]!,
      share_count: series.cum.share_count[i]!,
      // Not in Part A's history (see SandboxCampaignStats): saves are part of every engagement formula.
      save_count: series.cum.save_count[i]!,
    });
  }

  return {
    campaign_id: campaign.id,
    from: range.from,
    to: range.to,
    totals,
    top_videos,
    top_creators,
    history,
    video_count_by_day,
  };
}
