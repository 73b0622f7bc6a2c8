/**
 * Creator goals (about 30 % of creators): posts, views, engagement or followers per day, week or month,
 * with targets set from the creator's own numbers so some are met and some are missed.
 *
 * Units: `posts` = counted posts in the period; `views` = views gained by counted videos in the period;
 * `engagement` = engagement rate by views in percent; `followers` = followers gained in the period.
 *
 * Every project with a creator who posts also gets one daily posts goal ("a post sprint", 5 a day), so
 * some goal period always closed within the last 48 h: its numbers are provisional (goals guide, "Data
 * advisories"), whatever weekday the world ends on.
 */

import { DAY_MS, dayNumberOfMs, HOUR_MS, isoWeekStart } from "@goatkit/core/analysis";
import { uuid } from "./ids.js";
import type { Rng } from "./prng.js";
import type { ProjectBuild } from "./project.js";
import { dayOf, iso, MINUTE_MS, SECOND_MS } from "./time.js";
import type { GoalRecord } from "./types.js";

type Metric = GoalRecord["metric"];
type Period = GoalRecord["period"];

const METRICS: Metric[] = ["posts", "views", "engagement", "followers"];
const PERIODS: Period[] = ["daily", "weekly", "monthly"];
const PERIOD_WEIGHTS: Record<Metric, number[]> = {
  posts: [10, 60, 30],
  views: [10, 65, 25],
  engagement: [0, 50, 50],
  followers: [0, 40, 60],
};
const PERIOD_WEEKS: Record<Period, number> = { daily: 1 / 7, weekly: 1, monthly: 4.35 };

function niceRound(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / p) * p;
}

/** Start of the period containing `ms`, so goals start where their periods do. */
function alignStart(ms: number, period: Period): number {
  if (period === "weekly") return isoWeekStart(dayNumberOfMs(ms)) * DAY_MS;
  if (period === "monthly") {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function buildGoals(pb: ProjectBuild, rng: Rng): GoalRecord[] {
  const { ctx } = pb;
  const tl = ctx.timeline;
  const goals: GoalRecord[] = [];
  pb.plans.forEach((plan, i) => {
    const creator = pb.creators[i]!;
    if (pb.byCreator[i]!.length === 0 || !rng.chance(0.3)) return;
    const count = rng.chance(0.15) ? 2 : 1;
    const others = rng.sample(METRICS, 4);
    let first: Metric | null = null;
    for (let g = 0; g < count; g++) {
      const metric: Metric =
        first === null ? METRICS[rng.weighted([45, 30, 15, 10])]! : others.find((m) => m !== first)!;
      first ??= metric;
      const period = PERIODS[rng.weighted(PERIOD_WEIGHTS[metric])]!;
      const weeks = PERIOD_WEEKS[period];
      let target: number;
      switch (metric) {
        case "posts":
          target = Math.max(1, Math.round(plan.cadence * weeks * rng.range(0.8, 1.35)));
          break;
        case "views":
          target = Math.max(
            100,
            niceRound(
              plan.followersEnd * ctx.viewRate * plan.perf * plan.cadence * weeks * rng.range(0.7, 1.5),
            ),
          );
          break;
        case "engagement":
          target = Math.round(plan.erLevel * 100 * rng.range(0.8, 1.3) * 10) / 10;
          break;
        default: {
          const weeklyGain = Math.abs(plan.followersEnd - plan.followersStart) / (tl.nDays / 7);
          target = Math.max(50, niceRound(weeklyGain * weeks * rng.range(0.8, 1.6)));
        }
      }
      const creatorCreated = Date.parse(creator.created_at);
      let startMs: number | null = null;
      if (rng.chance(0.85)) {
        const earliest = Math.max(creatorCreated + DAY_MS, tl.start(-60));
        const pick = earliest + rng.float() * Math.max(0, tl.start(tl.asOf - 7) - earliest);
        startMs = Math.max(alignStart(pick, period), alignStart(creatorCreated + 8 * DAY_MS, period));
      }
      const endMs =
        startMs !== null && rng.chance(0.25) ? startMs + rng.int(56, 182) * DAY_MS - DAY_MS : null;
      const ended = endMs !== null && endMs < tl.start(tl.asOf);
      const created = Math.max(
        creatorCreated + HOUR_MS,
        startMs !== null
          ? startMs - rng.int(0, 4 * 24) * HOUR_MS - rng.int(0, 3599) * SECOND_MS
          : creatorCreated + rng.int(1, 30) * DAY_MS,
      );
      const createdMs = Math.min(created, tl.nowMs - HOUR_MS);
      const updatedMs = Math.min(tl.nowMs - MINUTE_MS, createdMs + rng.int(0, 20 * 24) * HOUR_MS);
      goals.push({
        id: uuid(rng),
        creator_id: creator.id,
        project_id: ctx.projectId,
        metric,
        period,
        target_value: target,
        start_date: startMs === null ? null : dayOf(startMs),
        end_date: endMs === null ? null : dayOf(endMs),
        is_active: ended ? rng.chance(0.2) : rng.chance(0.92),
        created_at: iso(createdMs),
        updated_at: iso(Math.max(createdMs, updatedMs)),
        _org_id: ctx.orgId,
      });
    }
  });
  plantDailyGoal(pb, rng, goals);
  return goals;
}

/** The daily posts goal of the first creator who posts and has none yet; drawn after the others, so they stay as they were. */
function plantDailyGoal(pb: ProjectBuild, rng: Rng, goals: GoalRecord[]): void {
  const tl = pb.ctx.timeline;
  const i = pb.plans.findIndex(
    (_, k) =>
      pb.byCreator[k]!.length > 0 &&
      !goals.some((g) => g.creator_id === pb.creators[k]!.id && g.period === "daily"),
  );
  if (i < 0) return;
  const creator = pb.creators[i]!;
  const creatorCreated = Date.parse(creator.created_at);
  const startMs = alignStart(Math.max(creatorCreated + DAY_MS, tl.start(tl.asOf - 20)), "daily");
  const createdMs = Math.min(
    Math.max(creatorCreated + HOUR_MS, startMs - rng.int(1, 48) * HOUR_MS),
    tl.nowMs - HOUR_MS,
  );
  goals.push({
    id: uuid(rng),
    creator_id: creator.id,
    project_id: pb.ctx.projectId,
    metric: "posts",
    period: "daily",
    target_value: 5,
    start_date: dayOf(startMs),
    end_date: null,
    is_active: true,
    created_at: iso(createdMs),
    updated_at: iso(createdMs),
    _org_id: pb.ctx.orgId,
  });
}
