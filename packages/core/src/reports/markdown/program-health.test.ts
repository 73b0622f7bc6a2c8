/** renderProgramHealth on a small fixed report: the whole markdown, so a changed unit, basis or caveat shows. */
import { describe, expect, it } from "vitest";
import { reportMeta } from "../../test-helpers/report-fixtures.js";
import { ProgramHealthReport } from "../schema/program-health.js";
import { renderProgramHealth } from "./program-health.js";

const report: ProgramHealthReport = {
  kind: "program_health",
  meta: reportMeta({
    caveats: [
      { code: "pending_left_out", message: "2 pending_review videos were left out." },
      {
        code: "cross_check_mismatch",
        message: "1 goal status from the API differs from the local recomputation.",
      },
    ],
  }),
  project: { id: "p1", name: "Spring | Summer" },
  creators: { total_count: 4, stale_count: 1, stale_share: 0.25, never_scraped_count: 0, selective_count: 1 },
  videos: { listed_count: 21, counted_count: 19, pending_review_count: 2 },
  pending_backlog: {
    count: 2,
    oldest_posted_at: "2026-03-12T12:00:00Z",
    by_creator: [{ creator_id: "c-ben", tiktok_handle: "ben", pending_count: 2 }],
  },
  over_posting: {
    amber_count: 1,
    info_count: 0,
    incidents: [
      {
        creator_id: "c-ana",
        tiktok_handle: "ana",
        date: "2026-03-10",
        post_count: 7,
        low_view_count: 2,
        low_view_video_ids: ["v1", "v2"],
        severity: "amber",
        day_median_views: 1_000,
        creator_median_views: 2_000,
        reach_ratio: 0.5,
      },
    ],
    warnings: [],
    unconfirmed_count: 1,
    unconfirmed: [
      {
        creator_id: "c-dee",
        tiktok_handle: "dee",
        date: "2026-03-15",
        post_count: 7,
        low_view_count: 3,
        confirmed_low_view_count: 1,
        unconfirmed_video_count: 2,
        reason: "2 low counts were read under 2 h after posting.",
      },
    ],
    rule: "≥ 7 posts on one UTC day, ≥ 2 of them under 100 views when read at least 2 h after posting.",
  },
  goals: {
    available: true,
    unavailable_reason: null,
    entry_count: 3,
    status_counts: { on_track: 1, behind_pace: 1, at_risk: 1, completed: 0, missed: 0 },
    needs_attention: [
      {
        creator_id: "c-ben",
        tiktok_handle: "ben",
        goal_id: "g-ben",
        metric: "engagement",
        period: "weekly",
        target: 0.05,
        actual: 0.0213,
        status: "at_risk",
        required_per_day: null,
        final: false,
      },
      {
        creator_id: "c-ana",
        tiktok_handle: "ana",
        goal_id: "g-ana",
        metric: "views",
        period: "monthly",
        target: 100_000,
        actual: 61_250,
        status: "behind_pace",
        required_per_day: 2_296.88,
        final: false,
      },
    ],
    cross_check: {
      checked_count: 3,
      status_agreed_count: 2,
      disagreements: [
        { goal_id: "g-dee", creator_id: "c-dee", api_status: "on_track", local_status: "at_risk" },
      ],
      posts_actual_checked_count: 0,
      posts_actual_agreed_count: 0,
    },
    recently_closed: [
      {
        creator_id: "c-ana",
        tiktok_handle: "ana",
        goal_id: "g-ana-daily",
        metric: "posts",
        period: "daily",
        period_start: "2026-03-14T00:00:00Z",
        period_end: "2026-03-15T00:00:00Z",
        target: 2,
        actual: 1,
        status: "missed",
        final: false,
        final_at: "2026-03-17T00:00:00.000Z",
        basis: "Provisional: the period closed less than 48 h ago.",
      },
    ],
  },
  underperformers: {
    count: 1,
    reason_counts: { low_views_per_post: 1, falling_engagement: 0, posting_gaps: 0, not_posting: 0 },
    top: [
      {
        creator_id: "c-ben",
        tiktok_handle: "ben",
        reasons: ["low_views_per_post"],
        reason_texts: ["median 120 views/post over 4 posts at 10,000 followers = 0.20× the project's norm"],
      },
    ],
  },
  outliers: { total_count: 3, high_count: 2, low_count: 1, items: [] },
  payouts: {
    available: true,
    unavailable_reason: null,
    unpaid_count: 2,
    unpaid_total_cents: 400_050,
    creators_owed_count: 1,
    oldest_unpaid_period_end: "2026-01-31",
  },
  highlights: [
    "4 creators, 19 counted videos; 1 stale (25.0%).",
    "2 videos waiting in the Tracking Inbox.",
    "1 over-posting day (1 in the last 7 days).",
  ],
};

