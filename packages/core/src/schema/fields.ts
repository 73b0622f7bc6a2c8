/** Reader fields (see readers.ts) that many entities share. Internal: not exported from the package root. */
import { z } from "zod";
import { Timestamp } from "./primitives.js";
import { documented } from "./readers.js";

/** `created_at` / `updated_at` as reader fields: documented on every entity (Part A.2), needed by none. */
export const timestampFields = {
  created_at: documented(Timestamp),
  updated_at: documented(Timestamp),
};

/** Metadata as a reader field: strict requires an object, tolerant fills `{}`. */
export const metadataField = documented(z.record(z.string(), z.unknown()), {});

/** A nullable string the API may leave out: strict requires it (string or null), tolerant fills `null`. */
export function nullableText() {
  return documented(z.string().nullable(), null);
}
