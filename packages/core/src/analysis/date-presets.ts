/**
 * Named date ranges every front end offers (`--range last_7_days`, a TUI switch, an MCP enum). Each ends on
 * the analysis day inclusive, like the API's own default range, so "last 7 days" is today and the six
 * days before it.
 * @module
 */
import { civilFromDays, type DayRange, dayNumberOfMs, dayString, daysFromCivil } from "./dates.js";

export const DATE_PRESETS = [
  "last_7_days",
  "last_30_days",
  "last_90_days",
  "this_month",
  "last_month",
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export function isDatePreset(value: unknown): value is DatePreset {
  return typeof value === "string" && (DATE_PRESETS as readonly string[]).includes(value);
}

/**
 * The days a preset covers on the analysis day of `asOfMs` (UTC).
 *
 * @example
 * presetRange("last_7_days", Date.parse("2026-12-02T09:00:00Z")) // { from: "2026-11-26", to: "2026-12-02" }
 * presetRange("last_month", Date.parse("2026-12-02T09:00:00Z"))  // { from: "2026-11-01", to: "2026-11-30" }
 */
export function presetRange(preset: DatePreset, asOfMs: number): DayRange {
  const today = dayNumberOfMs(asOfMs);
  const last = (days: number) => ({ from: dayString(today - (days - 1)), to: dayString(today) });
  const [year, month] = civilFromDays(today);
  switch (preset) {
    case "last_7_days":
      return last(7);
    case "last_30_days":
      return last(30);
    case "last_90_days":
      return last(90);
    case "this_month":
      return { from: dayString(daysFromCivil(year, month, 1)), to: dayString(today) };
    case "last_month": {
      const firstOfThis = daysFromCivil(year, month, 1);
      const [py, pm] = civilFromDays(firstOfThis - 1);
      return { from: dayString(daysFromCivil(py, pm, 1)), to: dayString(firstOfThis - 1) };
    }
  }
}
