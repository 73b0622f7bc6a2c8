/** Report of {@link runCampaignPerformance}: one campaign's totals, pacing, concentration and target progress. @module */
import { z } from "zod";
import { INSTANT, LIFETIME } from "../../analysis/results/basis.js";
import { Concentration, CreatorViews, DailyPostCount, Totals } from "../../analysis/results/campaign.js";
import { RankedVideo } from "../../analysis/results/content.js";
import { Pacing } from "../../analysis/results/pacing.js";
import { TargetProgress } from "../../analysis/results/target.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();

export const CampaignInfo = z.object({
  id: z.string().describe("The campaign's id."),
  name: z.string().describe("The campaign's name."),
  project_id: z.string().describe("The campaign's project."),
  description: z.string().nullable().describe("The campaign's notes (strategy, audience, what is measured)."),
  created_at: z
    .string()
    .describe(`When the campaign was created, ${INSTANT}: its target counts views from then.`),
  target_views: z.number().nullable().describe("The campaign's target, in views; null without one."),
  target_at: z.string().nullable().describe(`The target's deadline, ${INSTANT}; null without one.`),
});

export const CampaignTreeSummary = z.object({
  campaign_count: Int.describe("Campaigns in the tree: the campaign and every sub-campaign below it."),
  creator_item_count: Int.describe("Creator items across the tree (each brings all its counted videos)."),
  video_item_count: Int.describe("Video items across the tree."),
  duplicates_removed_count: Int.describe("Videos reachable through several items, counted once."),
  unresolved_video_item_count: Int.describe(
    "Video items that match no listed video (excluded, deleted, tracking disabled, other project); they count nowhere.",
  ),
  tracking_disabled_count: Int.describe(
    "Videos the tree reaches whose tracking is disabled (tracking_enabled: false): listed by the API, but they count in " +
      "no stat, goal or campaign, so they are in none of the figures.",
  ),
  unknown_status_count: Int.describe(
    "Videos the tree reaches with a tracking_status the docs do not name: not counted (the conservative reading).",
  ),
});

export const CampaignPerformanceReport = z.object({
  kind: z.literal("campaign_performance").describe("The report kind."),
  meta: ReportMeta.describe(
    "When, over what range and from what data the report was computed, with its caveats.",
  ),
  campaign: CampaignInfo.describe("The campaign analysed."),
  totals: Totals.describe(
    `The campaign's counted videos (recursive over sub-campaigns, each video once): ${LIFETIME}.`,
  ),
  totals_source: z
    .enum(["stats_route", "video_list"])
    .describe("Where totals come from: the legacy stats route, or the de-duplicated video list."),
  tree: CampaignTreeSummary.nullable().describe(
    "How the item tree resolved; null when only the stats route was read (detail: stats).",
  ),
  pacing: Pacing.describe(
    "Views gained per day over the range, from the campaign's cumulative views history.",
  ),
  posting: z
    .object({
      range_post_count: Int.describe("Counted videos of the campaign posted in the range."),
      active_day_count: Int.describe("Days of the range with at least one such post."),
      by_day: z.array(DailyPostCount).describe("Posts per day of the range, days without posts left out."),
    })
    .describe("Posting in the range, by UTC day."),
  top_videos: z.array(RankedVideo).describe("Up to 10 videos with the most lifetime views."),
  top_creators: z.array(CreatorViews).describe("Up to 10 creators with the most lifetime views."),
  concentration: Concentration.describe("How much of the lifetime views hang on one video or creator."),
  target: TargetProgress.describe(
    "Progress towards target_views by target_at, judged on views gained since the campaign was created.",
  ),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CampaignPerformanceReport = z.infer<typeof CampaignPerformanceReport>;
