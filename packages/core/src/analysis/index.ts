/**
 * Pure analyses over typed trackagoat data: no I/O, deterministic, every clock passed in as `asOf`.
 * Outputs are JSON-safe: `null` where a value is undefined, never NaN or Infinity.
 * @module
 */
export {
  baselineSeries,
  type CampaignSeriesComparison,
  type CampaignTotalsLike,
  type ComparableCampaign,
  type Concentration,
  compareCampaignSeries,
  concentration,
  createdBaselineDay,
  dailyGains,
  gainUnknownReason,
  type LifetimeTotals,
  type Pacing,
  type PacingOptions,
  pacing,
  type TargetBasis,
  type TargetInput,
  type TargetProgress,
  type TargetStatus,
  type TrendDirection,
  targetEndDay,
  targetProgress,
  totalsFromVideos,
  type ViewsSinceCreated,
  viewsByCreator,
  viewsSinceCreated,
} from "./campaign-performance.js";
export {
  analyzeContent,
  type ContentAnalysis,
  type ContentOptions,
  type CreatorContentRow,
  type RankedVideo,
  topK,
} from "./content.js";
export {
  type CountableVideo,
  type CountedClass,
  countedClass,
  isCountedVideo,
  type LeftOutCounts,
  leftOutCounts,
  type PartitionCounts,
  partitionVideos,
  type VideoPartition,
} from "./counted.js";
export { DATE_PRESETS, type DatePreset, isDatePreset, presetRange } from "./date-presets.js";
export {
  addDays,
  civilFromDays,
  DAY_MS,
  type DayRange,
  dayNumber,
  dayNumberOfMs,
  dayOfWeek,
  dayString,
  daysBetween,
  daysFromCivil,
  eachDay,
  fullWeekStarts,
  HOUR_MS,
  type Instant,
  instantIso,
  instantMs,
  isoWeekStart,
  overlappingWeekStarts,
  parseInstantMs,
  rangeLength,
  resolveWindow,
  utcDay,
} from "./dates.js";
export { engagementRateByViews, pooledEngagementRate } from "./engagement.js";
export {
  type FreshnessOptions,
  type FreshnessSummary,
  isStale,
  mergeFreshness,
  STALE_AFTER_HOURS,
  summarizeFreshness,
} from "./freshness.js";
export {
  BEHIND_PACE_SHARE,
  GOAL_FINAL_AFTER_HOURS,
  type GoalPace,
  type GoalPaceInput,
  goalFinality,
  goalPace,
  periodBounds,
  statusCounts,
} from "./goals.js";
export type { CreatorInput, DatedValue, VideoInput } from "./inputs.js";
export { findOutliers, type OutlierAnalysis, type OutlierOptions, type OutlierVideo } from "./outliers.js";
export {
  findOverPosting,
  type OverPostingAnalysis,
  type OverPostingIncident,
  type OverPostingOptions,
  type OverPostingWarning,
  type UnconfirmedOverPostingDay,
} from "./over-posting.js";
export {
  DOW_NAMES,
  type PostingCell,
  type PostingPattern,
  postingPattern,
  postingPatternOf,
} from "./posting-pattern.js";
export {
  finiteOrNull,
  linearSlope,
  MAD_TO_SIGMA,
  mad,
  mean,
  median,
  medianOfSorted,
  quantile,
  quantileOfSorted,
  quantileSelect,
  relativeChange,
  robustZ,
  round,
  safeRatio,
  selectKth,
  sum,
} from "./stats-math.js";
export {
  analyzeCreatorTrendSeries,
  type CreatorTrendAnalysis,
  clipSeries,
  pendingWeekStarts,
  postsOnDay,
  type SeriesGrowth,
  type TrendWeek,
  type WeeklyPosts,
  weeklyPostsFromVideos,
  weeklyPostsInRange,
} from "./trends.js";
export {
  type CannotJudge,
  type CreatorEvaluation,
  compareSeverity,
  findUnderperformers,
  MIN_TRACKED_DAYS,
  type ProjectBaseline,
  UNDERPERFORMANCE_REASONS,
  type UnderperformanceReason,
  type UnderperformerAnalysis,
  type UnderperformerOptions,
} from "./underperformers.js";
export { asIndex, creatorRange, engagementActions, indexVideos, type VideoIndex } from "./video-index.js";
