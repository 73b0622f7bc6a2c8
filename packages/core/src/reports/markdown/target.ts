/**
 * One sentence for a campaign's target progress that always says what was counted: views gained
 * since the campaign was created (with the lifetime total beside it), or lifetime totals and why.
 * A bare "target reached, 1,695 %" is how a campaign gets credited with views from before it existed.
 * @module
 */
import { formatCompact, formatInt, formatShare } from "../../analysis/format.js";
import type { CampaignPerformanceReport } from "../schema/campaign-performance.js";

type Target = CampaignPerformanceReport["target"];

/** What the target was judged on, e.g. "312k views gained since the campaign was created on 2026-02-22 (63.7 % …)". */
export function targetBasisText(t: Target, createdAt: string): string {
  const share = `${formatShare(t.share_done, 1)} of the target`;
  if (t.basis === "since_created") {
    const until = t.end_date === null ? "" : ` up to ${t.end_date}`;
    return (
      `${formatCompact(t.views_counted)} views gained since the campaign was created on ${createdAt.slice(0, 10)}${until} ` +
      `(${share}; lifetime views of its videos: ${formatCompact(t.lifetime_views)})`
    );
  }
  return `judged on lifetime totals, ${formatCompact(t.views_counted)} views (${share}), because ${t.basis_reason}`;
}

/** The target sentence, or `null` without a target. */
export function targetSentence(t: Target, createdAt: string): string | null {
  const target = `${formatCompact(t.target_views)} views`;
  const by = t.target_at === null ? "" : ` by ${t.target_at.slice(0, 10)}`;
  const basis = targetBasisText(t, createdAt);
  switch (t.status) {
    case "no_target":
      return null;
    case "reached":
      return `Target of ${target}${by} reached: ${basis}.`;
    case "missed":
      return `Target of ${target}${by} was missed: ${basis}.`;
    default:
      return (
        `Target of ${target}${by}: ${t.status === "on_track" ? "on track" : "behind"}, ${basis}; ` +
        `needs ${formatInt(t.required_per_day)} views/day, recent pace ${formatInt(t.pace_per_day)}/day, ` +
        `projected ${formatCompact(t.projected_at_target)}.`
      );
  }
}
