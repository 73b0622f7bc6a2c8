/**
 * The campaign comparison report built from what its workflow gathered: a pure function of each
 * compared campaign's stats answer or resolved video set (whichever its API generation gave), its
 * cumulative views history, the range and the analysis instant. No client, no clock: tested on
 * fixtures with hand-computed figures (campaign-comparison.test.ts).
 * @module
 */
import { type ComparableCampaign, compareCampaignSeries } from "../../analysis/campaign-performance.js";
import type { DayRange } from "../../analysis/dates.js";
import { type FreshnessSummary, mergeFreshness, summarizeFreshness } from "../../analysis/freshness.js";
import type { DatedValue } from "../../analysis/inputs.js";
import type { CampaignComparisonReport } from "../../reports/schema/campaign-comparison.js";
import type { Campaign } from "../../schema/campaign.js";
import type { CampaignStats } from "../../schema/stats.js";
import type { CampaignVideoSet } from "../campaign-tree.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";
import { comparisonHighlights } from "./campaign-comparison-highlights.js";
import { campaignTotals } from "./campaign-performance-totals.js";

/** One compared campaign as gatherCampaign read it (a `CampaignData` fits). */
export interface ComparedCampaign {
  campaign: Campaign;
  /** The legacy stats payload; null on the current generation. */
  stats: CampaignStats | null;
  /** The tree's counted videos; there whenever `stats` is not. */
  set: CampaignVideoSet | null;
  /** Cumulative views at each day's end from the baseline day (`from − 1`) on. */
  views: readonly DatedValue[];
}

export interface CampaignComparisonInputs {
  /** The compared campaigns, in the order they were asked for. */
  campaigns: readonly ComparedCampaign[];
}

export interface CampaignComparisonOptions {
  range: DayRange;
  /** The project asked for; without it, the first campaign's. */
  projectId?: string | undefined;
}

/** The caveats of the compared sets, in report order; returns what `meta` says about freshness and pending. */
function addComparisonCaveats(
  caveats: Caveats,
  compared: readonly ComparedCampaign[],
  asOfMs: number,
): { freshness: FreshnessSummary; pending: number; checked: boolean } {
  caveats.add(
    "recursive_dedup",
    "Each campaign's figures are recursive over its sub-campaigns (each video once); a parent and its child " +
      "share videos, so their rows overlap and must not be added up.",
  );
  caveats.addSnapshot();
  const sets = compared.flatMap((d) => (d.set ? [d.set] : []));
  const pending = sets.reduce((s, x) => s + x.pending.length, 0);
  caveats.addPending(pending);
  caveats.addLeftOut({
    tracking_disabled: sets.reduce((s, x) => s + x.left_out.tracking_disabled, 0),
    unknown_status: sets.reduce((s, x) => s + x.left_out.unknown_status, 0),
    tracking_unreported: sets.reduce((s, x) => s + x.left_out.tracking_unreported, 0),
  });
  if (compared.length === 0) caveats.addEmpty("campaigns");
  const freshness = mergeFreshness(sets.map((s) => summarizeFreshness(s.videos, asOfMs)));
  if (sets.length === 0 && compared.length > 0) {
    caveats.add(
      "not_checked",
      "Scrape freshness and pending videos were not checked: the stats routes do not carry them.",
    );
  }
  caveats.addFreshness(freshness, "campaigns' videos");
  return { freshness, pending, checked: sets.length === compared.length };
}

export function buildCampaignComparisonReport(
  inputs: CampaignComparisonInputs,
  asOfMs: number,
  options: CampaignComparisonOptions,
): BuiltReport<CampaignComparisonReport> {
  const compared = inputs.campaigns;
  const { range } = options;
  const comparable: ComparableCampaign[] = compared.map((d) => ({
    campaign_id: d.campaign.id,
    name: d.campaign.name,
    views: d.views,
    totals: campaignTotals(d.stats, d.set),
  }));
  const campaigns = new Map(compared.map((d) => [d.campaign.id, d.campaign]));
  // Each history starts at the baseline day (from − 1), so every day of the range has its gain and
  // the active days are exactly the days whose gains make up views gained.
  const rows = compareCampaignSeries(comparable, range).map((r) => {
    const c = campaigns.get(r.campaign_id)!;
    return { ...r, target_views: c.target_views, target_at: c.target_at };
  });

  const caveats = new Caveats();
  const { freshness, pending, checked } = addComparisonCaveats(caveats, compared, asOfMs);
  return {
    caveats: caveats.list(),
    meta: { range, freshness, pending, freshnessChecked: checked, pendingChecked: checked },
    report: {
      kind: "campaign_comparison",
      project_id: options.projectId ?? compared[0]?.campaign.project_id ?? null,
      campaigns: rows,
      highlights: comparisonHighlights(rows),
    },
  };
}
