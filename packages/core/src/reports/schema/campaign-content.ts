/** Report of {@link runCampaignContent}: what works and what does not among a campaign's videos. @module */
import { z } from "zod";
import { ContentSummary, OutlierVideo } from "../../analysis/results/content.js";
import { CampaignInfo } from "./campaign-performance.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();

// The analysis's figures in the report's order: the outliers (judged project-wide) sit between them.
const { posting_pattern, creators, ...figures } = ContentSummary.shape;

/*
 * The video set: the campaign's counted videos (recursive, each once) POSTED in meta.range. Their
 * views are lifetime counters, so a video posted early in the range has had longer to collect them.
 */

export const CampaignContentReport = z.object({
  kind: z.literal("campaign_content").describe("The report kind."),
  meta: ReportMeta.describe(
    "When and from what data the report was computed, with its caveats; range = the posting days of the videos analysed.",
  ),
  campaign: CampaignInfo.describe("The campaign analysed."),
  ...figures,
  outliers: z
    .object({
      items: z.array(OutlierVideo).describe("Videos of the set far above or below their creator's norm."),
      creators_checked_count: Int.describe(
        "Project creators with ≥ 5 counted videos at least 7 days old, whose norm could be judged.",
      ),
      creators_too_few_videos_count: Int.describe(
        "Project creators with such videos, but fewer than 5: not judged.",
      ),
    })
    .describe("Outliers judged against each creator's norm over all their counted videos in the project."),
  posting_pattern,
  creators,
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CampaignContentReport = z.infer<typeof CampaignContentReport>;
