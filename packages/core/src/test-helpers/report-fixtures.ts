/**
 * Small hand-built report parts for the renderer tests (markdown snapshots): a fixed meta and the
 * repeated pieces of the report schemas, each with every field set so a test overrides only what its
 * report is about. Tests check their report against its zod schema, so these stay valid as schemas grow.
 */
import type { z } from "zod";
import type { CreatorEvaluation, Pacing, RankedVideo, Totals } from "../analysis/results/parts.js";
import type { CampaignInfo } from "../reports/schema/campaign-performance.js";
import type { ReportMeta } from "../reports/schema/meta.js";

export const FIXED_NOW = "2026-03-15T12:00:00.000Z";

/** A meta with one stale creator of four, two pending videos, one caveat and three requests. */
export function reportMeta(over: Partial<ReportMeta> = {}): ReportMeta {
  return {
    generated_at: FIXED_NOW,
    range: { from: "2026-03-02", to: "2026-03-15" },
    freshness: {
      checked: true,
      is_stale: true,
      checked_count: 4,
      stale_count: 1,
      never_scraped_count: 0,
      oldest_scraped_at: "2026-03-14T00:00:00Z",
      oldest_age_hours: 36,
      stale_ids: ["c-cy"],
      stale_ids_truncated: false,
    },
    excluded: {
      pending_checked: true,
      pending_review: 2,
      excluded_count: null,
      reason: "Only auto_tracked, included and direct_add videos count.",
    },
    caveats: [
      {
        code: "snapshot_not_cumulative",
        message:
          "view/like/comment/share/save counts are current snapshots, not gains within the date range.",
      },
    ],
    notes: [],
    request_count: 3,
    api_generation: "legacy",
    ...over,
  };
}

export function campaignInfo(over: Partial<z.infer<typeof CampaignInfo>> = {}): z.infer<typeof CampaignInfo> {
  return {
    id: "k-spring",
    name: "Spring launch",
    project_id: "p1",
    description: null,
    created_at: "2026-03-01T09:00:00Z",
    target_views: null,
    target_at: null,
    ...over,
  };
}

export function totals(over: Partial<z.infer<typeof Totals>> = {}): z.infer<typeof Totals> {
  return {
    view_count: 120_000,
    like_count: 9_000,
    comment_count: 300,
    share_count: 150,
    save_count: 90,
    video_count: 6,
    creator_count: 2,
    ...over,
  };
}

export function pacing(over: Partial<z.infer<typeof Pacing>> = {}): z.infer<typeof Pacing> {
  return {
    day_count: 14,
    gained: 42_000,
    baseline_date: "2026-03-01",
    gain_unknown_reason: null,
    avg_per_day: 3_000,
    recent_per_day: 3_500,
    slope_per_day: 50,
    first_half_avg: 2_500,
    second_half_avg: 3_500,
    acceleration: 0.4,
    direction: "accelerating",
    daily: [],
    ...over,
  };
}

export function rankedVideo(
  over: Partial<z.infer<typeof RankedVideo>> & { video_id: string },
): z.infer<typeof RankedVideo> {
  return {
    creator_id: "c-ana",
    tiktok_handle: "ana",
    title: null,
    url: null,
    posted_at: "2026-03-03T18:00:00Z",
    view_count: 10_000,
    engagement_rate: 0.0812,
    ...over,
  };
}

/** A creator's evaluation with nothing flagged; tests add reasons. */
export function evaluation(
  over: Partial<z.infer<typeof CreatorEvaluation>> & { creator_id: string; tiktok_handle: string },
): z.infer<typeof CreatorEvaluation> {
  return {
    project_id: "p1",
    display_name: null,
    follower_count: 10_000,
    tracking_started_at: "2026-01-05T09:00:00Z",
    pending_review_count: 0,
    window_post_count: 4,
    before_window_post_count: 10,
    last_posted_at: "2026-03-14T18:00:00Z",
    eligible_post_count: 3,
    median_views: 1_000,
    views_per_follower: 0.1,
    project_baseline: 0.1,
    ratio_to_baseline: 1,
    recent_post_count: 4,
    earlier_post_count: 0,
    er_recent: 0.05,
    er_earlier: null,
    er_ratio: null,
    gap_weeks: [],
    reasons: [],
    reason_texts: [],
    cannot_judge: [],
    basis_notes: [],
    stale: false,
    last_scraped_at: "2026-03-15T06:00:00Z",
    ...over,
  };
}
