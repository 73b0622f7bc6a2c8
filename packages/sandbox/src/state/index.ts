/** The sandbox's mutable state layer. */

export { SandboxClock } from "./clock.js";
export { Collection } from "./collection.js";
export {
  checkFaultInput,
  FaultController,
  type FaultInput,
  type FaultSettings,
  NO_FAULTS,
} from "./faults.js";
export { BANNED_HANDLES, isBannedHandle, isValidHandle, normaliseHandle } from "./handles.js";
export { IdempotencyStore, type StoredResponse } from "./idempotency.js";
export { assertWithinLimit, limitOf, retentionDays } from "./limits.js";
export { type RequestCounts, RequestLog, redactKey } from "./request-log.js";
export { campaignItemId, SandboxState, type SandboxStateOptions } from "./sandbox-state.js";
export { SortedList } from "./sorted-list.js";
export type { AnnotationRecord } from "./types.js";
