/**
 * Workflow "trend analysis over time" (agent guide): a creator's follower growth, cumulative views and
 * weekly posting over a range, week over week, with posting gaps and acceleration.
 *
 * Requests: the creator list (to read the creator and its notes), the creator's video list, and the
 * stats route (legacy) or two `/analytics` series, followers and views in cumulative mode (current).
 *
 * The series are read from the baseline day `from − 1` (the baseline rule of
 * analysis/campaign-performance.ts) so the range's first day has a gain too. The stats route's
 * weekly `posting_frequency` then covers one day more: it is cut back to the weeks overlapping the
 * range, without the baseline day's posts (counted from the video list, read anyway).
 * @module
 */

import { z } from "zod";
import { partitionVideos } from "../analysis/counted.js";
import { addDays, DAY_MS, parseInstantMs, utcDay } from "../analysis/dates.js";
import { engagementRateByViews, pooledEngagementRate } from "../analysis/engagement.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import type { DatedValue } from "../analysis/inputs.js";
import { round } from "../analysis/stats-math.js";
import {
  analyzeCreatorTrendSeries,
  pendingWeekStarts,
  postsOnDay,
  type WeeklyPosts,
  weeklyPostsFromVideos,
  weeklyPostsInRange,
} from "../analysis/trends.js";
import { creatorTrendCsv } from "../reports/csv/creator-trend.js";
import { renderCreatorTrend } from "../reports/markdown/creator-trend.js";
import { CreatorTrendReport } from "../reports/schema/creator-trend.js";
import type { Creator } from "../schema/creator.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import {
  asOfField,
  checkDateRange,
  dateRangeFields,
  id,
  optionalProjectIdField,
} from "./catalogue/fields.js";
import { paramsRange } from "./catalogue/range.js";
import type { WorkflowClient } from "./client.js";
import { PAGE_LIMIT } from "./fetch.js";
import { cumulativeAnalytics } from "./history.js";
import { loadCreatorVideos, notFound } from "./load.js";
import type { WorkflowRun } from "./run.js";

export const CreatorTrendParams = z
  .strictObject({
    creator_id: id("creator_id").describe("The creator to follow (uuid)."),
    project_id: optionalProjectIdField,
    ...dateRangeFields,
    as_of: asOfField,
  })
  .superRefine(checkDateRange);
export type CreatorTrendParams = z.input<typeof CreatorTrendParams>;

interface Series {
  followers: DatedValue[];
  views: DatedValue[];
  weekly: WeeklyPosts[] | null;
}

async function findCreator(run: WorkflowRun, id: string, projectId?: string): Promise<Creator> {
  const query = projectId ? { project_id: projectId, limit: PAGE_LIMIT } : { limit: PAGE_LIMIT };
  // Stop paging as soon as the creator turns up.
  for await (const c of run.client.creators.list(query, run.requestOptions)) if (c.id === id) return c;
  throw notFound(run, "creator_id", "creator", id, projectId);
}

