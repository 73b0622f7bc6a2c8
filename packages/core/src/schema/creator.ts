/** Creator: a tracked TikTok account in one project (api-contract A.2). Counts are current snapshots. */
import { z } from "zod";
import { Count, Id, Metadata, Timestamp, timestamps } from "./primitives.js";

export const TrackingMode = z.enum(["auto", "selective"]);
export type TrackingMode = z.infer<typeof TrackingMode>;

export const Creator = z.looseObject({
  id: Id,
  project_id: Id,
  tiktok_handle: z.string(),
  display_name: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  follower_count: Count.default(0),
  total_likes_count: Count.default(0),
  video_count: Count.default(0),
  tracking_mode: TrackingMode.default("auto"),
  last_scraped_at: Timestamp.nullable().default(null),
  metadata: Metadata,
  ...timestamps,
});
export type Creator = z.infer<typeof Creator>;
