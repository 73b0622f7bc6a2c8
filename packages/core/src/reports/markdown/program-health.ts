/** Markdown for a {@link ProgramHealthReport}. @module */
import { formatCents, formatInt, plural } from "../../analysis/format.js";
import type { ProgramHealthReport } from "../schema/program-health.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";
import { fixed, multiple, percent } from "./units.js";

type Goal = Pick<ProgramHealthReport["goals"]["needs_attention"][number], "metric">;

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
    )}${
      r.over_posting.unconfirmed_count > 0
        ? `\n\nUnconfirmed (low counts read < 2 h after posting, no incident): ${r.over_posting.unconfirmed
            .slice(0, 10)
            .map((u) => `${who(u.tiktok_handle, u.creator_id)} on ${u.date}`)
            .join(", ")}.`
        : ""
    }`,
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
        )}${
          g.recently_closed.length > 0
            ? `\n\n**Closed in the last 48 h (provisional: not final until 48 h after the close)**\n${table(
                ["creator", "goal", "period", "actual / target", "status so far", "final from (UTC)"],
                g.recently_closed
                  .slice(0, 10)
                  .map((a) => [
                    `@${a.tiktok_handle}`,
                    `${a.metric} ${a.period}`,
                    a.period_start.slice(0, 10),
                    `${goalValue(a, a.actual)} / ${goalValue(a, a.target)}`,
                    `${a.status.replace("_", " ")} (provisional)`,
                    a.final_at.slice(0, 16).replace("T", " "),
                  ]),
              )}`
            : ""
        }\n\nLocal recomputation agrees with ${g.cross_check.status_agreed_count} of ${plural(g.cross_check.checked_count, "status", "statuses")}.`
      : `**Goals**: not available (${g.unavailable_reason}).`,
    r.underperformers.top.length > 0
      ? `**Underperformers** (${r.underperformers.count}, over ${r.meta.range.from} → ${r.meta.range.to})\n${bullets(r.underperformers.top.map((u) => `@${u.tiktok_handle}: ${u.reason_texts.join("; ")}`))}`
      : null,
    `**Outliers** (lifetime views far from the creator's norm, videos at least 7 days old): ${plural(r.outliers.high_count, "breakout video")}, ${plural(r.outliers.low_count, "flop")}.`,
    p.available
      ? `**Payouts**: ${formatCents(p.unpaid_total_cents)} unpaid in ${plural(p.unpaid_count, "accrual")} ` +
          `for ${plural(p.creators_owed_count, "creator")}.`
      : `**Payouts**: not available (${p.unavailable_reason}).`,
    metaFooter(r.meta),
  );
}