async function runCreatorTrend(
  run: WorkflowRun,
  params: z.output<typeof CreatorTrendParams>,
): Promise<CreatorTrendReport> {
  const client = run.client;
  const range = paramsRange(run, params);
  const [creator, videos] = await Promise.all([
    findCreator(run, params.creator_id, params.project_id),
    loadCreatorVideos(run, params.creator_id),
  ]);
  const baselineDay = addDays(range.from, -1);
  const series = await run.stats<Series>(
    async () => {
      const s = await run.fromBaseline(range, (r) =>
        client.creators.stats(creator.id, r, run.requestOptions),
      );
      const weekly = s.posting_frequency.map((w) => ({
        week_start: w.week_start,
        video_count: w.video_count,
      }));
      return {
        followers: s.history.map((h) => ({ date: h.date, value: h.follower_count })),
        views: s.total_video_views.map((p) => ({ date: p.date, value: p.value })),
        // Buckets of the weeks overlapping [from, to] only, as a call for exactly the range returns.
        weekly: weeklyPostsInRange(
          weekly,
          range,
          s.from === baselineDay ? postsOnDay(videos, baselineDay) : 0,
        ),
      };
    },
    async () => {
      const get = (metric: "followers" | "views") =>
        cumulativeAnalytics(run, { entity: "creator", entity_id: creator.id, metric }, range);
      const [followers, views] = await Promise.all([get("followers"), get("views")]);
      return { followers, views, weekly: null };
    },
  );
  run.phase("analyse");
  const weekly = series.weekly ?? weeklyPostsFromVideos(videos, range);
  const trend = analyzeCreatorTrendSeries({
    range,
    followers: series.followers,
    views: series.views,
    weeklyPosts: weekly,
    // Judged only on the creator's own weeks: from tracking start, backlog weeks excepted.
    trackingStartedAt: creator.created_at,
    pendingWeeks: pendingWeekStarts(videos, range),
  });

  const partition = partitionVideos(videos);
  const counted = partition.counted;
  const pending = partition.counts.pending_review;
  const inRange = counted.filter((v) => {
    const d = utcDay(v.posted_at);
    return d !== null && d >= range.from && d <= range.to;
  });
  let lastMs: number | null = null;
  for (const v of counted) {
    const ms = parseInstantMs(v.posted_at);
    if (ms !== null && (lastMs === null || ms > lastMs)) lastMs = ms;
  }
  const top = [...inRange]
    .sort((a, b) => b.view_count - a.view_count || (a.id < b.id ? -1 : 1))
    .slice(0, 5)
    .map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: creator.tiktok_handle,
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: round(engagementRateByViews(v), 4),
    }));

  run.note("creator", creator.id, creator.tiktok_handle, creator.description);
  for (const v of top)
    run.note("video", v.video_id, v.title, videos.find((x) => x.id === v.video_id)?.description);
  run.caveats.add(
    "snapshot_not_cumulative",
    "Growth comes from the daily cumulative series (day-over-day differences), not from the current snapshot counters.",
  );
  run.caveats.addPending(pending);
  run.caveats.addLeftOut(partition.counts);
  if (creator.tracking_mode === "selective" && pending > 0) {
    run.caveats.add("pending_left_out", "The creator is in selective mode: posts count only once approved.");
  }
  if (series.views.length === 0) run.caveats.addEmpty("daily history in this range");
  const freshness = summarizeFreshness([creator], run.asOfMs);
  run.caveats.addFreshness(freshness, "creator");
  const highlights = [...trend.highlights];
  const daysSince = lastMs === null ? null : round((run.asOfMs - lastMs) / DAY_MS, 1);
  if (daysSince !== null && daysSince > 7) highlights.push(`last counted post ${daysSince} days ago`);

  const meta = run.meta({ range, freshness, pending, freshnessChecked: true, pendingChecked: true });
  run.phase("done");
  return {
    kind: "creator_trend",
    meta,
    creator: {
      id: creator.id,
      project_id: creator.project_id,
      tiktok_handle: creator.tiktok_handle,
      display_name: creator.display_name,
      follower_count: creator.follower_count,
      tracking_mode: creator.tracking_mode,
      last_scraped_at: creator.last_scraped_at,
    },
    followers: trend.followers,
    views: trend.views,
    weeks: trend.weeks,
    posting_gaps: trend.posting_gaps,
    range_post_count: trend.range_post_count,
    last_posted_at: lastMs === null ? null : new Date(lastMs).toISOString(),
    days_since_last_post: daysSince,
    engagement_rate: round(pooledEngagementRate(inRange), 4),
    top_videos: top,
    highlights,
  };
}

export const creatorTrendWorkflow = defineWorkflow({
  name: "creator_trend",
  title: "Creator trend",
  description:
    "One creator over time: followers and cumulative views gained per day and week over the range, week-over-week " +
    "change, weekly posts with gap weeks, acceleration, engagement and the top videos of the range. Use it to see " +
    "whether a creator is growing or fading; use underperforming_creators to screen a whole project. Needs " +
    "creator_id (project_id narrows the lookup). Cost on the legacy API: the creator list up to the creator " +
    "(at most ceil(creators/100)) + ceil(creator's videos/100) + 1 stats call; on the current API 2 /analytics " +
    "calls replace the stats call.",
  params: CreatorTrendParams,
  report: CreatorTrendReport,
  run: runCreatorTrend,
  markdown: renderCreatorTrend,
  csv: creatorTrendCsv,
});

/** {@link creatorTrendWorkflow} as a function. */
export function analyzeCreatorTrend(
  client: WorkflowClient,
  params: CreatorTrendParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CreatorTrendReport> {
  return creatorTrendWorkflow.run(client, withAsOf(params), options);
}
