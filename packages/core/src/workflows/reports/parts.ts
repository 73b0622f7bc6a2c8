/**
 * zod schemas of the analysis results that reports embed. They mirror the interfaces in
 * `src/analysis/`; the workflows assign analysis output to these inferred types, so the compiler
 * catches any drift between the two.
 * @module
 */
import { z } from "zod";

const Int = z.number().int().nonnegative();
const Num = z.number();
const NumOrNull = z.number().nullable();

export const DatedValueSchema = z.object({ date: z.string(), value: Num });

export const TotalsSchema = z.object({
  view_count: Num,
  like_count: Num,
  comment_count: Num,
  share_count: Num,
  save_count: Num,
  video_count: Int,
  creator_count: Int,
});

export const TrendDirectionSchema = z.enum(["accelerating", "steady", "slowing", "insufficient_data"]);

export const PacingSchema = z.object({
  days: Int,
  gained: NumOrNull,
  avg_per_day: NumOrNull,
  recent_per_day: NumOrNull,
  slope_per_day: NumOrNull,
  first_half_avg: NumOrNull,
  second_half_avg: NumOrNull,
  acceleration: NumOrNull,
  direction: TrendDirectionSchema,
  daily: z.array(DatedValueSchema),
});

export const ConcentrationSchema = z.object({
  top_video_id: z.string().nullable(),
  top_video_share: NumOrNull,
  top_creator_id: z.string().nullable(),
  top_creator_share: NumOrNull,
  top3_creator_share: NumOrNull,
});

export const TargetProgressSchema = z.object({
  status: z.enum(["no_target", "reached", "on_track", "behind", "missed"]),
  target_views: NumOrNull,
  target_at: z.string().nullable(),
  current_views: Num,
  share_done: NumOrNull,
  days_left: NumOrNull,
  required_per_day: NumOrNull,
  projected_at_target: NumOrNull,
  pace_per_day: NumOrNull,
});

export const RankedVideoSchema = z.object({
  video_id: z.string(),
  creator_id: z.string().nullable(),
  tiktok_handle: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  posted_at: z.string(),
  view_count: Num,
  engagement_rate: NumOrNull,
});

export const CreatorViewsSchema = z.object({
  creator_id: z.string(),
  tiktok_handle: z.string().nullable(),
  video_count: Int,
  view_count: Num,
});

export const OutlierVideoSchema = z.object({
  video_id: z.string(),
  creator_id: z.string(),
  direction: z.enum(["high", "low"]),
  view_count: Num,
  creator_median_views: Num,
  ratio_to_median: NumOrNull,
  z: NumOrNull,
  posted_at: z.string(),
  title: z.string().nullable(),
});

export const PostingCellSchema = z.object({ dow: Int, hour: Int, post_count: Int, avg_views: Num });

export const PostingPatternSchema = z.object({
  cells: z.array(PostingCellSchema),
  best: PostingCellSchema.nullable(),
  busiest: PostingCellSchema.nullable(),
});

export const CreatorContentRowSchema = z.object({
  creator_id: z.string(),
  tiktok_handle: z.string().nullable(),
  posts: Int,
  views: Num,
  median_views: NumOrNull,
  engagement_rate: NumOrNull,
  view_share: NumOrNull,
});

export const UnderperformanceReasonSchema = z.enum([
  "low_views_per_post",
  "falling_engagement",
  "posting_gaps",
  "not_posting",
]);

export const CreatorEvaluationSchema = z.object({
  creator_id: z.string(),
  project_id: z.string(),
  tiktok_handle: z.string(),
  display_name: z.string().nullable(),
  follower_count: Num,
  posts_in_window: Int,
  posts_before_window: Int,
  last_posted_at: z.string().nullable(),
  eligible_posts: Int,
  median_views: NumOrNull,
  views_per_follower: NumOrNull,
  project_baseline: NumOrNull,
  ratio_to_baseline: NumOrNull,
  recent_posts: Int,
  earlier_posts: Int,
  er_recent: NumOrNull,
  er_earlier: NumOrNull,
  er_ratio: NumOrNull,
  gap_weeks: z.array(z.string()),
  reasons: z.array(UnderperformanceReasonSchema),
  reason_texts: z.array(z.string()),
  stale: z.boolean(),
  last_scraped_at: z.string().nullable(),
});

export const GapsSchema = z.array(z.object({ creator_id: z.string(), weeks: z.array(z.string()) }));

export const OverPostingIncidentSchema = z.object({
  creator_id: z.string(),
  date: z.string(),
  post_count: Int,
  low_view_count: Int,
  low_view_video_ids: z.array(z.string()),
  severity: z.enum(["amber", "info"]),
  day_median_views: NumOrNull,
  creator_median_views: NumOrNull,
  reach_ratio: NumOrNull,
});

export const OverPostingWarningSchema = z.object({
  creator_id: z.string(),
  date: z.string(),
  post_count: Int,
  posts_until_rule: Int,
});
