/**
 * Pure analyses over typed trackagoat data: no I/O, deterministic, every clock passed in as `asOf`.
 * Outputs are JSON-safe: `null` where a value is undefined, never NaN or Infinity.
 * @module
 */
export * from "./campaign-performance.js";
export * from "./caveats.js";
export * from "./content.js";
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
export * from "./date-presets.js";
export * from "./dates.js";
export * from "./engagement.js";
export * from "./format.js";
export * from "./freshness.js";
export * from "./goals.js";
export type { CreatorInput, DatedValue, VideoInput } from "./inputs.js";
export * from "./outliers.js";
export * from "./over-posting.js";
export * from "./posting-pattern.js";
export * from "./scoring.js";
export * from "./stats-math.js";
export * from "./trends.js";
export * from "./underperformers.js";
export * from "./video-index.js";
