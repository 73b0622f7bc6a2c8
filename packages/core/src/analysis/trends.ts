/**
 * A creator's trend over a range: follower growth, views growth, week-over-week changes and posting
 * gaps. Inputs are the cumulative daily series (stats `history` / `total_video_views`, or `/analytics`
 * in cumulative mode) and weekly post counts (stats `posting_frequency`, or counted from the video
 * list). Gains come from day-over-day differences, never from the level, because the level mostly
 * reflects what happened before the range.
 * @module
 */
import { dailyGains, type Pacing, pacing } from "./campaign-performance.js";
import {
  type DayRange,
  dayNumber,
  dayString,
  fullWeekStarts,
  isoWeekStart,
  overlappingWeekStarts,
} from "./dates.js";
import { formatInt } from "./format.js";
import type { DatedValue, VideoInput } from "./inputs.js";
import { relativeChange, round, safeRatio } from "./stats-math.js";
import { indexVideos } from "./video-index.js";

export interface WeeklyPosts {
  week_start: string;
  video_count: number;
}

export interface SeriesGrowth {
  start: number | null;
  end: number | null;
  change: number | null;
  /** change / start × 100; `null` when starting from 0. */
  change_pct: number | null;
  pacing: Pacing;
}

export interface TrendWeek {
  week_start: string;
  /** The week reaches outside the range, so its sums are incomplete. */
  partial: boolean;
  posts: number | null;
  followers_gained: number | null;
  views_gained: number | null;
  /** Views gained vs the previous week, percent. */
  views_wow_pct: number | null;
  views_per_post: number | null;
}

export interface CreatorTrendAnalysis {
  range: DayRange;
  followers: SeriesGrowth;
  views: SeriesGrowth;
  weeks: TrendWeek[];
  /** Weeks fully inside the range without a counted post (only when the creator posted in the range). */
  posting_gaps: string[];
  posts_in_range: number;
  /** Sentences describing the trend. */
  highlights: string[];
}

function growth(series: readonly DatedValue[]): SeriesGrowth {
  const start = series[0]?.value ?? null;
  const end = series.at(-1)?.value ?? null;
  const change = start === null || end === null ? null : end - start;
  const rel = relativeChange(start, end);
  return {
    start,
    end,
    change,
    change_pct: rel === null ? null : round(rel * 100, 2),
    pacing: pacing(series),
  };
}

function gainsByWeek(series: readonly DatedValue[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const g of dailyGains(series)) {
    const week = isoWeekStart(dayNumber(g.date)!);
    out.set(week, (out.get(week) ?? 0) + g.value);
  }
  return out;
}

/** Counted posts per ISO week overlapping the range, zero weeks included (the stats route's buckets). */
export function weeklyPostsFromVideos(videos: readonly VideoInput[], range: DayRange): WeeklyPosts[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const counts = new Map<number, number>();
  for (const d of indexVideos(videos).day) {
    if (d < from || d > to) continue;
    const week = isoWeekStart(d);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return overlappingWeekStarts(range).map((w) => ({
    week_start: dayString(w),
    video_count: counts.get(w) ?? 0,
  }));
}

/** Restricts a dated series to the range. */
export function clipSeries(series: readonly DatedValue[], range: DayRange): DatedValue[] {
  return series.filter((p) => p.date >= range.from && p.date <= range.to);
}

export function analyzeCreatorTrendSeries(input: {
  range: DayRange;
  followers: readonly DatedValue[];
  views: readonly DatedValue[];
  weeklyPosts: readonly WeeklyPosts[];
}): CreatorTrendAnalysis {
  const { range } = input;
  const followers = clipSeries(input.followers, range);
  const views = clipSeries(input.views, range);
  const followerWeeks = gainsByWeek(followers);
  const viewWeeks = gainsByWeek(views);
  const postsByWeek = new Map(input.weeklyPosts.map((w) => [dayNumber(w.week_start)!, w.video_count]));
  const full = new Set(fullWeekStarts(range));
  const from = dayNumber(range.from)!;

  const weeks: TrendWeek[] = [];
  let previousViews: number | null = null;
  for (const w of overlappingWeekStarts(range)) {
    const partial = !full.has(w) || w <= from; // the first day of the range has no gain of its own
    const viewsGained = viewWeeks.get(w) ?? null;
    const posts = postsByWeek.get(w) ?? null;
    const wow = partial ? null : relativeChange(previousViews, viewsGained);
    weeks.push({
      week_start: dayString(w),
      partial,
      posts,
      followers_gained: followerWeeks.get(w) ?? null,
      views_gained: viewsGained,
      views_wow_pct: wow === null ? null : round(wow * 100, 1),
      views_per_post: round(safeRatio(viewsGained, posts), 1),
    });
    if (!partial) previousViews = viewsGained;
  }

  const postsInRange = input.weeklyPosts.reduce((s, w) => s + w.video_count, 0);
  const gaps =
    postsInRange > 0 ? [...full].filter((w) => (postsByWeek.get(w) ?? 0) === 0).map((w) => dayString(w)) : [];

  const result: CreatorTrendAnalysis = {
    range,
    followers: growth(followers),
    views: growth(views),
    weeks,
    posting_gaps: gaps,
    posts_in_range: postsInRange,
    highlights: [],
  };
  result.highlights = describeTrend(result);
  return result;
}

function describeTrend(t: CreatorTrendAnalysis): string[] {
  const out: string[] = [];
  const f = t.followers;
  if (f.change !== null) {
    out.push(
      `followers ${f.change >= 0 ? "+" : ""}${formatInt(f.change)} ` +
        `(${f.change_pct === null ? "n/a" : `${f.change_pct}%`}) over ${t.range.from} → ${t.range.to}`,
    );
  }
  const v = t.views.pacing;
  if (v.avg_per_day !== null) {
    out.push(
      `views +${formatInt(v.avg_per_day)}/day on average; ${v.direction.replace("_", " ")}` +
        (v.acceleration === null
          ? ""
          : ` (second half ${v.acceleration >= 0 ? "+" : ""}${Math.round(v.acceleration * 100)}% vs first)`),
    );
  }
  if (t.posting_gaps.length > 0) out.push(`no counted post in the weeks of ${t.posting_gaps.join(", ")}`);
  if (t.posts_in_range === 0) out.push("no counted post in the range");
  return out;
}
