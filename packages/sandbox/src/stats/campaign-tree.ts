/**
 * A campaign's video set (Part B §6): the recursive union of its items — a creator item brings all of
 * that creator's counted videos, a video item that video, a campaign item that campaign's own set —
 * with each video once, however many paths reach it. Membership rows are the only input, so this works
 * on whatever the state layer currently holds, and a cycle (which writes reject, but data may still
 * contain) cannot loop: every campaign is expanded at most once.
 */
import type { CampaignItemRecord, VideoRecord } from "../world/types.js";
import { isCounted } from "./counted.js";

export interface CampaignLookup {
  itemsOf(campaignId: string): readonly CampaignItemRecord[];
  videosOfCreator(creatorId: string): readonly VideoRecord[];
  videoById(id: string): VideoRecord | undefined;
}

/**
 * Counted videos reachable from `campaignId`, de-duplicated, in discovery order: a campaign's own
 * creator and video items first, then its sub-campaigns depth first in item order.
 */
export function resolveCampaignVideos(campaignId: string, lookup: CampaignLookup): VideoRecord[] {
  const videos = new Map<string, VideoRecord>();
  const add = (video: VideoRecord | undefined) => {
    if (video && isCounted(video) && !videos.has(video.id)) videos.set(video.id, video);
  };
  const visitedCampaigns = new Set<string>();
  const visitedCreators = new Set<string>();

  // Explicit stack instead of recursion: nesting depth is data, not code.
  const stack = [campaignId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (visitedCampaigns.has(current)) continue;
    visitedCampaigns.add(current);
    const items = lookup.itemsOf(current);
    // Push sub-campaigns in reverse so they are expanded in item order.
    const subCampaigns: string[] = [];
    for (const item of items) {
      if (item.item_type === "video") add(lookup.videoById(item.item_id));
      else if (item.item_type === "creator") {
        if (visitedCreators.has(item.item_id)) continue;
        visitedCreators.add(item.item_id);
        for (const video of lookup.videosOfCreator(item.item_id)) add(video);
      } else if (!visitedCampaigns.has(item.item_id)) subCampaigns.push(item.item_id);
    }
    for (let i = subCampaigns.length - 1; i >= 0; i--) stack.push(subCampaigns[i]!);
  }
  return [...videos.values()];
}
