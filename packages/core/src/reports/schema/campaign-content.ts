/** Report of {@link analyzeCampaignContent}: what works and what does not among a campaign's videos. @module */
import { z } from "zod";
import { ENGAGEMENT, LIFETIME } from "../../analysis/results/basis.js";
import {
  CreatorContentRowSchema,
  OutlierVideoSchema,
  PostingPatternSchema,
  RankedVideoSchema,
} from "../../analysis/results/parts.js";
import { CampaignInfoSchema } from "./campaign-performance.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();

/*
 * The video set: the campaign's counted videos (recursive, each once) POSTED in meta.range. Their
 * views are lifetime counters, so a video posted early in the range has had longer to collect them.
 */

export const CampaignContentReport = z.object({
  kind: z.literal("campaign_content").describe("The report kind."),
  meta: ReportMeta.describe(
    "When and from what data the report was computed, with its caveats; range = the posting days of the videos analysed.",
  ),
  campaign: CampaignInfoSchema.describe("The campaign analysed."),
  video_count: Int.describe("The campaign's counted videos posted in the range: the set analysed."),
  total_views: z.number().describe(`Views of the set, summed: ${LIFETIME}.`),
  median_views: z.number().nullable().describe("Median lifetime views per video of the set."),
  p90_views: z.number().nullable().describe("90th percentile of lifetime views per video of the set."),
  engagement_rate: z
    .number()
    .nullable()
    .describe(`Pooled ${ENGAGEMENT}, of the set's lifetime counters; null at 0 views.`),
  top_videos: z.array(RankedVideoSchema).describe("The set's videos with the most lifetime views."),
  bottom_videos: z
    .array(RankedVideoSchema)
    .describe("The set's videos with the fewest lifetime views among those at least 3 days old."),
  outliers: z
    .object({
      items: z
        .array(OutlierVideoSchema)
        .describe("Videos of the set far above or below their creator's norm."),
      creators_checked_count: Int.describe(
        "Project creators with ≥ 5 counted videos at least 7 days old, whose norm could be judged.",
      ),
      creators_too_few_videos_count: Int.describe(
        "Project creators with such videos, but fewer than 5: not judged.",
      ),
    })
    .describe("Outliers judged against each creator's norm over all their counted videos in the project."),
  posting_pattern: PostingPatternSchema.describe("When the set's videos were posted (UTC) and how they did."),
  creators: z
    .array(CreatorContentRowSchema)
    .describe("Per-creator breakdown of the set, most lifetime views first."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CampaignContentReport = z.infer<typeof CampaignContentReport>;
