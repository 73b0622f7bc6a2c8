/**
 * Every analysis result schema the reports embed, gathered from the topic modules of this folder
 * (pacing, campaign, comparison, target, content, trends, underperformers, over-posting). Each schema
 * is the one definition of its part: the analysis type is `z.infer` of it, so a field the analysis
 * adds must be added to the schema (with its description) to compile. Every field says what it is,
 * its unit and its basis (lifetime snapshot or gained in the range): see basis.ts for the wording.
 * @module
 */
export {
  ConcentrationSchema,
  CreatorViewsSchema,
  DailyPostCountSchema,
  TotalsSchema,
} from "./campaign.js";
export { CampaignLifetimeSchema, CampaignSeriesComparisonSchema } from "./comparison.js";
export {
  ContentSummarySchema,
  CreatorContentRowSchema,
  OutlierVideoSchema,
  PostingCellSchema,
  PostingPatternSchema,
  RankedVideoSchema,
} from "./content.js";
export {
  OverPostingIncidentSchema,
  OverPostingWarningSchema,
  UnconfirmedOverPostingDaySchema,
} from "./over-posting.js";
export { DatedValueSchema, PacingSchema, pacingSchema, TrendDirectionSchema } from "./pacing.js";
export { TargetProgressSchema } from "./target.js";
export {
  CreatorTrendSeriesSchema,
  SeriesGrowthSchema,
  seriesGrowthSchema,
  TrendWeekSchema,
} from "./trends.js";
export {
  BacklogEntrySchema,
  CannotJudgeCreatorSchema,
  CannotJudgeSchema,
  CreatorEvaluationSchema,
  GapsSchema,
  ProjectBaselineSchema,
  StaleCreatorSchema,
  UnderperformanceReasonSchema,
} from "./underperformers.js";
