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

import { isCounted } from "../analysis/counted.js";
import { addDays, DAY_MS, type Instant, parseInstantMs, resolveWindow, utcDay } from "../analysis/dates.js";
import { engagementRateByViews, pooledEngagementRate } from "../analysis/engagement.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import type { DatedValue } from "../analysis/inputs.js";
import { round } from "../analysis/stats-math.js";
import {
  analyzeCreatorTrendSeries,
  postsOnDay,
  type WeeklyPosts,
  weeklyPostsFromVideos,
  weeklyPostsInRange,
} from "../analysis/trends.js";
import type { Creator } from "../schema/creator.js";
import type { AnalysisClient } from "./client.js";
import { PAGE_LIMIT } from "./fetch.js";
import { cumulativeAnalytics } from "./history.js";
import { loadCreatorVideos, notFound } from "./load.js";
import type { OnProgress } from "./progress.js";
import type { CreatorTrendReport } from "./reports/creator-trend.js";
import { WorkflowRun } from "./run.js";

export interface AnalyzeCreatorTrendParams {
  creator_id: string;
  /** Narrows the creator lookup to one project's list. */
  project_id?: string;
  from?: string;
  to?: string;
  asOf?: Instant;
  onProgress?: OnProgress;
}

interface Series {
  followers: DatedValue[];
  views: DatedValue[];
  weekly: WeeklyPosts[] | null;
}

async function findCreator(run: WorkflowRun, id: string, projectId?: string): Promise<Creator> {
  const query = projectId ? { project_id: projectId, limit: PAGE_LIMIT } : { limit: PAGE_LIMIT };
  // Stop paging as soon as the creator turns up.
  for await (const c of run.client.creators.list(query)) if (c.id === id) return c;
  throw notFound("creator", id);
}

export async function analyzeCreatorTrend(
  client: AnalysisClient,
  params: AnalyzeCreatorTrendParams,
): Promise<CreatorTrendReport> {
  const run = new WorkflowRun(client, "analyzeCreatorTrend", params.asOf, params.onProgress);
  const range = resolveWindow(run.asOfMs, params.from, params.to);
  const [creator, videos] = await Promise.all([
    findCreator(run, params.creator_id, params.project_id),
    loadCreatorVideos(run, params.creator_id),
  ]);
  const baselineDay = addDays(range.from, -1);
  const series = await run.stats<Series>(
    async () => {
      const s = await run.fromBaseline(range, (r) => client.creators.stats(creator.id, r));
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
  });

  const counted = videos.filter((v) => isCounted(v.tracking_status));
  const pending = videos.length - counted.length;
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
      engagement_rate: round(engagementRateByViews(v), 2),
    }));

  run.note("creator", creator.id, creator.tiktok_handle, creator.description);
  for (const v of top)
    run.note("video", v.video_id, v.title, videos.find((x) => x.id === v.video_id)?.description);
  run.caveats.add(
    "snapshot_not_cumulative",
    "Growth comes from the daily cumulative series (day-over-day differences), not from the current snapshot counters.",
  );
  run.caveats.addPending(pending);
  if (creator.tracking_mode === "selective" && pending > 0) {
    run.caveats.add("pending_left_out", "The creator is in selective mode: posts count only once approved.");
  }
  if (series.views.length === 0) run.caveats.addEmpty("daily history in this range");
  const freshness = summarizeFreshness([creator], run.asOfMs);
  run.caveats.addFreshness(freshness, "creator");
  const highlights = [...trend.highlights];
  const daysSince = lastMs === null ? null : round((run.asOfMs - lastMs) / DAY_MS, 1);
  if (daysSince !== null && daysSince > 7) highlights.push(`last counted post ${daysSince} days ago`);

  const meta = run.meta({ range, freshness, pending });
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
    posts_in_range: trend.posts_in_range,
    last_posted_at: lastMs === null ? null : new Date(lastMs).toISOString(),
    days_since_last_post: daysSince,
    engagement_rate: round(pooledEngagementRate(inRange), 2),
    top_videos: top,
    highlights,
  };
}
