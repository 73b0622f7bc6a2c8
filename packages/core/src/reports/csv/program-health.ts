/** CSV of a program_health report: the creators that need attention, one row per finding. @module */
import type { ProgramHealthReport } from "../schema/program-health.js";
import { toCsv } from "./common.js";

export function programHealthCsv(r: ProgramHealthReport): string {
  const header = ["section", "creator_id", "tiktok_handle", "detail", "date"];
  const rows: Array<Array<string | number | null>> = [];
  for (const u of r.underperformers.top)
    rows.push(["underperformer", u.creator_id, u.tiktok_handle, u.reasons.join(" "), null]);
  for (const i of r.over_posting.incidents)
    rows.push([`over_posting_${i.severity}`, i.creator_id, i.tiktok_handle, `${i.post_count} posts`, i.date]);
  for (const g of r.goals.needs_attention)
    rows.push([
      `goal_${g.status}`,
      g.creator_id,
      g.tiktok_handle,
      `${g.metric} ${g.actual}/${g.target} (${g.period})`,
      null,
    ]);
  for (const p of r.pending_backlog.by_creator)
    rows.push(["pending_review", p.creator_id, p.tiktok_handle, `${p.pending_count} pending`, null]);
  return toCsv(header, rows);
}
