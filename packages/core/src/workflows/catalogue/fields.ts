/**
 * The params fields several workflows share, each described once with its default, so a CLI flag, a
 * query parameter and an MCP input property read the same everywhere. Plain data only: strings,
 * numbers, booleans, enums and arrays of them.
 * @module
 */
import { z } from "zod";
import { DATE_PRESETS } from "../../analysis/date-presets.js";
import { dayNumber, dayString, parseInstantMs } from "../../analysis/dates.js";

const isCalendarDay = (s: string) => {
  const n = dayNumber(s);
  return n !== null && dayString(n) === s;
};

/** A calendar-valid `YYYY-MM-DD` (no 2026-02-30). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD")
  .refine(isCalendarDay, "not a calendar day");

export const id = (what: string) => z.string().min(1, `${what} must not be empty`);

export const projectIdField = id("project_id").describe("The project's id (uuid).");

export const optionalProjectIdField = id("project_id")
  .optional()
  .describe("The project the entity belongs to; narrows the lookup to that project's list (fewer requests).");

export const asOfField = z
  .string()
  .refine((s) => parseInstantMs(s) !== null, "expected an ISO date or instant, e.g. 2026-12-02T09:00:00Z")
  .optional()
  .describe("The analysis instant (ISO 8601): 'today' for date presets, staleness and ages. Default: now.");

export const rangeField = z
  .enum(DATE_PRESETS)
  .optional()
  .describe(
    "A named range ending on the analysis day inclusive: last_7_days (today and the 6 days before), last_30_days, " +
      "last_90_days, this_month (the 1st to today), last_month (the whole previous calendar month). " +
      "Use either range or from/to.",
  );

export const fromField = Day.optional().describe(
  "First day of the range, YYYY-MM-DD, inclusive. Default: 30 days ending on `to` (the API's default range).",
);

export const toField = Day.optional().describe(
  "Last day of the range, YYYY-MM-DD, inclusive. Default: the analysis day.",
);

/** The date fields, spread into a workflow's params object. */
export const dateRangeFields = { range: rangeField, from: fromField, to: toField };

/** Checks that belong to the date fields together: a preset or explicit days, and `from` ≤ `to`. */
export function checkDateRange(
  p: { range?: string | undefined; from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (p.range !== undefined && (p.from !== undefined || p.to !== undefined)) {
    ctx.addIssue({
      code: "custom",
      path: ["range"],
      message: "give either range (a preset) or from/to (days), not both",
    });
  }
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `from (${p.from}) is after to (${p.to})` });
  }
}

/** Thresholds of the outlier rule (analysis/outliers.ts), prefixed so they read on their own as flags. */
export const outlierFields = {
  outlier_min_videos: z
    .number()
    .int()
    .min(2)
    .default(5)
    .describe(
      "A creator needs at least this many videos old enough to judge before their videos are checked for outliers. Default: 5.",
    ),
  outlier_min_age_days: z
    .number()
    .min(0)
    .default(7)
    .describe(
      "Videos younger than this many days are not judged as outliers (still collecting views). Default: 7.",
    ),
  outlier_z_threshold: z
    .number()
    .positive()
    .default(3.5)
    .describe(
      "Robust z-score of log views against the creator's own videos beyond which a video is an outlier. Default: 3.5.",
    ),
  outlier_high_ratio: z
    .number()
    .gt(1)
    .default(5)
    .describe(
      "A video with at least this multiple of its creator's median views is a high outlier. Default: 5.",
    ),
  outlier_low_ratio: z
    .number()
    .positive()
    .lt(1)
    .default(0.2)
    .describe(
      "A video with at most this fraction of its creator's median views is a low outlier. Default: 0.2.",
    ),
};

/** The analysis options of {@link outlierFields}. */
export function outlierOptions(p: {
  outlier_min_videos: number;
  outlier_min_age_days: number;
  outlier_z_threshold: number;
  outlier_high_ratio: number;
  outlier_low_ratio: number;
}) {
  return {
    minVideos: p.outlier_min_videos,
    minAgeDays: p.outlier_min_age_days,
    zThreshold: p.outlier_z_threshold,
    highRatio: p.outlier_high_ratio,
    lowRatio: p.outlier_low_ratio,
  };
}
