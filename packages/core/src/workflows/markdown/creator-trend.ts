/** Markdown for a {@link CreatorTrendReport}. @module */
import { formatInt } from "../../analysis/format.js";
import type { CreatorTrendReport } from "../reports/creator-trend.js";
import { bullets, metaFooter, sections, table } from "./common.js";

export function renderCreatorTrend(r: CreatorTrendReport): string {
  return sections(
    `# Trend: @${r.creator.tiktok_handle}`,
    bullets(r.highlights),
    table(
      ["week of", "posts", "followers +", "views +", "views WoW", "views/post"],
      r.weeks.map((w) => [
        `${w.week_start}${w.partial ? " (partial)" : ""}`,
        w.posts,
        formatInt(w.followers_gained),
        formatInt(w.views_gained),
        w.views_wow_pct === null ? "–" : `${w.views_wow_pct > 0 ? "+" : ""}${w.views_wow_pct}%`,
        formatInt(w.views_per_post),
      ]),
    ),
    r.posting_gaps.length > 0 ? `**Posting gaps**: weeks of ${r.posting_gaps.join(", ")}` : null,
    metaFooter(r.meta),
  );
}
