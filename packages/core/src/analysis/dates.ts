/**
 * Calendar arithmetic in UTC. Days are handled as integers (days since 1970-01-01) inside the
 * analyses and as `YYYY-MM-DD` strings at their edges; ISO weeks start on Monday, as the API's
 * `posting_frequency` buckets do. Parsing has a fast path for the API's own timestamp format because
 * the analyses parse one timestamp per video and a 250,000-video project must not pay `new Date()` each.
 * @module
 */
import type { DayRange } from "../schema/day-range.js";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type { DayRange };

function digits(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; exact for every
 * year, month 1–12). Day-of-month overflow carries on linearly (Feb 30 = Mar 2); no validation.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Two ASCII digits at `i` as a number, or a negative number when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant, or `null` when it cannot be parsed.
 * The API's own forms `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.fffZ` are parsed by hand
 * (several times faster than Date.parse); anything else (offsets, other precisions) goes to Date.parse.
 */
export function parseInstantMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const len = iso.length;
  if (
    (len === 20 || (len === 24 && iso.charCodeAt(19) === 46)) /* . */ &&
    iso.charCodeAt(len - 1) === 90 /* Z */ &&
    iso.charCodeAt(10) === 84 /* T */ &&
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45 &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58
  ) {
    const yHi = two(iso, 0);
    const yLo = two(iso, 2);
    const mo = two(iso, 5);
    const d = two(iso, 8);
    const h = two(iso, 11);
    const mi = two(iso, 14);
    const sec = two(iso, 17);
    let ms = 0;
    if (len === 24) {
      const a = two(iso, 20);
      const c = iso.charCodeAt(22) - 48;
      ms = a < 0 || c < 0 || c > 9 ? -1 : a * 10 + c;
    }
    if (
      yHi >= 0 &&
      yLo >= 0 &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= 31 &&
      h >= 0 &&
      h < 24 &&
      mi >= 0 &&
      mi < 60 &&
      sec >= 0 &&
      sec < 61 &&
      ms >= 0
    ) {
      return daysFromCivil(yHi * 100 + yLo, mo, d) * DAY_MS + h * HOUR_MS + mi * 60_000 + sec * 1000 + ms;
    }
  }
  const parsed = Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : null;
}

/** Day number (days since 1970-01-01, UTC) of an instant in ms. */
export function dayNumberOfMs(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Day number of a `YYYY-MM-DD` string (or the day part of an ISO instant), `null` if malformed. */
export function dayNumber(day: string | null | undefined): number | null {
  if (!day || day.length < 10) return null;
  const y = digits(day, 0, 4);
  const m = digits(day, 5, 2);
  const d = digits(day, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (day.length > 10) {
    // An instant with an offset may fall on another UTC day than its written date.
    const ms = parseInstantMs(day);
    return ms === null ? null : dayNumberOfMs(ms);
  }
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// civil_from_days writes its result here rather than returning a tuple, so that dayString, which the
// analyses call per day and per bucket, allocates nothing but its string.
let civilY = 0;
let civilM = 0;
let civilD = 0;

/** Hinnant's civil_from_days: sets civilY, civilM, civilD to the date of a day number. */
function toCivil(dayNum: number): void {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilD = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilM = mp < 10 ? mp + 3 : mp - 9;
  civilY = yoe + era * 400 + (civilM <= 2 ? 1 : 0);
}

/** `[year, month, day]` of a day number (Hinnant's civil_from_days; the inverse of {@link daysFromCivil}). */
export function civilFromDays(dayNum: number): [year: number, month: number, day: number] {
  toCivil(dayNum);
  return [civilY, civilM, civilD];
}

/**
 * `YYYY-MM-DD` of a day number (Hinnant's civil_from_days), the year padded to four digits as
 * `Date#toISOString` writes it, so that {@link dayNumber} reads every result back.
 */
export function dayString(dayNum: number): string {
  toCivil(dayNum);
  const year = civilY >= 1000 ? civilY : String(civilY).padStart(4, "0");
  return `${year}-${pad2(civilM)}-${pad2(civilD)}`;
}

/** UTC calendar day of an ISO instant, `null` if it cannot be parsed. */
export function utcDay(iso: string | null | undefined): string | null {
  const ms = parseInstantMs(iso);
  return ms === null ? null : dayString(dayNumberOfMs(ms));
}

/** `day` shifted by `n` days. */
export function addDays(day: string, n: number): string {
  const d = dayNumber(day);
  if (d === null) throw new RangeError(`not a day: ${day}`);
  return dayString(d + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const da = dayNumber(a);
  const db = dayNumber(b);
  if (da === null || db === null) throw new RangeError(`not a day: ${da === null ? a : b}`);
  return db - da;
}

/** Day of week of a day number, 0 = Sunday … 6 = Saturday (the aggregate heatmap's convention). */
export function dayOfWeek(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The Monday that starts the ISO week containing `dayNum`. */
export function isoWeekStart(dayNum: number): number {
  return dayNum - ((dayOfWeek(dayNum) + 6) % 7);
}

/** Anything that can say what time it is: a Date, an ISO string or epoch ms. */
export type Instant = Date | string | number;

/** Epoch ms of an instant; throws on an unparseable clock because every analysis depends on it. */
export function instantMs(asOf: Instant): number {
  const ms = asOf instanceof Date ? asOf.getTime() : typeof asOf === "number" ? asOf : parseInstantMs(asOf);
  if (ms === null || !Number.isFinite(ms)) throw new RangeError(`invalid asOf: ${String(asOf)}`);
  return ms;
}

/** ISO string of an instant, for `generated_at`. */
export function instantIso(asOf: Instant): string {
  return new Date(instantMs(asOf)).toISOString();
}

/**
 * The analysis window: `[from, to]` as given, else the `days` days ending on asOf's UTC day
 * (30 by default, the API's own default range). A missing `from` counts back from `to`.
 */
export function resolveWindow(asOf: Instant, from?: string | null, to?: string | null, days = 30): DayRange {
  const toDay = to ?? dayString(dayNumberOfMs(instantMs(asOf)));
  const toNum = dayNumber(toDay);
  if (toNum === null) throw new RangeError(`invalid 'to' day: ${toDay}`);
  const fromDay = from ?? dayString(toNum - (days - 1));
  const fromNum = dayNumber(fromDay);
  if (fromNum === null) throw new RangeError(`invalid 'from' day: ${fromDay}`);
  if (fromNum > toNum) throw new RangeError(`'from' (${fromDay}) is after 'to' (${toDay})`);
  return { from: dayString(fromNum), to: dayString(toNum) };
}

/** Number of days in an inclusive range. */
export function rangeLength(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** Every day of an inclusive range, oldest first. */
export function eachDay(range: DayRange): string[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const out: string[] = [];
  for (let d = from; d <= to; d++) out.push(dayString(d));
  return out;
}

/** Monday day numbers of the ISO weeks that lie entirely inside the range (no partial edge weeks). */
export function fullWeekStarts(range: DayRange): number[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const out: number[] = [];
  let monday = isoWeekStart(from);
  if (monday < from) monday += 7;
  for (; monday + 6 <= to; monday += 7) out.push(monday);
  return out;
}

/** Monday day numbers of every ISO week that overlaps the range, including partial edge weeks. */
export function overlappingWeekStarts(range: DayRange): number[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const out: number[] = [];
  for (let monday = isoWeekStart(from); monday <= to; monday += 7) out.push(monday);
  return out;
}
