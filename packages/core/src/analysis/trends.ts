/**
 * A creator's trend over a range: follower growth, views growth, week-over-week changes and posting
 * gaps. Inputs are the cumulative daily series (stats `history` / `total_video_views`, or `/analytics`
 * in cumulative mode) and weekly post counts (stats `posting_frequency`, or counted from the video
 * list). Gains come from day-over-day differences, never from the level, because the level mostly
 * reflects what happened before the range.
 *
 * The cumulative series should start at the baseline day `from − 1` (the baseline rule of
 * campaign-performance.ts): a level is a day's end, so the gain of day `from` is value(from) −
 * value(from − 1), and without that point the range's first day has no gain. The series are cut with
 * {@link baselineSeries}; where the data does not reach back to `from − 1`, the growth over the range
 * is unknown (`change: null`, `pacing.gained: null`, with the reason: no reading before the range) and
 * the first week is marked partial; the weeks' gains the readings do show are still summed.
 *
 * Posting gaps are judged only on the creator's own weeks: full weeks from the tracking start
 * (`trackingStartedAt`, the creator's `created_at`) on, and a week whose posts all wait in the Tracking
 * Inbox (`pendingWeeks`) is the team's backlog, not a gap.
 * @module
 */
import { baselineSeries, dailyGains, pacing } from "./campaign-performance.js";
import {
  DAY_MS,
  type DayRange,
  dayNumber,
  dayString,
  fullWeekStarts,
  isoWeekStart,
  overlappingWeekStarts,
  parseInstantMs,
} from "./dates.js";
import { formatInt, formatShare } from "./format.js";
import type { DatedValue, VideoInput } from "./inputs.js";
import type { CreatorTrendSeries, SeriesGrowth, TrendWeek } from "./results/trends.js";
import { relativeChange, round, safeRatio } from "./stats-math.js";
import { indexVideos } from "./video-index.js";

// The result types are inferred from the report part schemas (results/trends.ts): one definition each.
export type { SeriesGrowth, TrendWeek };

export interface WeeklyPosts {
  week_start: string;
  video_count: number;
}

/** The report's trend figures (results/trends.ts) plus the range measured and the highlights. */
export type CreatorTrendAnalysis = CreatorTrendSeries & {
  range: DayRange;
  /** Sentences describing the trend. */
  highlights: string[];
};

