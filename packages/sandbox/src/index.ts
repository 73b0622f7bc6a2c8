/**
 * @goatkit/sandbox: a stateful, seeded emulator of the trackagoat v1 API.
 * In process: `createSandboxApp()`; on a port: `startSandbox()`; in a terminal: `goatkit-sandbox`.
 * @module
 */

export { ApiError } from "./api/api-error.js";
export type { ApiGeneration } from "./api/context.js";
export { createSandboxApp, SANDBOX_KEYS, type SandboxApp, type SandboxKeys } from "./app.js";
export {
  DRIFT_TRACKING_MODE,
  DRIFT_TRACKING_STATUS,
  type DriftChange,
  type DriftKind,
  type DriftManifest,
} from "./drift/index.js";
export { API_GENERATIONS, type SandboxOptions, SCALES, type Scale } from "./options.js";
export { PortInUseError, type RunningSandbox, type StartOptions, startSandbox } from "./server.js";
export type { FaultInput, FaultSettings } from "./state/faults.js";
export { BANNED_HANDLES } from "./state/handles.js";
export type { RequestCounts } from "./state/request-log.js";
export { SandboxState } from "./state/sandbox-state.js";
export { DEMO_KEYS, generateWorld, truthJson } from "./world/index.js";
export type * from "./world/types.js";
