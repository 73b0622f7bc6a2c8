/** Report of {@link analyzeCampaign}: one campaign's totals, pacing, concentration and target progress. @module */
import { z } from "zod";
import { ReportMeta } from "./meta.js";
import {
  ConcentrationSchema,
  CreatorViewsSchema,
  DatedValueSchema,
  PacingSchema,
  RankedVideoSchema,
  TargetProgressSchema,
  TotalsSchema,
} from "./parts.js";

const Int = z.number().int().nonnegative();

export const CampaignInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  project_id: z.string(),
  description: z.string().nullable(),
  target_views: z.number().nullable(),
  target_at: z.string().nullable(),
});

export const CampaignTreeSummarySchema = z.object({
  campaigns: Int,
  creator_items: Int,
  video_items: Int,
  duplicates_removed: Int,
  unresolved_video_items: Int,
});

export const CampaignPerformanceReport = z.object({
  kind: z.literal("campaign_performance"),
  meta: ReportMeta,
  campaign: CampaignInfoSchema,
  /** Current snapshot totals of the campaign's counted videos (recursive, each video once). */
  totals: TotalsSchema,
  totals_source: z.enum(["stats_route", "video_list"]),
  /** How the tree resolved; null when only the stats route was read. */
  tree: CampaignTreeSummarySchema.nullable(),
  /** Pacing of cumulative views over the range. */
  pacing: PacingSchema,
  posting: z.object({ posts_in_range: Int, active_days: Int, by_day: z.array(DatedValueSchema) }),
  top_videos: z.array(RankedVideoSchema),
  top_creators: z.array(CreatorViewsSchema),
  concentration: ConcentrationSchema,
  target: TargetProgressSchema,
  highlights: z.array(z.string()),
});
export type CampaignPerformanceReport = z.infer<typeof CampaignPerformanceReport>;
