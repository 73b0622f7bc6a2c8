/** Report of {@link compareCampaigns}: several campaigns over one range, normalised and ranked. @module */
import { z } from "zod";
import { ENGAGEMENT, IN_RANGE, INSTANT, LIFETIME } from "../../analysis/results/basis.js";
import { TotalsSchema, TrendDirectionSchema } from "../../analysis/results/parts.js";
import { ReportMeta } from "./meta.js";

export const CampaignLifetimeSchema = TotalsSchema.extend({
  engagement_rate: z
    .number()
    .nullable()
    .describe(`Pooled ${ENGAGEMENT}, of the lifetime totals; null at 0 views.`),
});

export const CampaignComparisonRowSchema = z.object({
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
  direction: TrendDirectionSchema,
  lifetime: CampaignLifetimeSchema.describe(
    `The campaign's counted videos (recursive, each once): ${LIFETIME}. Snapshot totals, not range figures.`,
  ),
  target_views: z.number().nullable().describe("The campaign's target, in views; null without one."),
  target_at: z.string().nullable().describe(`The target's deadline, ${INSTANT}; null without one.`),
});

export const CampaignComparisonReport = z.object({
  kind: z.literal("campaign_comparison").describe("The report kind."),
  meta: ReportMeta.describe(
    "When, over what range and from what data the report was computed, with its caveats.",
  ),
  project_id: z.string().nullable().describe("The project compared; null when no campaign was found."),
  campaigns: z
    .array(CampaignComparisonRowSchema)
    .describe("One row per campaign, best first. A parent and its child share videos: do not add rows up."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CampaignComparisonReport = z.infer<typeof CampaignComparisonReport>;
