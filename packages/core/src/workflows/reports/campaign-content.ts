/** Report of {@link analyzeCampaignContent}: what works and what does not among a campaign's videos. @module */
import { z } from "zod";
import { CampaignInfoSchema } from "./campaign-performance.js";
import { ReportMeta } from "./meta.js";
import {
  CreatorContentRowSchema,
  OutlierVideoSchema,
  PostingPatternSchema,
  RankedVideoSchema,
} from "./parts.js";

const Int = z.number().int().nonnegative();

export const CampaignContentReport = z.object({
  kind: z.literal("campaign_content"),
  meta: ReportMeta,
  campaign: CampaignInfoSchema,
  video_count: Int,
  total_views: z.number(),
  median_views: z.number().nullable(),
  p90_views: z.number().nullable(),
  /** Pooled engagement rate by views, percent. */
  engagement_rate: z.number().nullable(),
  top_videos: z.array(RankedVideoSchema),
  bottom_videos: z.array(RankedVideoSchema),
  outliers: z.object({
    items: z.array(OutlierVideoSchema),
    creators_checked: Int,
    creators_too_few_videos: Int,
  }),
  posting_pattern: PostingPatternSchema,
  creators: z.array(CreatorContentRowSchema),
  highlights: z.array(z.string()),
});
export type CampaignContentReport = z.infer<typeof CampaignContentReport>;
