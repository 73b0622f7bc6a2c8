/**
 * CSV of a campaign_comparison report: one row per campaign, ranked. Views gained and the per-unit
 * figures are the range's; `lifetime_*` columns are snapshot totals; rates are fractions 0–1.
 * @module
 */
import type { CampaignComparisonReport } from "../schema/campaign-comparison.js";
import { toCsv } from "./common.js";

export function campaignComparisonCsv(r: CampaignComparisonReport): string {
  const header = [
    "rank",
    "campaign_id",
    "name",
    "views_gained",
    "active_day_count",
    "views_gained_per_active_day",
    "views_gained_per_creator",
    "views_gained_per_video",
    "direction",
    "lifetime_view_count",
    "lifetime_video_count",
    "lifetime_creator_count",
    "lifetime_engagement_rate",
    "target_views",
    "target_at",
  ];
  return toCsv(
    header,
    r.campaigns.map((c) => [
      c.rank,
      c.campaign_id,
      c.name,
      c.views_gained,
      c.active_day_count,
      c.views_gained_per_active_day,
      c.views_gained_per_creator,
      c.views_gained_per_video,
      c.direction,
      c.lifetime.view_count,
      c.lifetime.video_count,
      c.lifetime.creator_count,
      c.lifetime.engagement_rate,
      c.target_views,
      c.target_at,
    ]),
  );
}
