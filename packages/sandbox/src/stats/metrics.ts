/**
 * Metric definitions of `/analytics` and `/videos/{id}/stats?metric=` (Part B §7.1, product notes §A9)
 * and their value for one bucket of a {@link DailySeries}.
 *
 * Modes: `new` uses what happened inside the bucket (gains per the gain rule of daily-series.ts, posts
 * posted in the bucket, follower change); `cumulative` uses the running value at the bucket's last day
 * with data. Rates follow the mode: in `new` they divide the bucket's gains, in `cumulative` the totals.
 * A value is null when it is undefined (zero or missing denominator) or when the bucket has no
 * snapshot day at all (outside the window) — never 0 for "unknown".
 */
import { quoteValue } from "@goatkit/server";
import { type Bucket, bucketLength } from "./buckets.js";
import type { Counter, DailySeries } from "./daily-series.js";
import { invalidQuery } from "./stats-error.js";

export const RAW_METRICS = ["views", "likes", "comments", "shares", "saves", "followers", "posts"] as const;
export const DERIVED_METRICS = [
  "engagement_rate_by_views",
  "engagement_rate_by_followers",
  "posts_per_week",
  "avg_views_per_post",
  "growth_rate_pop",
] as const;
export type RawMetric = (typeof RAW_METRICS)[number];
export type DerivedMetric = (typeof DERIVED_METRICS)[number];
export type Metric = RawMetric | DerivedMetric;
export type Mode = "new" | "cumulative";

/** Video snapshot counters behind the raw metrics of the same name. */
export const COUNTER_OF: Record<Exclude<RawMetric, "followers" | "posts">, Counter> = {
  views: "view_count",
  likes: "like_count",
  comments: "comment_count",
  shares: "share_count",
  saves: "save_count",
};

export type EntityKind = "creator" | "video" | "campaign" | "project";

/**
 * Metrics a single video has no meaning for: no follower count, and post counts of one video are
 * trivially 0/1 (the derived-metric table marks posts_per_week and avg_views_per_post ✗ for videos).
 */
const NOT_FOR_VIDEO: ReadonlySet<Metric> = new Set([
  "followers",
  "posts",
  "engagement_rate_by_followers",
  "posts_per_week",
  "avg_views_per_post",
]);

export function parseMetric(value: string | undefined | null, entity: EntityKind): Metric {
  if (value === undefined || value === null) throw invalidQuery("metric is required");
  const all: readonly string[] = [...RAW_METRICS, ...DERIVED_METRICS];
  if (!all.includes(value))
    throw invalidQuery(`metric must be one of ${all.join(", ")}, got ${quoteValue(value)}`);
  const metric = value as Metric;
  if (entity === "video" && NOT_FOR_VIDEO.has(metric))
    throw invalidQuery(`metric ${metric} is not available for videos`);
  return metric;
}

/** `base_metric` of growth_rate_pop: any raw metric the entity supports; required. */
export function parseBaseMetric(value: string | undefined | null, entity: EntityKind): RawMetric {
  const allowed: readonly RawMetric[] =
    entity === "video" ? ["views", "likes", "comments", "shares", "saves"] : RAW_METRICS;
  if (value === undefined || value === null) {
    throw invalidQuery(`growth_rate_pop requires base_metric (${allowed.join(", ")})`);
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidQuery(`base_metric must be one of ${allowed.join(", ")}, got ${quoteValue(value)}`);
  }
  return value as RawMetric;
}

export function parseMode(value: string | undefined | null): Mode {
  if (value === undefined || value === null) return "new";
  if (value === "new" || value === "cumulative") return value;
  throw invalidQuery(`mode must be new or cumulative, got ${quoteValue(value)}`);
}

export function unitOf(metric: Metric): string {
  if (metric === "posts_per_week") return "posts_per_week";
  if (metric === "avg_views_per_post") return "views_per_post";
  if (metric === "engagement_rate_by_views" || metric === "engagement_rate_by_followers") return "percent";
  if (metric === "growth_rate_pop") return "percent";
  return "count";
}

