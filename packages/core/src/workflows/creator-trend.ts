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
 *
 * This file fetches; the report is built from what it fetched by the pure `buildCreatorTrendReport`
 * (build/creator-trend.ts), which counts the weekly posts from the video list on the current generation.
 * @module
 */

import { z } from "zod";
import { addDays } from "../analysis/dates.js";
import type { DatedValue } from "../analysis/inputs.js";
import { postsOnDay, type WeeklyPosts, weeklyPostsInRange } from "../analysis/trends.js";
import { creatorTrendCsv } from "../reports/csv/creator-trend.js";
import { renderCreatorTrend } from "../reports/markdown/creator-trend.js";
import { CreatorTrendReport } from "../reports/schema/creator-trend.js";
import type { Creator } from "../schema/creator.js";
import { buildCreatorTrendReport } from "./build/creator-trend.js";
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

/** The series both API generations hand the builder; `weekly` null: counted from the video list. */
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

/** Fetches; the report is built by {@link buildCreatorTrendReport}. */
async function fetchCreatorTrend(
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
  const built = buildCreatorTrendReport({ creator, videos, ...series }, run.asOfMs, { range });
  run.note("creator", creator.id, creator.tiktok_handle, creator.description);
  for (const v of built.report.top_videos)
    run.note("video", v.video_id, v.title, videos.find((x) => x.id === v.video_id)?.description);
  const report = run.finish(built);
  run.phase("done");
  return report;
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
  run: fetchCreatorTrend,
  markdown: renderCreatorTrend,
  csv: creatorTrendCsv,
});

/** {@link creatorTrendWorkflow} as a function. */
export function runCreatorTrend(
  client: WorkflowClient,
  params: CreatorTrendParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CreatorTrendReport> {
  return creatorTrendWorkflow.run(client, withAsOf(params), options);
}
