/**
 * zod schemas for every trackagoat v1 resource. Types are `z.infer` of these and nothing else:
 * the client parses responses with the tolerant readers (`Video`, `Creator`, …), tests and the parity
 * check use the strict ones (`strictSchemas`), and the sandbox validates requests with the body schemas.
 */

export {
  AggregateMeta,
  Analytics,
  AnalyticsEntity,
  AnalyticsMetric,
  AnalyticsMode,
  Annotation,
  DerivedMetric,
  EntityRef,
  PostingHeatmapCell,
  RawMetric,
  SeriesPoint,
  StrictAnalytics,
  StrictAnnotation,
  VideoLeaderboardRow,
} from "./analytics.js";
export { ApiSchema, OpenApiDocument, StrictOpenApiDocument } from "./api-schema.js";
export {
  BulkCreateCreatorsBody,
  CampaignItemBody,
  CreateAnnotationBody,
  CreateCampaignBody,
  CreateCreatorBody,
  CreateGoalBody,
  CreatePayoutMethodBody,
  CreatePayoutPaymentBody,
  CreatePayoutStructureBody,
  CreateVideoBody,
  CreatorIdsBody,
  PayoutAssignmentBody,
  TiktokHandle,
  UpdateAnnotationBody,
  UpdateCampaignBody,
  UpdateCreatorBody,
  UpdateGoalBody,
  UpdatePayoutAccrualBody,
  UpdatePayoutMethodBody,
  UpdatePayoutPaymentBody,
  UpdatePayoutStructureBody,
  UpdateVideoBody,
  VideoIdsBody,
} from "./bodies.js";
export { Campaign, CampaignItem, CampaignItemType, StrictCampaign, StrictCampaignItem } from "./campaign.js";
export { Creator, StrictCreator, TrackingMode, type TrackingModeValue } from "./creator.js";
export { DayRange, type DayRangeQuery } from "./day-range.js";
export {
  AnyEnvelope,
  ErrorEnvelope,
  ErrorMeta,
  envelope,
  ListMeta,
  listEnvelope,
  StrictErrorEnvelope,
  StrictListMeta,
} from "./envelope.js";
export {
  Goal,
  GoalAdvisory,
  GoalCompliance,
  GoalComplianceEntry,
  GoalMetric,
  GoalPeriod,
  GoalStatus,
  StrictGoal,
  StrictGoalCompliance,
} from "./goals.js";
export {
  PayoutAccrual,
  PayoutAccrualStatus,
  PayoutAssignment,
  PayoutMethod,
  PayoutPayment,
  PayoutPaymentStatus,
  PayoutRuleType,
  PayoutStructure,
  StrictPayoutAccrual,
  StrictPayoutAssignment,
  StrictPayoutMethod,
  StrictPayoutPayment,
  StrictPayoutStructure,
} from "./payouts.js";
export { Count, Day, Id, Metadata, Timestamp, timestamps } from "./primitives.js";
export { Project, StrictProject } from "./project.js";
export type { Open } from "./readers.js";
export { CalendarDay, IsoDateTime } from "./request-dates.js";
export { BulkUpdated, DeleteAnswer, Deleted, Queued } from "./results.js";
export {
  CampaignStats,
  CampaignTopCreator,
  CampaignTopVideo,
  CampaignTotals,
  CreatorStats,
  DailyTotals,
  type StatsProvenance,
  StrictCampaignStats,
  StrictCreatorStats,
  StrictVideoStats,
  VideoStats,
} from "./stats.js";
export { type StrictSchemaName, strictSchemas } from "./strict.js";
export type { UnknownValue } from "./unknown-values.js";
export {
  isKnownTrackingStatus,
  StrictVideo,
  TrackingStatus,
  type TrackingStatusValue,
  Video,
} from "./video.js";
