/**
 * Progress towards a campaign's `target_views` by `target_at`.
 *
 * A campaign counts the lifetime views of its videos, and a campaign created in December that takes
 * in a creator's September videos starts with all their September views. Judged on that lifetime
 * total, a fresh campaign can read "target reached, 1,695 %" on its first day. So a target is judged
 * on the views the campaign's videos GAINED since the campaign was created: the level of its
 * cumulative history at the end (the current snapshot, or the end of `target_at`'s day once that has
 * passed) minus the level at the end of the day before `created_at` (the baseline, as in the baseline
 * rule of campaign-performance.ts). Only when that baseline is out of reach (no history for the day,
 * or the plan's retention refuses it) is the target judged on lifetime totals, and the result says so.
 * @module
 */
import { addDays, DAY_MS, type Instant, instantMs, parseInstantMs, utcDay } from "./dates.js";
import type { DatedValue } from "./inputs.js";
import type { TargetBasis, TargetProgress, TargetStatus } from "./results/target.js";
import { round, safeRatio } from "./stats-math.js";

// The result types are inferred from the report part schema (results/target.ts): one definition.
export type { TargetBasis, TargetProgress, TargetStatus };

export interface ViewsSinceCreated {
  /** end_views − baseline_views: views the campaign's videos gained while it existed. */
  views: number;
  /** The day before `created_at` (UTC): the baseline's day. */
  baseline_date: string;
  /** Cumulative views of the campaign's videos at the end of `baseline_date`. */
  baseline_views: number;
  /** `target_at`'s day once it has passed (the count stops there); `null`: up to the current snapshot. */
  end_date: string | null;
  /** Cumulative views at the end of `end_date`, or the current lifetime total when `end_date` is null. */
  end_views: number;
}

export interface TargetInput {
  target_views: number | null;
  target_at: string | null;
  /** Lifetime views of the campaign's counted videos as of their last scrape. */
  lifetime_views?: number;
  /** @deprecated The old name of `lifetime_views`. */
  current_views?: number;
  /** Views gained since the campaign was created ({@link viewsSinceCreated}); absent or null: lifetime. */
  since_created?: ViewsSinceCreated | null;
  /** Why `since_created` is missing, when it is. */
  basis_reason?: string | null;
  /** Recent views gained per day (the pacing's last-7-day average). */
  pace_per_day: number | null;
}

/** The day whose end-of-day level is a campaign's starting point: the day before `created_at` (UTC). */
export function createdBaselineDay(createdAt: string | null | undefined): string | null {
  const day = utcDay(createdAt);
  return day === null ? null : addDays(day, -1);
}

/** `target_at`'s UTC day when it is before asOf (the count stops there), else `null` (count up to now). */
export function targetEndDay(targetAt: string | null, asOf: Instant): string | null {
  const ms = parseInstantMs(targetAt);
  return ms === null || ms >= instantMs(asOf) ? null : utcDay(targetAt);
}

/**
 * Views gained since the campaign was created, from a cumulative history (levels at each day's end)
 * that holds the baseline day and, when `target_at` has passed, `target_at`'s day. `null` when one of
 * them has no point: a missing day is not assumed to be 0. The end level up to now is `lifetime_views`,
 * the current snapshot, which the history's last day equals for a range ending today.
 */
export function viewsSinceCreated(
  history: readonly DatedValue[],
  campaign: { created_at: string; target_at: string | null },
  lifetimeViews: number,
  asOf: Instant,
): ViewsSinceCreated | null {
  const baselineDate = createdBaselineDay(campaign.created_at);
  if (baselineDate === null) return null;
  const at = (day: string) => history.find((p) => p.date === day)?.value ?? null;
  const baselineViews = at(baselineDate);
  if (baselineViews === null) return null;
  const endDate = targetEndDay(campaign.target_at, asOf);
  const endViews = endDate === null ? lifetimeViews : at(endDate);
  if (endViews === null) return null;
  return {
    // Counters never decrease; a negative difference is a data glitch, not lost views.
    views: Math.max(0, endViews - baselineViews),
    baseline_date: baselineDate,
    baseline_views: baselineViews,
    end_date: endDate,
    end_views: endViews,
  };
}

/**
 * Progress towards a campaign's target: projected at `target_at` from the recent pace. A target
 * without a date is judged on the views alone (reached or not).
 */
export function targetProgress(input: TargetInput, asOf: Instant): TargetProgress {
  const { target_views, target_at, pace_per_day } = input;
  const lifetime = input.lifetime_views ?? input.current_views ?? 0;
  const since = input.since_created ?? null;
  const counted = since === null ? lifetime : since.views;
  // Typed, so a field added here that the schema lacks is a compile error, not silently dropped.
  const base: Omit<TargetProgress, "status" | "days_left" | "required_per_day" | "projected_at_target"> = {
    basis: since === null ? ("lifetime" as const) : ("since_created" as const),
    basis_reason:
      since === null ? (input.basis_reason ?? "views gained since creation were not measured") : null,
    target_views,
    target_at,
    views_counted: counted,
    lifetime_views: lifetime,
    baseline_date: since?.baseline_date ?? null,
    baseline_views: since?.baseline_views ?? null,
    end_date: since?.end_date ?? null,
    share_done: round(safeRatio(counted, target_views), 4),
    pace_per_day,
  };
  if (target_views === null || target_views <= 0) {
    return {
      ...base,
      status: "no_target",
      days_left: null,
      required_per_day: null,
      projected_at_target: null,
    };
  }
  const remaining = Math.max(0, target_views - counted);
  const targetMs = parseInstantMs(target_at);
  const now = instantMs(asOf);
  const daysLeft = targetMs === null ? null : Math.max(0, (targetMs - now) / DAY_MS);
  const projected =
    daysLeft === null
      ? null
      : pace_per_day === null
        ? counted
        : counted + Math.max(0, pace_per_day) * daysLeft;
  let status: TargetStatus;
  if (counted >= target_views) status = "reached";
  else if (targetMs !== null && now >= targetMs) status = "missed";
  else if (projected !== null && projected >= target_views) status = "on_track";
  else status = "behind";
  return {
    ...base,
    status,
    days_left: round(daysLeft, 2),
    required_per_day: daysLeft === null || daysLeft <= 0 ? null : round(remaining / daysLeft, 1),
    projected_at_target: round(projected, 0),
  };
}
