/**
 * The generated world: every record the sandbox serves, plus the daily snapshots stats are computed from,
 * plus the planted truth the world knows about itself. This file is the contract between the generator
 * (`src/world/`), the mutable state (`src/state/`) and the routes (`src/api/`).
 *
 * Records carry exactly the API fields of api-contract.md Part A.2 plus a few internal fields, which all
 * start with an underscore and are stripped before a record is served.
 */

/** A calendar day as `YYYY-MM-DD` (UTC). */
export type Day = string;

export type Tier = "free" | "starter" | "ultra";
export type Scope = "read" | "write" | "admin";
export type TrackingStatus = "auto_tracked" | "pending_review" | "included" | "excluded" | "direct_add";
// Which videos count is core's rule (isCountedVideo), applied through stats/counted.ts.

export interface OrgRecord {
  id: string;
  name: string;
  tier: Tier;
  timezone: string; // IANA; the sandbox's orgs use "UTC"
  /** Plan limits by limit key, e.g. max_creators_per_org, max_api_requests_per_day. */
  limits: Record<string, number>;
}

export interface ApiKeyRecord {
  /** Plaintext `tga_` + 64 lowercase hex. The demo keys are fixed and seed-independent (DEMO_KEYS). */
  key: string;
  org_id: string;
  name: string;
  scopes: Scope[];
  revoked: boolean;
}

interface Timestamps {
  created_at: string; // ISO 8601 UTC
  updated_at: string;
}

export interface ProjectRecord extends Timestamps {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
}

export interface CreatorRecord extends Timestamps {
  id: string;
  project_id: string;
  tiktok_handle: string;
  display_name: string | null;
  description: string | null;
  follower_count: number; // current snapshot (= last daily snapshot)
  total_likes_count: number;
  video_count: number;
  tracking_mode: "auto" | "selective";
  last_scraped_at: string | null;
  metadata: Record<string, unknown>;
  _org_id: string;
  /** Soft-deleted (DELETE /creators/{id}); a deleted creator is invisible until re-added by handle. */
  _deleted: boolean;
  /** Index into the creator snapshot arrays of the world. */
  _snap: number;
}

export interface VideoRecord extends Timestamps {
  id: string;
  project_id: string;
  creator_id: string | null;
  tiktok_video_id: string;
  url: string;
  title: string | null;
  description: string | null;
  view_count: number; // current snapshot (= last daily snapshot at or before last_scraped_at)
  like_count: number;
  comment_count: number;
  share_count: number;
  save_count: number;
  posted_at: string;
  tracking_status: TrackingStatus;
  last_scraped_at: string | null;
  /** api-contract A.2: false after POST /videos/{id}/tracking-disable (or the bulk route): counted nowhere, still listed. */
  tracking_enabled: boolean;
  metadata: Record<string, unknown>;
  _org_id: string;
  _deleted: boolean;
  /** Index into the video snapshot store of the world. */
  _snap: number;
}

export interface CampaignRecord extends Timestamps {
  id: string;
  project_id: string;
  name: string;
  description: string | null; // `readme` is served as the same text
  metadata: Record<string, unknown>;
  target_views: number | null;
  target_at: string | null;
  _org_id: string;
}

export interface CampaignItemRecord {
  campaign_id: string;
  item_type: "creator" | "video" | "campaign";
  item_id: string;
  created_at: string;
}

export interface GoalRecord extends Timestamps {
  id: string;
  creator_id: string;
  project_id: string;
  metric: "posts" | "views" | "engagement" | "followers";
  period: "daily" | "weekly" | "monthly";
  target_value: number;
  start_date: Day | null;
  end_date: Day | null;
  is_active: boolean;
  _org_id: string;
}

export interface PayoutMethodRecord {
  id: string;
  org_id: string;
  name: string;
  icon_url: string | null;
  is_default: boolean;
  is_active: boolean;
  metadata: Record<string, unknown>;
  readme: string | null;
  created_at: string;
  updated_at: string;
}

export type PayoutRuleType = "recurring" | "goals" | "cpm" | "view_threshold";

export interface PayoutStructureRecord {
  id: string;
  org_id: string;
  project_id: string;
  name: string;
  rule_type: PayoutRuleType;
  /** Flat amount per period (recurring, goals), per 1,000 views (cpm), or per threshold reached. */
  amount_cents: number;
  period: "weekly" | "monthly" | "one_time";
  proration_mode: "none" | "daily";
  /** cpm: none; view_threshold: views a video must reach; goals: the goal id it pays on. */
  threshold_views: number | null;
  goal_id: string | null;
  version: number;
  is_active: boolean;
  metadata: Record<string, unknown>;
  readme: string | null;
  created_at: string;
  updated_at: string;
}

export interface PayoutAssignmentRecord {
  id: string;
  structure_id: string;
  creator_id: string;
  start_date: Day;
  end_date: Day | null;
  created_at: string;
}

export interface PayoutAccrualRecord {
  id: string;
  org_id: string;
  creator_id: string;
  structure_id: string;
  structure_version: number;
  period_start: Day;
  period_end: Day;
  amount_cents: number;
  status: "unpaid" | "paid" | "void";
  created_at: string;
  updated_at: string;
}

export interface PayoutPaymentRecord {
  id: string;
  org_id: string;
  creator_id: string;
  method_id: string;
  method_name: string;
  amount_cents: number;
  paid_at: string;
  accrual_ids: string[];
  note: string | null;
  status: "recorded" | "void";
  created_at: string;
  updated_at: string;
}

