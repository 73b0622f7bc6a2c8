/**
 * buildProgramHealthReport on a hand-built project, no client: every expected figure below is worked
 * out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC, range Mon 2026-03-09 – Sun 2026-03-15 (one full ISO week).
 * - ana: 10,000 followers, fresh; 7 posts on 03-10 (two under 100 views, read on 03-15) and one on 02-20.
 * - ben: 1,000 followers, never scraped, selective; one 20-view post on 03-11, two pending_review.
 * - cy: 10,000 followers, scraped 36 h ago; one post on 02-01 only (stopped posting).
 * - dee: 10,000 followers, fresh; 5 × 1,000 views, one 20,000 and one 100 from 02-20 to 02-26, and a
 *   1,000-view post on 03-09.
 * - one pending_review video added by URL (no creator).
 */
import { describe, expect, it } from "vitest";
import type { CreatorInput, VideoInput } from "../../analysis/inputs.js";
import { ProgramHealthReport } from "../../reports/schema/program-health.js";
import type { GoalCompliance, GoalComplianceEntry } from "../../schema/goals.js";
import { creator, video } from "../../test-helpers/analysis-fixtures.js";
import { WorkflowRun } from "../run.js";
import type { AccrualInput } from "./payouts.js";
import { buildProgramHealthReport, type ProgramHealthInputs } from "./program-health.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);
const RANGE = { from: "2026-03-09", to: "2026-03-15" };

const creators: CreatorInput[] = [
  creator({ id: "ana", last_scraped_at: "2026-03-15T11:00:00Z", tracking_mode: "auto" }),
  creator({ id: "ben", follower_count: 1_000, last_scraped_at: null, tracking_mode: "selective" }),
  creator({ id: "cy", last_scraped_at: "2026-03-14T00:00:00Z", tracking_mode: "auto" }),
  creator({ id: "dee", last_scraped_at: "2026-03-15T06:00:00Z" }),
];

const at = (day: string, hour = 12) => `${day}T${String(hour).padStart(2, "0")}:00:00Z`;

const videos: VideoInput[] = [
  // ana: a 7-post day, two of them under 100 views when read days after posting, and one earlier post.
  ...[50, 60, 1_000, 1_000, 1_000, 1_000, 1_000].map((views, i) =>
    video({
      id: `ana-${i}`,
      creator_id: "ana",
      posted_at: at("2026-03-10", 10 + i),
      view_count: views,
      last_scraped_at: "2026-03-15T06:00:00Z",
    }),
  ),
  video({ id: "ana-old", creator_id: "ana", posted_at: at("2026-02-20"), view_count: 2_000 }),
  video({ id: "ben-1", creator_id: "ben", posted_at: at("2026-03-11"), view_count: 20 }),
  video({ id: "ben-p1", creator_id: "ben", posted_at: at("2026-03-13"), tracking_status: "pending_review" }),
  video({ id: "ben-p2", creator_id: "ben", posted_at: at("2026-03-12"), tracking_status: "pending_review" }),
  video({ id: "cy-old", creator_id: "cy", posted_at: at("2026-02-01"), view_count: 5_000 }),
  ...[1_000, 1_000, 1_000, 1_000, 1_000, 20_000, 100].map((views, i) =>
    video({ id: `dee-${i}`, creator_id: "dee", posted_at: at(`2026-02-${20 + i}`), view_count: views }),
  ),
  video({ id: "dee-new", creator_id: "dee", posted_at: at("2026-03-09"), view_count: 1_000 }),
  video({ id: "url-1", creator_id: null, posted_at: at("2026-03-14"), tracking_status: "pending_review" }),
];

