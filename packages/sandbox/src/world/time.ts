/**
 * The world's calendar: the as-of instant, the snapshot days ending on its UTC day, and the analysis
 * window. Everything time-related in the generator goes through a Timeline so that day indices, day
 * strings and instants always agree.
 */
import {
  DAY_MS,
  dayNumberOfMs,
  dayString,
  fullWeekStarts,
  isoWeekStart,
  parseInstantMs,
} from "@goatkit/core/analysis";
import type { Day } from "./types.js";

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;
export const WEEK_MS = 7 * DAY_MS;

/** Days of the analysis window that the planted truth describes (D−29 … D). */
export const WINDOW_DAYS = 30;

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const DAY_PREFIX = new Map<number, string>();
const SECOND_OF_DAY: Array<string | undefined> = [];

/**
 * `Date#toISOString` for the instants the generator makes (about a million at the largest scale):
 * "YYYY-MM-DDT" is cached per day and "HH:MM:SS.000Z" per whole second of the day, so an instant costs
 * two lookups and one two-part string instead of a Date and a fresh formatted string.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  let prefix = DAY_PREFIX.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    DAY_PREFIX.set(day, prefix);
  }
  if (rest % 1000 !== 0) return new Date(ms).toISOString();
  const sec = rest / 1000;
  let time = SECOND_OF_DAY[sec];
  if (time === undefined) {
    time = `${PAD2[Math.floor(sec / 3600)]}:${PAD2[Math.floor(sec / 60) % 60]}:${PAD2[sec % 60]}.000Z`;
    SECOND_OF_DAY[sec] = time;
  }
  return prefix + time;
}

/**
 * Milliseconds of an ISO instant, NaN when unparseable. The generator's own `YYYY-MM-DDTHH:MM:SS.mmmZ`
 * is parsed by hand (core's {@link parseInstantMs}), anything else by `Date.parse`.
 */
export function parseIso(s: string): number {
  return parseInstantMs(s) ?? Number.NaN;
}

/** `YYYY-MM-DD` of the UTC day of an instant. */
export function dayOf(ms: number): Day {
  return dayString(dayNumberOfMs(ms));
}

export function utcMidnight(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Milliseconds of `YYYY-MM-DD` at 00:00 UTC. */
export function dayMs(day: Day): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export class Timeline {
  readonly nowMs: number;
  readonly nDays: number;
  /** 00:00 UTC of days[0]. */
  readonly day0Ms: number;
  /** Day number (days since 1970-01-01) of days[0]: day index i is day number day0 + i. */
  readonly day0: number;
  readonly days: Day[];
  /** Index of the as-of day D (the last snapshot day). */
  readonly asOf: number;
  /** Index of D−29, the first day of the analysis window (may be negative only in tiny custom worlds). */
  readonly windowStart: number;

  constructor(nowMs: number, nDays: number) {
    this.nowMs = nowMs;
    this.nDays = nDays;
    this.asOf = nDays - 1;
    this.day0Ms = utcMidnight(nowMs) - this.asOf * DAY_MS;
    this.day0 = dayNumberOfMs(this.day0Ms);
    this.windowStart = this.asOf - (WINDOW_DAYS - 1);
    this.days = Array.from({ length: nDays }, (_, i) => dayOf(this.day0Ms + i * DAY_MS));
  }

  /** Day index of an instant (may fall outside 0 … nDays−1). */
  index(ms: number): number {
    return Math.floor((ms - this.day0Ms) / DAY_MS);
  }

  /** 00:00:00 UTC of day i. */
  start(i: number): number {
    return this.day0Ms + i * DAY_MS;
  }

  /** 23:59:59 UTC of day i: when that day's snapshot is taken. */
  snapshotTime(i: number): number {
    return this.day0Ms + (i + 1) * DAY_MS - SECOND_MS;
  }

  /** `YYYY-MM-DD` of day i, also outside the snapshot range. */
  day(i: number): Day {
    return i >= 0 && i < this.nDays ? this.days[i]! : dayOf(this.start(i));
  }

  /** Day index of the Monday that starts the ISO week containing day index i. */
  weekStart(i: number): number {
    return isoWeekStart(this.day0 + i) - this.day0;
  }

  /** Day indices of the Mondays of ISO weeks lying fully inside the analysis window, oldest first. */
  fullWindowWeeks(): number[] {
    const window = { from: this.day(this.windowStart), to: this.day(this.asOf) };
    return fullWeekStarts(window).map((monday) => monday - this.day0);
  }
}
