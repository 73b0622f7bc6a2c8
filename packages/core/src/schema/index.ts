/**
 * zod schemas for every trackagoat v1 resource. Types are `z.infer` of these and nothing else:
 * the client parses responses with the tolerant readers (`Video`, `Creator`, …), tests and the parity
 * check use the strict ones (`strictSchemas`), and the sandbox validates requests with the body schemas.
 */

export * from "./analytics.js";
export * from "./api-schema.js";
export * from "./bodies.js";
export * from "./campaign.js";
export * from "./creator.js";
export * from "./envelope.js";
export * from "./goals.js";
export * from "./payouts.js";
export * from "./primitives.js";
export * from "./project.js";
export type { Open } from "./readers.js";
export * from "./request-dates.js";
export * from "./results.js";
export * from "./stats.js";
export * from "./strict.js";
export type { UnknownValue } from "./unknown-values.js";
export * from "./video.js";
