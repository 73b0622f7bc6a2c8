/**
 * The campaign performance report built from what its workflow gathered: a pure function of the
 * campaign, its stats answer and/or resolved tree and video set (whichever the API generation and
 * `detail` gave), its cumulative views history, the project's creators, what it gained since it was
 * created, the range and the analysis instant. No client, no clock: tested on fixtures with
 * hand-computed figures (campaign-performance.test.ts).
 * @module
 */
import { concentration, pacing, targetProgress } from "../../analysis/campaign-performance.js";
import { type DayRange, utcDay } from "../../analysis/dates.js";
import { summarizeFreshness } from "../../analysis/freshness.js";
import type { CreatorInput, DatedValue } from "../../analysis/inputs.js";
import type { CampaignPerformanceReport } from "../../reports/schema/campaign-performance.js";
import type { Campaign } from "../../schema/campaign.js";
import type { CampaignStats } from "../../schema/stats.js";
import type { Video } from "../../schema/video.js";
import { campaignInfo } from "../campaign-data.js";
import type { SinceCreated } from "../campaign-target.js";
import type { CampaignTree, CampaignVideoSet } from "../campaign-tree.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";
import { addCampaignCaveats } from "./campaign-performance-caveats.js";
import { performanceHighlights } from "./campaign-performance-highlights.js";
import { topLists } from "./campaign-performance-rankings.js";
import { campaignTotals } from "./campaign-performance-totals.js";

type Report = CampaignPerformanceReport;

/** What gatherCampaign and measureSinceCreated read (a `CampaignData` fits), on either API generation. */
export interface CampaignPerformanceInputs {
  campaign: Campaign;
  /** The legacy stats payload, `video_count_by_day` cut to the range; null when only the tree was read. */
  stats: CampaignStats | null;
  /** The resolved item tree; null with `detail: stats` on the legacy generation. */
  tree: Pick<CampaignTree, "campaign_ids"> | null;
  /** The tree's counted, de-duplicated videos; there whenever `stats` is not. */
  set: CampaignVideoSet | null;
  /** Cumulative views at each day's end from the baseline day (`from − 1`) on. */
  views: readonly DatedValue[];
  /** The project's creators, for handles; null when the lists were not read. */
  creators: readonly Pick<CreatorInput, "id" | "tiktok_handle">[] | null;
  /** What the campaign gained since it was created, the basis of its target. */
  since: SinceCreated;
}

export interface CampaignPerformanceOptions {
  range: DayRange;
}

/** Posts per UTC day of the range from the video set, days without posts left out. */
function postsByDay(videos: readonly Video[], range: DayRange): Report["posting"]["by_day"] {
  const counts = new Map<string, number>();
  for (const v of videos) {
    const day = utcDay(v.posted_at);
    if (day !== null && day >= range.from && day <= range.to) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, post_count]) => ({ date, post_count }));
}

function posting(inputs: CampaignPerformanceInputs, range: DayRange): Report["posting"] {
  const { stats, set } = inputs;
  const byDay = stats
    ? stats.video_count_by_day.filter((d) => d.count > 0).map((d) => ({ date: d.date, post_count: d.count }))
    : postsByDay(set!.videos, range);
  return {
    range_post_count: byDay.reduce((s, d) => s + d.post_count, 0),
    active_day_count: byDay.length,
    by_day: byDay,
  };
}

/** How the item tree resolved; null when it was not read. */
function treeSummary({ tree, set }: CampaignPerformanceInputs): Report["tree"] {
  if (!tree || !set) return null;
  return {
    campaign_count: tree.campaign_ids.length,
    creator_item_count: set.creator_items,
    video_item_count: set.video_items,
    duplicates_removed_count: set.duplicates_removed,
    unresolved_video_item_count: set.unresolved_video_items,
    tracking_disabled_count: set.left_out.tracking_disabled,
    unknown_status_count: set.left_out.unknown_status,
  };
}

export function buildCampaignPerformanceReport(
  inputs: CampaignPerformanceInputs,
  asOfMs: number,
  options: CampaignPerformanceOptions,
): BuiltReport<Report> {
  const { campaign, stats, set, since } = inputs;
  const { range } = options;
  const handles = new Map((inputs.creators ?? []).map((c) => [c.id, c.tiktok_handle]));
  const totals = campaignTotals(stats, set);
  const { top_videos, top_creators } = topLists(stats, set, handles);
  // The history starts at the baseline day (from − 1): one gain per day of the range.
  const pace = pacing(inputs.views, { range });
  const body = {
    campaign: campaignInfo(campaign),
    totals,
    totals_source: stats ? ("stats_route" as const) : ("video_list" as const),
    tree: treeSummary(inputs),
    pacing: pace,
    posting: posting(inputs, range),
    top_videos,
    top_creators,
    concentration: concentration(
      top_videos.map((v) => ({ id: v.video_id, view_count: v.view_count })),
      top_creators.map((c) => ({ id: c.creator_id, view_count: c.view_count })),
      totals.view_count,
    ),
    target: targetProgress(
      {
        target_views: campaign.target_views,
        target_at: campaign.target_at,
        lifetime_views: totals.view_count,
        since_created: since.since_created,
        basis_reason: since.reason,
        pace_per_day: pace.recent_per_day,
      },
      asOfMs,
    ),
  };

  const caveats = new Caveats();
  addCampaignCaveats(caveats, inputs, totals);
  const freshness = summarizeFreshness(set?.videos ?? [], asOfMs);
  caveats.addFreshness(freshness, "campaign's videos");
  const checked = set !== null;
  return {
    caveats: caveats.list(),
    meta: {
      range,
      freshness,
      pending: set?.pending.length ?? 0,
      freshnessChecked: checked,
      pendingChecked: checked,
    },
    report: { kind: "campaign_performance", ...body, highlights: performanceHighlights(body) },
  };
}
