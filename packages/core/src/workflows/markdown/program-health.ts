/** Markdown for a {@link ProgramHealthReport}. @module */
import { formatCents, formatInt, plural } from "../../analysis/format.js";
import type { ProgramHealthReport } from "../reports/program-health.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";
import { fixed, multiple, percent } from "./units.js";

type Goal = ProgramHealthReport["goals"]["needs_attention"][number];

/** A goal figure in its unit: an engagement rate (a fraction) as a percent, counts as integers. */
const goalValue = (g: Goal, n: number) => (g.metric === "engagement" ? percent(n, 2) : formatInt(n));

export function renderProgramHealth(r: ProgramHealthReport): string {
  const g = r.goals;
  const p = r.payouts;
  return sections(
    `# Program health: ${r.project.name ?? r.project.id}`,
    bullets(r.highlights),
    `**Over-posting** (≥ 7 posts a day, ≥ 2 under 100 views after 2 h)\n${table(
      ["day", "creator", "posts", "low-view", "severity", "day's median views vs usual"],
      r.over_posting.incidents
        .slice(0, 10)
        .map((i) => [
          i.date,
          who(i.tiktok_handle, i.creator_id),
          i.post_count,
          i.low_view_count,
          i.severity === "amber" ? "⚠ amber" : "info",
          i.reach_ratio === null ? "–" : multiple(i.reach_ratio, 2),
        ]),
    )}`,
    g.available
      ? `**Goals needing attention**\n${table(
          ["creator", "goal", "actual / target", "status", "needed per day (goal's unit)"],
          g.needs_attention
            .slice(0, 10)
            .map((a) => [
              `@${a.tiktok_handle}`,
              `${a.metric} ${a.period}`,
              `${goalValue(a, a.actual)} / ${goalValue(a, a.target)}`,
              a.status.replace("_", " "),
              a.required_per_day === null ? "–" : fixed(a.required_per_day, 1),
            ]),
        )}\n\nLocal recomputation agrees with ${g.cross_check.status_agreed_count} of ${plural(g.cross_check.checked_count, "status", "statuses")}.`
      : `**Goals**: not available (${g.unavailable_reason}).`,
    r.underperformers.top.length > 0
      ? `**Underperformers** (${r.underperformers.count})\n${bullets(r.underperformers.top.map((u) => `@${u.tiktok_handle}: ${u.reasons.join(", ")}`))}`
      : null,
    `**Outliers**: ${plural(r.outliers.high_count, "breakout video")}, ${plural(r.outliers.low_count, "flop")}.`,
    p.available
      ? `**Payouts**: ${formatCents(p.unpaid_total_cents)} unpaid in ${plural(p.unpaid_count, "accrual")} ` +
          `for ${plural(p.creators_owed_count, "creator")}.`
      : `**Payouts**: not available (${p.unavailable_reason}).`,
    metaFooter(r.meta),
  );
}
