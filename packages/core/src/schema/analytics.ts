/**
 * Second-generation analytics (api-contract §7, emulator-default JSON shape): one unified time-series
 * endpoint, its annotations, and the two documented aggregate endpoints.
 */
import { z } from "zod";
import { Count, Day, Id, Timestamp } from "./primitives.js";

export const AnalyticsEntity = z.enum(["creator", "video", "campaign", "project"]);
export type AnalyticsEntity = z.infer<typeof AnalyticsEntity>;

export const RawMetric = z.enum(["views", "likes", "comments", "shares", "saves", "followers", "posts"]);
export const DerivedMetric = z.enum([
  "engagement_rate_by_views",
  "engagement_rate_by_followers",
  "posts_per_week",
  "avg_views_per_post",
  "growth_rate_pop",
]);
export const AnalyticsMetric = z.union([RawMetric, DerivedMetric]);
export type AnalyticsMetric = z.infer<typeof AnalyticsMetric>;

export const AnalyticsMode = z.enum(["new", "cumulative"]);
export type AnalyticsMode = z.infer<typeof AnalyticsMode>;

export const SeriesPoint = z.looseObject({
  bucket_start: Day,
  value: z.number().nullable(),
  is_partial: z.boolean().default(false),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const EntityRef = z.looseObject({ id: z.string(), label: z.string() });

export const Annotation = z.looseObject({
  id: Id,
  org_id: Id.optional(),
  project_id: Id.nullable().default(null),
  entity: z.string().nullable().default(null),
  entity_id: Id.nullable().default(null),
  date: Day,
  kind: z.string().default("manual"),
  label: z.string(),
  note: z.string().nullable().default(null),
  created_at: Timestamp.optional(),
});
export type Annotation = z.infer<typeof Annotation>;

export const Analytics = z.looseObject({
  entity: AnalyticsEntity,
  entity_id: Id,
  metric: z.string(),
  unit: z.string(),
  mode: AnalyticsMode,
  granularity: z.string(),
  from: Day,
  to: Day,
  tz: z.string(),
  series: z.array(SeriesPoint),
  compare_series: z.array(SeriesPoint).nullable().default(null),
  breakdown_series: z
    .array(z.looseObject({ entity_ref: EntityRef, series: z.array(SeriesPoint) }))
    .nullable()
    .default(null),
  annotations: z.array(Annotation).default([]),
  tier_retention_days: z.number().nullable(),
});
export type Analytics = z.infer<typeof Analytics>;

export const VideoLeaderboardRow = z.looseObject({
  video_id: Id,
  title: z.string().nullable(),
  thumbnail_url: z.string().nullable(),
  url: z.string().nullable(),
  view_count: Count,
  like_count: Count,
  comment_count: Count,
  share_count: Count,
  save_count: Count,
  posted_at: Timestamp,
});
export type VideoLeaderboardRow = z.infer<typeof VideoLeaderboardRow>;

export const PostingHeatmapCell = z.looseObject({
  dow: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  post_count: Count,
  avg_views: z.number(),
});
export type PostingHeatmapCell = z.infer<typeof PostingHeatmapCell>;

/** `meta` of aggregate endpoints: offset pagination with a total. */
export const AggregateMeta = z.looseObject({
  total_count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
