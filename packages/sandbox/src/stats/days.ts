/**
 * Calendar arithmetic on UTC days. A day is handled as a "day number" (days since 1970-01-01) so range
 * loops, week/month bucketing and posting-day lookups are integer math: stats over 250,000 videos must
 * not build a `Date` per video per day.
 *
 * The calendar itself (Hinnant's days_from_civil / civil_from_days, day strings, weekdays, ISO week
 * starts, `DAY_MS`/`HOUR_MS`) is `@goatkit/core`'s and is imported from there by name; what is here are
 * the sandbox's own entry points only: a no-validation parse for days the sandbox wrote itself, a strict
 * one for caller-supplied days, month bucketing and the UTC day of a posting instant.
 */
import { civilFromDays, DAY_MS, dayNumberOfMs, daysFromCivil } from "@goatkit/core/analysis";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Day number of a string starting with `YYYY-MM-DD`. No validation: for days the sandbox produced itself. */
export function dayNumber(day: string): number {
  const y = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  const m = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  return daysFromCivil(y, m, d);
}

/** Day number of a caller-supplied `YYYY-MM-DD`, or null when it is malformed or not a real date (2026-02-30). */
export function parseDay(value: string): number | null {
  const m = DAY_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const n = daysFromCivil(year, month, day);
  // Round-tripping rejects day-of-month overflow without a month-length table.
  const [, mm] = civilFromDays(n);
  return mm === month ? n : null;
}

/** Day number of the first day of the calendar month containing `dayNumber`. */
export function monthStartNumber(dayNumber: number): number {
  const [y, m] = civilFromDays(dayNumber);
  return daysFromCivil(y, m, 1);
}

/** Day number of the first day of the following calendar month. */
export function nextMonthStartNumber(dayNumber: number): number {
  const [y, m] = civilFromDays(dayNumber);
  return m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
}

/** Is this ISO string in UTC, so that its first ten characters are its UTC calendar day? */
function isUtcIso(iso: string): boolean {
  if (iso.length === 10) return true;
  const last = iso.charCodeAt(iso.length - 1);
  return last === 90 /* Z */ || iso.endsWith("+00:00");
}

/**
 * UTC day number of an ISO instant such as a video's `posted_at`. The sandbox writes `…Z` timestamps,
 * so the fast path reads the date digits; an offset timestamp falls back to `Date.parse`. NaN when
 * unparseable, which then matches no range.
 */
export function instantDayNumber(iso: string): number {
  if (iso.length >= 10 && isUtcIso(iso)) return dayNumber(iso);
  return dayNumberOfMs(Date.parse(iso));
}

/** Epoch milliseconds of 00:00 UTC of a day number. */
export function dayStartMs(dayNumber: number): number {
  return dayNumber * DAY_MS;
}
