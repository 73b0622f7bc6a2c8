/**
 * Workflow "program health": one project's operational state — scrape freshness, the Tracking Inbox
 * backlog, over-posting incidents, goal compliance (cross-checked by recomputing each status locally
 * from the API's own actuals and, for post goals, from the video list), underperformers, outlier
 * videos, and unpaid payout accruals.
 *
 * Requests: projects, creators and videos lists, the goal-compliance list, and the unpaid accruals list.
 * Goal compliance and payouts may not exist for a key or an API generation: their sections then say
 * `available: false` with the reason, and the rest of the report stands.
 * @module
 */
import { z } from "zod";
import { dayNumberOfMs, dayString, parseInstantMs } from "../analysis/dates.js";
import { formatCents, formatInt, formatShare, plural } from "../analysis/format.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import { goalPace, statusCounts } from "../analysis/goals.js";
import { findOutliers } from "../analysis/outliers.js";
import { findOverPosting } from "../analysis/over-posting.js";
import { round, safeRatio } from "../analysis/stats-math.js";
import { findUnderperformers, UNDERPERFORMANCE_REASONS } from "../analysis/underperformers.js";
import { creatorRange, indexVideos } from "../analysis/video-index.js";
import { isTrackagoatError } from "../client/errors.js";
import type { GoalCompliance } from "../schema/goals.js";
import type { PayoutAccrual } from "../schema/payouts.js";
import type { Video } from "../schema/video.js";
import { projectCreators, projectVideos } from "./campaign-data.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import { asOfField, checkDateRange, dateRangeFields, projectIdField } from "./catalogue/fields.js";
import { paramsRange } from "./catalogue/range.js";
import type { AnalysisClient } from "./client.js";
import { programHealthCsv } from "./csv/program-health.js";
import { fetchAll, PAGE_LIMIT } from "./fetch.js";
import { loadProjects, notFound } from "./load.js";
import { renderProgramHealth } from "./markdown/program-health.js";
import { ProgramHealthReport } from "./reports/program-health.js";
import type { WorkflowRun } from "./run.js";

export const ProgramHealthParams = z
  .strictObject({
    project_id: projectIdField,
    ...dateRangeFields,
    as_of: asOfField,
    outlier_limit: z
      .number()
      .int()
      .min(0)
      .default(50)
      .describe("Most outlier videos listed (all are counted). Default: 50."),
  })
  .superRefine(checkDateRange);
export type ProgramHealthParams = z.input<typeof ProgramHealthParams>;

type Report = ProgramHealthReport;

/** Errors that mean "this feature is not there for this key or API generation", not "the call failed". */
function unavailable(err: unknown): string | null {
  if (!isTrackagoatError(err) || err.status === undefined) return null;
  if ([403, 404, 405, 410, 501].includes(err.status))
    return `${err.status}${err.code ? ` ${err.code}` : ""}: ${err.message}`;
  return null;
}

async function optional<T>(load: () => Promise<T>): Promise<{ value: T | null; reason: string | null }> {
  try {
    return { value: await load(), reason: null };
  } catch (err) {
    const reason = unavailable(err);
    if (reason === null) throw err;
    return { value: null, reason };
  }
}

function goalsSection(
  compliance: GoalCompliance[] | null,
  reason: string | null,
  videos: readonly Video[],
  asOfMs: number,
): Report["goals"] {
  const entries = (compliance ?? []).flatMap((g) => g.compliance.map((c) => ({ creator: g.creator, ...c })));
  const counted = indexVideos(videos);
  const disagreements: Report["goals"]["cross_check"]["disagreements"] = [];
  let agreed = 0;
  let postsChecked = 0;
  let postsAgreed = 0;
  const attention: Report["goals"]["needs_attention"] = [];
  for (const e of entries) {
    const local = goalPace(
      {
        target: e.target,
        actual: e.actual,
        period_start: e.advisory.period_start,
        period_end: e.advisory.period_end,
        metric: e.goal.metric,
      },
      asOfMs,
    );
    if (local.status === e.status) agreed++;
    else
      disagreements.push({
        goal_id: e.goal.id,
        creator_id: e.creator.id,
        api_status: e.status,
        local_status: local.status,
      });
    if (e.goal.metric === "posts" && !e.advisory.not_yet_started) {
      // Posts are countable from the video list: counted posts of the creator inside the period so far.
      const start = parseInstantMs(e.advisory.period_start);
      const end = parseInstantMs(e.advisory.period_end);
      if (start !== null && end !== null) {
        const stop = Math.min(end, asOfMs);
        const [from, to] = creatorRange(counted, e.creator.id);
        let n = 0;
        for (let k = from; k < to; k++) if (counted.postedMs[k]! >= start && counted.postedMs[k]! < stop) n++;
        postsChecked++;
        if (n === e.actual) postsAgreed++;
      }
    }
    if (e.status === "at_risk" || e.status === "behind_pace" || e.status === "missed") {
      // The API gives an engagement goal in percent; reports carry every rate as a fraction. A rate
      // does not accumulate, so "what it takes per day" means nothing for it.
      const rate = e.goal.metric === "engagement";
      attention.push({
        creator_id: e.creator.id,
        tiktok_handle: e.creator.tiktok_handle,
        goal_id: e.goal.id,
        metric: e.goal.metric,
        period: e.goal.period,
        target: rate ? e.target / 100 : e.target,
        actual: rate ? e.actual / 100 : e.actual,
        status: e.status,
        required_per_day: rate ? null : local.required_per_day,
      });
    }
  }
  const severity = { missed: 0, at_risk: 1, behind_pace: 2, on_track: 3, completed: 4 } as const;
  attention.sort(
    (a, b) => severity[a.status] - severity[b.status] || (a.tiktok_handle < b.tiktok_handle ? -1 : 1),
  );
  return {
    available: compliance !== null,
    unavailable_reason: reason,
    entry_count: entries.length,
    status_counts: statusCounts(entries.map((e) => e.status)),
    needs_attention: attention.slice(0, 20),
    cross_check: {
      checked_count: entries.length,
      status_agreed_count: agreed,
      disagreements: disagreements.slice(0, 20),
      posts_actual_checked_count: postsChecked,
      posts_actual_agreed_count: postsAgreed,
    },
  };
}

