/**
 * Workflow "find underperforming creators" (agent guide), from two lists: the project's creators and
 * its videos. The guide suggests per-creator stats calls for posting gaps; they are not needed here,
 * because the video list carries every counted post's `posted_at` (so weekly posting and gaps follow
 * directly) along with the current counters the four reasons are defined on. That keeps the cost at
 * ⌈creators/100⌉ + ⌈videos/100⌉ requests instead of one more per creator, and it works unchanged on
 * both API generations.
 * @module
 */
import { z } from "zod";
import { leftOutCounts } from "../analysis/counted.js";
import { formatInt, plural } from "../analysis/format.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import { findUnderperformers, UNDERPERFORMANCE_REASONS } from "../analysis/underperformers.js";
import { underperformingCreatorsCsv } from "../reports/csv/underperforming-creators.js";
import { renderUnderperformingCreators } from "../reports/markdown/underperforming-creators.js";
import { UnderperformingCreatorsReport } from "../reports/schema/underperforming-creators.js";
import { projectCreators, projectVideos } from "./campaign-data.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import { asOfField, checkDateRange, dateRangeFields, projectIdField } from "./catalogue/fields.js";
import { paramsRange } from "./catalogue/range.js";
import type { WorkflowClient } from "./client.js";
import { requireProject } from "./load.js";
import type { WorkflowRun } from "./run.js";

export const UnderperformingCreatorsParams = z
  .strictObject({
    project_id: projectIdField,
    ...dateRangeFields,
    as_of: asOfField,
    limit: z
      .number()
      .int()
      .min(1)
      .default(25)
      .describe("Most flagged creators listed, most severe first (all are counted). Default: 25."),
    min_age_days: z
      .number()
      .min(0)
      .default(3)
      .describe(
        "Posts younger than this many days are left out of views per post (they are still collecting views). Default: 3.",
      ),
    low_views_factor: z
      .number()
      .positive()
      .max(1)
      .default(0.4)
      .describe(
        "low_views_per_post fires below this fraction of the project's median views per follower. Default: 0.4.",
      ),
    recent_days: z
      .number()
      .int()
      .min(1)
      .default(14)
      .describe("Length in days of the recent part of the range for falling_engagement. Default: 14."),
    engagement_drop_factor: z
      .number()
      .positive()
      .max(1)
      .default(0.6)
      .describe(
        "falling_engagement fires when the recent engagement rate is below this fraction of the earlier one. Default: 0.6.",
      ),
    min_posts_per_half: z
      .number()
      .int()
      .min(1)
      .default(2)
      .describe("Posts each part of the range needs before engagement rates are compared. Default: 2."),
    include_all_creators: z
      .boolean()
      .default(false)
      .describe(
        "Also list every evaluated creator's figures, flagged or not, in `evaluations` (one row per creator: the report grows with the project). Default: false.",
      ),
  })
  .superRefine(checkDateRange);
export type UnderperformingCreatorsParams = z.input<typeof UnderperformingCreatorsParams>;

