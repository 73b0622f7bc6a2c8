/**
 * The sandbox's generated world: a seeded, deterministic organisation-sized dataset with daily snapshots
 * and the planted truth it knows about itself.
 */
export { generateWorld, truthJson } from "./generate.js";
export { DEMO_KEYS } from "./keys.js";
export type { ScaleName } from "./scales.js";
/** Re-applies the truth definitions to a world's current records (e.g. after writes through the API). */
export { computeTruth } from "./truth.js";
export * from "./types.js";