function entry(
  goal: {
    id: string;
    creator_id: string;
    metric: GoalComplianceEntry["goal"]["metric"];
    period: GoalComplianceEntry["goal"]["period"];
  },
  target: number,
  actual: number,
  status: GoalComplianceEntry["status"],
  period: { start: string; end: string },
): GoalComplianceEntry {
  return {
    goal: {
      ...goal,
      project_id: "p1",
      target_value: target,
      start_date: null,
      end_date: null,
      is_active: true,
    },
    target,
    actual,
    percentage: (actual / target) * 100,
    status,
    advisory: {
      period_in_progress: true,
      period_recently_ended: false,
      scrape_stale: false,
      not_yet_started: false,
      has_advisory: false,
      messages: [],
      period_start: period.start,
      period_end: period.end,
      hours_until_period_end: null,
      hours_since_period_end: null,
      scrape_freshness: null,
    },
  };
}

const WEEK = { start: "2026-03-09T00:00:00Z", end: "2026-03-16T00:00:00Z" };
const MONTH = { start: "2026-03-01T00:00:00Z", end: "2026-04-01T00:00:00Z" };
const person = (id: string) => ({ id, tiktok_handle: id, display_name: null, avatar_url: null });

const compliance: GoalCompliance[] = [
  {
    creator: person("ana"),
    // 6.5 of 7 days gone: 7 / (6.5/7) = 7.54 projected of 10 = 75 % ≥ 70 % → behind_pace (agrees).
    compliance: [
      entry(
        { id: "g-ana", creator_id: "ana", metric: "posts", period: "weekly" },
        10,
        7,
        "behind_pace",
        WEEK,
      ),
    ],
  },
  {
    creator: person("ben"),
    // A rate is not projected: 2 % of 5 % = 40 % < 70 % → at_risk (agrees).
    compliance: [
      entry(
        { id: "g-ben", creator_id: "ben", metric: "engagement", period: "weekly" },
        5,
        2,
        "at_risk",
        WEEK,
      ),
    ],
  },
  {
    creator: person("dee"),
    // 14.5 of 31 days gone: 2,000 / 0.4677 = 4,276 projected of 100,000 → at_risk, but the API says on_track.
    compliance: [
      entry(
        { id: "g-dee", creator_id: "dee", metric: "views", period: "monthly" },
        100_000,
        2_000,
        "on_track",
        MONTH,
      ),
    ],
  },
];

const accruals: AccrualInput[] = [
  { creator_id: "ana", status: "unpaid", amount_cents: 1_500, period_end: "2026-02-28" },
  { creator_id: "ana", status: "unpaid", amount_cents: 2_500, period_end: "2026-01-31" },
  { creator_id: "ben", status: "paid", amount_cents: 999, period_end: "2026-01-31" },
  { creator_id: "zed", status: "unpaid", amount_cents: 10_000, period_end: "2025-12-31" },
];

function inputs(over: Partial<ProgramHealthInputs> = {}): ProgramHealthInputs {
  return {
    project: { id: "p1", name: "Spring" },
    creators,
    videos,
    goals: { value: compliance, reason: null },
    accruals: { value: accruals, reason: null },
    ...over,
  };
}

const build = (over: Partial<ProgramHealthInputs> = {}, outlierLimit = 50) =>
  buildProgramHealthReport(inputs(over), AS_OF_MS, { range: RANGE, outlierLimit });

