/**
 * The creator trend report built from what its workflow fetched: a pure function of the creator, its
 * video list, the daily cumulative followers and views series (from the baseline day `from − 1`), the
 * weekly post counts when the stats route gave them, the range and the analysis instant. Both API
 * generations hand over the same shapes, so one builder serves the stats route and the `/analytics`
 * fallback. No client, no clock: it is tested on fixtures with hand-computed figures (creator-trend.test.ts).
 * @module
 */
import { partitionVideos } from "../../analysis/counted.js";
import { DAY_MS, type DayRange, parseInstantMs, utcDay } from "../../analysis/dates.js";
import { engagementRateByViews, pooledEngagementRate } from "../../analysis/engagement.js";
import { summarizeFreshness } from "../../analysis/freshness.js";
import type { DatedValue } from "../../analysis/inputs.js";
import { round } from "../../analysis/stats-math.js";
import {
  analyzeCreatorTrendSeries,
  pendingWeekStarts,
  type WeeklyPosts,
  weeklyPostsFromVideos,
} from "../../analysis/trends.js";
import type { CreatorTrendReport } from "../../reports/schema/creator-trend.js";
import type { Creator } from "../../schema/creator.js";
import type { Video } from "../../schema/video.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";

/** How many of the range's posts the report lists, most viewed first. */
const TOP_VIDEOS = 5;

/** A creator silent for longer than this many days gets a highlight saying so. */
const SILENT_DAYS = 7;

export interface CreatorTrendInputs {
  creator: Creator;
  /** The creator's whole video list, pending_review included. */
  videos: readonly Video[];
  /** Cumulative followers at each day's end, from the baseline day (`from − 1`) when the data reaches it. */
  followers: readonly DatedValue[];
  /** Cumulative views of the creator's counted videos, read like `followers`. */
  views: readonly DatedValue[];
  /** Counted posts per ISO week overlapping the range (stats route); null to count them from `videos`. */
  weekly: readonly WeeklyPosts[] | null;
}

export interface CreatorTrendOptions {
  /** The range the trend covers. */
  range: DayRange;
}

export function buildCreatorTrendReport(
  inputs: CreatorTrendInputs,
  asOfMs: number,
  options: CreatorTrendOptions,
): BuiltReport<CreatorTrendReport> {
  const { creator, videos } = inputs;
  const { range } = options;
  const trend = analyzeCreatorTrendSeries({
    range,
    followers: inputs.followers,
    views: inputs.views,
    weeklyPosts: inputs.weekly ?? weeklyPostsFromVideos(videos, range),
    // Judged only on the creator's own weeks: from tracking start, backlog weeks excepted.
    trackingStartedAt: creator.created_at,
    pendingWeeks: pendingWeekStarts(videos, range),
  });

  const partition = partitionVideos(videos);
  const counted = partition.counted;
  const pending = partition.counts.pending_review;
  const inRange = counted.filter((v) => {
    const d = utcDay(v.posted_at);
    return d !== null && d >= range.from && d <= range.to;
  });
  const lastMs = lastPostedMs(counted);

  const caveats = new Caveats();
  caveats.add(
    "snapshot_not_cumulative",
    "Growth comes from the daily cumulative series (day-over-day differences), not from the current snapshot counters.",
  );
  caveats.addPending(pending);
  caveats.addLeftOut(partition.counts);
  if (creator.tracking_mode === "selective" && pending > 0) {
    caveats.add("pending_left_out", "The creator is in selective mode: posts count only once approved.");
  }
  if (inputs.views.length === 0) caveats.addEmpty("daily history in this range");
  const freshness = summarizeFreshness([creator], asOfMs);
  caveats.addFreshness(freshness, "creator");
  const highlights = [...trend.highlights];
  const daysSince = lastMs === null ? null : round((asOfMs - lastMs) / DAY_MS, 1);
  if (daysSince !== null && daysSince > SILENT_DAYS)
    highlights.push(`last counted post ${daysSince} days ago`);

  return {
    caveats: caveats.list(),
    meta: { range, freshness, pending, freshnessChecked: true, pendingChecked: true },
    report: {
      kind: "creator_trend",
      creator: {
        id: creator.id,
        project_id: creator.project_id,
        tiktok_handle: creator.tiktok_handle,
        display_name: creator.display_name,
        follower_count: creator.follower_count,
        tracking_mode: creator.tracking_mode,
        last_scraped_at: creator.last_scraped_at,
      },
      followers: trend.followers,
      views: trend.views,
      weeks: trend.weeks,
      posting_gaps: trend.posting_gaps,
      range_post_count: trend.range_post_count,
      last_posted_at: lastMs === null ? null : new Date(lastMs).toISOString(),
      days_since_last_post: daysSince,
      engagement_rate: round(pooledEngagementRate(inRange), 4),
      top_videos: topVideos(inRange, creator),
      highlights,
    },
  };
}

/** The latest `posted_at` of the counted videos, in ms; null without one. */
function lastPostedMs(counted: readonly Video[]): number | null {
  let lastMs: number | null = null;
  for (const v of counted) {
    const ms = parseInstantMs(v.posted_at);
    if (ms !== null && (lastMs === null || ms > lastMs)) lastMs = ms;
  }
  return lastMs;
}

/** The range's most viewed posts, ties broken by id so the list is stable. */
function topVideos(inRange: readonly Video[], creator: Creator): CreatorTrendReport["top_videos"] {
  return [...inRange]
    .sort((a, b) => b.view_count - a.view_count || (a.id < b.id ? -1 : 1))
    .slice(0, TOP_VIDEOS)
    .map((v) => ({
      video_id: v.id,
      creator_id: v.creator_id,
      tiktok_handle: creator.tiktok_handle,
      title: v.title,
      url: v.url,
      posted_at: v.posted_at,
      view_count: v.view_count,
      engagement_rate: round(engagementRateByViews(v), 4),
    }));
}