const REASON_LABEL: Record<string, string> = {
  low_views_per_post: "low views per post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

async function runUnderperformingCreators(
  run: WorkflowRun,
  params: z.output<typeof UnderperformingCreatorsParams>,
): Promise<UnderperformingCreatorsReport> {
  const range = paramsRange(run, params);
  const [creators, videos] = await Promise.all([
    projectCreators(run, params.project_id),
    projectVideos(run, params.project_id),
  ]);
  run.phase("analyse");
  if (creators.length === 0) await requireProject(run, params.project_id);
  const analysis = findUnderperformers(creators, videos, run.asOfMs, {
    range,
    minAgeDays: params.min_age_days,
    lowViewsFactor: params.low_views_factor,
    recentDays: params.recent_days,
    engagementDropFactor: params.engagement_drop_factor,
    minPostsPerHalf: params.min_posts_per_half,
  });
  const limit = params.limit;
  const listed = analysis.underperformers.slice(0, limit);

  const reasonCounts = Object.fromEntries(UNDERPERFORMANCE_REASONS.map((r) => [r, 0])) as Record<
    (typeof UNDERPERFORMANCE_REASONS)[number],
    number
  >;
  for (const u of analysis.underperformers) for (const r of u.reasons) reasonCounts[r]++;

  const byId = new Map(creators.map((c) => [c.id, c]));
  for (const u of listed) {
    const c = byId.get(u.creator_id);
    if (c) run.note("creator", c.id, c.tiktok_handle, c.description);
  }
  const freshness = summarizeFreshness(creators, run.asOfMs);
  run.caveats.addFreshness(freshness, "creators");
  const staleFlagged = listed.filter((u) => u.stale).length;
  if (staleFlagged > 0) {
    run.caveats.add(
      "stale_data",
      `${plural(staleFlagged, "flagged creator")} also ${staleFlagged === 1 ? "has" : "have"} stale data (> 12 h since the last scrape); ` +
        "re-check after the next scrape before acting.",
    );
  }
  run.caveats.addSnapshot();
  run.caveats.addPending(analysis.pending_review);
  run.caveats.addLeftOut(leftOutCounts(videos));
  if (analysis.unattributed_videos > 0) {
    run.caveats.add(
      "unattributed",
      `${plural(analysis.unattributed_videos, "counted video")} without a creator (added by URL) ${analysis.unattributed_videos === 1 ? "is" : "are"} not attributed to anyone.`,
    );
  }
  if (creators.length === 0) run.caveats.addEmpty("creators in this project");
  else if (videos.length === 0) run.caveats.addEmpty("videos in this project");
  if (analysis.underperformers.length > listed.length) {
    run.caveats.add(
      "truncated",
      `Only the ${listed.length} most severe of ${analysis.underperformers.length} flagged creators are listed.`,
    );
  }

  const flagged = analysis.underperformers.length;
  const reasons = UNDERPERFORMANCE_REASONS.filter((r) => reasonCounts[r] > 0)
    .map((r) => `${reasonCounts[r]} ${REASON_LABEL[r]}`)
    .join(", ");
  const highlights = [
    `${formatInt(flagged)} of ${plural(analysis.evaluated_count, "creator")} flagged${flagged > 0 ? ` (${reasons})` : ""}.`,
  ];
  for (const u of listed.slice(0, 3)) highlights.push(`@${u.tiktok_handle}: ${u.reason_texts.join("; ")}.`);
  // What was not held against creators, stated where the report is read first.
  const backlogPosts = analysis.backlog.reduce((s, b) => s + b.pending_review_count, 0);
  if (backlogPosts > 0) {
    highlights.push(
      `${plural(backlogPosts, "post")} of the range ${backlogPosts === 1 ? "waits" : "wait"} in the Tracking Inbox ` +
        `(${plural(analysis.backlog.length, "creator")}): the team's backlog, not held against the creators.`,
    );
  }
  if (analysis.cannot_judge.length > 0) {
    const noFollowers = analysis.cannot_judge.filter((c) => c.checks.includes("low_views_per_post")).length;
    const tooNew = analysis.cannot_judge.filter((c) => c.checks.includes("not_posting")).length;
    const parts = [
      noFollowers > 0
        ? `${plural(noFollowers, "creator")} without a follower count (not ranked on views per follower)`
        : null,
      tooNew > 0
        ? `${plural(tooNew, "creator")} tracked for under 14 days (not judged on not posting)`
        : null,
    ].filter((x) => x !== null);
    highlights.push(`Cannot judge: ${parts.join("; ")}.`);
  }

  const meta = run.meta({
    range,
    freshness,
    pending: analysis.pending_review,
    freshnessChecked: true,
    pendingChecked: true,
  });
  run.phase("done");
  return {
    kind: "underperforming_creators",
    meta,
    project_id: params.project_id,
    evaluated_count: analysis.evaluated_count,
    underperformer_count: analysis.underperformers.length,
    underperformers: listed,
    reason_counts: reasonCounts,
    baselines: analysis.baselines,
    posting_gaps: analysis.posting_gaps,
    stale_creators: analysis.stale_creators,
    backlog: analysis.backlog,
    cannot_judge: analysis.cannot_judge,
    ...(params.include_all_creators ? { evaluations: analysis.evaluations } : {}),
    highlights,
  };
}

export const underperformingCreatorsWorkflow = defineWorkflow({
  name: "underperforming_creators",
  title: "Underperforming creators",
  description:
    "Which creators of a project underperform over the range, and why: low views per post against the project's " +
    "baseline (per follower), falling engagement, weeks without posts, or no posts at all; with stale-data flags. " +
    "Use it to decide whom to follow up with; use creator_trend for one creator over time. Needs project_id. " +
    "Cost: ceil(creators/100) + ceil(videos/100) of the project, on both API generations (one more, the project " +
    "list, when the project has no creators, to tell an empty project from an unknown id).",
  params: UnderperformingCreatorsParams,
  report: UnderperformingCreatorsReport,
  run: runUnderperformingCreators,
  markdown: renderUnderperformingCreators,
  csv: underperformingCreatorsCsv,
});

/** {@link underperformingCreatorsWorkflow} as a function. */
export function findUnderperformingCreators(
  client: WorkflowClient,
  params: UnderperformingCreatorsParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<UnderperformingCreatorsReport> {
  return underperformingCreatorsWorkflow.run(client, withAsOf(params), options);
}
