/** Markdown for an {@link UnderperformingCreatorsReport}. @module */
import { plural } from "../../analysis/format.js";
import type { UnderperformingCreatorsReport } from "../reports/underperforming-creators.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";

export function renderUnderperformingCreators(r: UnderperformingCreatorsReport): string {
  const unlisted = r.underperformer_count - r.underperformers.length;
  return sections(
    `# Underperforming creators, ${r.meta.range.from} → ${r.meta.range.to}`,
    bullets(r.highlights),
    table(
      ["creator", "why", "stale"],
      r.underperformers.map((u) => [
        who(u.tiktok_handle, u.creator_id),
        u.reason_texts.join("; "),
        u.stale ? "⚠ yes" : "",
      ]),
    ),
    unlisted > 0 ? `_${plural(unlisted, "more flagged creator")} not listed._` : null,
    r.stale_creators.length > 0
      ? `**Stale data** (> 12 h): ${plural(r.stale_creators.length, "creator")}.`
      : null,
    metaFooter(r.meta),
  );
}
