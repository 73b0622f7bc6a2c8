/**
 * Gathers what the campaign workflows need for one campaign, on either API generation:
 * - legacy: `GET /campaigns/{id}/stats` (recursive totals, top lists, cumulative history);
 * - current (stats route 410): the tree via `/campaigns/{id}/items`, the project's video list for the
 *   totals, and `/analytics?entity=campaign&metric=views&mode=cumulative` for the history.
 * With `resolve`, the tree and video list are read on the legacy generation too, for what the stats
 * route cannot say (pending videos in the tree, scrape freshness, full rankings).
 * @module
 */
import type { DayRange } from "../analysis/dates.js";
import type { DatedValue } from "../analysis/inputs.js";
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { CampaignStats } from "../schema/stats.js";
import {
  type CampaignTree,
  type CampaignVideoSet,
  campaignVideoSet,
  resolveCampaignTree,
} from "./campaign-tree.js";
import { loadCreators, loadProjectVideos } from "./load.js";
import type { CampaignReport } from "./reports/campaign.js";
import type { WorkflowRun } from "./run.js";

export interface CampaignData {
  campaign: Campaign;
  /** The legacy stats payload; null on the current generation. */
  stats: CampaignStats | null;
  tree: CampaignTree | null;
  set: CampaignVideoSet | null;
  /** Cumulative views at each day's end over the range. */
  views: DatedValue[];
  creators: Creator[] | null;
}

/** The `campaign` header of the campaign reports (analyzeCampaign, analyzeCampaignContent). */
export function campaignInfo(campaign: Campaign): CampaignReport["campaign"] {
  return {
    id: campaign.id,
    name: campaign.name,
    project_id: campaign.project_id,
    description: campaign.description ?? null,
    target_views: campaign.target_views,
    target_at: campaign.target_at,
  };
}

export const projectVideos = (run: WorkflowRun, projectId: string) =>
  run.once(`videos:${projectId}`, () => loadProjectVideos(run, projectId));

export const projectCreators = (run: WorkflowRun, projectId: string) =>
  run.once(`creators:${projectId}`, () => loadCreators(run, projectId));

async function analyticsViews(run: WorkflowRun, campaignId: string, range: DayRange): Promise<DatedValue[]> {
  const a = await run.client.analytics.get({
    entity: "campaign",
    entity_id: campaignId,
    metric: "views",
    mode: "cumulative",
    from: range.from,
    to: range.to,
  });
  const out: DatedValue[] = [];
  for (const p of a.series) if (p.value !== null) out.push({ date: p.bucket_start, value: p.value });
  return out;
}

export async function gatherCampaign(
  run: WorkflowRun,
  campaign: Campaign,
  range: DayRange,
  options: { resolve: boolean },
): Promise<CampaignData> {
  const stats = await run.stats<CampaignStats | null>(
    () => run.client.campaigns.stats(campaign.id, range),
    async () => null,
  );
  const resolve = options.resolve || stats === null;
  const [tree, videos, creators, views] = await Promise.all([
    resolve ? resolveCampaignTree(run, campaign.id) : null,
    resolve ? projectVideos(run, campaign.project_id) : null,
    resolve ? projectCreators(run, campaign.project_id) : null,
    stats === null
      ? analyticsViews(run, campaign.id, range)
      : stats.history.map((h) => ({ date: h.date, value: h.view_count })),
  ]);
  return {
    campaign,
    stats,
    tree,
    set: tree && videos ? campaignVideoSet(tree, videos) : null,
    views,
    creators,
  };
}
