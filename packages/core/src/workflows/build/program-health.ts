/**
 * The program health report built from what its workflow fetched: a pure function of the project, its
 * creators and videos, the goal-compliance and unpaid-accrual lists (each possibly unavailable), the
 * range and the analysis instant. No client, no clock: it is tested on fixtures with hand-computed
 * figures (program-health.test.ts), and the workflow only fetches and hands over.
 * @module
 */

import type { DayRange } from "../../analysis/dates.js";
import { formatCents, formatInt, formatShare, plural } from "../../analysis/format.js";
import { summarizeFreshness } from "../../analysis/freshness.js";
import type { CreatorInput, VideoInput } from "../../analysis/inputs.js";
import { findOutliers } from "../../analysis/outliers.js";
import { findOverPosting } from "../../analysis/over-posting.js";
import { round, safeRatio } from "../../analysis/stats-math.js";
import { findUnderperformers, UNDERPERFORMANCE_REASONS } from "../../analysis/underperformers.js";
import { indexVideos } from "../../analysis/video-index.js";
import type { ProgramHealthReport } from "../../reports/schema/program-health.js";
import type { GoalCompliance } from "../../schema/goals.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";
import type { Fetched } from "./fetched.js";
import { goalsSection } from "./goal-compliance.js";
import { type AccrualInput, payoutsSection } from "./payouts.js";
import { pendingBacklog } from "./pending-backlog.js";
import { recentlyClosedGoals } from "./recently-closed-goals.js";

/** The over-posting rule as the report states it, next to the incidents. */
const OVER_POSTING_RULE =
  "≥ 7 counted posts on one UTC day and ≥ 2 of them under 100 views, each read at least 2 h after posting " +
  "(last_scraped_at − posted_at ≥ 2 h; counters never decrease, so under 100 then means under 100 at the 2-hour " +
  "mark). A low count read earlier, or a video never scraped, is unconfirmed and makes no incident.";

/** How many underperformers the report names (all are counted). */
const TOP_UNDERPERFORMERS = 5;

export interface ProgramHealthInputs {
  project: { id: string; name: string | null };
  creators: readonly CreatorInput[];
  /** Every video the API lists for the project, pending_review included. */
  videos: readonly VideoInput[];
  goals: Fetched<readonly GoalCompliance[]>;
  /** The org's unpaid accruals; the report keeps the project's creators'. */
  accruals: Fetched<readonly AccrualInput[]>;
  /** Goal compliance for the two days before the analysis day: the periods that closed within 48 h. */
  recentlyClosed?: Fetched<readonly GoalCompliance[]>;
}

export interface ProgramHealthOptions {
  /** The range underperformance is judged over. */
  range: DayRange;
  /** Most outlier videos listed (all are counted). */
  outlierLimit: number;
}

