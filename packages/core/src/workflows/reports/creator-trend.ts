/** Report of {@link analyzeCreatorTrend}: one creator's follower and views growth, weekly. @module */
import { z } from "zod";
import { ReportMeta } from "./meta.js";
import { PacingSchema, RankedVideoSchema } from "./parts.js";

const Int = z.number().int().nonnegative();

export const SeriesGrowthSchema = z.object({
  start: z.number().nullable(),
  end: z.number().nullable(),
  change: z.number().nullable(),
  change_pct: z.number().nullable(),
  pacing: PacingSchema,
});

export const TrendWeekSchema = z.object({
  week_start: z.string(),
  partial: z.boolean(),
  posts: Int.nullable(),
  followers_gained: z.number().nullable(),
  views_gained: z.number().nullable(),
  views_wow_pct: z.number().nullable(),
  views_per_post: z.number().nullable(),
});

export const CreatorTrendReport = z.object({
  kind: z.literal("creator_trend"),
  meta: ReportMeta,
  creator: z.object({
    id: z.string(),
    project_id: z.string(),
    tiktok_handle: z.string(),
    display_name: z.string().nullable(),
    follower_count: z.number(),
    tracking_mode: z.enum(["auto", "selective"]),
    last_scraped_at: z.string().nullable(),
  }),
  followers: SeriesGrowthSchema,
  /** Cumulative views of the creator's counted videos. */
  views: SeriesGrowthSchema,
  weeks: z.array(TrendWeekSchema),
  posting_gaps: z.array(z.string()),
  posts_in_range: Int,
  last_posted_at: z.string().nullable(),
  days_since_last_post: z.number().nullable(),
  /** Engagement rate by views of posts in the range, percent. */
  engagement_rate: z.number().nullable(),
  top_videos: z.array(RankedVideoSchema),
  highlights: z.array(z.string()),
});
export type CreatorTrendReport = z.infer<typeof CreatorTrendReport>;
