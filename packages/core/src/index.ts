/**
 * @goatkit/core: zod schemas, a typed client and the analyses for the trackagoat v1 API.
 * @module
 */

export * from "./analysis/index.js";
export * from "./cache/index.js";
export * from "./client/index.js";
export * from "./parity/index.js";
export * from "./schema/index.js";
export * from "./workflows/index.js";