/** Growth of a cumulative series over `range`: unknown (nulls) without the day-before reading. */
function growth(raw: readonly DatedValue[], range: DayRange): SeriesGrowth {
  const p = pacing(raw, { range });
  const cut = baselineSeries(raw, range);
  const start = p.gained === null ? null : cut[0]!.value;
  const end = cut.at(-1)?.value ?? null;
  return {
    start,
    end,
    change: p.gained,
    change_ratio: round(relativeChange(start, end), 4),
    pacing: p,
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

/**
 * Mondays (`YYYY-MM-DD`) of the weeks with a post of the range waiting in the Tracking Inbox
 * (`pending_review`): the team's backlog, so not posting gaps.
 */
export function pendingWeekStarts(videos: readonly VideoInput[], range: DayRange): string[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const weeks = new Set<number>();
  for (const v of videos) {
    if (v.tracking_status !== "pending_review" || v.tracking_enabled === false) continue;
    const ms = parseInstantMs(v.posted_at);
    if (ms === null) continue;
    const d = Math.floor(ms / DAY_MS);
    if (d >= from && d <= to) weeks.add(isoWeekStart(d));
  }
  return [...weeks].sort((a, b) => a - b).map((w) => dayString(w));
}

/** Restricts a dated series to the range (without the baseline day: see {@link baselineSeries} for gains). */
export function clipSeries(series: readonly DatedValue[], range: DayRange): DatedValue[] {
  return series.filter((p) => p.date >= range.from && p.date <= range.to);
}

/**
 * Weekly post buckets of a stats call that started at the baseline day (`from − 1`) cut back to the
 * weeks overlapping the range, the buckets a call for exactly the range returns: a bucket of a week
 * that ends before `from` (when `from` is a Monday) is dropped, and the baseline day's own posts
 * (`baselinePosts`, counted from the video list) come off the week it shares with `from`.
 */
export function weeklyPostsInRange(
  weekly: readonly WeeklyPosts[],
  range: DayRange,
  baselinePosts: number,
): WeeklyPosts[] {
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const firstWeek = isoWeekStart(from);
  const baselineWeek = isoWeekStart(from - 1);
  const out: WeeklyPosts[] = [];
  for (const w of weekly) {
    const start = dayNumber(w.week_start);
    if (start === null || start < firstWeek || start > to) continue;
    out.push(
      start === baselineWeek
        ? { week_start: w.week_start, video_count: Math.max(0, w.video_count - baselinePosts) }
        : { week_start: w.week_start, video_count: w.video_count },
    );
  }
  return out;
}

/** Counted posts on one UTC day. */
export function postsOnDay(videos: readonly VideoInput[], day: string): number {
  const d = dayNumber(day)!;
  let n = 0;
  for (const x of indexVideos(videos).day) if (x === d) n++;
  return n;
}

export function analyzeCreatorTrendSeries(input: {
  range: DayRange;
  followers: readonly DatedValue[];
  views: readonly DatedValue[];
  weeklyPosts: readonly WeeklyPosts[];
  /** The creator's tracking start (`created_at`): full weeks before it are not judged for gaps. */
  trackingStartedAt?: string | null;
  /** Mondays (`YYYY-MM-DD`) of weeks with posts of the range waiting in the Tracking Inbox: no gaps. */
  pendingWeeks?: readonly string[];
}): CreatorTrendAnalysis {
  const { range } = input;
  // Each series from its baseline (the end of from − 1) through `to`: one gain per day of the range.
  const followers = baselineSeries(input.followers, range);
  const views = baselineSeries(input.views, range);
  const followerWeeks = gainsByWeek(followers);
  const viewWeeks = gainsByWeek(views);
  const gainDays = new Set(dailyGains(views).map((g) => dayNumber(g.date)!));
  const postsByWeek = new Map(input.weeklyPosts.map((w) => [dayNumber(w.week_start)!, w.video_count]));
  const full = new Set(fullWeekStarts(range));

  const weeks: TrendWeek[] = [];
  let previousViews: number | null = null;
  for (const w of overlappingWeekStarts(range)) {
    // A week reaching outside the range, or with a day the views series has no gain for (no baseline
    // day before the range, or no data yet), has incomplete sums and is not compared week over week.
    let partial = !full.has(w);
    for (let d = w; !partial && d <= w + 6; d++) partial = !gainDays.has(d);
    const viewsGained = viewWeeks.get(w) ?? null;
    const posts = postsByWeek.get(w) ?? null;
    const wow = partial ? null : relativeChange(previousViews, viewsGained);
    weeks.push({
      week_start: dayString(w),
      partial,
      post_count: posts,
      followers_gained: followerWeeks.get(w) ?? null,
      views_gained: viewsGained,
      views_wow_change_ratio: round(wow, 4),
      views_gained_per_post: round(safeRatio(viewsGained, posts), 1),
    });
    if (!partial) previousViews = viewsGained;
  }

  const postsInRange = input.weeklyPosts.reduce((s, w) => s + w.video_count, 0);
  const startMs = input.trackingStartedAt ? parseInstantMs(input.trackingStartedAt) : null;
  const pendingWeeks = new Set((input.pendingWeeks ?? []).map((w) => dayNumber(w)));
  const gaps =
    postsInRange > 0
      ? [...full]
          .filter(
            (w) =>
              (postsByWeek.get(w) ?? 0) === 0 &&
              !pendingWeeks.has(w) &&
              (startMs === null || w * DAY_MS >= startMs),
          )
          .map((w) => dayString(w))
      : [];

  const result: CreatorTrendAnalysis = {
    range,
    followers: growth(input.followers, range),
    views: growth(input.views, range),
    weeks,
    posting_gaps: gaps,
    range_post_count: postsInRange,
    highlights: [],
  };
  result.highlights = describeTrend(result);
  return result;
}

function describeTrend(t: CreatorTrendAnalysis): string[] {
  const out: string[] = [];
  const f = t.followers;
  if (f.change === null && f.pacing.gain_unknown_reason !== null) {
    out.push(
      `followers gained over ${t.range.from} → ${t.range.to} unknown (${f.pacing.gain_unknown_reason})` +
        (f.end === null ? "" : `; ${formatInt(f.end)} at the end`),
    );
  }
  if (f.change !== null) {
    out.push(
      `followers ${f.change >= 0 ? "+" : ""}${formatInt(f.change)} ` +
        `(${f.change_ratio === null ? "n/a" : `${f.change_ratio >= 0 ? "+" : ""}${formatShare(f.change_ratio, 1)}`}) ` +
        `over ${t.range.from} → ${t.range.to}`,
    );
  }
  const v = t.views.pacing;
  if (v.gained === null && v.gain_unknown_reason !== null) {
    out.push(`views gained over the range unknown (${v.gain_unknown_reason})`);
  }
  if (v.avg_per_day !== null) {
    out.push(
      `views gained ${formatInt(v.avg_per_day)}/day on average; ` +
        (v.direction === "insufficient_data" ? "too little growth to judge the trend" : v.direction) +
        (v.acceleration === null || v.direction === "insufficient_data"
          ? ""
          : ` (second half ${v.acceleration >= 0 ? "+" : ""}${Math.round(v.acceleration * 100)}% vs first)`),
    );
  }
  if (t.posting_gaps.length > 0) out.push(`no counted post in the weeks of ${t.posting_gaps.join(", ")}`);
  if (t.range_post_count === 0) out.push("no counted post in the range");
  return out;
}
