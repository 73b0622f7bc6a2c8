/**
 * Workflow "compare campaigns": every campaign over the same range, with views gained normalised by
 * the days each campaign was active in the range, by its creator count and by its video count, so a
 * campaign that started last week or runs with twice the creators is compared fairly. Ranked by views
 * gained per active day. Every per-unit figure divides the range's gains; the lifetime snapshot totals
 * sit apart in `lifetime`, so no column mixes the two bases.
 *
 * Requests: the campaign list, then one stats call per campaign (legacy); on the current generation
 * each campaign's item tree and one `/analytics` series, plus the project's video list once. The
 * histories are read from the day before the range (the baseline), so views gained covers every day
 * of the range.
 *
 * This file fetches; the report is built from what it fetched by the pure
 * `buildCampaignComparisonReport` (build/campaign-comparison.ts).
 * @module
 */

import { z } from "zod";
import { campaignComparisonCsv } from "../reports/csv/campaign-comparison.js";
import { renderCampaignComparison } from "../reports/markdown/campaign-comparison.js";
import { CampaignComparisonReport } from "../reports/schema/campaign-comparison.js";
import { buildCampaignComparisonReport } from "./build/campaign-comparison.js";
import { gatherCampaign } from "./campaign-data.js";
import { defineWorkflow, type WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { type DeprecatedAsOf, withAsOf } from "./catalogue/deprecated.js";
import {
  asOfField,
  checkDateRange,
  dateRangeFields,
  id,
  optionalProjectIdField,
} from "./catalogue/fields.js";
import { paramsRange } from "./catalogue/range.js";
import type { WorkflowClient } from "./client.js";
import { mapLimit } from "./fetch.js";
import { loadCampaigns, notFound } from "./load.js";
import type { WorkflowRun } from "./run.js";

export const CampaignComparisonParams = z
  .strictObject({
    campaign_ids: z
      .array(id("campaign_ids[]"))
      .min(
        1,
        "give at least one campaign id, or leave campaign_ids out to compare every campaign of project_id",
      )
      .optional()
      .describe("The campaigns to compare (uuids). Default: every campaign of project_id."),
    project_id: optionalProjectIdField.describe(
      "Compare every campaign of this project (uuid); with campaign_ids it narrows their lookup. One of the two is required.",
    ),
    ...dateRangeFields,
    as_of: asOfField,
  })
  .superRefine((p, ctx) => {
    checkDateRange(p, ctx);
    if (!p.campaign_ids && !p.project_id)
      ctx.addIssue({ code: "custom", path: ["project_id"], message: "give project_id or campaign_ids" });
  });
export type CampaignComparisonParams = z.input<typeof CampaignComparisonParams>;

/** Fetches; the report is built by {@link buildCampaignComparisonReport}. */
async function fetchCampaignComparison(
  run: WorkflowRun,
  params: z.output<typeof CampaignComparisonParams>,
): Promise<CampaignComparisonReport> {
  const range = paramsRange(run, params);
  const all = await loadCampaigns(run, params.project_id);
  const chosen = params.campaign_ids
    ? params.campaign_ids.map((id, i) => {
        const c = all.find((x) => x.id === id);
        if (!c) throw notFound(run, `campaign_ids.${i}`, "campaign", id, params.project_id);
        return c;
      })
    : all;

  // The first call settles which API generation answers, so the rest do not each try a gone route.
  const first = chosen.length > 0 ? [await gatherCampaign(run, chosen[0]!, range, { resolve: false })] : [];
  const rest = await mapLimit(chosen.slice(1), 4, (c) => gatherCampaign(run, c, range, { resolve: false }));
  const data = [...first, ...rest];
  run.phase("analyse");

  for (const c of chosen) run.note("campaign", c.id, c.name, c.description);
  const report = run.finish(
    buildCampaignComparisonReport({ campaigns: data }, run.asOfMs, {
      range,
      projectId: params.project_id,
    }),
  );
  run.phase("done");
  return report;
}

export const campaignComparisonWorkflow = defineWorkflow({
  name: "campaign_comparison",
  title: "Campaign comparison",
  description:
    "Ranks several campaigns over one date range, fairly: views gained in the range per active day, per creator " +
    "and per video, so a campaign that started last week or runs with twice the creators compares fairly. Use it " +
    "to see which campaigns work; use campaign_performance for one campaign in depth. Needs project_id (every " +
    "campaign of the project) or campaign_ids. Cost on the legacy API: ceil(campaigns/100) + 1 stats call per " +
    "compared campaign. On the current API: ceil(campaigns/100) + per campaign its items (ceil(items/100) per " +
    "campaign of its tree) and one /analytics call, plus ceil(creators/100) + ceil(videos/100) once.",
  params: CampaignComparisonParams,
  report: CampaignComparisonReport,
  run: fetchCampaignComparison,
  markdown: renderCampaignComparison,
  csv: campaignComparisonCsv,
});

/** {@link campaignComparisonWorkflow} as a function. */
export function runCampaignComparison(
  client: WorkflowClient,
  params: CampaignComparisonParams & DeprecatedAsOf,
  options?: WorkflowRunOptions,
): Promise<CampaignComparisonReport> {
  return campaignComparisonWorkflow.run(client, withAsOf(params), options);
}
