/** The campaign comparison page: campaigns ranked by views gained per active day, with their lifetime totals. @module */
import type { CampaignComparisonReport } from "@goatkit/core";
import { fmt } from "../format.js";
import { type Figure, note, type PageContent, section, table } from "../page.js";
import { barChart } from "../svg.js";

export function campaignComparison(r: CampaignComparisonReport, title: string): PageContent {
  const range = `${r.meta.range.from} → ${r.meta.range.to}`;
  const best = r.campaigns[0];
  const figures: Figure[] = best
    ? [
        {
          id: "best_campaign",
          label: "Ranked first",
          value: best.name,
          basis: `campaign · ranked by views gained per active day, ${range}`,
        },
        {
          id: "best_per_active_day",
          label: "Its views gained per active day",
          value: fmt.int(best.views_gained_per_active_day),
          basis: `views/day · ${best.active_day_count} active days, ${range}`,
        },
        {
          id: "best_views_gained",
          label: "Its views gained",
          value: fmt.int(best.views_gained),
          basis: `views · gained ${range}`,
        },
      ]
    : [];
  const body = [
    section(
      "Views gained per active day",
      barChart({
        label: `Campaigns by views gained per active day, ${range}`,
        bars: r.campaigns.map((c) => ({
          label: `${c.rank}. ${c.name}`,
          value: c.views_gained_per_active_day,
        })),
      }),
    ),
    section(
      "Campaigns",
      table(
        [
          { label: "#", num: true },
          { label: "campaign" },
          { label: "views gained", num: true },
          { label: "active days", num: true },
          { label: "gained / active day", num: true },
          { label: "gained / creator", num: true },
          { label: "gained / video", num: true },
          { label: "trend" },
          { label: "lifetime views", num: true },
          { label: "lifetime engagement rate", num: true },
          { label: "target views", num: true },
          { label: "target by" },
        ],
        r.campaigns.map((c) => [
          c.rank,
          c.name,
          fmt.int(c.views_gained),
          fmt.int(c.active_day_count),
          fmt.int(c.views_gained_per_active_day),
          fmt.int(c.views_gained_per_creator),
          fmt.int(c.views_gained_per_video),
          fmt.words(c.direction),
          fmt.int(c.lifetime.view_count),
          fmt.percent(c.lifetime.engagement_rate, 2),
          fmt.int(c.target_views),
          fmt.day(c.target_at),
        ]),
        "campaigns",
      ),
      note(
        `Views gained are the range's (${range}); per creator and per video divide them by the campaign's counted ` +
          "creators and videos as of now. Lifetime columns are snapshot totals as of the last scrape. Parent and " +
          "child campaigns share videos: do not add rows up.",
      ),
    ),
  ];
  return {
    kind: title,
    title: `Campaigns compared, ${range}`,
    meta: r.meta,
    figures,
    highlights: r.highlights,
    body,
  };
}
