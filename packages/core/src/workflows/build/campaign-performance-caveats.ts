/**
 * The caveats a campaign's gathered data calls for: how sub-campaigns were counted, what the resolved
 * tree left out or could not resolve, what a stats-only read did not check, and a stats route whose
 * totals disagree with the video list read moments later. Scrape freshness is added by the builder,
 * which also hands it to `meta`.
 * @module
 */
import { type CampaignTotalsLike, totalsFromVideos } from "../../analysis/campaign-performance.js";
import { formatInt, plural } from "../../analysis/format.js";
import type { Caveats } from "../caveats.js";
import type { CampaignPerformanceInputs } from "./campaign-performance.js";

type Gathered = Pick<CampaignPerformanceInputs, "stats" | "tree" | "set">;

/** Adds, in report order, the caveats of the tree and of how the totals were read. */
export function addCampaignCaveats(caveats: Caveats, data: Gathered, totals: CampaignTotalsLike): void {
  const sets = data.set;
  const subCount = data.tree ? data.tree.campaign_ids.length - 1 : null;
  caveats.add(
    "recursive_dedup",
    subCount === null
      ? "Campaign stats are recursive over sub-campaigns and count each video once; they were not summed again."
      : `Totals cover the campaign and ${plural(subCount, "sub-campaign")} as one de-duplicated video set` +
          (sets && sets.duplicates_removed > 0
            ? ` (${plural(sets.duplicates_removed, "video")} reachable through several items counted once).`
            : "."),
  );
  caveats.addSnapshot();
  if (sets) {
    caveats.addPending(sets.pending.length);
    caveats.addLeftOut(sets.left_out);
    if (sets.unresolved_video_items > 0) {
      caveats.add(
        "unresolved_items",
        `${plural(sets.unresolved_video_items, "video item")} of the tree did not resolve to a listed video ` +
          `(excluded, deleted, tracking disabled, or outside the project) and ${sets.unresolved_video_items === 1 ? "counts" : "count"} nowhere.`,
      );
    }
    if (sets.videos.length === 0) caveats.addEmpty("counted videos in this campaign");
  } else {
    caveats.add(
      "not_checked",
      "Only the stats route was read (detail: stats): pending videos in the tree and scrape freshness were not checked.",
    );
  }
  if (data.stats && sets) addDataChanged(caveats, totals, totalsFromVideos(sets.videos));
}

/** The stats route and the video list were read moments apart; differing totals mean the data moved. */
function addDataChanged(caveats: Caveats, route: CampaignTotalsLike, list: CampaignTotalsLike): void {
  if (list.view_count === route.view_count && list.video_count === route.video_count) return;
  caveats.add(
    "data_changed",
    `The stats route's totals (${formatInt(route.view_count)} views, ${route.video_count} videos) differ from the ` +
      `video list (${formatInt(list.view_count)} views, ${list.video_count} videos): data changed between the calls.`,
  );
}
