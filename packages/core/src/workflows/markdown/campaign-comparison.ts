/** Markdown for a {@link CampaignComparisonReport}. @module */
import { formatInt, formatPercent } from "../../analysis/format.js";
import type { CampaignComparisonReport } from "../reports/campaign-comparison.js";
import { bullets, metaFooter, sections, table } from "./common.js";

export function renderCampaignComparison(r: CampaignComparisonReport): string {
  return sections(
    `# Campaign comparison, ${r.meta.range.from} → ${r.meta.range.to}`,
    bullets(r.highlights),
    table(
      [
        "#",
        "campaign",
        "views gained",
        "days active",
        "per active day",
        "per creator",
        "per video",
        "ER",
        "trend",
      ],
      r.campaigns.map((c) => [
        c.rank,
        c.name,
        formatInt(c.views_gained),
        c.days_active,
        formatInt(c.views_per_active_day),
        formatInt(c.views_per_creator),
        formatInt(c.views_per_video),
        formatPercent(c.engagement_rate),
        c.direction.replace("_", " "),
      ]),
    ),
    metaFooter(r.meta),
  );
}
