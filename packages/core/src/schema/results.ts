/** Small result objects of write routes that return no entity (emulator defaults of Part B). */
import { z } from "zod";
import { Id } from "./primitives.js";

/** What every `delete()` resolves to, whatever the API answered (200 with a body, 204, empty, `null`). */
export const Deleted = z.looseObject({ id: Id, deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;

/**
 * What a delete may answer with in `data`: `{ id, deleted: true }` (goatkit's reading), `null`, or
 * nothing (204 / empty body, which the client reads as `null`). `deleted: false` is refused.
 */
export const DeleteAnswer = z.union([
  z.null(),
  z.looseObject({ id: Id.optional(), deleted: z.literal(true).optional() }),
]);
export type DeleteAnswer = z.infer<typeof DeleteAnswer>;

export const Queued = z.looseObject({ queued: z.boolean() });
export type Queued = z.infer<typeof Queued>;

export const BulkUpdated = z.looseObject({ updated: z.number().int().nonnegative() });
export type BulkUpdated = z.infer<typeof BulkUpdated>;
