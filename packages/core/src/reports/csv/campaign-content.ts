/** CSV of a campaign_content report: the per-creator breakdown. @module */
import type { CampaignContentReport } from "../schema/campaign-content.js";
import { recordsCsv } from "./common.js";

export function campaignContentCsv(r: CampaignContentReport): string {
  return recordsCsv(
    [
      "creator_id",
      "tiktok_handle",
      "post_count",
      "view_count",
      "median_views",
      "engagement_rate",
      "view_share",
    ],
    r.creators,
  );
}
