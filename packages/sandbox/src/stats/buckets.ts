/**
 * Time buckets of an analytics series. A bucket is a calendar day, ISO week (Monday start) or calendar
 * month, clipped to the requested range: its value covers only days inside `from..to`, but it is
 * labelled with its calendar start (which may precede `from`), exactly like `posting_frequency`'s
 * `week_start`, so weekly analytics and the legacy weekly buckets line up.
 */
import { isoWeekStart } from "@goatkit/core/analysis";
import { quoteValue } from "@goatkit/server";
import { monthStartNumber, nextMonthStartNumber } from "./days.js";
import { invalidQuery } from "./stats-error.js";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Bucket {
  /** Calendar start of the bucket (day number); the `bucket_start` served. */
  label: number;
  /** First and last day number the bucket covers, inclusive, clipped to the range. */
  start: number;
  end: number;
}

export function parseGranularity(value: string | undefined | null): Granularity {
  if (value === undefined || value === null) return "day";
  if ((GRANULARITIES as readonly string[]).includes(value)) return value as Granularity;
  throw invalidQuery(`granularity must be one of ${GRANULARITIES.join(", ")}, got ${quoteValue(value)}`);
}

export function makeBuckets(from: number, to: number, granularity: Granularity): Bucket[] {
  const buckets: Bucket[] = [];
  let label =
    granularity === "day" ? from : granularity === "week" ? isoWeekStart(from) : monthStartNumber(from);
  while (label <= to) {
    const next =
      granularity === "day" ? label + 1 : granularity === "week" ? label + 7 : nextMonthStartNumber(label);
    buckets.push({ label, start: Math.max(label, from), end: Math.min(next - 1, to) });
    label = next;
  }
  return buckets;
}

/** Number of days a bucket covers. */
export const bucketLength = (b: Bucket) => b.end - b.start + 1;
