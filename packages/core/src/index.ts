/**
 * @goatkit/core: zod schemas, a typed client and the analyses for the trackagoat v1 API.
 * @module
 */
export * from "./schema/index.js";
