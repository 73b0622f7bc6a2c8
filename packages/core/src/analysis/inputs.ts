/**
 * The minimal shapes the analyses read. They are structural subsets of the schema types, so a parsed
 * `Video` or `Creator` fits as is, and tests and benchmarks can hand in plain objects.
 * @module
 */
import type { TrackingStatus } from "../schema/video.js";

/** The video fields the analyses read. */
export interface VideoInput {
  id: string;
  project_id?: string;
  creator_id: string | null;
  title?: string | null;
  description?: string | null;
  url?: string;
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
  save_count?: number;
  posted_at: string;
  tracking_status: TrackingStatus;
  last_scraped_at?: string | null;
}

/** The creator fields the analyses read. */
export interface CreatorInput {
  id: string;
  project_id: string;
  tiktok_handle: string;
  display_name?: string | null;
  description?: string | null;
  follower_count: number;
  last_scraped_at?: string | null;
  tracking_mode?: "auto" | "selective";
}

/** A dated value of a time series (`{ date, value }`), e.g. cumulative views at each day's end. */
export interface DatedValue {
  date: string;
  value: number;
}
