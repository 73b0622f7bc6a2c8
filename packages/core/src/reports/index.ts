/**
 * `@goatkit/core/reports`: every report's zod schema and type, the markdown and CSV renderers, and the
 * number formatters they use, for front ends that render or validate reports themselves.
 * @module
 */
export {
  formatCents,
  formatCompact,
  formatFixed,
  formatInt,
  formatPercent,
  formatRate,
  formatShare,
  plural,
} from "../analysis/format.js";
export { type CsvValue, csvField, renderCsv, toCsv } from "./csv/index.js";
export {
  renderCampaignComparison,
  renderCampaignContent,
  renderCampaignPerformance,
  renderCreatorTrend,
  renderMarkdown,
  renderProgramHealth,
  renderUnderperformingCreators,
} from "./markdown/index.js";
/** The table cell formats the markdown renderers use, so other renderers (the proxy's pages) write figures the same way. */
export { fixed, multiple, percent, signedPercent } from "./markdown/units.js";
/** The caveat vocabulary every report shares: codes and what each tells a reader. */
export { CAVEAT_CODE_MEANINGS, CAVEAT_CODES, Caveat, CaveatCode } from "./schema/caveat-codes.js";
export {
  ApiGeneration,
  CampaignComparisonReport,
  CampaignComparisonRow,
  CampaignContentReport,
  CampaignInfo,
  CampaignPerformanceReport,
  CampaignTreeSummary,
  Concentration,
  CreatorContentRow,
  CreatorEvaluation,
  CreatorTrendReport,
  CreatorViews,
  DailyPostCount,
  DatedValue,
  Excluded,
  Gaps,
  LifetimeTotals,
  Note,
  OutlierVideo,
  OverPostingIncident,
  OverPostingWarning,
  Pacing,
  PostingCell,
  PostingPattern,
  ProgramHealthReport,
  pacingSchema,
  RankedVideo,
  REPORT_SCHEMAS,
  Report,
  ReportFreshness,
  type ReportKind,
  ReportMeta,
  SeriesGrowth,
  seriesGrowthSchema,
  TargetProgress,
  Totals,
  TrendDirection,
  TrendWeek,
  UnderperformanceReason,
  UnderperformingCreatorsReport,
} from "./schema/index.js";
