/** CSV of an underperforming_creators report: one row per listed creator, most severe first. @module */
import type { UnderperformingCreatorsReport } from "../schema/underperforming-creators.js";
import { toCsv } from "./common.js";

export function underperformingCreatorsCsv(r: UnderperformingCreatorsReport): string {
  const header = [
    "creator_id",
    "tiktok_handle",
    "follower_count",
    "reasons",
    "window_post_count",
    "median_views",
    "views_per_follower",
    "ratio_to_baseline",
    "er_recent",
    "er_earlier",
    "gap_weeks",
    "last_posted_at",
    "stale",
    "last_scraped_at",
  ];
  return toCsv(
    header,
    r.underperformers.map((u) => [
      u.creator_id,
      u.tiktok_handle,
      u.follower_count,
      u.reasons.join(" "),
      u.window_post_count,
      u.median_views,
      u.views_per_follower,
      u.ratio_to_baseline,
      u.er_recent,
      u.er_earlier,
      u.gap_weeks.join(" "),
      u.last_posted_at,
      u.stale,
      u.last_scraped_at,
    ]),
  );
}