function payoutsSection(
  accruals: PayoutAccrual[] | null,
  reason: string | null,
  creatorIds: Set<string>,
): Report["payouts"] {
  const mine = (accruals ?? []).filter((a) => a.status === "unpaid" && creatorIds.has(a.creator_id));
  let oldest: string | null = null;
  for (const a of mine) if (oldest === null || a.period_end < oldest) oldest = a.period_end;
  return {
    available: accruals !== null,
    unavailable_reason: reason,
    unpaid_count: mine.length,
    unpaid_total_cents: mine.reduce((s, a) => s + a.amount_cents, 0),
    creators_owed_count: new Set(mine.map((a) => a.creator_id)).size,
    oldest_unpaid_period_end: oldest,
  };
}

async function runProgramHealth(
  run: WorkflowRun,
  params: z.output<typeof ProgramHealthParams>,
): Promise<ProgramHealthReport> {
  const client = run.client;
  const range = paramsRange(run, params);
  const referenceDate = dayString(dayNumberOfMs(run.asOfMs));
  const [projects, creators, videos, goals, accruals] = await Promise.all([
    loadProjects(run),
    projectCreators(run, params.project_id),
    projectVideos(run, params.project_id),
    optional(() =>
      fetchAll(
        client.goals.compliance(
          params.project_id,
          { reference_date: referenceDate, limit: PAGE_LIMIT },
          run.requestOptions,
        ),
        run.pageProgress("goal compliance"),
      ),
    ),
    optional(() =>
      fetchAll(
        client.payoutAccruals.list({ status: "unpaid", limit: PAGE_LIMIT }, run.requestOptions),
        run.pageProgress("payout accruals"),
      ),
    ),
  ]);
  run.phase("analyse");
  const project = projects.find((p) => p.id === params.project_id);
  if (!project) throw notFound(run, "project_id", "project", params.project_id);
  run.note("project", project.id, project.name, project.description);

  const index = indexVideos(videos);
  const overPosting = findOverPosting(index, run.asOfMs);
  const under = findUnderperformers(creators, index, run.asOfMs, { range });
  const outliers = findOutliers(index, run.asOfMs);
  const creatorFreshness = summarizeFreshness(creators, run.asOfMs);
  const handles = new Map(creators.map((c) => [c.id, c.tiktok_handle]));

  const pendingByCreator = new Map<string, number>();
  let oldestPending: string | null = null;
  for (const v of videos) {
    if (v.tracking_status !== "pending_review") continue;
    const key = v.creator_id ?? "(direct)";
    pendingByCreator.set(key, (pendingByCreator.get(key) ?? 0) + 1);
    if (oldestPending === null || v.posted_at < oldestPending) oldestPending = v.posted_at;
  }

  const reasonCounts = Object.fromEntries(
    UNDERPERFORMANCE_REASONS.map((r) => [r, 0]),
  ) as Report["underperformers"]["reason_counts"];
  for (const u of under.underperformers) for (const r of u.reasons) reasonCounts[r]++;
  const goalReport = goalsSection(goals.value, goals.reason, videos, run.asOfMs);
  const payouts = payoutsSection(accruals.value, accruals.reason, new Set(creators.map((c) => c.id)));
  const outlierLimit = params.outlier_limit;
  const amber = overPosting.incidents.filter((i) => i.severity === "amber").length;

  run.caveats.addFreshness(creatorFreshness, "creators");
  run.caveats.addPending(index.pending);
  run.caveats.addSnapshot();
  if (!goalReport.available)
    run.caveats.add("unavailable", `Goal compliance was not available (${goals.reason}).`);
  if (!payouts.available)
    run.caveats.add("unavailable", `Payout accruals were not available (${accruals.reason}).`);
  if (goalReport.cross_check.disagreements.length > 0) {
    run.caveats.add(
      "cross_check_mismatch",
      `${plural(goalReport.cross_check.disagreements.length, "goal status", "goal statuses")} from the API ` +
        `${goalReport.cross_check.disagreements.length === 1 ? "differs" : "differ"} from the local ` +
        "recomputation of the documented pace rule (often a boundary case or a different evaluation instant).",
    );
  }
  if (creators.length === 0) run.caveats.addEmpty("creators in this project");
  run.caveats.add(
    "method",
    "Over-posting uses UTC days and the current view counts: a video under 100 views now, posted ≥ 2 h ago, was under 100 at the 2-hour mark too (counters never decrease).",
  );
  if (outliers.outliers.length > outlierLimit) {
    run.caveats.add(
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
  if (goalReport.available) {
    const c = goalReport.status_counts;
    highlights.push(
      `Goals: ${c.on_track + c.completed} on track or completed, ${c.behind_pace} behind pace, ${c.at_risk} at risk, ${c.missed} missed.`,
    );
  }
  highlights.push(`${plural(under.underperformers.length, "underperforming creator")}.`);
  if (payouts.available && payouts.unpaid_count > 0) {
    highlights.push(
      `${formatCents(payouts.unpaid_total_cents)} unpaid across ${plural(payouts.creators_owed_count, "creator")} (${plural(payouts.unpaid_count, "accrual")}).`,
    );
  }

  const meta = run.meta({
    range,
    freshness: creatorFreshness,
    pending: index.pending,
    freshnessChecked: true,
    pendingChecked: true,
  });
  run.phase("done");
  return {
    kind: "program_health",
    meta,
    project: { id: params.project_id, name: project.name },
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
    pending_backlog: {
      count: index.pending,
      oldest_posted_at: oldestPending,
      by_creator: [...pendingByCreator]
        .map(([creator_id, pending]) => ({
          creator_id,
          tiktok_handle: handles.get(creator_id) ?? null,
          pending_count: pending,
        }))
        .sort((a, b) => b.pending_count - a.pending_count || (a.creator_id < b.creator_id ? -1 : 1))
        .slice(0, 10),
    },
    over_posting: {
      amber_count: amber,
      info_count: overPosting.incidents.length - amber,
      incidents: overPosting.incidents.map((i) => ({
        ...i,
        tiktok_handle: handles.get(i.creator_id) ?? null,
      })),
      warnings: overPosting.warnings,
    },
    goals: goalReport,
    underperformers: {
      count: under.underperformers.length,
      reason_counts: reasonCounts,
      top: under.underperformers
        .slice(0, 5)
        .map((u) => ({ creator_id: u.creator_id, tiktok_handle: u.tiktok_handle, reasons: u.reasons })),
    },
    outliers: {
      total_count: outliers.outliers.length,
      high_count: outliers.outliers.filter((o) => o.direction === "high").length,
      low_count: outliers.outliers.filter((o) => o.direction === "low").length,
      items: outliers.outliers.slice(0, outlierLimit),
    },
    payouts,
    highlights,
  };
}

export const programHealthWorkflow = defineWorkflow({
  name: "program_health",
  title: "Program health",
  description:
    "What needs attention first in one project: scrape freshness, the Tracking Inbox backlog (pending_review), " +
    "over-posting days, goal compliance (the API's statuses cross-checked locally), underperforming creators over " +
    "the range, outlier videos and unpaid payout accruals. Use it as the project's home screen; drill down with the " +
    "other workflows. Needs project_id. Cost: ceil(projects/100) + ceil(creators/100) + ceil(videos/100) + " +
    "ceil(goal compliance rows/100) + ceil(unpaid accruals of the org/100); goals and payouts that a key or API " +
    "generation lacks are reported unavailable, not failed.",
  params: ProgramHealthParams,
  report: ProgramHealthReport,
  run: runProgramHealth,
  markdown: renderProgramHealth,
  csv: programHealthCsv,
});

/** {@link programHealthWorkflow} as a function. */
export function programHealth(
  client: AnalysisClient,
  params: ProgramHealthParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<ProgramHealthReport> {
  return programHealthWorkflow.run(client, withAsOf(params), options);
}
