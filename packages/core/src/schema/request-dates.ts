/**
 * Dates a client sends in a request body. The docs say what a date is (Part B §1.9: days as
 * `YYYY-MM-DD`, timestamps ISO 8601), so the request schemas insist on real ones: `2026-13-45`,
 * `2026-02-30` or `"yesterday-ish"` never reach the API. Response schemas keep the tolerant `Day` and
 * `Timestamp` of primitives.ts: the client must not refuse what the API answers.
 */
import { z } from "zod";

/** A calendar day `YYYY-MM-DD` that exists (leap years included): `2024-02-29` yes, `2026-02-29` no. */
export const CalendarDay = z.iso.date({ error: "expected a calendar date as YYYY-MM-DD" });
export type CalendarDay = z.infer<typeof CalendarDay>;

/**
 * An ISO 8601 date-time with a real date, a real time (seconds required, fraction optional) and `Z` or a
 * `±HH:MM` offset, e.g. `2026-04-01T12:00:00Z`.
 */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  error: "expected an ISO 8601 date-time such as 2026-04-01T12:00:00Z",
});
export type IsoDateTime = z.infer<typeof IsoDateTime>;
