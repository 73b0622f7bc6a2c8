/** Markdown for a {@link CreatorTrendReport}. @module */
import { formatInt } from "../../analysis/format.js";
import type { CreatorTrendReport } from "../schema/creator-trend.js";
import { bullets, metaFooter, sections, table } from "./common.js";
import { signedPercent } from "./units.js";

export function renderCreatorTrend(r: CreatorTrendReport): string {
  return sections(
    `# Trend: @${r.creator.tiktok_handle}`,
    bullets(r.highlights),
    table(
      ["week of", "posts", "followers gained", "views gained", "views gained vs last week", "gained / post"],
      r.weeks.map((w) => [
        `${w.week_start}${w.partial ? " (partial)" : ""}`,
        w.post_count,
        formatInt(w.followers_gained),
        formatInt(w.views_gained),
        w.views_wow_change_ratio === null ? "–" : signedPercent(w.views_wow_change_ratio),
        formatInt(w.views_gained_per_post),
      ]),
    ),
    "_Views gained are every counted video's gains that week, whenever it was posted; gained / post divides " +
      "them by the week's posts._",
    r.posting_gaps.length > 0 ? `**Posting gaps**: weeks of ${r.posting_gaps.join(", ")}` : null,
    metaFooter(r.meta),
  );
}
