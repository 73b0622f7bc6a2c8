/** Report of {@link runCreatorTrend}: one creator's follower and views growth, weekly. @module */
import { z } from "zod";
import { ENGAGEMENT, INSTANT } from "../../analysis/results/basis.js";
import { RankedVideo } from "../../analysis/results/content.js";
import {
  CreatorTrendSeries,
  SeriesGrowth,
  seriesGrowthSchema,
  TrendWeek,
} from "../../analysis/results/trends.js";
import { TrackingMode } from "../../schema/creator.js";
import { ReportMeta } from "./meta.js";

export { SeriesGrowth, seriesGrowthSchema, TrendWeek };

export const CreatorTrendReport = z.object({
  kind: z.literal("creator_trend").describe("The report kind."),
  meta: ReportMeta.describe(
    "When, over what range and from what data the report was computed, with its caveats.",
  ),
  creator: z
    .object({
      id: z.string().describe("The creator's id."),
      project_id: z.string().describe("The creator's project."),
      tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
      display_name: z.string().nullable().describe("The creator's display name, if any."),
      follower_count: z.number().describe("Followers as of the creator's last scrape."),
      tracking_mode: z
        .union([TrackingMode, z.string()])
        .describe(
          "auto: new videos count at once; selective: only once approved in the Tracking Inbox; any other value is one the docs do not name, as the API sent it.",
        ),
      last_scraped_at: z
        .string()
        .nullable()
        .describe(`The creator's last scrape, ${INSTANT}; null if never.`),
    })
    .describe("The creator followed."),
  ...CreatorTrendSeries.shape,
  last_posted_at: z
    .string()
    .nullable()
    .describe(`The creator's latest counted post, ${INSTANT}; null without one.`),
  days_since_last_post: z
    .number()
    .nullable()
    .describe("Days from the latest counted post to the analysis instant (one decimal)."),
  engagement_rate: z
    .number()
    .nullable()
    .describe(
      `Pooled ${ENGAGEMENT}, of the lifetime counters of the posts made in the range; null at 0 views.`,
    ),
  top_videos: z.array(RankedVideo).describe("Up to 5 posts of the range with the most lifetime views."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CreatorTrendReport = z.infer<typeof CreatorTrendReport>;
