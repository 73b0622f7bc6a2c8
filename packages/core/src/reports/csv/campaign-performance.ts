/** CSV of a campaign_performance report: its top videos, the table a reader exports. @module */
import type { CampaignPerformanceReport } from "../schema/campaign-performance.js";
import { recordsCsv } from "./common.js";

export function campaignPerformanceCsv(r: CampaignPerformanceReport): string {
  return recordsCsv(
    ["video_id", "creator_id", "tiktok_handle", "title", "url", "posted_at", "view_count", "engagement_rate"],
    r.top_videos,
  );
}
