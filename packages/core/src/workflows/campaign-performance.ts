/**
 * Workflow "analyze campaign performance" (agent guide): read the campaign's notes, get its recursive
 * totals and history, then judge pacing, concentration and progress towards its target.
 *
 * Requests: legacy generation with `detail: "stats"`, two (campaign list page + stats route). By
 * default (`detail: "full"`) also the item tree, the project's creators and videos, which is what it
 * takes to count pending videos in the tree, check scrape freshness and rank with full engagement
 * figures. On the current generation the tree and lists are needed anyway.
 * @module
 */

import { z } from "zod";
import {
  concentration,
  pacing,
  targetProgress,
  totalsFromVideos,
  viewsByCreator,
} from "../analysis/campaign-performance.js";
import { type DayRange, utcDay } from "../analysis/dates.js";
import { engagementRateByViews } from "../analysis/engagement.js";
import { formatCompact, formatInt, formatShare, plural } from "../analysis/format.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import { round } from "../analysis/stats-math.js";
import { campaignPerformanceCsv } from "../reports/csv/campaign-performance.js";
import { renderCampaignPerformance } from "../reports/markdown/campaign-performance.js";
import { targetSentence } from "../reports/markdown/target.js";
import { CampaignPerformanceReport } from "../reports/schema/campaign-performance.js";
import type { Video } from "../schema/video.js";
import { type CampaignData, campaignInfo, gatherCampaign } from "./campaign-data.js";
import { measureSinceCreated, type SinceCreated } from "./campaign-target.js";
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
import { findCampaign } from "./load.js";
import type { WorkflowRun } from "./run.js";

export const CampaignPerformanceParams = z
  .strictObject({
    campaign_id: id("campaign_id").describe("The campaign to analyse (uuid); sub-campaigns are included."),
    project_id: optionalProjectIdField,
    ...dateRangeFields,
    as_of: asOfField,
    detail: z
      .enum(["full", "stats"])
      .default("full")
      .describe(
        "full: also resolve the item tree and the project's lists, to count pending videos, check scrape freshness " +
          "and rank with full engagement figures. stats: only the campaign list and the stats route (2 requests " +
          "on the legacy API). Default: full.",
      ),
  })
  .superRefine(checkDateRange);
export type CampaignPerformanceParams = z.input<typeof CampaignPerformanceParams>;

type Report = CampaignPerformanceReport;

function rankedVideos(videos: readonly Video[], handles: Map<string, string>, n = 10): Report["top_videos"] {
  return [...videos]
    .sort((a, b) => b.view_count - a.view_count || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: v.creator_id === null ? null : (handles.get(v.creator_id) ?? null),
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: round(engagementRateByViews(v), 4),
    }));
}

function postsByDay(videos: readonly Video[], range: DayRange): Report["posting"]["by_day"] {
  const counts = new Map<string, number>();
  for (const v of videos) {
    const day = utcDay(v.posted_at);
    if (day !== null && day >= range.from && day <= range.to) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, post_count]) => ({ date, post_count }));
}

/**
 * Builds the report body from gathered data. `since` is what the campaign gained since it was
 * created ({@link measureSinceCreated}); without it the target is judged on lifetime totals.
 */
