/**
 * A campaign's video set, resolved on the client: walk `GET /campaigns/{id}/items` through every
 * sub-campaign (each campaign once, so a cycle cannot loop), then expand creator items to the
 * creator's counted videos and keep direct video items that count (analysis/counted.ts), each video
 * once; tracking-disabled videos are listed by `GET /videos` but count nowhere. This is the
 * recursive, de-duplicated union the stats route computes server-side; the client needs it where that
 * route is gone (410) and wherever it needs more than the route's top-10 lists.
 * @module
 */
import { countedClass, emptyCounts, type LeftOutCounts } from "../analysis/counted.js";
import type { CampaignItem } from "../schema/campaign.js";
import type { Video } from "../schema/video.js";
import { fetchAll, mapLimit, PAGE_LIMIT } from "./fetch.js";
import type { WorkflowRun } from "./run.js";

export interface CampaignTree {
  root: string;
  /** Every campaign reached, root first. */
  campaign_ids: string[];
  /** Item rows of every campaign reached, with repeats (a creator in two sub-campaigns appears twice). */
  items: CampaignItem[];
}

export interface CampaignVideoSet {
  videos: Video[];
  /** Pending videos the tree reaches: left out of every figure. */
  pending: Video[];
  /** Disabled and unknown-status videos the tree reaches (left out), and videos without `tracking_enabled`. */
  left_out: LeftOutCounts;
  /** Videos reachable through more than one path, counted once. */
  duplicates_removed: number;
  /** Video items not in the project's video list (excluded, deleted, disabled or elsewhere). */
  unresolved_video_items: number;
  creator_items: number;
  video_items: number;
}

/** Walks the tree level by level, fetching each level's items with a small concurrency cap. */
export async function resolveCampaignTree(run: WorkflowRun, rootId: string): Promise<CampaignTree> {
  const visited = new Set<string>([rootId]);
  const order = [rootId];
  const items: CampaignItem[] = [];
  let level = [rootId];
  let pages = 0;
  while (level.length > 0) {
    const lists = await mapLimit(level, 4, (id) =>
      fetchAll(run.client.campaigns.items(id, { limit: PAGE_LIMIT }, run.requestOptions), () => {
        pages++;
        run.pageProgress("campaign items")(pages, items.length);
      }),
    );
    const next: string[] = [];
    for (const list of lists) {
      for (const item of list) {
        items.push(item);
        if (item.item_type === "campaign" && !visited.has(item.item_id)) {
          visited.add(item.item_id);
          order.push(item.item_id);
          next.push(item.item_id);
        }
      }
    }
    level = next;
  }
  return { root: rootId, campaign_ids: order, items };
}

/** The counted, de-duplicated videos a tree reaches within a project's video list. */
export function campaignVideoSet(tree: CampaignTree, projectVideos: readonly Video[]): CampaignVideoSet {
  const byId = new Map(projectVideos.map((v) => [v.id, v]));
  const byCreator = new Map<string, Video[]>();
  for (const v of projectVideos) {
    if (v.creator_id === null) continue;
    const list = byCreator.get(v.creator_id);
    if (list) list.push(v);
    else byCreator.set(v.creator_id, [v]);
  }
  const paths = new Map<string, number>();
  const reached = new Map<string, Video>();
  let creatorItems = 0;
  let videoItems = 0;
  let unresolved = 0;
  const reach = (v: Video) => {
    paths.set(v.id, (paths.get(v.id) ?? 0) + 1);
    reached.set(v.id, v);
  };
  for (const item of tree.items) {
    if (item.item_type === "creator") {
      creatorItems++;
      for (const v of byCreator.get(item.item_id) ?? []) reach(v);
    } else if (item.item_type === "video") {
      videoItems++;
      const v = byId.get(item.item_id);
      if (v) reach(v);
      else unresolved++;
    }
  }
  const videos: Video[] = [];
  const pending: Video[] = [];
  const counts = emptyCounts();
  let duplicates = 0;
  for (const v of reached.values()) {
    if (v.tracking_enabled === undefined || v.tracking_enabled === null) counts.tracking_unreported++;
    const c = countedClass(v);
    if (c === "counted") {
      videos.push(v);
      if ((paths.get(v.id) ?? 0) > 1) duplicates++;
    } else if (c === "pending_review") pending.push(v);
    else if (c === "tracking_disabled") counts.tracking_disabled++;
    else if (c === "unknown_status") counts.unknown_status++;
  }
  const { tracking_disabled, unknown_status, tracking_unreported } = counts;
  return {
    videos,
    pending,
    left_out: { tracking_disabled, unknown_status, tracking_unreported },
    duplicates_removed: duplicates,
    unresolved_video_items: unresolved,
    creator_items: creatorItems,
    video_items: videoItems,
  };
}
