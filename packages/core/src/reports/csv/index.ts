/**
 * `renderCsv(report)`: the main table of any report as RFC 4180 CSV, beside `renderMarkdown`.
 * @module
 */
import type { Report } from "../schema/index.js";
import { campaignComparisonCsv } from "./campaign-comparison.js";
import { campaignContentCsv } from "./campaign-content.js";
import { campaignPerformanceCsv } from "./campaign-performance.js";
import { creatorTrendCsv } from "./creator-trend.js";
import { programHealthCsv } from "./program-health.js";
import { underperformingCreatorsCsv } from "./underperforming-creators.js";

export { type CsvValue, csvField, toCsv } from "./common.js";

export function renderCsv(report: Report): string {
  switch (report.kind) {
    case "campaign_performance":
      return campaignPerformanceCsv(report);
    case "campaign_comparison":
      return campaignComparisonCsv(report);
    case "underperforming_creators":
      return underperformingCreatorsCsv(report);
    case "campaign_content":
      return campaignContentCsv(report);
    case "creator_trend":
      return creatorTrendCsv(report);
    case "program_health":
      return programHealthCsv(report);
  }
}
