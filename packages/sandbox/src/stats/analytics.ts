/**
 * `GET /analytics` (Part B §7.1, emulator-default JSON shape; Part A.4): one metric of one entity as a
 * bucketed series, optionally with the prior period and a per-video breakdown. Pure: the caller
 * resolves the entity (its counted videos and, for follower metrics, its creators) and passes the
 * caller's tier retention and the annotations to embed.
 *
 * Decisions where the contract is silent:
 * - `tz`: any valid IANA name is accepted (invalid → 400), but buckets are always UTC days because the
 *   snapshots are UTC days; the response reports `tz: "UTC"`, the zone the buckets are actually in.
 * - `compare=prior_period`: the same number of days immediately before `from`, bucketed on its own calendar.
 * - `breakdown=video` (campaign/project only): the 10 videos with the most views gained in the range
 *   (ties by id), each as its own series, plus `__other__` for the rest when there is a rest. Follower
 *   metrics have no per-video meaning and are rejected with a breakdown.
 * - `growth_rate_pop` compares each bucket with the previous one; the first bucket with the
 *   equal-length span just before it.
 * - Retention (402 `retention_exceeded`) is the caller's check; `tier_retention_days` is echoed.
 */

import { dayString } from "@goatkit/core/analysis";
import type {
  StrictAnalytics as Analytics,
  StrictAnnotation as Annotation,
  SeriesPoint,
} from "@goatkit/core/schema";
import { quoteValue } from "@goatkit/server";
import type { CreatorRecord, VideoRecord, World } from "../world/types.js";
import { type Bucket, bucketLength, type Granularity, makeBuckets, parseGranularity } from "./buckets.js";
import { countedOnly } from "./counted.js";
import { type DailySeries, dailySeries, subtractSeries } from "./daily-series.js";
import { dayNumber } from "./days.js";
import {
  type EntityKind,
  type Metric,
  type MetricContext,
  type Mode,
  metricValue,
  parseBaseMetric,
  parseMetric,
  parseMode,
  type RawMetric,
  unitOf,
} from "./metrics.js";
import { parseDayNumbers } from "./range.js";
import { invalidQuery } from "./stats-error.js";

export interface AnalyticsTarget {
  entity: EntityKind;
  id: string;
  /** The entity's videos (filtered to counted ones again here). */
  videos: readonly VideoRecord[];
  /** The creator, for entity=creator (follower metrics). */
  creator?: CreatorRecord;
  /** Distinct creators whose followers a campaign/project sums. */
  creators?: readonly CreatorRecord[];
}

/** Query parameters as received (strings), plus what the caller knows about the org. */
export interface AnalyticsParams {
  metric?: string | null;
  mode?: string | null;
  granularity?: string | null;
  from?: string | null;
  to?: string | null;
  compare?: string | null;
  breakdown?: string | null;
  base_metric?: string | null;
  tz?: string | null;
  tier_retention_days?: number | null;
  annotations?: readonly Annotation[];
}

const BREAKDOWN_TOP = 10;
export const OTHER_REF = { id: "__other__", label: "Other" } as const;

/** Validates `tz` as an IANA zone; buckets stay UTC (see the module comment). */
export function parseTz(value: string | null | undefined): "UTC" {
  if (value === undefined || value === null) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    throw invalidQuery(`tz must be an IANA time zone, got ${quoteValue(value)}`);
  }
  return "UTC";
}

interface SeriesPlan {
  metric: Metric;
  ctx: MetricContext;
  granularity: Granularity;
  asOf: number;
}

/** Buckets of `from..to` plus the span the daily series must cover (growth needs one bucket more). */
function planBuckets(plan: SeriesPlan, from: number, to: number) {
  const buckets = makeBuckets(from, to, plan.granularity);
  const first = buckets[0]!;
  const len = bucketLength(first);
  const prior: Bucket | null =
    plan.metric === "growth_rate_pop"
      ? { label: first.start - len, start: first.start - len, end: first.start - 1 }
      : null;
  return { buckets, prior, spanStart: prior ? prior.start : from };
}

function points(plan: SeriesPlan, s: DailySeries, buckets: Bucket[], prior: Bucket | null): SeriesPoint[] {
  return buckets.map((b, k) => ({
    bucket_start: dayString(b.label),
    value: metricValue(plan.metric, s, b, k > 0 ? buckets[k - 1]! : prior, plan.ctx),
    is_partial: b.start <= plan.asOf && plan.asOf <= b.end,
  }));
}

