/**
 * Campaign performance: totals, pacing from the cumulative history, concentration of views, progress
 * towards `target_views` by `target_at`, and a fair comparison of several campaigns.
 *
 * Pacing works on daily gains (the difference between consecutive cumulative values), because the
 * cumulative level mostly reflects what happened before the range. Trend = the regression slope of
 * the daily gains; acceleration = the mean gain of the second half of the range against the first.
 *
 * THE BASELINE RULE: the first point of a cumulative series is its baseline. It yields no gain of its
 * own; it is what the first gain is measured from. A cumulative value is a level at a day's end, so the
 * gain made ON day `from` is value(from) − value(from − 1): a series fetched for exactly [from, to] has
 * one gain fewer than the range has days, and "gained" = last − first silently drops the first day.
 * To measure [from, to], fetch the series from the baseline day `from − 1` through `to` and cut it with
 * {@link baselineSeries} (or pass `range` to {@link pacing} / {@link compareCampaignSeries}): the gains
 * are then exactly one per day of the range and gained = value(to) − value(from − 1). When the data
 * does not reach back to `from − 1` (the entity's first snapshot falls inside the range), the first
 * point in the range is the baseline instead: one gain fewer, measured the same way.
 * @module
 */

import { isCounted } from "./counted.js";
import { addDays, DAY_MS, type DayRange, type Instant, instantMs, parseInstantMs } from "./dates.js";
import type { DatedValue, VideoInput } from "./inputs.js";
import { linearSlope, mean, relativeChange, round, safeRatio } from "./stats-math.js";

export interface CampaignTotalsLike {
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
  save_count: number;
  video_count: number;
  creator_count: number;
}

/**
 * Totals over a campaign's resolved video set: each counted video once (the caller de-duplicates the
 * tree; this function de-duplicates ids again to be safe), creators = distinct non-null creator ids.
 */
export function totalsFromVideos(videos: Iterable<VideoInput>): CampaignTotalsLike {
  const seen = new Set<string>();
  const creators = new Set<string>();
  const t: CampaignTotalsLike = {
    view_count: 0,
    like_count: 0,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    video_count: 0,
    creator_count: 0,
  };
  for (const v of videos) {
    if (!isCounted(v.tracking_status) || seen.has(v.id)) continue;
    seen.add(v.id);
    t.view_count += v.view_count;
    t.like_count += v.like_count;
    t.comment_count += v.comment_count;
    t.share_count += v.share_count;
    t.save_count += v.save_count ?? 0;
    t.video_count++;
    if (v.creator_id !== null) creators.add(v.creator_id);
  }
  t.creator_count = creators.size;
  return t;
}

/**
 * The part of a cumulative series that measures the range `[from, to]`: its baseline, the point dated
 * `from − 1` when the series has one, then the points of the range. Without a point for `from − 1`
 * (the data starts inside the range) the first point of the range serves as the baseline.
 * The input must be sorted by date (as every API series is).
 */
export function baselineSeries(cumulative: readonly DatedValue[], range: DayRange): DatedValue[] {
  const baselineDay = addDays(range.from, -1);
  return cumulative.filter((p) => p.date >= baselineDay && p.date <= range.to);
}

/**
 * Day-over-day gains of a cumulative series, each dated by its later day. The first point is the
 * baseline (see the module comment) and yields none.
 */
