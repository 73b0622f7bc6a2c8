/**
 * A creator's trend, per series and per week: the results of `analyzeCreatorTrendSeries()` in
 * trends.ts that the creator_trend report embeds. The schemas are the definitions; the types are
 * inferred from them.
 * @module
 */
import { z } from "zod";
import { DAY, FRACTION, IN_RANGE } from "./basis.js";
import { Int } from "./numbers.js";
import { pacingSchema } from "./pacing.js";

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

export const SeriesGrowth = seriesGrowthSchema("The series' value");
export type SeriesGrowth = z.infer<typeof SeriesGrowth>;

export const TrendWeek = z.object({
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
export type TrendWeek = z.infer<typeof TrendWeek>;

/**
 * What `analyzeCreatorTrendSeries` measures, as the creator_trend report shows it. The analysis adds
 * its range and the highlights it words.
 */
export const CreatorTrendSeries = z.object({
  followers: seriesGrowthSchema("Followers").describe("Follower growth over the range."),
  views: seriesGrowthSchema("Views").describe(
    "Growth of the cumulative views of the creator's counted videos over the range.",
  ),
  weeks: z.array(TrendWeek).describe("One row per ISO week overlapping the range."),
  posting_gaps: z
    .array(z.string())
    .describe(
      `Mondays (${DAY}) of the full weeks in the range without a counted post (only when the creator posted).`,
    ),
  range_post_count: Int.describe("Counted posts made in the range."),
});
export type CreatorTrendSeries = z.infer<typeof CreatorTrendSeries>;
