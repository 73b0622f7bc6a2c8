/**
 * Stats computations of the sandbox: every stats-like response computed from the world's daily
 * snapshots, independent of HTTP and of the state layer (callers pass the already filtered records).
 */

export {
  LEADERBOARD_ORDERS,
  type LeaderboardOrder,
  type LeaderboardQuery,
  postingHeatmap,
  videoLeaderboard,
} from "./aggregates.js";
export { type AnalyticsParams, type AnalyticsTarget, analytics, OTHER_REF, parseTz } from "./analytics.js";
export { ANALYTICS_CSV_HEADER, analyticsCsv } from "./analytics-csv.js";
export { type Bucket, type Granularity, makeBuckets } from "./buckets.js";
export { campaignStats } from "./campaign-stats.js";
export { type CampaignLookup, resolveCampaignVideos } from "./campaign-tree.js";
export { countedOnly, isCounted } from "./counted.js";
export { creatorStats } from "./creator-stats.js";
export { COUNTERS, type DailySeries, dailySeries } from "./daily-series.js";
export { instantDayNumber, parseDay } from "./days.js";
export {
  type GoalComplianceQuery,
  type GoalEntryInput,
  goalCompliance,
  periodDays,
} from "./goal-compliance.js";
export { DERIVED_METRICS, type Metric, type Mode, RAW_METRICS, unitOf } from "./metrics.js";
export {
  type DateQuery,
  type DayRangeQuery,
  DEFAULT_RANGE_DAYS,
  MAX_RANGE_DAYS,
  parseDateRange,
} from "./range.js";
export { clampToWindow, dayIndexOf, sumSnapshots, videoSnapshotAt } from "./snapshots.js";
export { StatsError, type StatsErrorCode } from "./stats-error.js";
export { type VideoStatsOptions, videoStats } from "./video-stats.js";
