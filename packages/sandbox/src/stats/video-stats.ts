/**
 * `GET /videos/{id}/stats` (legacy, Part B §5.2; shape decided in core's VideoStats schema). Without
 * `metric`: the cumulative daily counters, omitting days without a snapshot (before posting/first
 * scrape, outside the window). With `metric`: a daily series that is exactly what `/analytics` answers
 * for `entity=video, mode=new, granularity=day` — the derived-metric guide defines the series on daily
 * gains ("days with baseline snapshots contribute 0"), and one definition keeps the two routes equal.
 */
import type { VideoStats } from "@goatkit/core";
import { quoteValue } from "@goatkit/server";
import type { VideoRecord, World } from "../world/types.js";
import { asOfDayNumber, metricSeries } from "./analytics.js";
import { parseGranularity } from "./buckets.js";
import { dayNumber } from "./days.js";
import { parseBaseMetric, parseMetric, type RawMetric } from "./metrics.js";
import type { DayRangeQuery } from "./range.js";
import { clampToWindow } from "./snapshots.js";
import { invalidQuery } from "./stats-error.js";

const VIDEO_METRICS = ["engagement_rate_by_views", "growth_rate_pop"];

export interface VideoStatsOptions {
  metric?: string | null;
  base_metric?: string | null;
  /** Only `day` exists for video stats (§5.2: anything else → 400). */
  granularity?: string | null;
}

export function videoStats(
  world: World,
  video: VideoRecord,
  range: DayRangeQuery,
  options: VideoStatsOptions = {},
): VideoStats {
  const { metric } = options;
  if (options.granularity != null && parseGranularity(options.granularity) !== "day") {
    throw invalidQuery("granularity must be day for video stats");
  }
  if (metric === undefined || metric === null) {
    const history: NonNullable<VideoStats["history"]> = [];
    const window = clampToWindow(world, range.fromIndex, range.toIndex);
    if (window) {
      for (let idx = window.lo; idx <= window.hi; idx++) {
        const s = world.videoSnapshot(video, idx);
        if (s) history.push({ date: world.days[idx]!, ...s });
      }
    }
    return { video_id: video.id, from: range.from, to: range.to, history };
  }

  // parseMetric names the reason for metrics videos never have (followers, posts…); the rest are
  // valid elsewhere but not on this legacy route.
  const parsed = parseMetric(metric, "video");
  if (!VIDEO_METRICS.includes(parsed)) {
    throw invalidQuery(
      `metric must be ${VIDEO_METRICS.join(" or ")} for video stats, got ${quoteValue(metric)}`,
    );
  }
  const baseMetric: RawMetric | undefined =
    parsed === "growth_rate_pop" ? parseBaseMetric(options.base_metric, "video") : undefined;
  const from = dayNumber(range.from);
  const points = metricSeries(
    world,
    [video],
    [],
    {
      metric: parsed,
      granularity: "day",
      asOf: asOfDayNumber(world),
      ctx: { mode: "new", rangeStart: from, baseMetric },
    },
    from,
    dayNumber(range.to),
  );
  return {
    video_id: video.id,
    from: range.from,
    to: range.to,
    metric: parsed,
    ...(baseMetric ? { base_metric: baseMetric } : {}),
    unit: "percent",
    series: points.map((p) => ({ date: p.bucket_start, value: p.value })),
  };
}
