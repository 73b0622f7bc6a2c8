/** The sandbox's mutable state layer. */

export { BoundedCounts, OTHER_LABEL } from "./bounded-counts.js";
export { SandboxClock } from "./clock.js";
export { Collection } from "./collection.js";
export { type CommittedResponse, WriteLedger, type WriteOutcome } from "./commit.js";
export { DailyCounter, MAX_COUNTER_IDS, SlidingWindow } from "./counters.js";
export {
  checkFaultInput,
  FaultController,
  type FaultInput,
  type FaultSettings,
  NO_FAULTS,
} from "./faults.js";
export { BANNED_HANDLES, isBannedHandle, isValidHandle, normaliseHandle } from "./handles.js";
export {
  IDEMPOTENCY_BOUNDS,
  type IdempotencyBounds,
  IdempotencyStore,
  type StoredResponse,
} from "./idempotency.js";
export { assertWithinLimit, limitOf, retentionDays } from "./limits.js";
export {
  INVALID_KEY_LABEL,
  keyLabelOf,
  NO_KEY_LABEL,
  REQUEST_LOG_MAX_LABELS,
  type RequestCounts,
  RequestLog,
  redactKey,
} from "./request-log.js";
export { campaignItemId, SandboxState, type SandboxStateOptions } from "./sandbox-state.js";
export { SortedList } from "./sorted-list.js";
export type { AnnotationRecord } from "./types.js";
