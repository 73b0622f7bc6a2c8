/**
 * The object reader for API records (creators, videos, stats rows, list meta, …): tolerant of fields a
 * newer API adds, closed to typos in code.
 *
 * The static type and the runtime deliberately differ. At runtime the object is loose: a field this
 * version of goatkit does not know is kept, so callers (and the parity check) still see it. The
 * declared type is a strip object, so `z.infer` lists only the known fields, with no
 * `[k: string]: unknown` index signature: `creator.folower_count` is a type error rather than a silent
 * `unknown`. Read a field goatkit does not know yet through a cast, e.g.
 * `(creator as Record<string, unknown>).new_field`.
 *
 * Genuinely open maps (`metadata`, an OpenAPI document) are `z.record(...)` or `z.looseObject({})`, not this.
 * @module
 */
import { z } from "zod";

/** A loose object at runtime, typed as a strip object (see the module comment for why). */
export function passThroughObject<S extends z.core.$ZodLooseShape>(
  shape: S,
): z.ZodObject<z.core.util.Writeable<S>, z.core.$strip> {
  return z.looseObject(shape) as unknown as z.ZodObject<z.core.util.Writeable<S>, z.core.$strip>;
}
