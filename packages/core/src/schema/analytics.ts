/**
 * Second-generation analytics (api-contract §7, emulator-default JSON shape): one unified time-series
 * endpoint, its annotations, and the two documented aggregate endpoints.
 */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";
import { Count, Day, Id, Timestamp } from "./primitives.js";
import { arrayOf, core, documented, extension, nullable, openEnum, readers } from "./readers.js";

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

const ANALYTICS_MODES = ["new", "cumulative"] as const;
export const AnalyticsMode = z.enum(ANALYTICS_MODES);
export type AnalyticsMode = z.infer<typeof AnalyticsMode>;

const seriesPoint = readers({
  bucket_start: core(Day),
  value: core(z.number().nullable()),
  is_partial: documented(z.boolean(), false),
});

export const SeriesPoint = seriesPoint.tolerant;
export type SeriesPoint = z.infer<typeof SeriesPoint>;

const entityRef = readers({ id: core(z.string()), label: documented(z.string()) });
export const EntityRef = entityRef.tolerant;

const annotation = readers({
  id: core(Id),
  org_id: documented(Id),
  project_id: documented(Id.nullable(), null),
  entity: documented(z.string().nullable(), null),
  entity_id: documented(Id.nullable(), null),
  date: core(Day),
  kind: documented(z.string(), "manual"),
  /** The docs do not show the annotation object; a missing label reads as absent. */
  label: documented(z.string()),
  note: documented(z.string().nullable(), null),
  created_at: documented(Timestamp),
  updated_at: extension(Timestamp),
});

export const Annotation = annotation.tolerant;
export type Annotation = z.infer<typeof Annotation>;
export const StrictAnnotation = annotation.strict;
export type StrictAnnotation = z.infer<typeof StrictAnnotation>;

/**
 * `GET /analytics`. The docs confirm only `tier_retention_days` and the `breakdown_series` entries'
 * `entity_ref`; the rest is goatkit's reading of the emulator-default shape. Tolerant needs `series`.
 */
const analytics = readers({
  entity: documented(AnalyticsEntity),
  entity_id: documented(Id),
  metric: documented(z.string()),
  /** Echo of the `base_metric` parameter (goatkit sandbox); not in the docs. */
  base_metric: extension(z.string()),
  unit: documented(z.string()),
  mode: documented(openEnum("analytics.mode", ANALYTICS_MODES)),
  granularity: documented(z.string()),
  from: documented(Day),
  to: documented(Day),
  tz: documented(z.string()),
  series: core(arrayOf(seriesPoint)),
  compare_series: documented(nullable(arrayOf(seriesPoint)), null),
  breakdown_series: documented(
    nullable(arrayOf(readers({ entity_ref: core(entityRef), series: documented(arrayOf(seriesPoint)) }))),
    null,
  ),
  annotations: documented(arrayOf(annotation), []),
  tier_retention_days: documented(z.number().nullable(), null),
});

export const Analytics = analytics.tolerant;
export type Analytics = z.infer<typeof Analytics>;
export const StrictAnalytics = analytics.strict;
export type StrictAnalytics = z.infer<typeof StrictAnalytics>;

export const VideoLeaderboardRow = passThroughObject({
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

export const PostingHeatmapCell = passThroughObject({
  dow: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  post_count: Count,
  avg_views: z.number(),
});
export type PostingHeatmapCell = z.infer<typeof PostingHeatmapCell>;

/** `meta` of aggregate endpoints: offset pagination with a total. */
export const AggregateMeta = passThroughObject({
  total_count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
