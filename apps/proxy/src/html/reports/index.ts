/**
 * The report page for any catalogue workflow: a renderer per report kind, and for a kind without one
 * (a workflow added to core since) a plain page with its highlights, caveats, footer and the workflow's
 * own markdown as text, so every derived route can answer `format=html`.
 * @module
 */
import type {
  CampaignComparisonReport,
  CampaignContentReport,
  CampaignPerformanceReport,
  CreatorTrendReport,
  ProgramHealthReport,
  ReportMeta,
  UnderperformingCreatorsReport,
  Workflow,
} from "@goatkit/core";
import { html } from "../escape.js";
import { type PageContent, reportPage, section } from "../page.js";
import { campaignComparison } from "./campaign-comparison.js";
import { campaignContent } from "./campaign-content.js";
import { campaignPerformance } from "./campaign-performance.js";
import { creatorTrend } from "./creator-trend.js";
import { programHealth } from "./program-health.js";
import { underperformingCreators } from "./underperforming-creators.js";

// biome-ignore lint/suspicious/noExplicitAny: each renderer takes its own report type; `kind` picks it.
const RENDERERS: Record<string, (report: any, title: string) => PageContent> = {
  campaign_performance: (r: CampaignPerformanceReport, t) => campaignPerformance(r, t),
  campaign_comparison: (r: CampaignComparisonReport, t) => campaignComparison(r, t),
  underperforming_creators: (r: UnderperformingCreatorsReport, t) => underperformingCreators(r, t),
  campaign_content: (r: CampaignContentReport, t) => campaignContent(r, t),
  creator_trend: (r: CreatorTrendReport, t) => creatorTrend(r, t),
  program_health: (r: ProgramHealthReport, t) => programHealth(r, t),
};

/** The report kinds with a page of their own. */
export const HTML_REPORT_KINDS = Object.keys(RENDERERS);

/** The whole HTML document for `report`, the object the workflow returned (and the JSON route sends). */
export function renderReportHtml(workflow: Workflow, report: unknown): string {
  const r = report as { kind: string; meta: ReportMeta; highlights?: string[] };
  const render = RENDERERS[r.kind];
  if (render) return reportPage(render(report, workflow.title));
  return reportPage({
    kind: workflow.title,
    title: workflow.title,
    meta: r.meta,
    figures: [],
    highlights: r.highlights ?? [],
    body: section("Report", html`<pre class="markdown">${workflow.markdown(report as never)}</pre>`),
  });
}
