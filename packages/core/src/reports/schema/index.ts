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
  ConcentrationSchema,
  CreatorContentRowSchema,
  CreatorEvaluationSchema,
  CreatorViewsSchema,
  DailyPostCountSchema,
  DatedValueSchema,
  GapsSchema,
  OutlierVideoSchema,
  OverPostingIncidentSchema,
  OverPostingWarningSchema,
  PacingSchema,
  PostingCellSchema,
  PostingPatternSchema,
  pacingSchema,
  RankedVideoSchema,
  TargetProgressSchema,
  TotalsSchema,
  TrendDirectionSchema,
  UnderperformanceReasonSchema,
} from "../../analysis/results/parts.js";
export {
  CampaignComparisonReport,
  CampaignComparisonRowSchema,
  CampaignLifetimeSchema,
} from "./campaign-comparison.js";
export { CampaignContentReport } from "./campaign-content.js";
export {
  CampaignInfoSchema,
  CampaignPerformanceReport,
  CampaignTreeSummarySchema,
} from "./campaign-performance.js";
export {
  CreatorTrendReport,
  SeriesGrowthSchema,
  seriesGrowthSchema,
  TrendWeekSchema,
} from "./creator-trend.js";
export {
  ApiGeneration,
  CaveatCodeSchema,
  CaveatSchema,
  DayRangeSchema,
  ExcludedSchema,
  FreshnessSchema,
  type Note,
  NoteSchema,
  ReportMeta,
} from "./meta.js";
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
