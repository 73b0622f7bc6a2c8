/** Markdown for a {@link ProgramHealthReport}. @module */
import { formatInt, formatRate } from "../../analysis/format.js";
import type { ProgramHealthReport } from "../reports/program-health.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";

export function renderProgramHealth(r: ProgramHealthReport): string {
  const g = r.goals;
  return sections(
    `# Program health: ${r.project.name ?? r.project.id}`,
    bullets(r.highlights),
    `**Over-posting** (≥ 7 posts a day, ≥ 2 under 100 views after 2 h)\n${table(
      ["day", "creator", "posts", "low-view", "severity", "reach vs usual"],
      r.over_posting.incidents
        .slice(0, 10)
        .map((i) => [
          i.date,
          who(i.tiktok_handle, i.creator_id),
          i.post_count,
          i.low_view_count,
          i.severity === "amber" ? "⚠ amber" : "info",
          i.reach_ratio === null ? "–" : `${i.reach_ratio}×`,
        ]),
    )}`,
    g.available
      ? `**Goals needing attention**\n${table(
          ["creator", "goal", "actual / target", "status", "needed per day"],
          g.needs_attention
            .slice(0, 10)
            .map((a) => [
              `@${a.tiktok_handle}`,
              `${a.metric} ${a.period}`,
              `${formatInt(a.actual)} / ${formatInt(a.target)}`,
              a.status.replace("_", " "),
              formatRate(a.required_per_day),
            ]),
        )}\n\nLocal recomputation agrees with ${g.cross_check.status_agreed} of ${g.cross_check.checked} statuses.`
      : `**Goals**: not available (${g.unavailable_reason}).`,
    r.underperformers.top.length > 0
      ? `**Underperformers** (${r.underperformers.count})\n${bullets(r.underperformers.top.map((u) => `@${u.tiktok_handle}: ${u.reasons.join(", ")}`))}`
      : null,
    `**Outliers**: ${r.outliers.high} breakout, ${r.outliers.low} flop video(s).`,
    r.payouts.available
      ? `**Payouts**: $${(r.payouts.unpaid_total_cents / 100).toFixed(2)} unpaid in ${r.payouts.unpaid_count} accrual(s) for ${r.payouts.creators_owed} creator(s).`
      : `**Payouts**: not available (${r.payouts.unavailable_reason}).`,
    metaFooter(r.meta),
  );
}
