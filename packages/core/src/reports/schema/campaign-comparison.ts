/** Report of {@link runCampaignComparison}: several campaigns over one range, normalised and ranked. @module */
import { z } from "zod";
import { INSTANT } from "../../analysis/results/basis.js";
import { CampaignSeriesComparison, LifetimeTotals } from "../../analysis/results/comparison.js";
import { ReportMeta } from "./meta.js";

export { LifetimeTotals };

/** A compared campaign (the analysis row) with its target, which the report shows beside it. */
export const CampaignComparisonRow = CampaignSeriesComparison.extend({
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
    .array(CampaignComparisonRow)
    .describe("One row per campaign, best first. A parent and its child share videos: do not add rows up."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type CampaignComparisonReport = z.infer<typeof CampaignComparisonReport>;
