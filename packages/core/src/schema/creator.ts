/** Creator: a tracked TikTok account in one project (api-contract A.2). Counts are current snapshots. */
import { z } from "zod";
import { metadataField, nullableText, timestampFields } from "./fields.js";
import { Count, Id, Timestamp } from "./primitives.js";
import { core, documented, type Open, openEnum, readers } from "./readers.js";

const TRACKING_MODES = ["auto", "selective"] as const;
export const TrackingMode = z.enum(TRACKING_MODES);
export type TrackingMode = z.infer<typeof TrackingMode>;
/** A mode as the tolerant reader returns it: a documented one, or an unknown string kept as sent. */
export type TrackingModeValue = Open<TrackingMode>;

const creator = readers({
  id: core(Id),
  project_id: core(Id),
  tiktok_handle: core(z.string()),
  display_name: nullableText(),
  description: nullableText(),
  // Absent and 0 read the same: a creator without a follower count cannot be judged per follower.
  follower_count: documented(Count, 0),
  total_likes_count: documented(Count, 0),
  video_count: documented(Count, 0),
  tracking_mode: documented(openEnum("creator.tracking_mode", TRACKING_MODES), "auto"),
  last_scraped_at: documented(Timestamp.nullable(), null),
  metadata: metadataField,
  /** The tracking start: posting gaps count only from here on. */
  created_at: core(Timestamp),
  updated_at: timestampFields.updated_at,
});

/** The tolerant reader the client parses creators with. */
export const Creator = creator.tolerant;
export type Creator = z.infer<typeof Creator>;
export const StrictCreator = creator.strict;
export type StrictCreator = z.infer<typeof StrictCreator>;
