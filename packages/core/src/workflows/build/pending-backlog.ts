/**
 * The Tracking Inbox backlog of a project: its pending_review videos per creator and the oldest one,
 * a pure function of the video list.
 * @module
 */
import type { VideoInput } from "../../analysis/inputs.js";
import type { ProgramHealthReport } from "../../reports/schema/program-health.js";

/** How many creators the backlog lists, most pending first. */
const BACKLOG_CREATORS = 10;

/** Videos added by URL have no creator; their backlog row carries this id. */
export const DIRECT_CREATOR_ID = "(direct)";

/** The backlog's oldest video and its creators; the count is the video index's `pending`. */
export function pendingBacklog(
  videos: readonly VideoInput[],
  handles: ReadonlyMap<string, string>,
): Omit<ProgramHealthReport["pending_backlog"], "count"> {
  const byCreator = new Map<string, number>();
  let oldest: string | null = null;
  for (const v of videos) {
    if (v.tracking_status !== "pending_review") continue;
    const key = v.creator_id ?? DIRECT_CREATOR_ID;
    byCreator.set(key, (byCreator.get(key) ?? 0) + 1);
    if (oldest === null || v.posted_at < oldest) oldest = v.posted_at;
  }
  return {
    oldest_posted_at: oldest,
    by_creator: [...byCreator]
      .map(([creator_id, pending]) => ({
        creator_id,
        tiktok_handle: handles.get(creator_id) ?? null,
        pending_count: pending,
      }))
      .sort((a, b) => b.pending_count - a.pending_count || (a.creator_id < b.creator_id ? -1 : 1))
      .slice(0, BACKLOG_CREATORS),
  };
}
