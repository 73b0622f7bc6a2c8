/**
 * The highlights of a campaign performance report: plain sentences read off the finished figures
 * (totals, pacing, concentration, target), most important first.
 * @module
 */
import { formatCompact, formatInt, formatShare, plural } from "../../analysis/format.js";
import { targetSentence } from "../../reports/markdown/target.js";
import type { CampaignPerformanceReport } from "../../reports/schema/campaign-performance.js";

/** A share of the lifetime views this high on one creator makes the campaign hinge on them. */
const CONCENTRATED_CREATOR_SHARE = 0.5;
/** A share of the lifetime views this high on one video makes the campaign hinge on it. */
const CONCENTRATED_VIDEO_SHARE = 0.3;

export function performanceHighlights(
  r: Omit<CampaignPerformanceReport, "kind" | "meta" | "highlights">,
): string[] {
  const out: string[] = [];
  const t = r.totals;
  out.push(
    `${formatCompact(t.view_count)} views on ${plural(t.video_count, "counted video")} from ` +
      `${plural(t.creator_count, "creator")} (lifetime totals as of the last scrape).`,
  );
  const p = r.pacing;
  if (p.gained === null && p.gain_unknown_reason !== null) {
    out.push(
      `Views gained in the range unknown (${p.gain_unknown_reason})` +
        (p.recent_per_day === null ? "." : `; last 7 days ${formatInt(p.recent_per_day)}/day.`),
    );
  }
  if (p.avg_per_day !== null) {
    out.push(
      `${formatInt(p.gained)} views gained in the range, ${formatInt(p.avg_per_day)}/day (last 7 days: ` +
        `${formatInt(p.recent_per_day)}/day); ` +
        (p.direction === "insufficient_data"
          ? "too little growth to judge the pace"
          : `pace is ${p.direction}`) +
        (p.acceleration === null || p.direction === "insufficient_data"
          ? "."
          : ` (second half ${p.acceleration >= 0 ? "+" : ""}${Math.round(p.acceleration * 100)}% vs first).`),
    );
  }
  const c = r.concentration;
  if (c.top_creator_share !== null && c.top_creator_share >= CONCENTRATED_CREATOR_SHARE) {
    const who = r.top_creators[0]?.tiktok_handle;
    out.push(
      `Concentrated: ${who ? `@${who}` : "one creator"} brings ${formatShare(c.top_creator_share)} of the lifetime views.`,
    );
  }
  if (c.top_video_share !== null && c.top_video_share >= CONCENTRATED_VIDEO_SHARE) {
    out.push(`One video holds ${formatShare(c.top_video_share)} of the lifetime views; results hinge on it.`);
  }
  const target = targetSentence(r.target, r.campaign.created_at);
  if (target !== null) out.push(target);
  return out;
}
