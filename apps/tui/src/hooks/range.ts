/**
 * The date range the screens pass to workflows: one of core's presets or a custom from/to, as the
 * workflows' own `range` / `from` / `to` params. The range's days themselves are computed by core.
 * @module
 */
import { DATE_PRESETS, type DatePreset } from "@goatkit/core";

export type RangeChoice = { preset: DatePreset } | { from: string; to: string };

export const DEFAULT_RANGE: RangeChoice = { preset: "last_30_days" };

export const RANGE_PRESETS = DATE_PRESETS;

/** The workflow params for a range choice. */
export function rangeParams(range: RangeChoice): { range?: DatePreset; from?: string; to?: string } {
  return "preset" in range ? { range: range.preset } : { from: range.from, to: range.to };
}

export function rangeLabel(range: RangeChoice): string {
  return "preset" in range ? range.preset.replaceAll("_", " ") : `${range.from} → ${range.to}`;
}
