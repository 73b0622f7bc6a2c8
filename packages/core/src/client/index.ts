/**
 * The typed trackagoat v1 client: `createClient()`, its error classes, pagination and option types.
 * @module
 */
export { createClient, TrackagoatClient } from "./create-client.js";
export {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  type ErrorInit,
  type ErrorResponse,
  errorFromResponse,
  GoneError,
  isTrackagoatError,
  LimitReachedError,
  NotFoundError,
  PaginationError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  TrackagoatError,
  type ValidationIssue,
} from "./errors.js";
export type { Logger } from "./logger.js";
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_USER_AGENT,
  type RateLimitOptions,
  type RequestOptions,
  VERSION,
} from "./options.js";
export { DEFAULT_TO_ARRAY_MAX, type Page, type PageFetcher, PagePromise } from "./pagination.js";
export { type RateLimiter, RollingWindowLimiter } from "./rate-limiter.js";
export type {
  AnalyticsQuery,
  PostingHeatmapQuery,
  VideoLeaderboard,
  VideoLeaderboardQuery,
} from "./resources/analytics.js";
export type { AnnotationListQuery } from "./resources/annotations.js";
export type { Acknowledgement, CampaignListQuery } from "./resources/campaigns.js";
export type { CreatorListQuery } from "./resources/creators.js";
export type { GoalComplianceQuery } from "./resources/goals.js";
export type { PayoutAccrualListQuery } from "./resources/payout-accruals.js";
export type { PayoutMethodListQuery } from "./resources/payout-methods.js";
export type { PayoutPaymentListQuery } from "./resources/payout-payments.js";
export type {
  AssignmentTarget,
  PayoutStructureListQuery,
} from "./resources/payout-structures.js";
export type { DayRangeQuery, PageParams } from "./resources/resource.js";
export type { VideoListQuery, VideoStatsQuery } from "./resources/videos.js";
export { backoffDelay, parseRetryAfter } from "./retry.js";
export type { ApiResult, HttpMethod, RequestSpec } from "./transport.js";
export type { UnknownValueSeen } from "./unknown-values.js";
export type { OnWait, WaitEvent } from "./wait.js";
