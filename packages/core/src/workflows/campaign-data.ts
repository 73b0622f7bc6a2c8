/**
 * Gathers what the campaign workflows need for one campaign, on either API generation:
 * - legacy: `GET /campaigns/{id}/stats` (recursive totals, top lists, cumulative history);
 * - current (stats route 410): the tree via `/campaigns/{id}/items`, the project's video list for the
 *   totals, and `/analytics?entity=campaign&metric=views&mode=cumulative` for the history.
 * With `resolve`, the tree and video list are read on the legacy generation too, for what the stats
 * route cannot say (pending videos in the tree, scrape freshness, full rankings).
 *
 * The history is asked for from the baseline day `from − 1` through `to` (see the baseline rule in
 * analysis/campaign-performance.ts), so the range's first day has a gain of its own, at no extra
 * request. Of the stats payload only `video_count_by_day` is bucketed by day; its baseline day is cut
 * off. `totals` and the top lists are current snapshots (api-contract A.2) that no range changes.
 * @module
 */
import { baselineSeries } from "../analysis/campaign-performance.js";
import type { DayRange } from "../analysis/dates.js";
import type { DatedValue } from "../analysis/inputs.js";
import type { CampaignPerformanceReport } from "../reports/schema/campaign-performance.js";
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { CampaignStats } from "../schema/stats.js";
import {
  type CampaignTree,
  type CampaignVideoSet,
  campaignVideoSet,
  resolveCampaignTree,
} from "./campaign-tree.js";
import { cumulativeAnalytics } from "./history.js";
import { loadCreators, loadProjectVideos } from "./load.js";
import type { WorkflowRun } from "./run.js";

export interface CampaignData {
  campaign: Campaign;
  /** The legacy stats payload, `video_count_by_day` cut to the range; null on the current generation. */
  stats: CampaignStats | null;
  tree: CampaignTree | null;
  set: CampaignVideoSet | null;
  /**
   * Cumulative views at each day's end from the baseline day (`from − 1`) through `to`; it starts at
   * `from` or later when the data does not reach back that far. The first point is the baseline.
   */
  views: DatedValue[];
  creators: Creator[] | null;
}

/** The `campaign` header of the campaign reports (runCampaignPerformance, runCampaignContent). */
export function campaignInfo(campaign: Campaign): CampaignPerformanceReport["campaign"] {
  return {
    id: campaign.id,
    name: campaign.name,
    project_id: campaign.project_id,
    description: campaign.description ?? null,
    created_at: campaign.created_at,
    target_views: campaign.target_views,
    target_at: campaign.target_at,
  };
}

export const projectVideos = (run: WorkflowRun, projectId: string) =>
  run.once(`videos:${projectId}`, () => loadProjectVideos(run, projectId));

export const projectCreators = (run: WorkflowRun, projectId: string) =>
  run.once(`creators:${projectId}`, () => loadCreators(run, projectId));

export async function gatherCampaign(
  run: WorkflowRun,
  campaign: Campaign,
  range: DayRange,
  options: { resolve: boolean },
): Promise<CampaignData> {
  const raw = await run.stats<CampaignStats | null>(
    () => run.fromBaseline(range, (r) => run.client.campaigns.stats(campaign.id, r, run.requestOptions)),
    async () => null,
  );
  // The baseline day only serves the history; the posts per day stay those of the range.
  const stats = raw && {
    ...raw,
    video_count_by_day: raw.video_count_by_day.filter((d) => d.date >= range.from && d.date <= range.to),
  };
  const resolve = options.resolve || stats === null;
  const [tree, videos, creators, views] = await Promise.all([
    resolve ? resolveCampaignTree(run, campaign.id) : null,
    resolve ? projectVideos(run, campaign.project_id) : null,
    resolve ? projectCreators(run, campaign.project_id) : null,
    stats === null
      ? cumulativeAnalytics(run, { entity: "campaign", entity_id: campaign.id, metric: "views" }, range)
      : baselineSeries(
          stats.history.map((h) => ({ date: h.date, value: h.view_count })),
          range,
        ),
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