describe("renderProgramHealth", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(ProgramHealthReport.safeParse(report).error).toBeUndefined();
  });

  it("renders every section with its unit, unconfirmed and provisional items marked, and the footer", () => {
    expect(renderProgramHealth(report)).toMatchInlineSnapshot(`
      "# Program health: Spring | Summer

      - 4 creators, 19 counted videos; 1 stale (25.0%).
      - 2 videos waiting in the Tracking Inbox.
      - 1 over-posting day (1 in the last 7 days).

      **Over-posting** (≥ 7 posts a day, ≥ 2 under 100 views after 2 h)
      | day | creator | posts | low-view | severity | day's median views vs usual |
      |---|---|---|---|---|---|
      | 2026-03-10 | @ana | 7 | 2 | ⚠ amber | 0.50× |

      Unconfirmed (low counts read < 2 h after posting, no incident): @dee on 2026-03-15.

      **Goals needing attention**
      | creator | goal | actual / target | status | needed per day (goal's unit) |
      |---|---|---|---|---|
      | @ben | engagement weekly | 2.13% / 5.00% | at risk | – |
      | @ana | views monthly | 61,250 / 100,000 | behind pace | 2,296.9 |

      **Closed in the last 48 h (provisional: not final until 48 h after the close)**
      | creator | goal | period | actual / target | status so far | final from (UTC) |
      |---|---|---|---|---|---|
      | @ana | posts daily | 2026-03-14 | 1 / 2 | missed (provisional) | 2026-03-17 00:00 |

      Local recomputation agrees with 2 of 3 statuses.

      **Underperformers** (1, over 2026-03-02 → 2026-03-15)
      - @ben: median 120 views/post over 4 posts at 10,000 followers = 0.20× the project's norm

      **Outliers** (lifetime views far from the creator's norm, videos at least 7 days old): 2 breakout videos, 1 flop.

      **Payouts**: $4,000.50 unpaid in 2 accruals for 1 creator.

      ---

      - Range 2026-03-02 → 2026-03-15; computed as of 2026-03-15T12:00:00.000Z.
      - Freshness: oldest scrape 2026-03-14T00:00:00Z (36 h old); 1 of 4 stale (> 12 h) ⚠.
      - Left out: 2 pending_review videos; excluded videos are never listed.
      - Cost: 3 API requests (stats routes).

      **Caveats**
      - 2 pending_review videos were left out.
      - 1 goal status from the API differs from the local recomputation.
      "
    `);
  });

  it("says why goals and payouts are missing instead of showing zeros", () => {
    const md = renderProgramHealth({
      ...report,
      goals: { ...report.goals, available: false, unavailable_reason: "403 insufficient_scope: goals:read" },
      payouts: { ...report.payouts, available: false, unavailable_reason: "410 gone" },
    });
    expect(md).toContain("**Goals**: not available (403 insufficient_scope: goals:read).");
    expect(md).toContain("**Payouts**: not available (410 gone).");
    expect(md).not.toContain("$4,000.50");
  });
});
