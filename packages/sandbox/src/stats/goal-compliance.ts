/**
 * `GET /projects/{id}/goal-compliance` (Part B §8.1, product notes §A5): each active creator's active
 * goals evaluated for the period containing the reference date, with a pace-based status and the
 * data advisories.
 *
 * Time model: periods are half-open UTC intervals [period_start, period_end) — a daily period is the
 * reference day, weekly the ISO week (Monday 00:00), monthly the calendar month. The reference instant
 * is `world.now` when the reference date is the as-of day, else the end of the reference day (the next
 * day's 00:00), so a past date is judged with that whole day's data.
 *
 * Decisions where the contract is silent:
 * - pace: projected = actual / elapsed fraction of the period (at least one hour elapsed, so a period
 *   that just began does not project to infinity); engagement is a rate, so projected = actual.
 * - actuals only count what happened by the reference instant (posts by `posted_at`; views and
 *   followers by the gain rule of daily-series.ts up to the reference day's snapshot).
 * - a goal whose start_date is after the reference day is `not_yet_started` and has actual 0;
 *   a goal whose end_date is before the period starts does not apply to the period and is left out.
 * - `scrape_stale`: the creator's last_scraped_at is more than 12 h before the reference instant, or
 *   the creator was never scraped. `scrape_freshness` = { last_scraped_at, hours_since_scrape, stale_after_hours }.
 * - entries keep the caller's creator and goal order.
 */
import type { GoalCompliance } from "@goatkit/core";
import { HOUR_MS, isoWeekStart } from "@goatkit/core/analysis";
import type { GoalComplianceEntry, GoalStatus } from "@goatkit/core/schema";
import { quoteValue } from "@goatkit/server";
import type { CreatorRecord, GoalRecord, ProjectRecord, VideoRecord, World } from "../world/types.js";
import { countedOnly } from "./counted.js";
import { dailySeries } from "./daily-series.js";
import { dayNumber, dayStartMs, monthStartNumber, nextMonthStartNumber, parseDay } from "./days.js";
import { round4 } from "./metrics.js";
import { windowStartNumber } from "./snapshots.js";
import { invalidQuery } from "./stats-error.js";

export interface GoalEntryInput {
  creator: CreatorRecord;
  goals: readonly GoalRecord[];
  /** The creator's videos (filtered to counted ones here). */
  videos: readonly VideoRecord[];
}

export interface GoalComplianceQuery {
  creator_id?: string | null;
  period?: string | null;
  reference_date?: string | null;
}

const RECENTLY_ENDED_HOURS = 48;
const STALE_AFTER_HOURS = 12;
const BEHIND_PACE_SHARE = 0.7;
const PERIODS = ["daily", "weekly", "monthly"] as const;

const round1 = (x: number) => Math.round(x * 10) / 10;
const iso = (ms: number) => new Date(ms).toISOString();

/** First and last day number of the goal period containing `day`. */
export function periodDays(period: GoalRecord["period"], day: number): { start: number; end: number } {
  if (period === "daily") return { start: day, end: day };
  if (period === "weekly") {
    const start = isoWeekStart(day);
    return { start, end: start + 6 };
  }
  return { start: monthStartNumber(day), end: nextMonthStartNumber(day) - 1 };
}

interface Evaluation {
  world: World;
  creator: CreatorRecord;
  videos: readonly VideoRecord[];
  refDay: number;
  refMs: number;
}

function actualOf(ev: Evaluation, metric: GoalRecord["metric"], start: number, end: number): number {
  const startMs = dayStartMs(start);
  const stopMs = Math.min(dayStartMs(end + 1), ev.refMs);
  const postedInPeriod = (v: VideoRecord) => {
    const ms = Date.parse(v.posted_at);
    return ms >= startMs && ms < stopMs;
  };
  const lastDay = Math.min(end, ev.refDay); // data through the reference day's snapshot
  switch (metric) {
    case "posts":
      return ev.videos.filter(postedInPeriod).length;
    case "views": {
      const { series } = dailySeries(ev.world, ev.videos, [], start, lastDay);
      let gained = 0;
      for (const g of series.gain.view_count) gained += g;
      return gained;
    }
    case "followers": {
      const { series } = dailySeries(ev.world, [], [ev.creator], start, lastDay);
      let gained = 0;
      for (const g of series.followerGain) gained += g;
      return gained;
    }
    case "engagement": {
      // Rate over the videos posted in the period, at the latest snapshot not after the reference day.
      const idx = Math.min(lastDay - windowStartNumber(ev.world), ev.world.days.length - 1);
      let views = 0;
      let engagements = 0;
      if (idx >= 0) {
        for (const v of ev.videos) {
          if (!postedInPeriod(v)) continue;
          const s = ev.world.videoSnapshot(v, idx);
          if (!s) continue;
          views += s.view_count;
          engagements += s.like_count + s.comment_count + s.share_count + s.save_count;
        }
      }
      return views === 0 ? 0 : round4((engagements / views) * 100);
    }
  }
}

function statusOf(actual: number, target: number, ended: boolean, projected: number): GoalStatus {
  if (ended) return actual >= target ? "completed" : "missed";
  if (projected >= target) return "on_track";
  return projected >= BEHIND_PACE_SHARE * target ? "behind_pace" : "at_risk";
}