describe("buildProgramHealthReport", () => {
  const { report, caveats, meta } = build();

  it("counts creators, their freshness and the videos", () => {
    // Stale: ben (never) and cy (36 h > 12 h); ana (1 h) and dee (6 h) are fresh. 2 of 4 = 0.5.
    expect(report.creators).toEqual({
      total_count: 4,
      stale_count: 2,
      stale_share: 0.5,
      never_scraped_count: 1,
      selective_count: 1,
    });
    // 21 listed: 8 ana + 3 ben + 1 cy + 8 dee + 1 by URL; 3 of them pending_review.
    expect(report.videos).toEqual({ listed_count: 21, counted_count: 18, pending_review_count: 3 });
  });

  it("lists the Tracking Inbox backlog by creator, the oldest first posted", () => {
    expect(report.pending_backlog).toEqual({
      count: 3,
      oldest_posted_at: "2026-03-12T12:00:00Z",
      by_creator: [
        { creator_id: "ben", tiktok_handle: "ben", pending_count: 2 },
        { creator_id: "(direct)", tiktok_handle: null, pending_count: 1 },
      ],
    });
  });

  it("finds ana's over-posting day, amber within the last 7 days", () => {
    expect(report.over_posting.amber_count).toBe(1);
    expect(report.over_posting.info_count).toBe(0);
    expect(report.over_posting.warnings).toEqual([]);
    // Day median of [50, 60, 1000 × 5] = 1,000; ana's other days: [2,000]; 1,000 / 2,000 = 0.5.
    expect(report.over_posting.incidents).toEqual([
      {
        creator_id: "ana",
        tiktok_handle: "ana",
        date: "2026-03-10",
        post_count: 7,
        low_view_count: 2,
        low_view_video_ids: ["ana-0", "ana-1"],
        severity: "amber",
        day_median_views: 1_000,
        creator_median_views: 2_000,
        reach_ratio: 0.5,
      },
    ]);
  });

  it("counts goal statuses, lists what needs attention, and cross-checks the API", () => {
    const goals = report.goals;
    expect(goals.available).toBe(true);
    expect(goals.entry_count).toBe(3);
    expect(goals.status_counts).toEqual({ on_track: 1, behind_pace: 1, at_risk: 1, completed: 0, missed: 0 });
    expect(goals.needs_attention).toEqual([
      // Worst first; the engagement goal in fractions (the API's 5 % and 2 %), nothing "per day" for a rate.
      {
        creator_id: "ben",
        tiktok_handle: "ben",
        goal_id: "g-ben",
        metric: "engagement",
        period: "weekly",
        target: 0.05,
        actual: 0.02,
        status: "at_risk",
        required_per_day: null,
        // In progress: a projection, not final.
        final: false,
      },
      // 3 posts to go in the half day left: 6 a day.
      {
        creator_id: "ana",
        tiktok_handle: "ana",
        goal_id: "g-ana",
        metric: "posts",
        period: "weekly",
        target: 10,
        actual: 7,
        status: "behind_pace",
        required_per_day: 6,
        final: false,
      },
    ]);
    expect(goals.cross_check).toEqual({
      checked_count: 3,
      status_agreed_count: 2,
      disagreements: [
        { goal_id: "g-dee", creator_id: "dee", api_status: "on_track", local_status: "at_risk" },
      ],
      // ana's 7 counted posts of the week recounted from the list match the API's 7.
      posts_actual_checked_count: 1,
      posts_actual_agreed_count: 1,
    });
  });

  it("judges underperformers over the range", () => {
    // Views per follower: ana 1,000/10,000 = 0.1, ben 20/1,000 = 0.02, dee 1,000/10,000 = 0.1;
    // baseline median 0.1; ben 0.2× < 0.4× → low. cy posted before the range only → not_posting.
    expect(report.underperformers).toEqual({
      count: 2,
      reason_counts: { low_views_per_post: 1, falling_engagement: 0, posting_gaps: 0, not_posting: 1 },
      top: [
        {
          creator_id: "cy",
          tiktok_handle: "cy",
          reasons: ["not_posting"],
          reason_texts: [
            "no counted post between 2026-03-09 and 2026-03-15; last post 2026-02-01 (1 earlier post on record)",
          ],
        },
        {
          creator_id: "ben",
          tiktok_handle: "ben",
          reasons: ["low_views_per_post"],
          // The figures behind the flag travel with it: ben's one post, 20 views at 1,000 followers.
          reason_texts: [
            "median 20 views/post over 1 post at 1,000 followers = 0.20× the project's norm for its follower size (flagged below 0.4×)",
          ],
        },
      ],
    });
  });

  it("finds dee's outliers: 20,000 and 100 views against a 1,000 median", () => {
    expect(report.outliers).toMatchObject({ total_count: 2, high_count: 1, low_count: 1 });
    expect(report.outliers.items.map((o) => [o.video_id, o.direction, o.ratio_to_median])).toEqual([
      ["dee-5", "high", 20],
      ["dee-6", "low", 0.1],
    ]);
  });

  it("sums the project's creators' unpaid accruals only", () => {
    // ana's 1,500 + 2,500; ben's is paid, zed is not in the project.
    expect(report.payouts).toEqual({
      available: true,
      unavailable_reason: null,
      unpaid_count: 2,
      unpaid_total_cents: 4_000,
      creators_owed_count: 1,
      oldest_unpaid_period_end: "2026-01-31",
    });
  });

  it("says it in sentences", () => {
    expect(report.highlights).toEqual([
      "4 creators, 18 counted videos; 2 stale (50.0%).",
      "3 videos waiting in the Tracking Inbox.",
      "1 over-posting day (1 in the last 7 days).",
      "Goals: 1 on track or completed, 1 behind pace, 1 at risk, 0 missed.",
      "2 underperforming creators.",
      "$40.00 unpaid across 1 creator (2 accruals).",
    ]);
  });

  it("carries its caveats and what meta reports", () => {
    expect(caveats.map((c) => c.code)).toEqual([
      "stale_data",
      "never_scraped",
      "pending_left_out",
      // The fixture's videos carry no tracking_enabled field, as an older API sends them.
      "tracking_unreported",
      "snapshot_not_cumulative",
      "cross_check_mismatch",
      "method",
    ]);
    expect(caveats[0]!.message).toMatch(/^1 of the 4 creators was last scraped more than 12 h/);
    expect(caveats[5]!.message).toMatch(/^1 goal status from the API differs/);
    expect(meta).toMatchObject({ range: RANGE, pending: 3, freshnessChecked: true, pendingChecked: true });
    expect(meta.freshness).toMatchObject({ stale_count: 2, never_scraped_count: 1, checked_count: 4 });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "program_health", AS_OF);
    const full = run.finish(build());
    expect(Object.keys(full).slice(0, 3)).toEqual(["kind", "meta", "project"]);
    expect(ProgramHealthReport.safeParse(full).error).toBeUndefined();
    expect(full.meta.caveats.map((c) => c.code)).toContain("cross_check_mismatch");
    expect(full.meta.excluded.pending_review).toBe(3);
  });
});

