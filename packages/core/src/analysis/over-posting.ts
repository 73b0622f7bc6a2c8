/**
 * Over-posting: the trackagoat rule for days on which TikTok likely throttled a creator's whole batch.
 * Same creator, same UTC day, ≥ 7 counted posts, and ≥ 2 of them under 100 views at least 2 hours
 * after posting. The platform confirms a low count from a reading at least 2 h after posting, "not
 * merely zero on day one". From list data that reading is the last scrape: a video's view_count < 100
 * confirms the rule when `last_scraped_at − posted_at ≥ 2 h`, because counters never decrease (below
 * 100 then means below 100 at the 2-hour mark). A low count read earlier, or a video never scraped, is
 * unconfirmed: such a day makes no incident and is listed as unconfirmed instead.
 * Severity follows the guide: amber for an incident within the last 7 days, info for older ones.
 * @module
 */
import { DAY_MS, dayString, HOUR_MS, type Instant, instantMs, parseInstantMs } from "./dates.js";
import type { VideoInput } from "./inputs.js";
import type {
  OverPostingIncident,
  OverPostingWarning,
  UnconfirmedOverPostingDay,
} from "./results/over-posting.js";
import { medianOfSorted, round, safeRatio } from "./stats-math.js";
import { asIndex, type VideoIndex } from "./video-index.js";

// The result types are inferred from the report part schemas (results/over-posting.ts): one definition each.
export type { OverPostingIncident, OverPostingWarning, UnconfirmedOverPostingDay };

export interface OverPostingOptions {
  minPostsPerDay?: number;
  lowViews?: number;
  minLowViewVideos?: number;
  minAgeHours?: number;
  /** Incidents on days within this many days of asOf are amber. */
  amberDays?: number;
  /** A creator with this many posts already today (but fewer than the minimum) gets an early warning. */
  warnAtPosts?: number;
}

export interface OverPostingAnalysis {
  incidents: OverPostingIncident[];
  /** Days that would be incidents if their early readings were confirmed; they make no incident. */
  unconfirmed: UnconfirmedOverPostingDay[];
  /** Creators close to the threshold on asOf's day: a chance to spread the rest over the next days. */
  warnings: OverPostingWarning[];
  thresholds: Required<OverPostingOptions>;
}

export function findOverPosting(
  videos: readonly VideoInput[] | VideoIndex,
  asOf: Instant,
  options: OverPostingOptions = {},
): OverPostingAnalysis {
  const t: Required<OverPostingOptions> = {
    minPostsPerDay: options.minPostsPerDay ?? 7,
    lowViews: options.lowViews ?? 100,
    minLowViewVideos: options.minLowViewVideos ?? 2,
    minAgeHours: options.minAgeHours ?? 2,
    amberDays: options.amberDays ?? 7,
    warnAtPosts: options.warnAtPosts ?? 5,
  };
  const asOfMs = instantMs(asOf);
  const today = Math.floor(asOfMs / DAY_MS);
  const minAgeMs = t.minAgeHours * HOUR_MS;
  const index = asIndex(videos);
  /** Whether the video's last reading came at least `minAgeHours` after posting (and not after asOf). */
  const confirmed = (k: number): boolean => {
    const scraped = index.videos[k]!.last_scraped_at;
    const ms = scraped ? parseInstantMs(scraped) : null;
    return ms !== null && ms <= asOfMs && ms - index.postedMs[k]! >= minAgeMs;
  };

  const incidents: OverPostingIncident[] = [];
  const unconfirmed: UnconfirmedOverPostingDay[] = [];
  const warnings: OverPostingWarning[] = [];
  const minDay = Math.min(t.minPostsPerDay, t.warnAtPosts);
  const { day, views, start } = index;
  let days = new Int32Array(256);
  for (let slot = 0; slot < index.creatorIds.length; slot++) {
    const from = start[slot]!;
    const to = start[slot + 1]!;
    const n = to - from;
    if (n < minDay) continue;
    // Sort the posting days and look for a long enough run: almost no creator-day reaches the
    // threshold, so the per-day lists are built only for the runs that do.
    if (days.length < n) days = new Int32Array(n * 2);
    const sorted = days.subarray(0, n);
    sorted.set(day.subarray(from, to));
    sorted.sort();
    const busyDays: Array<{ day: number; count: number }> = [];
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && sorted[j] === sorted[i]) j++;
      if (j - i >= minDay) busyDays.push({ day: sorted[i]!, count: j - i });
      i = j;
    }
    if (busyDays.length === 0) continue;
    const creatorId = index.creatorIds[slot]!;
    let creatorMedian: number | null | undefined;
    for (const { day: d, count } of busyDays) {
      if (count < t.minPostsPerDay) {
        if (d === today && count >= t.warnAtPosts) {
          warnings.push({
            creator_id: creatorId,
            date: dayString(d),
            post_count: count,
            posts_until_rule_count: t.minPostsPerDay - count,
          });
        }
        continue;
      }
      const dayViews: number[] = [];
      const low: string[] = [];
      let early = 0;
      for (let k = from; k < to; k++) {
        if (day[k] !== d) continue;
        dayViews.push(views[k]!);
        if (views[k]! >= t.lowViews) continue;
        if (confirmed(k)) low.push(index.videos[k]!.id);
        else early++;
      }
      if (low.length < t.minLowViewVideos) {
        if (low.length + early >= t.minLowViewVideos) {
          unconfirmed.push({
            creator_id: creatorId,
            date: dayString(d),
            post_count: count,
            low_view_count: low.length + early,
            confirmed_low_view_count: low.length,
            unconfirmed_video_count: early,
          });
        }
        continue;
      }
      if (creatorMedian === undefined) {
        const burst = new Set(busyDays.filter((b) => b.count >= t.minPostsPerDay).map((b) => b.day));
        const others: number[] = [];
        for (let k = from; k < to; k++) if (!burst.has(day[k]!)) others.push(views[k]!);
        creatorMedian = medianOfSorted(Float64Array.from(others).sort());
      }
      const dayMedian = medianOfSorted(Float64Array.from(dayViews).sort());
      incidents.push({
        creator_id: creatorId,
        date: dayString(d),
        post_count: count,
        low_view_count: low.length,
        low_view_video_ids: low.sort(),
        severity: today - d < t.amberDays ? "amber" : "info",
        day_median_views: dayMedian,
        creator_median_views: creatorMedian,
        reach_ratio: round(safeRatio(dayMedian, creatorMedian), 3),
      });
    }
  }
  incidents.sort((a, b) =>
    a.date > b.date ? -1 : a.date < b.date ? 1 : a.creator_id < b.creator_id ? -1 : 1,
  );
  unconfirmed.sort((a, b) =>
    a.date > b.date ? -1 : a.date < b.date ? 1 : a.creator_id < b.creator_id ? -1 : 1,
  );
  warnings.sort((a, b) => b.post_count - a.post_count || (a.creator_id < b.creator_id ? -1 : 1));
  return { incidents, unconfirmed, warnings, thresholds: t };
}