export function buildProgramHealthReport(
  inputs: ProgramHealthInputs,
  asOfMs: number,
  options: ProgramHealthOptions,
): BuiltReport<ProgramHealthReport> {
  const { creators, videos } = inputs;
  const { range, outlierLimit } = options;
  const index = indexVideos(videos);
  const overPosting = findOverPosting(index, asOfMs);
  const under = findUnderperformers(creators, index, asOfMs, { range });
  const outliers = findOutliers(index, asOfMs);
  const creatorFreshness = summarizeFreshness(creators, asOfMs);
  const handles = new Map(creators.map((c) => [c.id, c.tiktok_handle]));

  const reasonCounts = Object.fromEntries(
    UNDERPERFORMANCE_REASONS.map((r) => [r, 0]),
  ) as ProgramHealthReport["underperformers"]["reason_counts"];
  for (const u of under.underperformers) for (const r of u.reasons) reasonCounts[r]++;
  const goals = {
    ...goalsSection(inputs.goals, videos, asOfMs),
    recently_closed: inputs.recentlyClosed ? recentlyClosedGoals(inputs.recentlyClosed, asOfMs) : [],
  };
  const payouts = payoutsSection(inputs.accruals, new Set(creators.map((c) => c.id)));
  const amber = overPosting.incidents.filter((i) => i.severity === "amber").length;

  const caveats = new Caveats();
  caveats.addFreshness(creatorFreshness, "creators");
  caveats.addPending(index.pending);
  caveats.addLeftOut({
    tracking_disabled: index.disabled,
    unknown_status: index.unknownStatus,
    tracking_unreported: index.trackingUnreported,
  });
  caveats.addSnapshot();
  if (!goals.available)
    caveats.add("unavailable", `Goal compliance was not available (${inputs.goals.reason}).`);
  if (!payouts.available)
    caveats.add("unavailable", `Payout accruals were not available (${inputs.accruals.reason}).`);
  const disagreeing = goals.cross_check.disagreements.length;
  if (disagreeing > 0) {
    caveats.add(
      "cross_check_mismatch",
      `${plural(disagreeing, "goal status", "goal statuses")} from the API ` +
        `${disagreeing === 1 ? "differs" : "differ"} from the local ` +
        "recomputation of the documented pace rule (often a boundary case or a different evaluation instant).",
    );
  }
  if (creators.length === 0) caveats.addEmpty("creators in this project");
  caveats.add(
    "method",
    "Over-posting uses UTC days and the current view counts: a video under 100 views now, last read ≥ 2 h after it was posted, was under 100 at the 2-hour mark too (counters never decrease).",
  );
  const unconfirmed = overPosting.unconfirmed.length;
  if (unconfirmed > 0) {
    caveats.add(
      "over_posting_unconfirmed",
      `${plural(unconfirmed, "day")} would meet the over-posting rule, but ${unconfirmed === 1 ? "its" : "their"} low ` +
        "view counts were read less than 2 h after posting (or never): unconfirmed, so no incident. Re-check after the next scrape.",
    );
  }
  const provisional = goals.recently_closed.length;
  if (provisional > 0) {
    caveats.add(
      "provisional_goals",
      `${plural(provisional, "goal period")} closed less than 48 h ago: ${provisional === 1 ? "its" : "their"} numbers ` +
        "are not final until 48 h have passed (late posts may still arrive), so a miss there is provisional.",
    );
  }
  if (outliers.outliers.length > outlierLimit) {
    caveats.add(
      "truncated",
      `Only ${outlierLimit} of ${outliers.outliers.length} outlier videos are listed.`,
    );
  }

  const highlights: string[] = [];
  highlights.push(
    `${plural(creators.length, "creator")}, ${formatInt(index.videos.length)} counted videos; ` +
      `${creatorFreshness.stale_count} stale (${formatShare(safeRatio(creatorFreshness.stale_count, creators.length), 1)}).`,
  );
  if (index.pending > 0) highlights.push(`${plural(index.pending, "video")} waiting in the Tracking Inbox.`);
  if (overPosting.incidents.length > 0) {
    highlights.push(
      `${plural(overPosting.incidents.length, "over-posting day")} (${amber} in the last 7 days).`,
    );
  }
  if (goals.available) {
    const c = goals.status_counts;
    highlights.push(
      `Goals: ${c.on_track + c.completed} on track or completed, ${c.behind_pace} behind pace, ${c.at_risk} at risk, ${c.missed} missed.`,
    );
  }
  if (provisional > 0) {
    const missed = goals.recently_closed.filter((g) => g.status === "missed").length;
    highlights.push(
      `${plural(provisional, "goal period")} closed in the last 48 h (${missed} missed so far): provisional, not final until 48 h after the close.`,
    );
  }
  highlights.push(`${plural(under.underperformers.length, "underperforming creator")}.`);
  if (payouts.available && payouts.unpaid_count > 0) {
    highlights.push(
      `${formatCents(payouts.unpaid_total_cents)} unpaid across ${plural(payouts.creators_owed_count, "creator")} (${plural(payouts.unpaid_count, "accrual")}).`,
    );
  }

  return {
    caveats: caveats.list(),
    meta: {
      range,
      freshness: creatorFreshness,
      pending: index.pending,
      freshnessChecked: true,
      pendingChecked: true,
    },
    report: {
      kind: "program_health",
      project: inputs.project,
      creators: {
        total_count: creators.length,
        stale_count: creatorFreshness.stale_count,
        stale_share: round(safeRatio(creatorFreshness.stale_count, creators.length), 4),
        never_scraped_count: creatorFreshness.never_scraped_count,
        selective_count: creators.filter((c) => c.tracking_mode === "selective").length,
      },
      videos: {
        listed_count: videos.length,
        counted_count: index.videos.length + index.undated,
        pending_review_count: index.pending,
      },
      pending_backlog: { count: index.pending, ...pendingBacklog(videos, handles) },
      over_posting: {
        amber_count: amber,
        info_count: overPosting.incidents.length - amber,
        incidents: overPosting.incidents.map((i) => ({
          ...i,
          tiktok_handle: handles.get(i.creator_id) ?? null,
        })),
        warnings: overPosting.warnings,
        unconfirmed_count: unconfirmed,
        unconfirmed: overPosting.unconfirmed.map((u) => ({
          ...u,
          tiktok_handle: handles.get(u.creator_id) ?? null,
          reason:
            `${u.confirmed_low_view_count} of the ${u.low_view_count} low-view posts ${u.confirmed_low_view_count === 1 ? "was" : "were"} ` +
            "read at least 2 h after posting; the rule needs 2, so the day is unconfirmed, not an incident.",
        })),
        rule: OVER_POSTING_RULE,
      },
      goals,
      underperformers: {
        count: under.underperformers.length,
        reason_counts: reasonCounts,
        top: under.underperformers.slice(0, TOP_UNDERPERFORMERS).map((u) => ({
          creator_id: u.creator_id,
          tiktok_handle: u.tiktok_handle,
          reasons: u.reasons,
          reason_texts: u.reason_texts,
        })),
      },
      outliers: {
        total_count: outliers.outliers.length,
        high_count: outliers.outliers.filter((o) => o.direction === "high").length,
        low_count: outliers.outliers.filter((o) => o.direction === "low").length,
        items: outliers.outliers.slice(0, outlierLimit),
      },
      payouts,
      highlights,
    },
  };
}
