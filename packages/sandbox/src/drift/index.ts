/**
 * Drift mode (`startSandbox({ drift: true })`, `goatkit-sandbox --drift`): responses that differ from
 * the contract the way a real API might (renamed and dropped optional fields, unknown enum values,
 * the Part B stats shapes), with a manifest of every change.
 */
export { type DriftChange, type DriftKind, type DriftManifest, driftOff } from "./manifest.js";
export { driftResponses } from "./middleware.js";
export { createDriftPlan, DRIFT_TRACKING_MODE, DRIFT_TRACKING_STATUS, type DriftPlan } from "./plan.js";
