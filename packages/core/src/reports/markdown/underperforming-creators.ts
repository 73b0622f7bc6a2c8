/** Markdown for an {@link UnderperformingCreatorsReport}. @module */
import { plural } from "../../analysis/format.js";
import type { UnderperformingCreatorsReport } from "../schema/underperforming-creators.js";
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
    r.backlog.length > 0
      ? `**Tracking Inbox backlog** (posts of the range waiting for review: the team's, not held against the creator)\n${table(
          ["creator", "pending posts"],
          r.backlog.map((b) => [who(b.tiktok_handle, b.creator_id), b.pending_review_count]),
        )}`
      : null,
    r.cannot_judge.length > 0
      ? `**Cannot judge**\n${table(
          ["creator", "not judged on", "why"],
          r.cannot_judge.map((c) => [
            who(c.tiktok_handle, c.creator_id),
            c.checks.map((x) => x.replaceAll("_", " ")).join(", "),
            c.reason,
          ]),
        )}`
      : null,
    metaFooter(r.meta),
  );
}
