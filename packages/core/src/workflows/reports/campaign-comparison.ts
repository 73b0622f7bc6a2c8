/** Report of {@link compareCampaigns}: several campaigns over one range, normalised and ranked. @module */
import { z } from "zod";
import { ReportMeta } from "./meta.js";
import { TotalsSchema, TrendDirectionSchema } from "./parts.js";

export const CampaignComparisonRowSchema = z.object({
  campaign_id: z.string(),
  name: z.string(),
  rank: z.number().int().positive(),
  views_gained: z.number().nullable(),
  days_active: z.number().int().nonnegative(),
  views_per_active_day: z.number().nullable(),
  views_per_creator: z.number().nullable(),
  views_per_video: z.number().nullable(),
  engagement_rate: z.number().nullable(),
  direction: TrendDirectionSchema,
  totals: TotalsSchema,
  target_views: z.number().nullable(),
  target_at: z.string().nullable(),
});

export const CampaignComparisonReport = z.object({
  kind: z.literal("campaign_comparison"),
  meta: ReportMeta,
  project_id: z.string().nullable(),
  campaigns: z.array(CampaignComparisonRowSchema),
  highlights: z.array(z.string()),
});
export type CampaignComparisonReport = z.infer<typeof CampaignComparisonReport>;
