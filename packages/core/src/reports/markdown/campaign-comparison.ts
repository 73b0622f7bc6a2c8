/** Markdown for a {@link CampaignComparisonReport}. @module */
import { formatInt } from "../../analysis/format.js";
import type { CampaignComparisonReport } from "../schema/campaign-comparison.js";
import { bullets, metaFooter, sections, table } from "./common.js";
import { percent } from "./units.js";

export function renderCampaignComparison(r: CampaignComparisonReport): string {
  return sections(
    `# Campaign comparison, ${r.meta.range.from} → ${r.meta.range.to}`,
    bullets(r.highlights),
    table(
      [
        "#",
        "campaign",
        "views gained",
        "active days",
        "gained / active day",
        "gained / creator",
        "gained / video",
        "trend",
        "lifetime views",
        "lifetime ER",
      ],
      r.campaigns.map((c) => [
        c.rank,
        c.name,
        c.views_gained === null ? "unknown" : formatInt(c.views_gained),
        c.active_day_count,
        formatInt(c.views_gained_per_active_day),
        formatInt(c.views_gained_per_creator),
        formatInt(c.views_gained_per_video),
        c.direction.replace("_", " "),
        formatInt(c.lifetime.view_count),
        percent(c.lifetime.engagement_rate, 2),
      ]),
    ),
    unknownGains(r),
    "_Views gained are the range's; per creator and per video divide them by the campaign's counted creators " +
      "and videos as of now. Lifetime columns are snapshot totals. Parent and child campaigns share videos: " +
      "do not add rows up._",
    metaFooter(r.meta),
  );
}

/** One line per reason a campaign's gain is unknown, naming the campaigns; null when every gain is known. */
function unknownGains(r: CampaignComparisonReport): string | null {
  const byReason = new Map<string, string[]>();
  for (const c of r.campaigns) {
    if (c.views_gained !== null) continue;
    const why = c.gain_unknown_reason ?? "no reading";
    byReason.set(why, [...(byReason.get(why) ?? []), c.name]);
  }
  if (byReason.size === 0) return null;
  return [...byReason]
    .map(([why, names]) => `_Views gained unknown (${why}) for: ${names.join(", ")}. Not 0: ranked last._`)
    .join("\n");
}