export function campaignBody(
  data: CampaignData,
  range: DayRange,
  asOfMs: number,
  since?: SinceCreated,
): Omit<Report, "kind" | "meta"> {
  const { campaign, stats, set } = data;
  const handles = new Map((data.creators ?? []).map((c) => [c.id, c.tiktok_handle]));
  const totals = stats
    ? { ...stats.totals, save_count: stats.totals.save_count ?? 0 }
    : totalsFromVideos(set!.videos);

  let topVideos: Report["top_videos"];
  let topCreators: Report["top_creators"];
  if (set) {
    topVideos = rankedVideos(set.videos, handles);
    const counts = new Map<string, number>();
    for (const v of set.videos)
      if (v.creator_id) counts.set(v.creator_id, (counts.get(v.creator_id) ?? 0) + 1);
    topCreators = viewsByCreator(set.videos)
      .slice(0, 10)
      .map((c) => ({
        creator_id: c.id,
        tiktok_handle: handles.get(c.id) ?? null,
        video_count: counts.get(c.id) ?? 0,
        view_count: c.view_count,
      }));
  } else {
    // The stats route's lists carry no saves, so the documented engagement rate cannot be computed.
    topVideos = stats!.top_videos.map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: v.tiktok_handle,
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: null,
    }));
    topCreators = stats!.top_creators.map((c) => ({
      creator_id: c.id,
      tiktok_handle: c.tiktok_handle,
      video_count: c.video_count,
      view_count: c.view_count,
    }));
  }

  const byDay = stats
    ? stats.video_count_by_day.filter((d) => d.count > 0).map((d) => ({ date: d.date, post_count: d.count }))
    : postsByDay(set!.videos, range);
  // The history starts at the baseline day (from − 1): one gain per day of the range.
  const pace = pacing(data.views, { range });
  return {
    campaign: campaignInfo(campaign),
    totals,
    totals_source: stats ? "stats_route" : "video_list",
    tree:
      data.tree && set
        ? {
            campaign_count: data.tree.campaign_ids.length,
            creator_item_count: set.creator_items,
            video_item_count: set.video_items,
            duplicates_removed_count: set.duplicates_removed,
            unresolved_video_item_count: set.unresolved_video_items,
            tracking_disabled_count: set.left_out.tracking_disabled,
            unknown_status_count: set.left_out.unknown_status,
          }
        : null,
    pacing: pace,
    posting: {
      range_post_count: byDay.reduce((s, d) => s + d.post_count, 0),
      active_day_count: byDay.length,
      by_day: byDay,
    },
    top_videos: topVideos,
    top_creators: topCreators,
    concentration: concentration(
      topVideos.map((v) => ({ id: v.video_id, view_count: v.view_count })),
      topCreators.map((c) => ({ id: c.creator_id, view_count: c.view_count })),
      totals.view_count,
    ),
    target: targetProgress(
      {
        target_views: campaign.target_views,
        target_at: campaign.target_at,
        lifetime_views: totals.view_count,
        since_created: since?.since_created ?? null,
        basis_reason: since?.reason ?? null,
        pace_per_day: pace.recent_per_day,
      },
      asOfMs,
    ),
    highlights: [],
  };
}

function highlights(r: Omit<Report, "kind" | "meta">): string[] {
  const out: string[] = [];
  const t = r.totals;
  out.push(
    `${formatCompact(t.view_count)} views on ${plural(t.video_count, "counted video")} from ` +
      `${plural(t.creator_count, "creator")} (lifetime totals as of the last scrape).`,
  );
  const p = r.pacing;
  if (p.gained === null && p.gain_unknown_reason !== null) {
    out.push(
      `Views gained in the range unknown (${p.gain_unknown_reason})` +
        (p.recent_per_day === null ? "." : `; last 7 days ${formatInt(p.recent_per_day)}/day.`),
    );
  }
  if (p.avg_per_day !== null) {
    out.push(
      `${formatInt(p.gained)} views gained in the range, ${formatInt(p.avg_per_day)}/day (last 7 days: ` +
        `${formatInt(p.recent_per_day)}/day); ` +
        (p.direction === "insufficient_data"
          ? "too little growth to judge the pace"
          : `pace is ${p.direction}`) +
        (p.acceleration === null || p.direction === "insufficient_data"
          ? "."
          : ` (second half ${p.acceleration >= 0 ? "+" : ""}${Math.round(p.acceleration * 100)}% vs first).`),
    );
  }
  const c = r.concentration;
  if (c.top_creator_share !== null && c.top_creator_share >= 0.5) {
    const who = r.top_creators[0]?.tiktok_handle;
    out.push(
      `Concentrated: ${who ? `@${who}` : "one creator"} brings ${formatShare(c.top_creator_share)} of the lifetime views.`,
    );
  }
  if (c.top_video_share !== null && c.top_video_share >= 0.3) {
    out.push(`One video holds ${formatShare(c.top_video_share)} of the lifetime views; results hinge on it.`);
  }
  const target = targetSentence(r.target, r.campaign.created_at);
  if (target !== null) out.push(target);
  return out;
}

