/** Report of {@link analyzeCreatorTrend}: one creator's follower and views growth, weekly. @module */
import { z } from "zod";
import { DAY, ENGAGEMENT, FRACTION, IN_RANGE, INSTANT } from "../../analysis/results/basis.js";
import { pacingSchema, RankedVideoSchema } from "../../analysis/results/parts.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();

/** Growth of one cumulative series (`unit`: followers, or views of the creator's counted videos). */
export function seriesGrowthSchema(unit: string) {
  return z.object({
    start: z
      .number()
      .nullable()
      .describe(
        `${unit} at the end of the day before \`from\` (the baseline); null without that reading (then the gain over the range is unknown).`,
      ),
    end: z.number().nullable().describe(`${unit} at the end of the range's last day with data.`),
    change: z
      .number()
      .nullable()
      .describe(`${unit} ${IN_RANGE} (end − start); null when unknown: no reading before the range.`),
    change_ratio: z
      .number()
      .nullable()
      .describe(`change / start, ${FRACTION}; null when start is 0 or unknown.`),
    pacing: pacingSchema(unit).describe(`${unit} gained per day over the range.`),
  });
}

export const SeriesGrowthSchema = seriesGrowthSchema("The series' value");

export const TrendWeekSchema = z.object({
  week_start: z.string().describe(`Monday of the ISO week, ${DAY}.`),
  partial: z
    .boolean()
    .describe("The week reaches outside the range or lacks a day's gain: its sums are incomplete."),
  post_count: Int.nullable().describe("Counted posts made that week (within the range)."),
  followers_gained: z.number().nullable().describe("Followers gained that week (day-over-day gains summed)."),
  views_gained: z
    .number()
    .nullable()
    .describe("Views gained that week by all the creator's counted videos, whenever they were posted."),
  views_wow_change_ratio: z
    .number()
    .nullable()
    .describe(
      `views_gained vs the previous complete week, (this − previous) / previous, ${FRACTION}; null for partial weeks.`,
    ),
  views_gained_per_post: z
    .number()
    .nullable()
    .describe(
      "views_gained / post_count. The gains are every video's, not only that week's posts': a ratio of activity, " +
        "not the views of the week's posts.",
    ),
});

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
        .union([z.enum(["auto", "selective"]), z.string()])
        .describe(
          "auto: new videos count at once; selective: only once approved in the Tracking Inbox; any other value is one the docs do not name, as the API sent it.",
        ),
      last_scraped_at: z
        .string()
        .nullable()
        .describe(`The creator's last scrape, ${INSTANT}; null if never.`),
    })
    .describe("The creator followed."),
  followers: seriesGrowthSchema("Followers").describe("Follower growth over the range."),
  views: seriesGrowthSchema("Views").describe(
    "Growth of the cumulative views of the creator's counted videos over the range.",
  ),
  weeks: z.array(TrendWeekSchema).describe("One row per ISO week overlapping the range."),
  posting_gaps: z
    .array(z.string())
    .describe(
      `Mondays (${DAY}) of the full weeks in the range without a counted post (only when the creator posted).`,
    ),
  range_post_count: Int.describe("Counted posts made in the range."),
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
  top_videos: z.array(RankedVideoSchema).describe("Up to 5 posts of the range with the most lifetime views."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CreatorTrendReport = z.infer<typeof CreatorTrendReport>;
