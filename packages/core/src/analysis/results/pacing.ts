/**
 * Pacing of a cumulative series (views, followers) over a range: the result of `pacing()` in
 * campaign-performance.ts, and the part every report embeds for it. The schema is the definition;
 * `Pacing` is inferred from it, so a field the analysis adds must be added here to compile.
 * @module
 */
import { z } from "zod";
import { DAY, FRACTION, IN_RANGE } from "./basis.js";
import { Int, Num, NumOrNull } from "./numbers.js";

/** A generic dated figure; the field that holds it names the figure and its unit. */
export const DatedValue = z.object({
  date: z.string().describe(`The day, ${DAY}.`),
  value: Num.describe("The figure of that day; its unit and basis are those of the field holding the list."),
});
/** A dated value of a time series (`{ date, value }`), e.g. cumulative views at each day's end. */
export type DatedValue = z.infer<typeof DatedValue>;

export const TrendDirection = z
  .enum(["accelerating", "steady", "slowing", "insufficient_data"])
  .describe(
    "Mean daily gain of the range's second half against its first: accelerating above +15 %, slowing below " +
      "−15 %, steady in between; insufficient_data with fewer than 4 daily gains or none above 0.",
  );
export type TrendDirection = z.infer<typeof TrendDirection>;

/** Pacing of a cumulative series in `unit` (views or followers) over the range. */
export function pacingSchema(unit: string) {
  return z.object({
    day_count: Int.describe(
      "Days of the range with a daily gain: one per day when the history reaches back to the day before `from`.",
    ),
    gained: NumOrNull.describe(
      `${unit} ${IN_RANGE}; null when unknown: no reading for the day before the range (see gain_unknown_reason), never 0 for unknown.`,
    ),
    baseline_date: z
      .string()
      .nullable()
      .describe(`The day of the baseline reading the gain is measured from, ${DAY}; null without one.`),
    gain_unknown_reason: z
      .string()
      .nullable()
      .describe(
        'Why gained is unknown, e.g. "no reading before the range: the history starts on 2025-12-16"; null when known.',
      ),
    avg_per_day: NumOrNull.describe(`${unit} gained per day: gained / day_count.`),
    recent_per_day: NumOrNull.describe(`${unit} gained per day over the range's last 7 days.`),
    slope_per_day: NumOrNull.describe(
      `Least-squares slope of the daily gains: change in ${unit} gained per day, per day.`,
    ),
    first_half_avg: NumOrNull.describe(`Mean daily ${unit} gained over the first half of the range.`),
    second_half_avg: NumOrNull.describe(`Mean daily ${unit} gained over the second half of the range.`),
    acceleration: NumOrNull.describe(
      `second_half_avg / first_half_avg − 1, ${FRACTION}; null when the first half gained nothing.`,
    ),
    direction: TrendDirection,
    daily: z
      .array(
        z.object({
          date: z.string().describe(`The day, ${DAY}.`),
          value: Num.describe(`${unit} gained that day: its end-of-day level − the previous day's.`),
        }),
      )
      .describe(`${unit} gained per day of the range, one entry per day with a gain.`),
  });
}

export const Pacing = pacingSchema("Views");
/** Pacing of a cumulative series; the same shape whatever the unit its descriptions name. */
export type Pacing = z.infer<typeof Pacing>;
