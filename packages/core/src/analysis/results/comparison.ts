/**
 * One campaign of a comparison over a shared range (`compareCampaignSeries`): its views gained,
 * normalised and ranked, beside its lifetime totals. The campaign_comparison report's row is this
 * plus the campaign's target; the analysis type is inferred from the schema.
 * @module
 */
import { z } from "zod";
import { ENGAGEMENT, IN_RANGE, LIFETIME } from "./basis.js";
import { Totals } from "./campaign.js";
import { TrendDirection } from "./pacing.js";

export const LifetimeTotals = Totals.extend({
  engagement_rate: z
    .number()
    .nullable()
    .describe(`Pooled ${ENGAGEMENT}, of the lifetime totals; null at 0 views.`),
});
/** A campaign's lifetime snapshot totals with their pooled engagement rate. */
export type LifetimeTotals = z.infer<typeof LifetimeTotals>;

/** The row `compareCampaignSeries` returns. */
export const CampaignSeriesComparison = z.object({
  campaign_id: z.string().describe("The campaign's id."),
  name: z.string().describe("The campaign's name."),
  rank: z.number().int().positive().describe("1 = the most views gained per active day."),
  views_gained: z
    .number()
    .nullable()
    .describe(
      `Views of the campaign's counted videos ${IN_RANGE}; null when unknown (no reading for the day before the range: see gain_unknown_reason), never 0 for unknown.`,
    ),
  gain_unknown_reason: z
    .string()
    .nullable()
    .describe(
      'Why views_gained is unknown, e.g. "no reading before the range: the history starts on 2025-12-16"; null when known.',
    ),
  active_day_count: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "Days of the range from the campaign's first day with views (all of them when it had views before the " +
        "range): the days whose gains make up views_gained.",
    ),
  views_gained_per_active_day: z
    .number()
    .nullable()
    .describe(
      "views_gained / active_day_count, in views per day: the ranking key (campaigns with an unknown gain rank last).",
    ),
  views_gained_per_creator: z
    .number()
    .nullable()
    .describe(
      "views_gained / lifetime.creator_count: views gained in the range per creator of the campaign's counted " +
        "videos as of now (whether or not they posted in the range). Not lifetime views per creator.",
    ),
  views_gained_per_video: z
    .number()
    .nullable()
    .describe(
      "views_gained / lifetime.video_count: views gained in the range per counted video of the campaign as of " +
        "now (old videos gain too). Not lifetime views per video.",
    ),
  direction: TrendDirection,
  lifetime: LifetimeTotals.describe(
    `The campaign's counted videos (recursive, each once): ${LIFETIME}. Snapshot totals, not range figures.`,
  ),
});
export type CampaignSeriesComparison = z.infer<typeof CampaignSeriesComparison>;
