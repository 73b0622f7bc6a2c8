/**
 * A campaign's lifetime totals from what was gathered for it: the stats route's recursive totals when
 * it answered (legacy generation), else the sums over the resolved video set (current generation, or
 * a stats answer that fell back). Shared by the campaign performance and comparison builders, and by
 * the performance workflow, which needs the lifetime views before building to measure the target.
 * @module
 */
import { type CampaignTotalsLike, totalsFromVideos } from "../../analysis/campaign-performance.js";
import type { CampaignStats } from "../../schema/stats.js";
import type { CampaignVideoSet } from "../campaign-tree.js";

/** `set` must be there when `stats` is not: gatherCampaign resolves the tree whenever the route is gone. */
export function campaignTotals(
  stats: CampaignStats | null,
  set: Pick<CampaignVideoSet, "videos"> | null,
): CampaignTotalsLike {
  // A stats answer may leave saves out; the report's totals always carry a count.
  return stats
    ? { ...stats.totals, save_count: stats.totals.save_count ?? 0 }
    : totalsFromVideos(set!.videos);
}
