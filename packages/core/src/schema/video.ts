/** Video: one TikTok post (api-contract A.2). `GET /videos` never returns `excluded` videos. */
import { z } from "zod";
import { Count, Id, Metadata, Timestamp, timestamps } from "./primitives.js";

export const TrackingStatus = z.enum([
  "auto_tracked",
  "pending_review",
  "included",
  "excluded",
  "direct_add",
]);
export type TrackingStatus = z.infer<typeof TrackingStatus>;

/** Statuses that count in every stat; the others are left out of analyses (and reported). */
export const COUNTED_STATUSES: readonly TrackingStatus[] = ["auto_tracked", "included", "direct_add"];

/** Whether a video with this status counts in stats, goals and campaign totals. */
export function isCountedStatus(status: TrackingStatus): boolean {
  return status === "auto_tracked" || status === "included" || status === "direct_add";
}

export const Video = z.looseObject({
  id: Id,
  project_id: Id,
  creator_id: Id.nullable(),
  tiktok_video_id: z.string(),
  url: z.string(),
  title: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  view_count: Count.default(0),
  like_count: Count.default(0),
  comment_count: Count.default(0),
  share_count: Count.default(0),
  save_count: Count.default(0),
  posted_at: Timestamp,
  tracking_status: TrackingStatus,
  last_scraped_at: Timestamp.nullable().default(null),
  /** api-contract A.2: `false` after `tracking-disable`; absent means enabled (the client says so). */
  tracking_enabled: z.boolean().optional(),
  metadata: Metadata,
  ...timestamps,
});
export type Video = z.infer<typeof Video>;
