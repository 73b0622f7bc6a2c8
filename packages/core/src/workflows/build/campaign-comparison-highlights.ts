/**
 * The highlights of a campaign comparison: the leader and the trailer by views gained per active day,
 * the campaigns with no views in the range, and those whose gain is unknown.
 * @module
 */
import type { CampaignSeriesComparison } from "../../analysis/campaign-performance.js";
import { formatInt, plural } from "../../analysis/format.js";

/** `rows` ranked, best first. */
export function comparisonHighlights(rows: readonly CampaignSeriesComparison[]): string[] {
  const highlights: string[] = [];
  const best = rows[0];
  const last = rows.at(-1);
  if (best && best.views_gained_per_active_day !== null) {
    highlights.push(
      `${best.name} leads with ${formatInt(best.views_gained_per_active_day)} views gained per active day ` +
        `(${plural(best.active_day_count, "active day")}, ${formatInt(best.views_gained_per_creator)} gained per creator).`,
    );
  }
  if (last && last !== best && last.views_gained_per_active_day !== null) {
    highlights.push(
      `${last.name} trails with ${formatInt(last.views_gained_per_active_day)} views gained per active day.`,
    );
  }
  // A known 0 is "no views"; an unknown gain (no reading before the range) is said to be unknown.
  const inactive = rows.filter((r) => r.active_day_count === 0 && r.views_gained !== null);
  if (inactive.length > 0)
    highlights.push(`${plural(inactive.length, "campaign")} had no views in the range.`);
  const unknown = rows.filter((r) => r.views_gained === null);
  if (unknown.length > 0) {
    const why = [...new Set(unknown.map((r) => r.gain_unknown_reason ?? "no reading"))].join("; ");
    highlights.push(
      `${plural(unknown.length, "campaign")}: views gained in the range unknown (${why}); ranked last.`,
    );
  }
  return highlights;
}
