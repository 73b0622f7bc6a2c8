/**
 * The goals section of the program health report: the API's goal statuses, the periods that need
 * attention, and a cross-check that recomputes each status by the documented pace rule and each post
 * goal's actual from the video list. A pure function of the compliance list, the videos and the clock.
 * @module
 */
import { parseInstantMs } from "../../analysis/dates.js";
import { goalPace, statusCounts } from "../../analysis/goals.js";
import type { VideoInput } from "../../analysis/inputs.js";
import { creatorRange, indexVideos } from "../../analysis/video-index.js";
import type { ProgramHealthReport } from "../../reports/schema/program-health.js";
import type { GoalCompliance } from "../../schema/goals.js";
import type { Fetched } from "./fetched.js";

/** Everything of the goals section but the recently closed periods, which come from other lists. */
type Goals = Omit<ProgramHealthReport["goals"], "recently_closed">;

/** How many periods `needs_attention` and `disagreements` list. */
const LISTED = 20;

/** Worst first: what is lost, then what is slipping. */
const SEVERITY = { missed: 0, at_risk: 1, behind_pace: 2, on_track: 3, completed: 4 } as const;

export function goalsSection(
  compliance: Fetched<readonly GoalCompliance[]>,
  videos: readonly VideoInput[],
  asOfMs: number,
): Goals {
  const entries = (compliance.value ?? []).flatMap((g) =>
    g.compliance.map((c) => ({ creator: g.creator, ...c })),
  );
  const counted = indexVideos(videos);
  const disagreements: Goals["cross_check"]["disagreements"] = [];
  let agreed = 0;
  let postsChecked = 0;
  let postsAgreed = 0;
  const attention: Goals["needs_attention"] = [];
  for (const e of entries) {
    const local = goalPace(
      {
        target: e.target,
        actual: e.actual,
        period_start: e.advisory.period_start,
        period_end: e.advisory.period_end,
        metric: e.goal.metric,
      },
      asOfMs,
    );
    if (local.status === e.status) agreed++;
    else
      disagreements.push({
        goal_id: e.goal.id,
        creator_id: e.creator.id,
        api_status: e.status,
        local_status: local.status,
      });
    if (e.goal.metric === "posts" && !e.advisory.not_yet_started) {
      // Posts are countable from the video list: counted posts of the creator inside the period so far.
      const start = parseInstantMs(e.advisory.period_start);
      const end = parseInstantMs(e.advisory.period_end);
      if (start !== null && end !== null) {
        const stop = Math.min(end, asOfMs);
        const [from, to] = creatorRange(counted, e.creator.id);
        let n = 0;
        for (let k = from; k < to; k++) if (counted.postedMs[k]! >= start && counted.postedMs[k]! < stop) n++;
        postsChecked++;
        if (n === e.actual) postsAgreed++;
      }
    }
    if (e.status === "at_risk" || e.status === "behind_pace" || e.status === "missed") {
      // The API gives an engagement goal in percent; reports carry every rate as a fraction. A rate
      // does not accumulate, so "what it takes per day" means nothing for it.
      const rate = e.goal.metric === "engagement";
      attention.push({
        creator_id: e.creator.id,
        tiktok_handle: e.creator.tiktok_handle,
        goal_id: e.goal.id,
        metric: e.goal.metric,
        period: e.goal.period,
        target: rate ? e.target / 100 : e.target,
        actual: rate ? e.actual / 100 : e.actual,
        status: e.status,
        required_per_day: rate ? null : local.required_per_day,
        final: local.final,
      });
    }
  }
  attention.sort(
    (a, b) => SEVERITY[a.status] - SEVERITY[b.status] || (a.tiktok_handle < b.tiktok_handle ? -1 : 1),
  );
  return {
    available: compliance.value !== null,
    unavailable_reason: compliance.reason,
    entry_count: entries.length,
    status_counts: statusCounts(entries.map((e) => e.status)),
    needs_attention: attention.slice(0, LISTED),
    cross_check: {
      checked_count: entries.length,
      status_agreed_count: agreed,
      disagreements: disagreements.slice(0, LISTED),
      posts_actual_checked_count: postsChecked,
      posts_actual_agreed_count: postsAgreed,
    },
  };
}
