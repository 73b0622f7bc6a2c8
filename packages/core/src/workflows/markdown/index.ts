/**
 * `renderMarkdown(report)`: concise markdown for an agent's answer or for PATCHing into a readme.
 * One renderer per report kind; this dispatches on `kind`.
 * @module
 */
import type { Report } from "../reports/index.js";
import { renderCampaign } from "./campaign.js";
import { renderComparison } from "./comparison.js";
import { renderContent } from "./content.js";
import { renderCreatorTrend } from "./creator-trend.js";
import { renderProgramHealth } from "./program-health.js";
import { renderUnderperformers } from "./underperformers.js";

export {
  renderCampaign,
  renderComparison,
  renderContent,
  renderCreatorTrend,
  renderProgramHealth,
  renderUnderperformers,
};

export function renderMarkdown(report: Report): string {
  switch (report.kind) {
    case "campaign":
      return renderCampaign(report);
    case "campaign_comparison":
      return renderComparison(report);
    case "underperformers":
      return renderUnderperformers(report);
    case "campaign_content":
      return renderContent(report);
    case "creator_trend":
      return renderCreatorTrend(report);
    case "program_health":
      return renderProgramHealth(report);
  }
}
