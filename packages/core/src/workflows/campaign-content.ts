/**
 * Workflow "content analysis across a campaign" (agent guide): the campaign's whole, de-duplicated
 * video set (not just the stats route's top 10), ranked, with outliers, engagement, the posting-time
 * pattern and a per-creator breakdown. Outliers are judged against each creator's norm over all their
 * counted videos in the project, then kept when they belong to the campaign, so a creator whose
 * campaign videos are all big hits is not compared with itself alone.
 *
 * Requests: the campaign list, the item tree, the project's creators and videos. Both API
 * generations serve these routes alike.
 * @module
 */

import { z } from "zod";
import { analyzeContent } from "../analysis/content.js";
import { presetRange } from "../analysis/date-presets.js";
import { type DayRange, dayNumber, dayNumberOfMs, dayString, utcDay } from "../analysis/dates.js";
import { formatCompact, formatInt, formatShare, plural } from "../analysis/format.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import { findOutliers } from "../analysis/outliers.js";
import { DOW_NAMES } from "../analysis/posting-pattern.js";
import { campaignContentCsv } from "../reports/csv/campaign-content.js";
import { renderCampaignContent } from "../reports/markdown/campaign-content.js";
import { CampaignContentReport } from "../reports/schema/campaign-content.js";
import type { Video } from "../schema/video.js";
import { campaignInfo, projectCreators, projectVideos } from "./campaign-data.js";
import { campaignVideoSet, resolveCampaignTree } from "./campaign-tree.js";
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

function postedRange(videos: readonly Video[], asOfMs: number, from?: string, to?: string): DayRange {
  let min: string | null = null;
  for (const v of videos) {
    const d = utcDay(v.posted_at);
    if (d !== null && (min === null || d < min)) min = d;
  }
  const end = to ?? dayString(dayNumberOfMs(asOfMs));
  const start = from ?? (min !== null && min <= end ? min : end);
  return { from: start, to: end };
}

async function runCampaignContent(
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
  const set = campaignVideoSet(tree, videos);
  const range = params.range
    ? presetRange(params.range, run.asOfMs)
    : postedRange(set.videos, run.asOfMs, params.from, params.to);
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const inRange = set.videos.filter((v) => {
    const d = dayNumber(utcDay(v.posted_at));
    return d !== null && d >= from && d <= to;
  });
  const outlierRule = outlierOptions(params);
  const content = analyzeContent(inRange, creators, run.asOfMs, { top: params.top, outliers: outlierRule });
  const ids = new Set(inRange.map((v) => v.id));
  const projectOutliers = findOutliers(videos, run.asOfMs, outlierRule);
  const outliers = projectOutliers.outliers.filter((o) => ids.has(o.video_id));

  run.note("campaign", campaign.id, campaign.name, campaign.description);
  for (const id of tree.campaign_ids.slice(1)) {
    const sub = all.find((c) => c.id === id);
    if (sub) run.note("campaign", sub.id, sub.name, sub.description);
  }
  const byId = new Map(inRange.map((v) => [v.id, v]));
  for (const id of [...content.top_videos, ...content.bottom_videos]
    .map((v) => v.video_id)
    .concat(outliers.map((o) => o.video_id))) {
    const v = byId.get(id);
    if (v) run.note("video", v.id, v.title, v.description);
  }
  const creatorById = new Map(creators.map((c) => [c.id, c]));
  for (const row of content.creators.slice(0, 5)) {
    const c = creatorById.get(row.creator_id);
    if (c) run.note("creator", c.id, c.tiktok_handle, c.description);
  }

  run.caveats.add(
    "recursive_dedup",
    `The campaign and ${plural(tree.campaign_ids.length - 1, "sub-campaign")} were resolved to one video set; ` +
      `${plural(set.duplicates_removed, "video")} reachable through several items ${set.duplicates_removed === 1 ? "is" : "are"} counted once.`,
  );
  run.caveats.addSnapshot();
  run.caveats.addPending(set.pending.length);
  run.caveats.addLeftOut(set.left_out);
  if (inRange.length < set.videos.length) {
    run.caveats.add(
      "out_of_range",
      `${plural(set.videos.length - inRange.length, "campaign video")} posted outside ${range.from} → ${range.to} ` +
        `${set.videos.length - inRange.length === 1 ? "was" : "were"} left out.`,
    );
  }
  if (inRange.length === 0) run.caveats.addEmpty("counted videos in this campaign");
  run.caveats.add(
    "method",
    "Posting times are bucketed in UTC; outliers need ≥ 5 videos at least 7 days old per creator, so young and sparse creators are not judged.",
  );
  const freshness = summarizeFreshness(inRange, run.asOfMs);
  run.caveats.addFreshness(freshness, "campaign's videos");

  const highlights: string[] = [];
  if (content.video_count > 0) {
    highlights.push(
      `${plural(content.video_count, "video")} posted in the range: median ${formatInt(content.median_views)} lifetime ` +
        `views, top 10 % above ${formatInt(content.p90_views)}; engagement rate ${formatShare(content.engagement_rate, 1)}.`,
    );
    const top = content.top_videos[0]!;
    highlights.push(
      `Best: ${top.title ?? top.video_id} by @${top.tiktok_handle ?? "?"} with ${formatCompact(top.view_count)} lifetime views.`,
    );
    const highs = outliers.filter((o) => o.direction === "high").length;
    const lows = outliers.length - highs;
    if (outliers.length > 0)
      highlights.push(
        `${plural(highs, "breakout video")} and ${plural(lows, "flop")} against their creators' norms.`,
      );
    const best = content.posting_pattern.best;
    if (best) {
      highlights.push(
        `Best posting slot: ${DOW_NAMES[best.dow]} ${String(best.hour).padStart(2, "0")}:00 UTC ` +
          `(${formatInt(best.avg_views)} lifetime views per post over ${plural(best.post_count, "post")}).`,
      );
    }
    const lead = content.creators[0];
    if (lead && lead.view_share !== null)
      highlights.push(
        `@${lead.tiktok_handle ?? lead.creator_id} brings ${formatShare(lead.view_share)} of the lifetime views.`,
      );
  }

  const meta = run.meta({
    range,
    freshness,
    pending: set.pending.length,
    freshnessChecked: true,
    pendingChecked: true,
  });
  run.phase("done");
  return {
    kind: "campaign_content",
    meta,
    campaign: campaignInfo(campaign),
    video_count: content.video_count,
    total_views: content.total_views,
    median_views: content.median_views,
    p90_views: content.p90_views,
    engagement_rate: content.engagement_rate,
    top_videos: content.top_videos,
    bottom_videos: content.bottom_videos,
    outliers: {
      items: outliers,
      creators_checked_count: projectOutliers.creators_checked,
      creators_too_few_videos_count: projectOutliers.creators_too_few_videos,
    },
    posting_pattern: content.posting_pattern,
    creators: content.creators,
    highlights,
  };
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
  run: runCampaignContent,
  markdown: renderCampaignContent,
  csv: campaignContentCsv,
});

/** {@link campaignContentWorkflow} as a function. */
export function analyzeCampaignContent(
  client: WorkflowClient,
  params: CampaignContentParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CampaignContentReport> {
  return campaignContentWorkflow.run(client, withAsOf(params), options);
}