function evaluateGoal(ev: Evaluation, goal: GoalRecord): GoalComplianceEntry | null {
  const { start, end } = periodDays(goal.period, ev.refDay);
  if (goal.end_date !== null && dayNumber(goal.end_date) < start) return null;
  const startMs = dayStartMs(start);
  const endMs = dayStartMs(end + 1);
  const ended = endMs <= ev.refMs;
  const notYetStarted = goal.start_date !== null && dayNumber(goal.start_date) > ev.refDay;

  const actual = notYetStarted ? 0 : actualOf(ev, goal.metric, start, end);
  const target = goal.target_value;
  const elapsed = Math.min(1, Math.max(ev.refMs - startMs, HOUR_MS) / (endMs - startMs));
  const projected = goal.metric === "engagement" ? actual : actual / elapsed;
  const status = statusOf(actual, target, ended, projected);

  const lastScraped = ev.creator.last_scraped_at === null ? null : Date.parse(ev.creator.last_scraped_at);
  const hoursSinceScrape = lastScraped === null ? null : round1((ev.refMs - lastScraped) / HOUR_MS);
  const scrapeStale = hoursSinceScrape === null || hoursSinceScrape > STALE_AFTER_HOURS;
  const hoursUntil = ended ? null : round1((endMs - ev.refMs) / HOUR_MS);
  const hoursSince = ended ? round1((ev.refMs - endMs) / HOUR_MS) : null;
  const recentlyEnded = hoursSince !== null && hoursSince <= RECENTLY_ENDED_HOURS;

  const messages: string[] = [];
  if (!ended)
    messages.push(
      `The ${goal.period} period is still in progress (${hoursUntil} h left); the status is a projection.`,
    );
  if (recentlyEnded) {
    messages.push(
      `The period ended ${hoursSince} h ago; late posts can take up to 48 h to reach the stats, so the result may still change.`,
    );
  }
  if (scrapeStale) {
    messages.push(
      hoursSinceScrape === null
        ? "The creator has never been scraped; actual values may be missing."
        : `The creator was last scraped ${hoursSinceScrape} h before the reference time; recent activity may be missing.`,
    );
  }
  if (notYetStarted) messages.push(`The goal starts on ${goal.start_date}, after the reference date.`);

  return {
    goal: {
      id: goal.id,
      creator_id: goal.creator_id,
      project_id: goal.project_id,
      metric: goal.metric,
      period: goal.period,
      target_value: goal.target_value,
      start_date: goal.start_date,
      end_date: goal.end_date,
      is_active: goal.is_active,
      created_at: goal.created_at,
      updated_at: goal.updated_at,
    },
    target,
    actual,
    percentage: target > 0 ? Math.round((actual / target) * 100) : 100,
    status,
    advisory: {
      period_in_progress: !ended,
      period_recently_ended: recentlyEnded,
      scrape_stale: scrapeStale,
      not_yet_started: notYetStarted,
      has_advisory: !ended || recentlyEnded || scrapeStale || notYetStarted,
      messages,
      period_start: iso(startMs),
      period_end: iso(endMs),
      hours_until_period_end: hoursUntil,
      hours_since_period_end: hoursSince,
      scrape_freshness: {
        last_scraped_at: ev.creator.last_scraped_at,
        hours_since_scrape: hoursSinceScrape,
        stale_after_hours: STALE_AFTER_HOURS,
      },
    },
  };
}

export function goalCompliance(
  world: World,
  project: ProjectRecord,
  entries: readonly GoalEntryInput[],
  query: GoalComplianceQuery = {},
): GoalCompliance[] {
  const period = query.period ?? "all";
  if (period !== "all" && !(PERIODS as readonly string[]).includes(period)) {
    throw invalidQuery(`period must be one of ${PERIODS.join(", ")} or all, got ${quoteValue(period)}`);
  }
  const asOfDay = dayNumber(world.days.at(-1)!);
  let refDay = asOfDay;
  if (query.reference_date != null) {
    const parsed = parseDay(query.reference_date);
    if (parsed === null)
      throw invalidQuery(
        `reference_date must be a date as YYYY-MM-DD, got ${quoteValue(query.reference_date)}`,
      );
    refDay = parsed;
  }
  const refMs = refDay === asOfDay ? Date.parse(world.now) : dayStartMs(refDay + 1);

  const result: GoalCompliance[] = [];
  for (const { creator, goals, videos } of entries) {
    if (creator._deleted || creator.project_id !== project.id) continue;
    if (query.creator_id != null && creator.id !== query.creator_id) continue;
    const ev: Evaluation = { world, creator, videos: countedOnly(videos), refDay, refMs };
    const compliance: GoalComplianceEntry[] = [];
    for (const goal of goals) {
      if (!goal.is_active || goal.creator_id !== creator.id) continue;
      if (period !== "all" && goal.period !== period) continue;
      const entry = evaluateGoal(ev, goal);
      if (entry) compliance.push(entry);
    }
    result.push({
      creator: {
        id: creator.id,
        tiktok_handle: creator.tiktok_handle,
        display_name: creator.display_name,
        avatar_url: null,
      },
      compliance,
    });
  }
  return result;
}
