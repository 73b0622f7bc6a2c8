/**
 * The minimal shapes the analyses read. They are structural subsets of the schema types, so a parsed
 * `Video` or `Creator` fits as is, and tests and benchmarks can hand in plain objects.
 * @module
 */
import type { TrackingModeValue } from "../schema/creator.js";
import type { TrackingStatusValue } from "../schema/video.js";

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
  /** A status the docs do not name may arrive; it does not count (see counted.ts). */
  tracking_status: TrackingStatusValue;
  last_scraped_at?: string | null;
  /** api-contract A.2: `false` once tracking was disabled (the video then counts nowhere); absent = enabled. */
  tracking_enabled?: boolean | null | undefined;
}

/** The creator fields the analyses read. */
export interface CreatorInput {
  id: string;
  project_id: string;
  tiktok_handle: string;
  display_name?: string | null;
  description?: string | null;
  /** 0 or missing: no follower count, so the creator cannot be judged per follower. */
  follower_count?: number | null;
  last_scraped_at?: string | null;
  tracking_mode?: TrackingModeValue;
  /** When tracking started (the creator was added): the creator is judged only from here on. */
  created_at?: string | null;
}

/** A dated value of a time series (`{ date, value }`): one definition, inferred from its schema. */
export type { DatedValue } from "./results/pacing.js";