/** One series of `metric` over `from..to` for a video set (shared with video-stats.ts). */
export function metricSeries(
  world: World,
  videos: readonly VideoRecord[],
  creators: readonly CreatorRecord[],
  plan: SeriesPlan,
  from: number,
  to: number,
): SeriesPoint[] {
  const { buckets, prior, spanStart } = planBuckets(plan, from, to);
  const { series } = dailySeries(world, videos, creators, spanStart, to);
  return points(plan, series, buckets, prior);
}

export function asOfDayNumber(world: World): number {
  return dayNumber(world.days.at(-1)!);
}

export function analytics(world: World, target: AnalyticsTarget, params: AnalyticsParams): Analytics {
  const { entity } = target;
  const metric = parseMetric(params.metric, entity);
  const mode: Mode = parseMode(params.mode);
  const granularity = parseGranularity(params.granularity);
  const baseMetric: RawMetric | undefined =
    metric === "growth_rate_pop" ? parseBaseMetric(params.base_metric, entity) : undefined;
  if (params.compare != null && params.compare !== "prior_period") {
    throw invalidQuery(`compare must be prior_period, got ${quoteValue(params.compare)}`);
  }
  const breakdown = params.breakdown ?? null;
  if (breakdown !== null) {
    if (breakdown !== "video") throw invalidQuery(`breakdown must be video, got ${quoteValue(breakdown)}`);
    if (entity !== "campaign" && entity !== "project") {
      throw invalidQuery("breakdown=video is only available for campaigns and projects");
    }
    if (metric === "followers" || metric === "engagement_rate_by_followers" || baseMetric === "followers") {
      throw invalidQuery(`breakdown=video is not available for follower metrics`);
    }
  }
  const tz = parseTz(params.tz);
  const asOf = asOfDayNumber(world);
  const { from, to } = parseDayNumbers(params, asOf);

  const videos = countedOnly(target.videos);
  const creators =
    entity === "video"
      ? []
      : entity === "creator"
        ? target.creator
          ? [target.creator]
          : []
        : (target.creators ?? []);
  const plan: SeriesPlan = { metric, granularity, asOf, ctx: { mode, rangeStart: from, baseMetric } };

  const main = planBuckets(plan, from, to);
  const { series: total, rankViews } = dailySeries(world, videos, creators, main.spanStart, to, {
    rankViews: breakdown ? { from, to } : undefined,
  });
  const series = points(plan, total, main.buckets, main.prior);

  let compare_series: SeriesPoint[] | null = null;
  if (params.compare === "prior_period") {
    const days = to - from + 1;
    const priorPlan: SeriesPlan = { ...plan, ctx: { ...plan.ctx, rangeStart: from - days } };
    compare_series = metricSeries(world, videos, creators, priorPlan, from - days, from - 1);
  }

  let breakdown_series: Analytics["breakdown_series"] = null;
  if (breakdown) {
    const order = videos.map((_, k) => k);
    order.sort((a, b) => rankViews![b]! - rankViews![a]! || (videos[a]!.id < videos[b]!.id ? -1 : 1));
    const top = order.slice(0, BREAKDOWN_TOP).map((k) => videos[k]!);
    const topSeries = top.map((v) => dailySeries(world, [v], [], main.spanStart, to).series);
    breakdown_series = top.map((v, k) => ({
      entity_ref: { id: v.id, label: v.title ?? v.url },
      series: points(plan, topSeries[k]!, main.buckets, main.prior),
    }));
    if (videos.length > BREAKDOWN_TOP) {
      // The rest is the total minus the top videos: every series array is a sum over videos.
      const rest = subtractSeries(total, topSeries);
      breakdown_series.push({
        entity_ref: { ...OTHER_REF },
        series: points(plan, rest, main.buckets, main.prior),
      });
    }
  }

  return {
    entity,
    entity_id: target.id,
    metric,
    ...(baseMetric ? { base_metric: baseMetric } : {}),
    unit: unitOf(metric),
    mode,
    granularity,
    from: dayString(from),
    to: dayString(to),
    tz,
    series,
    compare_series,
    breakdown_series,
    annotations: [...(params.annotations ?? [])],
    tier_retention_days: params.tier_retention_days ?? null,
  };
}