export function dailyGains(cumulative: readonly DatedValue[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (let i = 1; i < cumulative.length; i++) {
    out.push({ date: cumulative[i]!.date, value: cumulative[i]!.value - cumulative[i - 1]!.value });
  }
  return out;
}

export type TrendDirection = "accelerating" | "steady" | "slowing" | "insufficient_data";

export interface Pacing {
  /** Days with a gain (one per day of the range when the series starts at its baseline day). */
  days: number;
  /** Gained over the range: last cumulative value − the baseline (the first point). */
  gained: number | null;
  avg_per_day: number | null;
  /** Average daily gain over the last `recentDays` days. */
  recent_per_day: number | null;
  /** Least-squares slope of the daily gains (change in daily gain per day). */
  slope_per_day: number | null;
  first_half_avg: number | null;
  second_half_avg: number | null;
  /** second_half_avg / first_half_avg − 1. */
  acceleration: number | null;
  direction: TrendDirection;
  daily: DatedValue[];
}

export interface PacingOptions {
  /**
   * The range measured: the series is first cut with {@link baselineSeries}, so its baseline is the
   * point of `from − 1` (or, missing that, the first point of the range). Without it the series is
   * taken as given, its first point being the baseline.
   */
  range?: DayRange;
  /** Days of the recent pace (default 7). */
  recentDays?: number;
  /** Half-over-half change that counts as accelerating or slowing (default 0.15). */
  threshold?: number;
}

/**
 * Pacing of a cumulative series whose first point is its baseline (see the module comment): one gain
 * per later point, `gained` = last − baseline, averages over the days with a gain. Direction: a
 * half-over-half change beyond ±`threshold` (default 15 %) is accelerating or slowing; smaller ones are
 * steady. Fewer than 4 daily gains say nothing.
 */
export function pacing(series: readonly DatedValue[], options: PacingOptions = {}): Pacing {
  const { range, recentDays = 7, threshold = 0.15 } = options;
  const cumulative = range ? baselineSeries(series, range) : series;
  const daily = dailyGains(cumulative);
  const gains = daily.map((d) => d.value);
  const half = Math.floor(gains.length / 2);
  const firstHalf = mean(gains.slice(0, half));
  const secondHalf = mean(gains.slice(gains.length - half));
  const acceleration = relativeChange(firstHalf, secondHalf);
  let direction: TrendDirection = "insufficient_data";
  if (gains.length >= 4 && firstHalf !== null && secondHalf !== null) {
    if (acceleration === null) direction = secondHalf > 0 ? "accelerating" : "steady";
    else if (acceleration > threshold) direction = "accelerating";
    else if (acceleration < -threshold) direction = "slowing";
    else direction = "steady";
  }
  const gained = cumulative.length > 0 ? cumulative.at(-1)!.value - cumulative[0]!.value : null;
  return {
    days: gains.length,
    gained,
    avg_per_day: round(safeRatio(gained, gains.length), 2),
    recent_per_day: round(mean(gains.slice(-recentDays)), 2),
    slope_per_day: round(linearSlope(gains), 3),
    first_half_avg: round(firstHalf, 2),
    second_half_avg: round(secondHalf, 2),
    acceleration: round(acceleration, 4),
    direction,
    daily,
  };
}

export interface Concentration {
  top_video_id: string | null;
  top_video_share: number | null;
  top_creator_id: string | null;
  top_creator_share: number | null;
  /** Share of views from the top 3 creators. */
  top3_creator_share: number | null;
}

/** How much of the views hang on one video or one creator (a campaign riding a single hit is fragile). */
export function concentration(
  topVideos: ReadonlyArray<{ id: string; view_count: number }>,
  topCreators: ReadonlyArray<{ id: string; view_count: number }>,
  totalViews: number,
): Concentration {
  const tv = [...topVideos].sort((a, b) => b.view_count - a.view_count)[0];
  const tc = [...topCreators].sort((a, b) => b.view_count - a.view_count);
  const top3 = tc.slice(0, 3).reduce((s, c) => s + c.view_count, 0);
  return {
    top_video_id: tv?.id ?? null,
    top_video_share: round(safeRatio(tv?.view_count ?? null, totalViews), 4),
    top_creator_id: tc[0]?.id ?? null,
    top_creator_share: round(safeRatio(tc[0]?.view_count ?? null, totalViews), 4),
    top3_creator_share: round(safeRatio(tc.length > 0 ? top3 : null, totalViews), 4),
  };
}

/** Views per creator over a video set, descending, for concentration from list data. */
export function viewsByCreator(videos: Iterable<VideoInput>): Array<{ id: string; view_count: number }> {
  const m = new Map<string, number>();
  for (const v of videos) {
    if (v.creator_id === null || !isCounted(v.tracking_status)) continue;
    m.set(v.creator_id, (m.get(v.creator_id) ?? 0) + v.view_count);
  }
  return [...m].map(([id, view_count]) => ({ id, view_count })).sort((a, b) => b.view_count - a.view_count);
}

export type TargetStatus = "no_target" | "reached" | "on_track" | "behind" | "missed";

export interface TargetProgress {
  status: TargetStatus;
  target_views: number | null;
  target_at: string | null;
  current_views: number;
  share_done: number | null;
  days_left: number | null;
  /** Views per day still needed to reach the target on time. */
  required_per_day: number | null;
  /** current + recent pace × days left. */
  projected_at_target: number | null;
  pace_per_day: number | null;
}

/**
 * Progress towards a campaign's target: projected at `target_at` from the recent pace. A target
 * without a date is judged on the views alone (reached or not).
 */
export function targetProgress(
  input: {
    target_views: number | null;
    target_at: string | null;
    current_views: number;
    pace_per_day: number | null;
  },
  asOf: Instant,
): TargetProgress {
  const { target_views, target_at, current_views, pace_per_day } = input;
  const base = {
    target_views,
    target_at,
    current_views,
    share_done: round(safeRatio(current_views, target_views), 4),
    pace_per_day,
  };
  if (target_views === null || target_views <= 0) {
    return {
      ...base,
      status: "no_target",
      days_left: null,
      required_per_day: null,
      projected_at_target: null,
    };
  }
  const remaining = Math.max(0, target_views - current_views);
  const targetMs = parseInstantMs(target_at);
  const now = instantMs(asOf);
  const daysLeft = targetMs === null ? null : Math.max(0, (targetMs - now) / DAY_MS);
  const projected =
    daysLeft === null
      ? null
      : pace_per_day === null
        ? current_views
        : current_views + Math.max(0, pace_per_day) * daysLeft;
  let status: TargetStatus;
  if (current_views >= target_views) status = "reached";
  else if (targetMs !== null && now >= targetMs) status = "missed";
  else if (projected !== null && projected >= target_views) status = "on_track";
  else status = "behind";
  return {
    ...base,
    status,
    days_left: round(daysLeft, 2),
    required_per_day: daysLeft === null || daysLeft <= 0 ? null : round(remaining / daysLeft, 1),
    projected_at_target: round(projected, 0),
  };
}

export interface ComparableCampaign {
  campaign_id: string;
  name: string;
  /** Cumulative views from the baseline day (`from − 1`) through the end of the shared range. */
  views: readonly DatedValue[];
  totals: CampaignTotalsLike;
}

export interface CampaignComparisonRow {
  campaign_id: string;
  name: string;
  views_gained: number | null;
  /**
   * Days of the range from the first day with any views (a campaign that started late is not
   * penalised): the days whose gain is counted in `views_gained`, so per active day × days active =
   * views gained.
   */
  days_active: number;
  views_per_active_day: number | null;
  views_per_creator: number | null;
  views_per_video: number | null;
  engagement_rate: number | null;
  direction: TrendDirection;
  rank: number;
}

/**
 * Compares campaigns over the same range, normalised by days active and by creator count, ranked by
 * views gained per active day. Each series' first point is its baseline (with `range`, the point of
 * `from − 1`; see {@link baselineSeries}). A day is active from the first point with views on: with a
 * baseline above 0 the campaign had views before the range and every day of it is active; with a
 * baseline of 0 the days before its first views gained nothing and are left out.
 */
export function compareCampaignSeries(
  campaigns: readonly ComparableCampaign[],
  range?: DayRange,
): CampaignComparisonRow[] {
  const rows = campaigns.map((c) => {
    const views = range ? baselineSeries(c.views, range) : c.views;
    const firstActive = views.findIndex((p) => p.value > 0);
    // The baseline (index 0) has no gain of its own, so it is never a day of the range.
    const daysActive = firstActive < 0 ? 0 : views.length - Math.max(firstActive, 1);
    const p = pacing(views);
    const t = c.totals;
    const actions = t.like_count + t.comment_count + t.share_count + t.save_count;
    const er = safeRatio(actions, t.view_count);
    return {
      campaign_id: c.campaign_id,
      name: c.name,
      views_gained: p.gained,
      days_active: daysActive,
      views_per_active_day: round(safeRatio(p.gained, daysActive), 1),
      views_per_creator: round(safeRatio(p.gained, t.creator_count), 1),
      views_per_video: round(safeRatio(t.view_count, t.video_count), 1),
      engagement_rate: er === null ? null : round(er * 100, 2),
      direction: p.direction,
      rank: 0,
    };
  });
  const order = [...rows].sort(
    (a, b) =>
      (b.views_per_active_day ?? -1) - (a.views_per_active_day ?? -1) ||
      (a.campaign_id < b.campaign_id ? -1 : 1),
  );
  order.forEach((r, i) => {
    r.rank = i + 1;
  });
  return order;
}
