/**
 * The `from`/`to` query pair every stats-like route takes (Part A.1, Part B §1.9): `YYYY-MM-DD`,
 * inclusive, default the 30 days ending on the world's as-of day. Days outside the snapshot window are
 * accepted (they simply have no snapshot data); only malformed or reversed ranges are errors.
 */
import { dayString } from "@goatkit/core/analysis";
import { quoteValue } from "@goatkit/server";
import type { Day, World } from "../world/types.js";
import { dayNumber, parseDay } from "./days.js";
import { windowStartNumber } from "./snapshots.js";
import { invalidQuery } from "./stats-error.js";

export interface DayRangeQuery {
  from: Day;
  to: Day;
  /** Index of `from` in `world.days`; not clamped (may be negative or past the as-of day). */
  fromIndex: number;
  /** Index of `to` in `world.days`; not clamped. */
  toIndex: number;
}

export const DEFAULT_RANGE_DAYS = 30;
/**
 * Longest accepted range. The contract sets none; without one `from=0001-01-01` would make every
 * per-day array (video_count_by_day, analytics day buckets) hundreds of thousands of entries long.
 */
export const MAX_RANGE_DAYS = 3660;

export interface DateQuery {
  from?: string | null;
  to?: string | null;
}

function parseParam(name: string, value: string | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  const n = parseDay(value);
  if (n === null) throw invalidQuery(`${name} must be a date as YYYY-MM-DD, got ${quoteValue(value)}`);
  return n;
}

/** Day numbers of a validated query range (shared by {@link parseDateRange} and the aggregate endpoints). */
export function parseDayNumbers(query: DateQuery, asOfDay: number): { from: number; to: number } {
  const fromN = parseParam("from", query.from);
  const toN = parseParam("to", query.to);
  // A lone `from` runs to the as-of day (so a future lone `from` is a reversed range); a lone `to` gets
  // the default 30-day span ending on it.
  const to = toN ?? asOfDay;
  const from = fromN ?? to - (DEFAULT_RANGE_DAYS - 1);
  if (from > to) throw invalidQuery(`from (${dayString(from)}) is after to (${dayString(to)})`);
  if (to - from + 1 > MAX_RANGE_DAYS) throw invalidQuery(`date range longer than ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

export function parseDateRange(query: DateQuery, world: Pick<World, "days">): DayRangeQuery {
  const last = world.days.at(-1);
  if (last === undefined) throw new Error("world has no snapshot days");
  const { from, to } = parseDayNumbers(query, dayNumber(last));
  const start = windowStartNumber(world);
  return { from: dayString(from), to: dayString(to), fromIndex: from - start, toIndex: to - start };
}
