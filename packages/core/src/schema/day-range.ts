/**
 * The one day range of goatkit: an inclusive range of UTC calendar days, `YYYY-MM-DD`. Reports carry it
 * (`meta.range`), analyses take it, and the client's range parameters (`DayRangeQuery`) are it with both
 * ends optional, since the API defaults a missing end.
 * @module
 */
import { z } from "zod";

export const DayRange = z
  .object({
    from: z.string().describe("First day of the range, YYYY-MM-DD (UTC calendar day), inclusive."),
    to: z.string().describe("Last day of the range, YYYY-MM-DD (UTC calendar day), inclusive."),
  })
  .describe("A range of UTC calendar days, both ends inclusive.");
export type DayRange = z.infer<typeof DayRange>;

/** `from` / `to` of a request, both optional: the API defaults a missing one (the last 30 days). */
export type DayRangeQuery = { [K in keyof DayRange]?: DayRange[K] | undefined };
