/**
 * Progress towards a campaign's `target_views` by `target_at` (`targetProgress()` in
 * campaign-target.ts), as the campaign_performance report embeds it. The schema is the definition;
 * the analysis types are inferred from it.
 * @module
 */
import { z } from "zod";
import { DAY, FRACTION, INSTANT, LIFETIME } from "./basis.js";
import { Num, NumOrNull } from "./numbers.js";

export const TargetProgress = z.object({
  status: z
    .enum(["no_target", "reached", "on_track", "behind", "missed"])
    .describe(
      "views_counted against target_views: reached at or above it; once target_at has passed, missed below it; " +
        "before, on_track when projected_at_target reaches it, else behind; no_target without target_views.",
    ),
  basis: z
    .enum(["since_created", "lifetime"])
    .describe(
      "What views_counted is. since_created: views the campaign's videos gained from the end of the day before " +
        "the campaign's created_at up to now (or to the end of target_at's day once it has passed), so views " +
        "older videos had before the campaign existed do not count. lifetime: the lifetime totals, used only " +
        "when that baseline day is out of reach (basis_reason says why).",
    ),
  basis_reason: z
    .string()
    .nullable()
    .describe(
      "Why the basis is lifetime (no target, no history for the baseline day, plan retention); null for since_created.",
    ),
  target_views: NumOrNull.describe("The campaign's target, in views; null without one."),
  target_at: z.string().nullable().describe(`The target's deadline, ${INSTANT}; null without one.`),
  views_counted: Num.describe("The views judged against the target, on `basis`."),
  lifetime_views: Num.describe(`The campaign's views, ${LIFETIME}; shown beside views_counted, not judged.`),
  baseline_date: z
    .string()
    .nullable()
    .describe(
      `The day before the campaign's created_at, ${DAY}: the count starts from its end-of-day level. Null for lifetime.`,
    ),
  baseline_views: NumOrNull.describe(
    "Cumulative views of the campaign's videos at the end of baseline_date. Null for lifetime.",
  ),
  end_date: z
    .string()
    .nullable()
    .describe(
      `target_at's day once it has passed (the count stops at its end), ${DAY}; null: counted up to the latest scrape.`,
    ),
  share_done: NumOrNull.describe(`views_counted / target_views, ${FRACTION} (above 1 past the target).`),
  days_left: NumOrNull.describe("Days from the analysis instant to target_at (fractional, 0 once passed)."),
  required_per_day: NumOrNull.describe(
    "Views per day still needed to reach the target by target_at; null once it has passed or without a date.",
  ),
  projected_at_target: NumOrNull.describe(
    "views_counted + pace_per_day × days_left: views expected by target_at at the recent pace, on `basis`.",
  ),
  pace_per_day: NumOrNull.describe(
    "Views gained per day over the range's last 7 days (pacing.recent_per_day).",
  ),
});
export type TargetProgress = z.infer<typeof TargetProgress>;
export type TargetStatus = TargetProgress["status"];
/** What the target is judged on: views gained since the campaign was created, or lifetime totals. */
export type TargetBasis = TargetProgress["basis"];
