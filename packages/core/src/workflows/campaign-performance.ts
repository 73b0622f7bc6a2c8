/**
 * Workflow "analyze campaign performance" (agent guide): read the campaign's notes, get its recursive
 * totals and history, then judge pacing, concentration and progress towards its target.
 *
 * Requests: legacy generation with `detail: "stats"`, two (campaign list page + stats route). By
 * default (`detail: "full"`) also the item tree, the project's creators and videos, which is what it
 * takes to count pending videos in the tree, check scrape freshness and rank with full engagement
 * figures. On the current generation the tree and lists are needed anyway.
 *
 * This file fetches; the report is built from what it fetched by the pure
 * `buildCampaignPerformanceReport` (build/campaign-performance.ts).
 * @module
 */

import { z } from "zod";
import { campaignPerformanceCsv } from "../reports/csv/campaign-performance.js";
import { renderCampaignPerformance } from "../reports/markdown/campaign-performance.js";
import { CampaignPerformanceReport } from "../reports/schema/campaign-performance.js";
import { buildCampaignPerformanceReport } from "./build/campaign-performance.js";
import { campaignTotals } from "./build/campaign-performance-totals.js";
import { type CampaignData, gatherCampaign } from "./campaign-data.js";
import { measureSinceCreated } from "./campaign-target.js";
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

/** Notes the campaign and its sub-campaigns read, and the creators of its top three. */
function noteCampaign(
  run: WorkflowRun,
  data: CampaignData,
  allCampaigns: readonly { id: string; name: string; description?: string | null }[],
  topCreators: readonly { creator_id: string }[],
): void {
  run.note("campaign", data.campaign.id, data.campaign.name, data.campaign.description);
  if (data.tree) {
    for (const id of data.tree.campaign_ids.slice(1)) {
      const sub = allCampaigns.find((c) => c.id === id);
      if (sub) run.note("campaign", sub.id, sub.name, sub.description);
    }
  }
  for (const c of data.creators ?? []) {
    if (topCreators.slice(0, 3).some((t) => t.creator_id === c.id))
      run.note("creator", c.id, c.tiktok_handle, c.description);
  }
}

/** Fetches; the report is built by {@link buildCampaignPerformanceReport}. */
async function fetchCampaignPerformance(
  run: WorkflowRun,
  params: z.output<typeof CampaignPerformanceParams>,
): Promise<CampaignPerformanceReport> {
  const range = paramsRange(run, params);
  const { campaign, all } = await findCampaign(run, params.campaign_id, params.project_id);
  const data = await gatherCampaign(run, campaign, range, { resolve: params.detail === "full" });
  run.phase("analyse");

  // Measuring the target's basis may spend one more history request, so it is fetched here.
  const lifetimeViews = campaignTotals(data.stats, data.set).view_count;
  const since = await measureSinceCreated(run, data, range, lifetimeViews);
  const built = buildCampaignPerformanceReport({ ...data, since }, run.asOfMs, { range });
  noteCampaign(run, data, all, built.report.top_creators);
  const report = run.finish(built);
  run.phase("done");
  return report;
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
  run: fetchCampaignPerformance,
  markdown: renderCampaignPerformance,
  csv: campaignPerformanceCsv,
});

/**
 * {@link campaignPerformanceWorkflow} as a function.
 *
 * @example
 * const report = await runCampaignPerformance(client, { campaign_id }, { signal, onProgress });
 */
export function runCampaignPerformance(
  client: WorkflowClient,
  params: CampaignPerformanceParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CampaignPerformanceReport> {
  return campaignPerformanceWorkflow.run(client, withAsOf(params), options);
}