describe("buildProgramHealthReport, edge cases", () => {
  it("reports goals and payouts unavailable, with the reason, and the rest stands", () => {
    const { report, caveats } = build({
      goals: { value: null, reason: "403 insufficient_scope: goals:read" },
      accruals: { value: null, reason: "410 gone: no payouts" },
    });
    expect(report.goals).toMatchObject({
      available: false,
      unavailable_reason: "403 insufficient_scope: goals:read",
      entry_count: 0,
    });
    expect(report.payouts).toMatchObject({ available: false, unpaid_count: 0, unpaid_total_cents: 0 });
    expect(caveats.filter((c) => c.code === "unavailable").map((c) => c.message)).toEqual([
      "Goal compliance was not available (403 insufficient_scope: goals:read).",
      "Payout accruals were not available (410 gone: no payouts).",
    ]);
    // No goals sentence and no payouts sentence without the data.
    expect(report.highlights.some((h) => h.startsWith("Goals:") || h.includes("unpaid"))).toBe(false);
    expect(report.creators.total_count).toBe(4);
  });

  it("cuts the outliers to the limit and says so", () => {
    const { report, caveats } = build({}, 1);
    expect(report.outliers.total_count).toBe(2);
    expect(report.outliers.items.map((o) => o.video_id)).toEqual(["dee-5"]);
    expect(caveats).toContainEqual({ code: "truncated", message: "Only 1 of 2 outlier videos are listed." });
  });

  it("says an empty project is empty, not a 0 % stale share", () => {
    const { report, caveats } = build({ creators: [], videos: [], goals: { value: [], reason: null } });
    expect(report.creators.stale_share).toBeNull();
    expect(report.highlights[0]).toBe("0 creators, 0 counted videos; 0 stale (n/a).");
    expect(caveats.map((c) => c.code)).toContain("empty_input");
  });
});
