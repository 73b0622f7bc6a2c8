/**
 * Workflow "program health": one project's operational state — scrape freshness, the Tracking Inbox
 * backlog, over-posting incidents, goal compliance (cross-checked by recomputing each status locally
 * from the API's own actuals and, for post goals, from the video list), underperformers, outlier
 * videos, and unpaid payout accruals.
 *
 * Requests: projects, creators and videos lists, the goal-compliance list, and the unpaid accruals list.
 * Goal compliance and payouts may not exist for a key or an API generation: their sections then say
 * `available: false` with the reason, and the rest of the report stands.
 *
 * This file fetches; the report is built from what it fetched by the pure
 * `buildProgramHealthReport` (build/program-health.ts).
 * @module
 */
import { z } from "zod";
import { dayNumberOfMs, dayString } from "../analysis/dates.js";
import { isTrackagoatError } from "../client/errors.js";
import { programHealthCsv } from "../reports/csv/program-health.js";
import { renderProgramHealth } from "../reports/markdown/program-health.js";
import { ProgramHealthReport } from "../reports/schema/program-health.js";
import type { Fetched } from "./build/fetched.js";
import { buildProgramHealthReport } from "./build/program-health.js";
import { projectCreators, projectVideos } from "./campaign-data.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import { asOfField, checkDateRange, dateRangeFields, projectIdField } from "./catalogue/fields.js";
import { paramsRange } from "./catalogue/range.js";
import type { WorkflowClient } from "./client.js";
import { fetchAll, PAGE_LIMIT } from "./fetch.js";
import { loadProjects, notFound } from "./load.js";
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

/** Errors that mean "this feature is not there for this key or API generation", not "the call failed". */
function unavailable(err: unknown): string | null {
  if (!isTrackagoatError(err) || err.status === undefined) return null;
  if ([403, 404, 405, 410, 501].includes(err.status))
    return `${err.status}${err.code ? ` ${err.code}` : ""}: ${err.message}`;
  return null;
}

async function optional<T>(load: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return { value: await load(), reason: null };
  } catch (err) {
    const reason = unavailable(err);
    if (reason === null) throw err;
    return { value: null, reason };
  }
}

/** Fetches; the report is built by {@link buildProgramHealthReport}. */
async function fetchProgramHealth(
  run: WorkflowRun,
  params: z.output<typeof ProgramHealthParams>,
): Promise<ProgramHealthReport> {
  const client = run.client;
  const range = paramsRange(run, params);
  const today = dayNumberOfMs(run.asOfMs);
  const referenceDate = dayString(today);
  // A goal period closes at a midnight; those closed within 48 h hold yesterday or the day before.
  const compliance = (day: number) =>
    fetchAll(
      client.goals.compliance(
        params.project_id,
        { reference_date: dayString(day), limit: PAGE_LIMIT },
        run.requestOptions,
      ),
      run.pageProgress("goal compliance"),
    );
  const [projects, creators, videos, goals, accruals, recentlyClosed] = await Promise.all([
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
    optional(async () => [...(await compliance(today - 1)), ...(await compliance(today - 2))]),
  ]);
  run.phase("analyse");
  const project = projects.find((p) => p.id === params.project_id);
  if (!project) throw notFound(run, "project_id", "project", params.project_id);
  run.note("project", project.id, project.name, project.description);
  const report = run.finish(
    buildProgramHealthReport(
      {
        project: { id: params.project_id, name: project.name },
        creators,
        videos,
        goals,
        accruals,
        recentlyClosed,
      },
      run.asOfMs,
      { range, outlierLimit: params.outlier_limit },
    ),
  );
  run.phase("done");
  return report;
}

export const programHealthWorkflow = defineWorkflow({
  name: "program_health",
  title: "Program health",
  description:
    "What needs attention first in one project: scrape freshness, the Tracking Inbox backlog (pending_review), " +
    "over-posting days, goal compliance (the API's statuses cross-checked locally), underperforming creators over " +
    "the range, outlier videos and unpaid payout accruals. Use it as the project's home screen; drill down with the " +
    "other workflows. Needs project_id. Cost: ceil(projects/100) + ceil(creators/100) + ceil(videos/100) + " +
    "3 × ceil(goal compliance rows/100) (today's periods, and yesterday's and the day before's for the periods " +
    "closed within 48 h, reported as provisional) + ceil(unpaid accruals of the org/100); goals and payouts that " +
    "a key or API generation lacks are reported unavailable, not failed.",
  params: ProgramHealthParams,
  report: ProgramHealthReport,
  run: fetchProgramHealth,
  markdown: renderProgramHealth,
  csv: programHealthCsv,
});

/** {@link programHealthWorkflow} as a function. */
export function runProgramHealth(
  client: WorkflowClient,
  params: ProgramHealthParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<ProgramHealthReport> {
  return programHealthWorkflow.run(client, withAsOf(params), options);
}
