/** CSV of a creator_trend report: one row per week. @module */
import type { CreatorTrendReport } from "../schema/creator-trend.js";
import { recordsCsv } from "./common.js";

export function creatorTrendCsv(r: CreatorTrendReport): string {
  return recordsCsv(
    [
      "week_start",
      "partial",
      "post_count",
      "followers_gained",
      "views_gained",
      "views_wow_change_ratio",
      "views_gained_per_post",
    ],
    r.weeks,
  );
}
