/** Small result objects of write routes that return no entity (emulator defaults of Part B). */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";
import { Id } from "./primitives.js";

/** What every `delete()` resolves to, whatever the API answered (200 with a body, 204, empty, `null`). */
export const Deleted = passThroughObject({ id: Id, deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;

/**
 * What a delete may answer with in `data`: `{ id, deleted: true }` (goatkit's reading), `null`, or
 * nothing (204 / empty body, which the client reads as `null`). `deleted: false` is refused.
 */
export const DeleteAnswer = z.union([
  z.null(),
  passThroughObject({ id: Id.optional(), deleted: z.literal(true).optional() }),
]);
export type DeleteAnswer = z.infer<typeof DeleteAnswer>;

export const Queued = passThroughObject({ queued: z.boolean() });
export type Queued = z.infer<typeof Queued>;

export const BulkUpdated = passThroughObject({ updated: z.number().int().nonnegative() });
export type BulkUpdated = z.infer<typeof BulkUpdated>;
