/**
 * The `{ data, error, meta }` envelope every JSON response is wrapped in (api-contract §1.4), and the
 * error body and list `meta` that ride in it.
 */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";

/** Error `meta`: always carries `code` in the current API; other fields depend on the code. */
export const ErrorMeta = passThroughObject({
  code: z.string().optional(),
  retryAfter: z.number().optional(),
  replacement: z.string().optional(),
  limitKey: z.string().optional(),
  current: z.number().optional(),
  max: z.number().optional(),
  required: z.string().optional(),
  granted: z.array(z.string()).optional(),
});
export type ErrorMeta = z.infer<typeof ErrorMeta>;

/** A failed response: `data` is null, `error` a human-readable message. */
export const ErrorEnvelope = z.object({
  data: z.null(),
  error: z.string(),
  meta: ErrorMeta.nullable(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Strict error envelope: exactly `data: null`, a message, and `meta.code` (Part A.1: always present). */
export const StrictErrorEnvelope = z.strictObject({
  data: z.null(),
  error: z.string(),
  meta: ErrorMeta.extend({ code: z.string() }),
});
export type StrictErrorEnvelope = z.infer<typeof StrictErrorEnvelope>;

/** Cursor pagination `meta` of list endpoints (Part A.1). */
export const ListMeta = passThroughObject({
  nextCursor: z.string().nullable().default(null),
  hasMore: z.boolean(),
  limit: z.number().int().optional(),
});
export type ListMeta = z.infer<typeof ListMeta>;

/** Strict list `meta`: `nextCursor` and `hasMore` (Part A.1); `limit` is an emulator default, so optional. */
export const StrictListMeta = z.strictObject({
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  limit: z.number().int().optional(),
});
export type StrictListMeta = z.infer<typeof StrictListMeta>;

/** A successful single-object response. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, error: z.null(), meta: z.looseObject({}).nullable().optional() });
}

/** A successful list page. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), error: z.null(), meta: ListMeta });
}

/** The generic shape, used before we know whether a body is a success or a failure. */
export const AnyEnvelope = z.object({
  data: z.unknown(),
  error: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
});
