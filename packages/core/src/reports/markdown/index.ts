/**
 * `renderMarkdown(report)`: concise markdown for an agent's answer or for PATCHing into a readme.
 * One renderer per report kind; this dispatches on `kind`.
 * @module
 */
import type { Report } from "../schema/index.js";
import { renderCampaignComparison } from "./campaign-comparison.js";
import { renderCampaignContent } from "./campaign-content.js";
import { renderCampaignPerformance } from "./campaign-performance.js";
import { renderCreatorTrend } from "./creator-trend.js";
import { renderProgramHealth } from "./program-health.js";
import { renderUnderperformingCreators } from "./underperforming-creators.js";

export {
  renderCampaignComparison,
  renderCampaignContent,
  renderCampaignPerformance,
  renderCreatorTrend,
  renderProgramHealth,
  renderUnderperformingCreators,
};

export function renderMarkdown(report: Report): string {
  switch (report.kind) {
    case "campaign_performance":
      return renderCampaignPerformance(report);
    case "campaign_comparison":
      return renderCampaignComparison(report);
    case "underperforming_creators":
      return renderUnderperformingCreators(report);
    case "campaign_content":
      return renderCampaignContent(report);
    case "creator_trend":
      return renderCreatorTrend(report);
    case "program_health":
      return renderProgramHealth(report);
  }
}
