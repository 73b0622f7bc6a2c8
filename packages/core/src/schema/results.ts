/** Small result objects of write routes that return no entity (emulator defaults of Part B). */
import { z } from "zod";
import { Id } from "./primitives.js";

export const Deleted = z.looseObject({ id: Id, deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;

export const Queued = z.looseObject({ queued: z.boolean() });
export type Queued = z.infer<typeof Queued>;

export const BulkUpdated = z.looseObject({ updated: z.number().int().nonnegative() });
export type BulkUpdated = z.infer<typeof BulkUpdated>;
