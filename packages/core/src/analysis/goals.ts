/**
 * Goal status by the documented pace rule, and what it would take to meet the goal. Once the period
 * has ended a goal is completed (actual ≥ target) or missed. Before that the actual is projected to
 * the period end at the pace so far (actual / elapsed fraction of the period): on_track when the
 * projection reaches the target, behind_pace when it reaches 70 % of it, at_risk below.
 * At least one hour counts as elapsed, so a period that just began does not project to infinity; an
 * engagement goal is a rate, not a sum, so its projection is the actual itself (as the API does).
 * A period's numbers are final only 48 h after it closed (goals guide, "Data advisories": late posts
 * may still flow through the scrape pipeline): until then `final` is false, and a `missed` is provisional.
 * @module
 */
import type { GoalMetric, GoalPeriod, GoalStatus } from "../schema/goals.js";
import {
  DAY_MS,
  dayNumber,
  dayNumberOfMs,
  dayString,
  HOUR_MS,
  type Instant,
  instantMs,
  isoWeekStart,
  parseInstantMs,
} from "./dates.js";
import { finiteOrNull, round } from "./stats-math.js";

export const BEHIND_PACE_SHARE = 0.7;

/** Hours after a period closes until its numbers are final. */
export const GOAL_FINAL_AFTER_HOURS = 48;

/** Float slack so that 70 % computed as 10.5 / 15 still counts as 70 %. */
const EPS = 1e-9;

export interface GoalPaceInput {
  target: number;
  actual: number;
  /** Period start: an ISO instant, or a day meaning its 00:00 UTC. */
  period_start: string;
  /** Period end: an ISO instant (exclusive), or a day meaning the whole of that day (inclusive). */
  period_end: string;
  /** `engagement` is a rate and is not projected; the other metrics accumulate. */
  metric?: GoalMetric;
}

export interface GoalPace {
  status: GoalStatus;
  /** Share of the period elapsed at asOf, in [0, 1]. */
  elapsed_fraction: number;
  /** actual / elapsed_fraction (the actual itself for engagement); `null` before the period starts. */
  projected: number | null;
  /** projected / target (or actual / target once ended); `null` without a target. */
  pace: number | null;
  remaining: number;
  remaining_days: number;
  /** What it takes: the remainder spread over the days left; `null` once the period is over. */
  required_per_day: number | null;
  /** The pace so far, per day. */
  current_per_day: number | null;
  /**
   * Whether the numbers are final: the period closed at least 48 h before asOf. A period in progress is
   * a projection, and one closed more recently is provisional (late posts may still arrive).
   */
  final: boolean;
  /** When the numbers become final: the period's end + 48 h (ISO instant). */
  final_at: string;
}

function boundMs(value: string, isEnd: boolean): number {
  if (value.length === 10) {
    const d = dayNumber(value);
    if (d === null) throw new RangeError(`invalid period bound: ${value}`);
    return (isEnd ? d + 1 : d) * DAY_MS;
  }
  const ms = parseInstantMs(value);
  if (ms === null) throw new RangeError(`invalid period bound: ${value}`);
  return ms;
}

/** Status and "what it takes" for one goal period at asOf. */
export function goalPace(input: GoalPaceInput, asOf: Instant): GoalPace {
  const now = instantMs(asOf);
  const start = boundMs(input.period_start, false);
  const end = boundMs(input.period_end, true);
  const length = Math.max(end - start, 1);
  const elapsed = Math.min(1, Math.max(0, (now - start) / length));
  const paceElapsed = Math.min(1, Math.max(now - start, HOUR_MS) / length);
  const { target, actual } = input;
  const remaining = Math.max(0, target - actual);
  const remainingDays = Math.max(0, (end - Math.max(now, start)) / DAY_MS);
  const elapsedDays = Math.max(0, (Math.min(now, end) - start) / DAY_MS);
  const ended = now >= end;
  const started = now >= start;
  const projected = ended || input.metric === "engagement" ? actual : started ? actual / paceElapsed : null;

  let status: GoalStatus;
  if (ended) status = actual + EPS >= target ? "completed" : "missed";
  else if (projected === null || projected + EPS >= target) status = "on_track";
  else if (projected + EPS >= BEHIND_PACE_SHARE * target) status = "behind_pace";
  else status = "at_risk";

  return {
    status,
    elapsed_fraction: round(elapsed, 4)!,
    projected: round(projected, 2),
    pace: target > 0 && projected !== null ? round(projected / target, 4) : null,
    remaining: round(remaining, 2)!,
    remaining_days: round(remainingDays, 2)!,
    required_per_day: ended || remainingDays <= 0 ? null : round(remaining / remainingDays, 2),
    current_per_day: elapsedDays > 0 ? round(finiteOrNull(actual / elapsedDays), 2) : null,
    ...goalFinality(end, now),
  };
}

/** Whether a period ending at `endMs` (exclusive) has final numbers at `nowMs`, and from when. */
export function goalFinality(endMs: number, nowMs: number): { final: boolean; final_at: string } {
  const finalMs = endMs + GOAL_FINAL_AFTER_HOURS * HOUR_MS;
  return { final: nowMs >= finalMs, final_at: new Date(finalMs).toISOString() };
}

/** The calendar period (UTC) of a goal containing asOf: a day, an ISO week, or a month. */
export function periodBounds(period: GoalPeriod, asOf: Instant): { start: string; end: string } {
  const day = dayNumberOfMs(instantMs(asOf));
  if (period === "daily") return { start: dayString(day), end: dayString(day) };
  if (period === "weekly") {
    const monday = isoWeekStart(day);
    return { start: dayString(monday), end: dayString(monday + 6) };
  }
  const first = `${dayString(day).slice(0, 7)}-01`;
  const [y, m] = first.split("-").map(Number) as [number, number];
  const nextFirst = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { start: first, end: dayString(dayNumber(nextFirst)! - 1) };
}

/** The share of the compliance entries in each status. */
export function statusCounts(statuses: Iterable<GoalStatus>): Record<GoalStatus, number> {
  const counts: Record<GoalStatus, number> = {
    on_track: 0,
    behind_pace: 0,
    at_risk: 0,
    completed: 0,
    missed: 0,
  };
  for (const s of statuses) counts[s]++;
  return counts;
}
