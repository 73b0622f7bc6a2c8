/**
 * Workflow "content analysis across a campaign" (agent guide): the campaign's whole, de-duplicated
 * video set (not just the stats route's top 10), ranked, with outliers, engagement, the posting-time
 * pattern and a per-creator breakdown. Outliers are judged against each creator's norm over all their
 * counted videos in the project, then kept when they belong to the campaign, so a creator whose
 * campaign videos are all big hits is not compared with itself alone.
 *
 * Requests: the campaign list, the item tree, the project's creators and videos. Both API
 * generations serve these routes alike.
 *
 * This file fetches; the report is built from what it fetched by the pure
 * `buildCampaignContentReport` (build/campaign-content.ts).
 * @module
 */

import { z } from "zod";
import { campaignContentCsv } from "../reports/csv/campaign-content.js";
import { renderCampaignContent } from "../reports/markdown/campaign-content.js";
import { CampaignContentReport } from "../reports/schema/campaign-content.js";
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { Video } from "../schema/video.js";
import { buildCampaignContentReport } from "./build/campaign-content.js";
import { projectCreators, projectVideos } from "./campaign-data.js";
import { type CampaignTree, resolveCampaignTree } from "./campaign-tree.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import {
  asOfField,
  checkDateRange,
  fromField,
  id,
  optionalProjectIdField,
  outlierFields,
  outlierOptions,
  rangeField,
  toField,
} from "./catalogue/fields.js";
import type { WorkflowClient } from "./client.js";
import { findCampaign } from "./load.js";
import type { WorkflowRun } from "./run.js";

export const CampaignContentParams = z
  .strictObject({
    campaign_id: id("campaign_id").describe(
      "The campaign whose videos to analyse (uuid); sub-campaigns are included.",
    ),
    project_id: optionalProjectIdField,
    range: rangeField.describe(
      "Only videos posted in this named range (ending on the analysis day inclusive): last_7_days, last_30_days, " +
        "last_90_days, this_month, last_month. Default: every video of the campaign. Use either range or from/to.",
    ),
    from: fromField.describe(
      "Only videos posted on or after this day (YYYY-MM-DD). Default: the campaign's first post.",
    ),
    to: toField.describe("Only videos posted on or before this day (YYYY-MM-DD). Default: the analysis day."),
    as_of: asOfField,
    top: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .describe("Length of the top and bottom video lists. Default: 10."),
    ...outlierFields,
  })
  .superRefine(checkDateRange);
export type CampaignContentParams = z.input<typeof CampaignContentParams>;

/** Fetches; the report is built by {@link buildCampaignContentReport}. */
async function fetchCampaignContent(
  run: WorkflowRun,
  params: z.output<typeof CampaignContentParams>,
): Promise<CampaignContentReport> {
  const { campaign, all } = await findCampaign(run, params.campaign_id, params.project_id);
  const [tree, videos, creators] = await Promise.all([
    resolveCampaignTree(run, campaign.id),
    projectVideos(run, campaign.project_id),
    projectCreators(run, campaign.project_id),
  ]);
  run.phase("analyse");
  const built = buildCampaignContentReport({ campaign, tree, videos, creators }, run.asOfMs, {
    range: params.range,
    from: params.from,
    to: params.to,
    top: params.top,
    outliers: outlierOptions(params),
  });
  noteReadEntities(run, built.report, { campaign, all, tree, videos, creators });
  const report = run.finish(built);
  run.phase("done");
  return report;
}

/** Records the notes of the campaign, its sub-campaigns, and the videos and lead creators the report names. */
function noteReadEntities(
  run: WorkflowRun,
  report: Omit<CampaignContentReport, "meta">,
  read: {
    campaign: Campaign;
    all: readonly Campaign[];
    tree: CampaignTree;
    videos: readonly Video[];
    creators: readonly Creator[];
  },
): void {
  const { campaign, all, tree } = read;
  run.note("campaign", campaign.id, campaign.name, campaign.description);
  for (const id of tree.campaign_ids.slice(1)) {
    const sub = all.find((c) => c.id === id);
    if (sub) run.note("campaign", sub.id, sub.name, sub.description);
  }
  const videoById = new Map(read.videos.map((v) => [v.id, v]));
  for (const id of [...report.top_videos, ...report.bottom_videos]
    .map((v) => v.video_id)
    .concat(report.outliers.items.map((o) => o.video_id))) {
    const v = videoById.get(id);
    if (v) run.note("video", v.id, v.title, v.description);
  }
  const creatorById = new Map(read.creators.map((c) => [c.id, c]));
  for (const row of report.creators.slice(0, 5)) {
    const c = creatorById.get(row.creator_id);
    if (c) run.note("creator", c.id, c.tiktok_handle, c.description);
  }
}

export const campaignContentWorkflow = defineWorkflow({
  name: "campaign_content",
  title: "Campaign content",
  description:
    "What content works in one campaign: its whole de-duplicated video set (sub-campaigns included) ranked, the best " +
    "and worst videos, outliers against each creator's own norm, engagement, the best posting day and hour (UTC), and " +
    "a per-creator breakdown. Use it to learn what to brief creators on; use campaign_performance for totals and " +
    "pacing. Needs campaign_id. Cost on both API generations: ceil(campaigns/100) + sum over the tree's campaigns of " +
    "ceil(items/100) + ceil(creators/100) + ceil(videos/100) of the project (the org's campaigns without project_id).",
  params: CampaignContentParams,
  report: CampaignContentReport,
  run: fetchCampaignContent,
  markdown: renderCampaignContent,
  csv: campaignContentCsv,
});

/** {@link campaignContentWorkflow} as a function. */
export function runCampaignContent(
  client: WorkflowClient,
  params: CampaignContentParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CampaignContentReport> {
  return campaignContentWorkflow.run(client, withAsOf(params), options);
}
