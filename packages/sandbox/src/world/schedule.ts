/**
 * When each creator posts. Posting is planned week by week (ISO weeks, Monday start) so cadence can be
 * guaranteed where the planted truth needs it: every full week gets at least two posts unless a gap is
 * planted there, and a day never gets more than three — only a planted burst reaches the over-posting
 * threshold of seven. Within a week, days and hours follow the creator's habits layered on
 * platform-wide patterns (evenings and midweek are busier).
 */

import { DAY_MS, dayNumberOfMs, HOUR_MS, isoWeekStart } from "@goatkit/core/analysis";
import { type CreatorPlan, posts as postsAtAll } from "./creators.js";
import { SECOND_MS, type Timeline, WEEK_MS } from "./time.js";

export const VideoKind = { normal: 0, viral: 1, flop: 2, burst: 3, suppressed: 4 } as const;
export type VideoKind = (typeof VideoKind)[keyof typeof VideoKind];

export interface PlannedPost {
  ms: number;
  kind: VideoKind;
}

const MAX_POSTS_PER_DAY = 3;
const VIRAL_RATE = 0.008;
const FLOP_RATE = 0.006;

/** A posting instant on the day starting at `dayStart`, within [lo, hi], at a plausible hour. */
function postTime(plan: CreatorPlan, dayStart: number, lo: number, hi: number): number {
  const rng = plan.rng;
  for (let attempt = 0; attempt < 6; attempt++) {
    const t = dayStart + rng.weighted(plan.hourWeights) * HOUR_MS + rng.int(0, 3599) * SECOND_MS;
    if (t >= lo && t <= hi) return t;
  }
  return lo + rng.int(0, Math.floor((hi - lo) / SECOND_MS)) * SECOND_MS;
}

/** Picks `n` posting days among `days` (weighted, at most three per day, distinct days first). */
function pickDays(plan: CreatorPlan, days: number[], weights: number[], n: number): number[] {
  const rng = plan.rng;
  const counts = new Array<number>(days.length).fill(0);
  const chosen: number[] = [];
  for (let j = 0; j < n; j++) {
    const distinct = j < days.length;
    let total = 0;
    for (let k = 0; k < days.length; k++) {
      const c = counts[k]!;
      if (c < MAX_POSTS_PER_DAY && (!distinct || c === 0)) total += weights[k]!;
    }
    let r = rng.float() * total;
    let pick = -1;
    for (let k = 0; k < days.length; k++) {
      const c = counts[k]!;
      if (c >= MAX_POSTS_PER_DAY || (distinct && c > 0)) continue;
      pick = k;
      r -= weights[k]!;
      if (r < 0) break;
    }
    counts[pick]!++;
    chosen.push(days[pick]!);
  }
  return chosen;
}

export function planPosts(plan: CreatorPlan, tl: Timeline): PlannedPost[] {
  if (!postsAtAll(plan)) return []; // planted: tracked, but never posted
  const rng = plan.rng;
  const startMs = Math.max(plan.createdMs + 6 * HOUR_MS, tl.day0Ms);
  let endMs = plan.cutoffMs - HOUR_MS; // discovered by the last scrape, so posted before it
  if (plan.plant.lastPostDay !== null) endMs = Math.min(endMs, tl.snapshotTime(plan.plant.lastPostDay));
  const gaps = new Set(plan.plant.gapWeeks);
  const times: number[] = [];

  for (let w = isoWeekStart(dayNumberOfMs(startMs)) * DAY_MS; w <= endMs; w += WEEK_MS) {
    const monday = tl.index(w);
    if (gaps.has(monday)) continue;
    const weekEnd = w + WEEK_MS - SECOND_MS;
    const from = Math.max(w, startMs);
    const to = Math.min(weekEnd, endMs);
    if (to <= from) continue;
    const fraction = (to - from) / WEEK_MS;
    let n = rng.stochasticRound(plan.cadence * fraction * rng.range(0.75, 1.25));
    if (from === w && to === weekEnd) n = Math.max(n, 2);
    else if (fraction >= 3 / 7) n = Math.max(n, 1);
    const days: number[] = [];
    for (let d = tl.index(from); d <= tl.index(to); d++) days.push(d);
    n = Math.min(n, days.length * MAX_POSTS_PER_DAY);
    const weights = days.map((d) => plan.weekdayWeights[(((d - monday) % 7) + 7) % 7]!);
    for (const d of pickDays(plan, days, weights, n)) {
      const dayStart = tl.start(d);
      times.push(
        postTime(plan, dayStart, Math.max(from, dayStart), Math.min(to, dayStart + DAY_MS - SECOND_MS)),
      );
    }
  }

  const posts: PlannedPost[] = times.map((ms) => {
    const r = rng.float();
    return {
      ms,
      kind: r < VIRAL_RATE ? VideoKind.viral : r < VIRAL_RATE + FLOP_RATE ? VideoKind.flop : VideoKind.normal,
    };
  });

  for (const day of plan.plant.burstDays) {
    const dayStart = tl.start(day);
    const kept = posts.filter((p) => tl.index(p.ms) !== day);
    posts.length = 0;
    posts.push(...kept);
    const count = rng.int(7, 9);
    const suppressed = new Set(rng.sample([...Array(count).keys()], rng.int(2, 4)));
    let t = dayStart + 8 * HOUR_MS + rng.int(0, 7200) * SECOND_MS;
    for (let k = 0; k < count; k++) {
      posts.push({ ms: t, kind: suppressed.has(k) ? VideoKind.suppressed : VideoKind.burst });
      t += rng.int(1800, 4500) * SECOND_MS;
    }
  }

  return posts.sort((a, b) => a.ms - b.ms);
}
