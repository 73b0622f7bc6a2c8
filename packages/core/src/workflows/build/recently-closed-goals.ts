/**
 * Goal periods that closed less than 48 h ago, from the compliance lists read for the two days before
 * the analysis day (a period closes at a midnight, so only today's and yesterday's midnights are that
 * recent). Their numbers are provisional (goals guide, "Data advisories": late posts may still flow
 * through the scrape pipeline): each is reported with `final: false` and the instant it becomes final,
 * and a `missed` among them is never a final one.
 * @module
 */
import { parseInstantMs } from "../../analysis/dates.js";
import { GOAL_FINAL_AFTER_HOURS, goalFinality } from "../../analysis/goals.js";
import type { ProgramHealthReport } from "../../reports/schema/program-health.js";
import type { GoalCompliance } from "../../schema/goals.js";
import type { Fetched } from "./fetched.js";

type Closed = NonNullable<ProgramHealthReport["goals"]["recently_closed"]>[number];

/** Worst first, then by handle. */
const SEVERITY: Record<string, number> = { missed: 0, at_risk: 1, behind_pace: 2, on_track: 3, completed: 4 };

/** The rule as the report states it next to each period. */
export const PROVISIONAL_RULE =
  `Provisional: the period closed less than ${GOAL_FINAL_AFTER_HOURS} h ago; its numbers are not final until ` +
  `${GOAL_FINAL_AFTER_HOURS} h have passed (late posts may still arrive), so a miss is not yet final.`;

export function recentlyClosedGoals(lists: Fetched<readonly GoalCompliance[]>, asOfMs: number): Closed[] {
  const seen = new Set<string>();
  const out: Closed[] = [];
  for (const g of lists.value ?? []) {
    for (const e of g.compliance) {
      if (e.advisory.not_yet_started) continue;
      const end = parseInstantMs(e.advisory.period_end);
      if (end === null || end > asOfMs || asOfMs - end >= GOAL_FINAL_AFTER_HOURS * 3_600_000) continue;
      const key = `${e.goal.id}/${e.advisory.period_start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rate = e.goal.metric === "engagement";
      out.push({
        creator_id: g.creator.id,
        tiktok_handle: g.creator.tiktok_handle,
        goal_id: e.goal.id,
        metric: e.goal.metric,
        period: e.goal.period,
        period_start: e.advisory.period_start,
        period_end: e.advisory.period_end,
        target: rate ? e.target / 100 : e.target,
        actual: rate ? e.actual / 100 : e.actual,
        status: e.status,
        ...goalFinality(end, asOfMs),
        basis: PROVISIONAL_RULE,
      });
    }
  }
  return out.sort(
    (a, b) =>
      (SEVERITY[a.status] ?? 5) - (SEVERITY[b.status] ?? 5) ||
      (a.tiktok_handle < b.tiktok_handle ? -1 : a.tiktok_handle > b.tiktok_handle ? 1 : 0) ||
      (a.period_start < b.period_start ? -1 : 1),
  );
}