/** Derived values are rounded to 4 decimals: enough for any chart, and JSON/CSV stay readable. */
export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Bucket position inside a series: span indices and the last index that has snapshot data. */
function span(s: DailySeries, b: Bucket) {
  const i0 = b.start - s.start;
  const i1 = b.end - s.start;
  let lastData = -1;
  for (let i = i1; i >= i0; i--) {
    if (s.inWindow[i]) {
      lastData = i;
      break;
    }
  }
  return { i0, i1, lastData };
}

function sumRange(a: Float64Array, i0: number, i1: number): number {
  let t = 0;
  for (let i = i0; i <= i1; i++) t += a[i]!;
  return t;
}

/** Videos posted through the bucket's last day (all time, not just inside the range). */
function postsThrough(s: DailySeries, i1: number): number {
  return s.postsBefore + sumRange(s.posts, 0, i1);
}

/** Carried-forward follower total at the bucket's last day with follower data, or null. */
function followersAtEnd(s: DailySeries, i0: number, i1: number): number | null {
  for (let i = i1; i >= i0; i--) if (s.followersHas[i]) return s.followers[i]!;
  return null;
}

export function rawValue(metric: RawMetric, s: DailySeries, b: Bucket, mode: Mode): number | null {
  const { i0, i1, lastData } = span(s, b);
  if (metric === "posts") return mode === "new" ? sumRange(s.posts, i0, i1) : postsThrough(s, i1);
  if (metric === "followers") {
    if (mode === "cumulative") return followersAtEnd(s, i0, i1);
    let has = false;
    for (let i = i0; i <= i1 && !has; i++) has = s.followersHas[i] === 1;
    return has ? sumRange(s.followerGain, i0, i1) : null;
  }
  if (lastData < 0) return null;
  const counter = COUNTER_OF[metric];
  return mode === "new" ? sumRange(s.gain[counter], i0, i1) : s.cum[counter][lastData]!;
}

export interface MetricContext {
  mode: Mode;
  /** First day of the requested range: the running posts_per_week of cumulative mode starts there. */
  rangeStart: number;
  baseMetric?: RawMetric;
}

function engagementNumerator(s: DailySeries, b: Bucket, mode: Mode): number | null {
  const likes = rawValue("likes", s, b, mode);
  if (likes === null) return null;
  return (
    likes +
    rawValue("comments", s, b, mode)! +
    rawValue("shares", s, b, mode)! +
    rawValue("saves", s, b, mode)!
  );
}

/**
 * Value of `metric` for bucket `b`. `prev` is the bucket before it (for growth_rate_pop); the caller
 * supplies a synthetic equal-length bucket before the first one so the first point has a comparison too.
 */
export function metricValue(
  metric: Metric,
  s: DailySeries,
  b: Bucket,
  prev: Bucket | null,
  ctx: MetricContext,
): number | null {
  const { mode } = ctx;
  switch (metric) {
    case "engagement_rate_by_views": {
      const views = rawValue("views", s, b, mode);
      if (!views) return null; // null or 0
      return round4((engagementNumerator(s, b, mode)! / views) * 100);
    }
    case "engagement_rate_by_followers": {
      const num = engagementNumerator(s, b, mode);
      const { i0, i1 } = span(s, b);
      const followers = followersAtEnd(s, i0, i1); // carried forward, in both modes
      if (num === null || !followers) return null;
      return round4((num / followers) * 100);
    }
    case "posts_per_week": {
      if (mode === "new") return round4((rawValue("posts", s, b, "new")! * 7) / bucketLength(b));
      // Cumulative: the running rate since the start of the range.
      const sinceStart: Bucket = { label: ctx.rangeStart, start: ctx.rangeStart, end: b.end };
      return round4((rawValue("posts", s, sinceStart, "new")! * 7) / bucketLength(sinceStart));
    }
    case "avg_views_per_post": {
      const views = rawValue("views", s, b, mode);
      const posts = postsThrough(s, b.end - s.start);
      if (views === null || posts === 0) return null;
      return round4(views / posts);
    }
    case "growth_rate_pop": {
      const base = ctx.baseMetric ?? "views";
      const cur = rawValue(base, s, b, mode);
      const before = prev ? rawValue(base, s, prev, mode) : null;
      if (cur === null || !before) return null;
      // |v[d−1]| so a negative base (followers lost) still reads "positive = grew", as in core's relativeChange.
      return round4(((cur - before) / Math.abs(before)) * 100);
    }
    default:
      return rawValue(metric, s, b, mode);
  }
}
