/**
 * Where open enums report values they do not know. A tolerant reader keeps an unknown `tracking_status`
 * (say) as a plain string instead of failing the page, and tells whoever is parsing: the client collects
 * them around each parse (see client/unknown-values.ts) and warns once per field and value.
 *
 * zod 4 parses synchronously and has no per-parse context, so the collector is a module-level slot set
 * for the duration of one synchronous parse; nesting restores the outer one.
 * @module
 */

/** A value an open enum does not know, e.g. `{ field: "video.tracking_status", value: "archived" }`. */
export interface UnknownValue {
  /** `entity.field`, e.g. `video.tracking_status`. */
  field: string;
  value: string;
}

let sink: ((u: UnknownValue) => void) | undefined;

/** Runs `parse` (synchronous) with `onUnknown` receiving every unknown enum value it meets. */
export function collectUnknownValues<T>(onUnknown: (u: UnknownValue) => void, parse: () => T): T {
  const outer = sink;
  sink = onUnknown;
  try {
    return parse();
  } finally {
    sink = outer;
  }
}

/** Called by open enums; a no-op outside {@link collectUnknownValues}. */
export function reportUnknownValue(field: string, value: string): void {
  sink?.({ field, value });
}
