/** CSV of a campaign_comparison report: one row per campaign, ranked. @module */
import type { CampaignComparisonReport } from "../reports/campaign-comparison.js";
import { toCsv } from "./common.js";

export function campaignComparisonCsv(r: CampaignComparisonReport): string {
  const header = [
    "rank",
    "campaign_id",
    "name",
    "views_gained",
    "days_active",
    "views_per_active_day",
    "views_per_creator",
    "views_per_video",
    "engagement_rate",
    "direction",
    "lifetime_view_count",
    "lifetime_video_count",
    "lifetime_creator_count",
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
      c.days_active,
      c.views_per_active_day,
      c.views_per_creator,
      c.views_per_video,
      c.engagement_rate,
      c.direction,
      c.totals.view_count,
      c.totals.video_count,
      c.totals.creator_count,
      c.target_views,
      c.target_at,
    ]),
  );
}
