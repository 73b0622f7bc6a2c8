/**
 * Every report's zod schema, and `Report`, the union front ends render. Reports are plain JSON data:
 * no Dates, Maps or NaN; `null` where a value is undefined.
 * @module
 */
import { z } from "zod";
import { CampaignComparisonReport } from "./campaign-comparison.js";
import { CampaignContentReport } from "./campaign-content.js";
import { CampaignPerformanceReport } from "./campaign-performance.js";
import { CreatorTrendReport } from "./creator-trend.js";
import { ProgramHealthReport } from "./program-health.js";
import { UnderperformingCreatorsReport } from "./underperforming-creators.js";

export {
  Concentration,
  CreatorContentRow,
  CreatorEvaluation,
  CreatorViews,
  DailyPostCount,
  DatedValue,
  Gaps,
  OutlierVideo,
  OverPostingIncident,
  OverPostingWarning,
  Pacing,
  PostingCell,
  PostingPattern,
  pacingSchema,
  RankedVideo,
  TargetProgress,
  Totals,
  TrendDirection,
  UnderperformanceReason,
} from "../../analysis/results/parts.js";
export {
  CampaignComparisonReport,
  CampaignComparisonRow,
  LifetimeTotals,
} from "./campaign-comparison.js";
export { CampaignContentReport } from "./campaign-content.js";
export {
  CampaignInfo,
  CampaignPerformanceReport,
  CampaignTreeSummary,
} from "./campaign-performance.js";
export {
  CreatorTrendReport,
  SeriesGrowth,
  seriesGrowthSchema,
  TrendWeek,
} from "./creator-trend.js";
export { ApiGeneration, Excluded, Note, ReportFreshness, ReportMeta } from "./meta.js";
export { ProgramHealthReport } from "./program-health.js";
export { UnderperformingCreatorsReport } from "./underperforming-creators.js";

export const Report = z.discriminatedUnion("kind", [
  CampaignPerformanceReport,
  CampaignComparisonReport,
  UnderperformingCreatorsReport,
  CampaignContentReport,
  CreatorTrendReport,
  ProgramHealthReport,
]);
export type Report = z.infer<typeof Report>;
export type ReportKind = Report["kind"];

/** The schema of one report kind, e.g. to validate a report received over the wire. */
export const REPORT_SCHEMAS = {
  campaign_performance: CampaignPerformanceReport,
  campaign_comparison: CampaignComparisonReport,
  underperforming_creators: UnderperformingCreatorsReport,
  campaign_content: CampaignContentReport,
  creator_trend: CreatorTrendReport,
  program_health: ProgramHealthReport,
} as const;