/** Cumulative counters of one video at the end of one day. */
export interface VideoSnapshot {
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
  save_count: number;
}

/** One creator's profile counters at the end of one day. */
export interface CreatorSnapshot {
  follower_count: number;
  total_likes_count: number;
  video_count: number;
}

/**
 * What the generator planted, so analyses can be scored. Every list is sorted by id.
 * Window: the truth describes the default analysis window, `window.from`..`window.to` (30 days ending on
 * the as-of day, inclusive), and the as-of instant `as_of` (used for staleness).
 */
export interface PlantedTruth {
  seed: number;
  scale: string;
  as_of: string; // ISO instant the world was generated "at"
  window: { from: Day; to: Day };
  /** Creators planted as underperformers, with every reason planted for each. */
  underperformers: Array<{
    creator_id: string;
    project_id: string;
    reasons: Array<"low_views_per_post" | "falling_engagement" | "posting_gaps" | "not_posting">;
  }>;
  /** Creators that post but have whole ISO weeks (Monday start, fully inside the window) with zero posts. */
  posting_gaps: Array<{ creator_id: string; weeks: Day[] }>;
  /** Creators whose last_scraped_at is more than 12 h before as_of. */
  stale_creators: string[];
  /**
   * The Tracking Inbox backlog: creators with posts of the window waiting for review (`pending_review`,
   * not deleted, tracking on), with their count. Such a creator is not `not_posting`; a week with one is
   * no gap.
   */
  backlogs: Array<{ creator_id: string; pending_review_count: number }>;
  /**
   * Creators a check cannot be made for: `low_views_per_post` without a follower count (0), `not_posting`
   * when tracked for under 14 days with nothing in the window.
   */
  cannot_judge: Array<{
    creator_id: string;
    checks: Array<"low_views_per_post" | "falling_engagement" | "posting_gaps" | "not_posting">;
  }>;
  /** Counted videos, posted at least 7 days before as_of, whose views are far off their creator's norm. */
  outlier_videos: Array<{ video_id: string; creator_id: string; direction: "high" | "low" }>;
  /** Creator-days that meet the over-posting rule (≥7 posts, ≥2 of them under 100 views after 2 h). */
  over_posting: Array<{ creator_id: string; date: Day }>;
  /**
   * Creator-days with ≥7 posts and ≥2 under 100 views as last read, but fewer than 2 of those read at
   * least 2 h after posting: unconfirmed, no incident.
   */
  over_posting_unconfirmed: Array<{ creator_id: string; date: Day }>;
  /** Videos whose tracking is disabled (`tracking_enabled: false`): counted nowhere. */
  tracking_disabled_videos: string[];
  /**
   * Goal periods (of active goals of creators not deleted) that closed less than 48 h before `as_of`:
   * provisional, their numbers not final. `period_end` is the period's last day (inclusive).
   */
  provisional_goals: Array<{ goal_id: string; creator_id: string; period_start: Day; period_end: Day }>;
  /** Each campaign's current totals over its recursive, de-duplicated set of counted videos. */
  campaign_totals: Record<
    string,
    {
      view_count: number;
      like_count: number;
      comment_count: number;
      share_count: number;
      save_count: number;
      video_count: number;
      creator_count: number;
    }
  >;
}

/** The whole generated world. Mutable: the sandbox's state layer edits these arrays in place. */
export interface World {
  seed: number;
  scale: string;
  /** The as-of instant (ISO). Snapshots exist for `days` only; `days[days.length - 1]` is the as-of day. */
  now: string;
  /** The snapshot days, oldest first (90 by default). Day index i refers to days[i]. */
  days: Day[];
  orgs: OrgRecord[];
  apiKeys: ApiKeyRecord[];
  projects: ProjectRecord[];
  creators: CreatorRecord[];
  videos: VideoRecord[];
  campaigns: CampaignRecord[];
  campaignItems: CampaignItemRecord[];
  goals: GoalRecord[];
  payoutMethods: PayoutMethodRecord[];
  payoutStructures: PayoutStructureRecord[];
  payoutAssignments: PayoutAssignmentRecord[];
  payoutAccruals: PayoutAccrualRecord[];
  payoutPayments: PayoutPaymentRecord[];
  /**
   * A video's cumulative counters at the end of day `dayIndex`, or null when the video had not been
   * posted (or not yet scraped) by then. Values never decrease; after `last_scraped_at` they carry forward.
   * A record the generator did not make (unknown `_snap`) answers its current counters from the day of its
   * `last_scraped_at` (or `created_at`) on, null before.
   */
  videoSnapshot(video: VideoRecord, dayIndex: number): VideoSnapshot | null;
  /**
   * A creator's profile counters at the end of `dayIndex`, or null before the first snapshot (the later of
   * the creator's `created_at` day and day 0). Unknown `_snap`: as for videos.
   */
  creatorSnapshot(creator: CreatorRecord, dayIndex: number): CreatorSnapshot | null;
  truth: PlantedTruth;
}

export interface GenerateOptions {
  seed?: number; // default 42
  /** "tiny" (a handful), "small" (default, ~60 creators), "medium" (~600), "large" (5,000 creators / 250,000 videos). */
  scale?: "tiny" | "small" | "medium" | "large";
  /** The as-of instant; default: now. Fixing it makes a world byte-for-byte reproducible. */
  now?: Date | string;
  /** Number of snapshot days (default 90). */
  days?: number;
}
