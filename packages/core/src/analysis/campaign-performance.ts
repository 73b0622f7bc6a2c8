/**
 * Campaign performance: totals, pacing from the cumulative history, concentration of views, and a
 * fair comparison of several campaigns. Progress towards `target_views` lives in campaign-target.ts.
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
 * are then exactly one per day of the range and gained = value(to) − value(from − 1).
 *
 * NO BASELINE MEANS UNKNOWN, NOT ZERO: when the data does not reach back to `from − 1` (the entity's
 * first reading falls inside the range, or the plan's history stops at `from`), what the range gained
 * is unknown. `gained` is then `null` with `gain_unknown_reason` saying so ("no reading before the
 * range"); the day-over-day gains the readings do show are still listed in `daily`.
 * @module
 */

import { isCountedVideo } from "./counted.js";
import { addDays, type DayRange } from "./dates.js";
import type { DatedValue, VideoInput } from "./inputs.js";
import type { CampaignTotalsLike, Concentration } from "./results/campaign.js";
import type { CampaignSeriesComparison, LifetimeTotals } from "./results/comparison.js";
import type { Pacing, TrendDirection } from "./results/pacing.js";
import { linearSlope, mean, relativeChange, round, safeRatio } from "./stats-math.js";

// The result types are inferred from the report part schemas (results/): one definition each.
export type {
  CampaignSeriesComparison,
  CampaignTotalsLike,
  Concentration,
  LifetimeTotals,
  Pacing,
  TrendDirection,
};

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
    if (!isCountedVideo(v) || seen.has(v.id)) continue;
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
 * Why the gain over `range` of a series already cut with {@link baselineSeries} is unknown, or `null`
 * when its first point is the reading of the day before the range (the baseline).
 */
export function gainUnknownReason(cut: readonly DatedValue[], range: DayRange): string | null {
  const first = cut[0];
  if (first === undefined) return "no reading in the range";
  if (first.date === addDays(range.from, -1)) return null;
  return `no reading before the range: the history starts on ${first.date}`;
}

/**
 * Pacing of a cumulative series whose first point is its baseline (see the module comment): one gain
 * per later point, `gained` = last − baseline, averages over the days with a gain. With `range`, a
 * series without a reading for the day before the range has an unknown gain (`gained: null`, with
 * `gain_unknown_reason`); its daily gains are still measured. Direction: a
 * half-over-half change beyond ±`threshold` (default 15 %) is accelerating or slowing; smaller ones are
 * steady. Fewer than 4 daily gains say nothing, and neither do gains that are all 0: a campaign
 * without views is not "steady", there is just nothing to pace.
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
  if (gains.length >= 4 && firstHalf !== null && secondHalf !== null && gains.some((g) => g !== 0)) {
    if (acceleration === null) direction = secondHalf > 0 ? "accelerating" : "steady";
    else if (acceleration > threshold) direction = "accelerating";
    else if (acceleration < -threshold) direction = "slowing";
    else direction = "steady";
  }
  const unknown = range ? gainUnknownReason(cumulative, range) : cumulative.length > 0 ? null : "no reading";
  const gained = unknown === null ? cumulative.at(-1)!.value - cumulative[0]!.value : null;
  return {
    day_count: gains.length,
    gained,
    baseline_date: unknown === null ? cumulative[0]!.date : null,
    gain_unknown_reason: unknown,
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
    if (v.creator_id === null || !isCountedVideo(v)) continue;
    m.set(v.creator_id, (m.get(v.creator_id) ?? 0) + v.view_count);
  }
  return [...m].map(([id, view_count]) => ({ id, view_count })).sort((a, b) => b.view_count - a.view_count);
}

export interface ComparableCampaign {
  campaign_id: string;
  name: string;
  /** Cumulative views from the baseline day (`from − 1`) through the end of the shared range. */
  views: readonly DatedValue[];
  totals: CampaignTotalsLike;
}

/**
 * Compares campaigns over the same range, normalised by days active, by creator count and by video
 * count, ranked by views gained per active day. Every per-unit figure divides the range's views
 * GAINED: dividing a lifetime total by one count and a range gain by another would rank campaigns on
 * two bases at once. Each series' first point is its baseline (with `range`, the point of `from − 1`;
 * see {@link baselineSeries}). A day is active from the first point with views on: with a baseline
 * above 0 the campaign had views before the range and every day of it is active; with a baseline of
 * 0 the days before its first views gained nothing and are left out. With `range`, a campaign without
 * a reading for the day before has an unknown gain (null, with the reason): it ranks after every
 * campaign whose gain is known, a known 0 included.
 */
export function compareCampaignSeries(
  campaigns: readonly ComparableCampaign[],
  range?: DayRange,
): CampaignSeriesComparison[] {
  const rows = campaigns.map((c): CampaignSeriesComparison => {
    const views = range ? baselineSeries(c.views, range) : c.views;
    const firstActive = views.findIndex((p) => p.value > 0);
    // The baseline (index 0) has no gain of its own, so it is never a day of the range.
    const activeDays = firstActive < 0 ? 0 : views.length - Math.max(firstActive, 1);
    const p = range ? pacing(c.views, { range }) : pacing(views);
    const t = c.totals;
    const actions = t.like_count + t.comment_count + t.share_count + t.save_count;
    return {
      campaign_id: c.campaign_id,
      name: c.name,
      views_gained: p.gained,
      gain_unknown_reason: p.gain_unknown_reason,
      active_day_count: activeDays,
      views_gained_per_active_day: round(safeRatio(p.gained, activeDays), 1),
      views_gained_per_creator: round(safeRatio(p.gained, t.creator_count), 1),
      views_gained_per_video: round(safeRatio(p.gained, t.video_count), 1),
      direction: p.direction,
      lifetime: { ...t, engagement_rate: round(safeRatio(actions, t.view_count), 4) },
      rank: 0,
    };
  });
  // Known gains first (by gained per active day), then known zeros, then the unknown ones.
  const tier = (r: CampaignSeriesComparison) =>
    r.views_gained === null ? 2 : r.views_gained_per_active_day === null ? 1 : 0;
  const order = [...rows].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (b.views_gained_per_active_day ?? -1) - (a.views_gained_per_active_day ?? -1) ||
      (a.campaign_id < b.campaign_id ? -1 : 1),
  );
  order.forEach((r, i) => {
    r.rank = i + 1;
  });
  return order;
}

// The target moved to its own module; these re-exports keep `./campaign-performance.js` imports working.
export {
  createdBaselineDay,
  type TargetBasis,
  type TargetInput,
  type TargetProgress,
  type TargetStatus,
  targetEndDay,
  targetProgress,
  type ViewsSinceCreated,
  viewsSinceCreated,
} from "./campaign-target.js";
