/** Video: one TikTok post (api-contract A.2). `GET /videos` never returns `excluded` videos. */
import { z } from "zod";
import { metadataField, nullableText, timestampFields } from "./fields.js";
import { Count, Id, Timestamp } from "./primitives.js";
import { core, documented, type Open, openEnum, readers } from "./readers.js";

const TRACKING_STATUSES = ["auto_tracked", "pending_review", "included", "excluded", "direct_add"] as const;

/** The documented statuses (a closed enum; the tolerant `Video` reader also keeps unknown ones). */
export const TrackingStatus = z.enum(TRACKING_STATUSES);
export type TrackingStatus = z.infer<typeof TrackingStatus>;
/** A status as the tolerant reader returns it: a documented one, or an unknown string kept as sent. */
export type TrackingStatusValue = Open<TrackingStatus>;

/** Whether `status` is one of the documented statuses. */
export function isKnownTrackingStatus(status: string): status is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(status);
}

const video = readers({
  id: core(Id),
  project_id: core(Id),
  creator_id: core(Id.nullable()),
  tiktok_video_id: core(z.string()),
  url: core(z.string()),
  title: nullableText(),
  description: nullableText(),
  view_count: core(Count),
  like_count: core(Count),
  comment_count: core(Count),
  share_count: core(Count),
  save_count: documented(Count, 0),
  posted_at: core(Timestamp),
  tracking_status: core(openEnum("video.tracking_status", TRACKING_STATUSES)),
  /** Needed by the over-posting rule (a reading ≥ 2 h after posting); absent reads as "never". */
  last_scraped_at: documented(Timestamp.nullable(), null),
  /** api-contract A.2: `false` after `tracking-disable`; absent means enabled (the client says so). */
  tracking_enabled: documented(z.boolean()),
  metadata: metadataField,
  ...timestampFields,
});

/** The tolerant reader the client parses videos with. */
export const Video = video.tolerant;
export type Video = z.infer<typeof Video>;
/** Every documented field, closed enums: for tests and the parity check. */
export const StrictVideo = video.strict;
export type StrictVideo = z.infer<typeof StrictVideo>;
