/**
 * Building blocks shared by every resource schema: ids, timestamps, calendar days, metadata.
 * Kept permissive on purpose: the real API may format values a little differently than the contract,
 * and a client that rejects a valid response is worse than one that accepts an odd one.
 */
import { z } from "zod";

/** A resource id. The API uses UUIDs; we do not insist on the format. */
export const Id = z.string().min(1);

/** An ISO 8601 instant, e.g. `2026-04-01T12:00:00Z`. */
export const Timestamp = z.string().min(1);

/** A calendar day `YYYY-MM-DD`. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD");
export type Day = z.infer<typeof Day>;

/** Agent-writable free-form object; `{}` when the API leaves it out. */
export const Metadata = z.record(z.string(), z.unknown()).default({});

/** Non-negative integer counter (views, likes, …). Tolerates numbers the API sends as floats. */
export const Count = z.number().nonnegative();

/** `created_at` / `updated_at`, carried by every entity. */
export const timestamps = {
  created_at: Timestamp,
  updated_at: Timestamp.optional(),
};
