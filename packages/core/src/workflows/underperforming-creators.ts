/**
 * Workflow "find underperforming creators" (agent guide), from two lists: the project's creators and
 * its videos. The guide suggests per-creator stats calls for posting gaps; they are not needed here,
 * because the video list carries every counted post's `posted_at` (so weekly posting and gaps follow
 * directly) along with the current counters the four reasons are defined on. That keeps the cost at
 * ⌈creators/100⌉ + ⌈videos/100⌉ requests instead of one more per creator, and it works unchanged on
 * both API generations.
 *
 * This file fetches; the report is built from what it fetched by the pure
 * `buildUnderperformingCreatorsReport` (build/underperforming-creators.ts).
 * @module
 */
import { z } from "zod";
import { underperformingCreatorsCsv } from "../reports/csv/underperforming-creators.js";
import { renderUnderperformingCreators } from "../reports/markdown/underperforming-creators.js";
import { UnderperformingCreatorsReport } from "../reports/schema/underperforming-creators.js";
import { buildUnderperformingCreatorsReport } from "./build/underperforming-creators.js";
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

/** Fetches; the report is built by {@link buildUnderperformingCreatorsReport}. */
async function fetchUnderperformingCreators(
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
  const built = buildUnderperformingCreatorsReport(
    { projectId: params.project_id, creators, videos },
    run.asOfMs,
    {
      range,
      limit: params.limit,
      includeAllCreators: params.include_all_creators,
      thresholds: {
        minAgeDays: params.min_age_days,
        lowViewsFactor: params.low_views_factor,
        recentDays: params.recent_days,
        engagementDropFactor: params.engagement_drop_factor,
        minPostsPerHalf: params.min_posts_per_half,
      },
    },
  );
  const byId = new Map(creators.map((c) => [c.id, c]));
  for (const u of built.report.underperformers) {
    const c = byId.get(u.creator_id);
    if (c) run.note("creator", c.id, c.tiktok_handle, c.description);
  }
  const report = run.finish(built);
  run.phase("done");
  return report;
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
  run: fetchUnderperformingCreators,
  markdown: renderUnderperformingCreators,
  csv: underperformingCreatorsCsv,
});

/** {@link underperformingCreatorsWorkflow} as a function. */
export function runUnderperformingCreators(
  client: WorkflowClient,
  params: UnderperformingCreatorsParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<UnderperformingCreatorsReport> {
  return underperformingCreatorsWorkflow.run(client, withAsOf(params), options);
}
