/**
 * Every analysis result schema the reports embed, gathered from the topic modules of this folder
 * (pacing, campaign, comparison, target, content, trends, underperformers, over-posting). Each schema
 * is the one definition of its part: the analysis type is `z.infer` of it, so a field the analysis
 * adds must be added to the schema (with its description) to compile. Every field says what it is,
 * its unit and its basis (lifetime snapshot or gained in the range): see basis.ts for the wording.
 * @module
 */
export {
  Concentration,
  CreatorViews,
  DailyPostCount,
  Totals,
} from "./campaign.js";
export { CampaignSeriesComparison, LifetimeTotals } from "./comparison.js";
export {
  ContentSummary,
  CreatorContentRow,
  OutlierVideo,
  PostingCell,
  PostingPattern,
  RankedVideo,
} from "./content.js";
export {
  OverPostingIncident,
  OverPostingWarning,
  UnconfirmedOverPostingDay,
} from "./over-posting.js";
export { DatedValue, Pacing, pacingSchema, TrendDirection } from "./pacing.js";
export { TargetProgress } from "./target.js";
export {
  CreatorTrendSeries,
  SeriesGrowth,
  seriesGrowthSchema,
  TrendWeek,
} from "./trends.js";
export {
  BacklogEntry,
  CannotJudge,
  CannotJudgeCreator,
  CreatorEvaluation,
  Gaps,
  ProjectBaseline,
  StaleCreator,
  UnderperformanceReason,
} from "./underperformers.js";