/** Adds the caveats and notes a campaign's data calls for. */
export function noteCampaign(
  run: WorkflowRun,
  data: CampaignData,
  allCampaigns: readonly { id: string; name: string; description?: string | null }[],
) {
  run.note("campaign", data.campaign.id, data.campaign.name, data.campaign.description);
  if (data.tree) {
    for (const id of data.tree.campaign_ids.slice(1)) {
      const sub = allCampaigns.find((c) => c.id === id);
      if (sub) run.note("campaign", sub.id, sub.name, sub.description);
    }
  }
  const sets = data.set;
  const subCount = data.tree ? data.tree.campaign_ids.length - 1 : null;
  run.caveats.add(
    "recursive_dedup",
    subCount === null
      ? "Campaign stats are recursive over sub-campaigns and count each video once; they were not summed again."
      : `Totals cover the campaign and ${plural(subCount, "sub-campaign")} as one de-duplicated video set` +
          (sets && sets.duplicates_removed > 0
            ? ` (${plural(sets.duplicates_removed, "video")} reachable through several items counted once).`
            : "."),
  );
  run.caveats.addSnapshot();
  if (sets) {
    run.caveats.addPending(sets.pending.length);
    run.caveats.addLeftOut(sets.left_out);
    if (sets.unresolved_video_items > 0) {
      run.caveats.add(
        "unresolved_items",
        `${plural(sets.unresolved_video_items, "video item")} of the tree did not resolve to a listed video ` +
          `(excluded, deleted, tracking disabled, or outside the project) and ${sets.unresolved_video_items === 1 ? "counts" : "count"} nowhere.`,
      );
    }
    if (sets.videos.length === 0) run.caveats.addEmpty("counted videos in this campaign");
  } else {
    run.caveats.add(
      "not_checked",
      "Only the stats route was read (detail: stats): pending videos in the tree and scrape freshness were not checked.",
    );
  }
}

async function runCampaignPerformance(
  run: WorkflowRun,
  params: z.output<typeof CampaignPerformanceParams>,
): Promise<CampaignPerformanceReport> {
  const range = paramsRange(run, params);
  const { campaign, all } = await findCampaign(run, params.campaign_id, params.project_id);
  const data = await gatherCampaign(run, campaign, range, { resolve: params.detail === "full" });
  run.phase("analyse");

  const lifetimeViews = data.stats
    ? data.stats.totals.view_count
    : totalsFromVideos(data.set!.videos).view_count;
  const since = await measureSinceCreated(run, data, range, lifetimeViews);
  const body = campaignBody(data, range, run.asOfMs, since);
  body.highlights = highlights(body);
  noteCampaign(run, data, all);
  if (data.stats && data.set) {
    const fromList = totalsFromVideos(data.set.videos);
    if (fromList.view_count !== body.totals.view_count || fromList.video_count !== body.totals.video_count) {
      run.caveats.add(
        "data_changed",
        `The stats route's totals (${formatInt(body.totals.view_count)} views, ${body.totals.video_count} videos) differ from the ` +
          `video list (${formatInt(fromList.view_count)} views, ${fromList.video_count} videos): data changed between the calls.`,
      );
    }
  }
  for (const c of data.creators ?? []) {
    if (body.top_creators.slice(0, 3).some((t) => t.creator_id === c.id))
      run.note("creator", c.id, c.tiktok_handle, c.description);
  }
  const freshness = summarizeFreshness(data.set?.videos ?? [], run.asOfMs);
  run.caveats.addFreshness(freshness, "campaign's videos");
  const checked = data.set !== null;
  const meta = run.meta({
    range,
    freshness,
    pending: data.set?.pending.length ?? 0,
    freshnessChecked: checked,
    pendingChecked: checked,
  });
  run.phase("done");
  return { kind: "campaign_performance", meta, ...body };
}

export const campaignPerformanceWorkflow = defineWorkflow({
  name: "campaign_performance",
  title: "Campaign performance",
  description:
    "How one campaign is doing: recursive totals over its sub-campaigns (each video once), views gained per day over " +
    "the range with pacing, daily posts, top videos and creators, concentration, and progress towards its view target. " +
    "Use it for one campaign; use campaign_comparison to rank several. Needs campaign_id (project_id narrows the lookup). " +
    "Cost with detail=full on the legacy API: ceil(campaigns/100) + 1 stats + sum over the tree's campaigns of " +
    "ceil(items/100) + ceil(creators/100) + ceil(videos/100), where campaigns/creators/videos are the project's " +
    "(the org's campaigns without project_id); detail=stats: ceil(campaigns/100) + 1. On the current API the stats " +
    "route is gone: one /analytics call replaces it and the tree and lists are always read. A campaign with a target " +
    "whose creation day (or passed target_at day) lies before the range costs 1 more history call. A shared cache " +
    "makes the project's lists free after the first campaign.",
  params: CampaignPerformanceParams,
  report: CampaignPerformanceReport,
  run: runCampaignPerformance,
  markdown: renderCampaignPerformance,
  csv: campaignPerformanceCsv,
});

/**
 * {@link campaignPerformanceWorkflow} as a function.
 *
 * @example
 * const report = await analyzeCampaign(client, { campaign_id }, { signal, onProgress });
 */
export function analyzeCampaign(
  client: WorkflowClient,
  params: CampaignPerformanceParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CampaignPerformanceReport> {
  return campaignPerformanceWorkflow.run(client, withAsOf(params), options);
}
