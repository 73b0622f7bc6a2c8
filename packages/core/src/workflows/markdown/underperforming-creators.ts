/** Markdown for an {@link UnderperformingCreatorsReport}. @module */
import type { UnderperformingCreatorsReport } from "../reports/underperforming-creators.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";

export function renderUnderperformingCreators(r: UnderperformingCreatorsReport): string {
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
    r.total_underperformers > r.underperformers.length
      ? `_${r.total_underperformers - r.underperformers.length} more not listed._`
      : null,
    r.stale_creators.length > 0 ? `**Stale data** (> 12 h): ${r.stale_creators.length} creator(s).` : null,
    metaFooter(r.meta),
  );
}
