/**
 * The stats shapes the contract documents, read permissively and normalised to Part A (see stats.ts):
 * - creator (§4.6, Part B): scalar `total_video_views` and `posting_frequency`, and `history` entries
 *   `{ date, follower_count, view_count, like_count, video_count }` (levels, like Part A's snapshots);
 * - campaign (§6.1, Part B): `totals` without `video_count`/`creator_count`, `top_videos` keyed
 *   `video_id`, `top_creators` keyed `creator_id`;
 * - any of them as a bare `{ series: [{ date, value }] }` (§5.2, with `metric=`).
 * Whatever a shape lacks is filled with 0, "" or [] and its path listed in `incomplete`.
 * @module
 */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";
import { Count, Day, Id } from "./primitives.js";
import type { CampaignStats, CreatorStats, StatsProvenance, VideoStats } from "./stats.js";

/** A `{ date, value }` point; `bucket_start` accepted for `date` (the `/analytics` spelling). */
const SeriesPointInput = passThroughObject({
  date: Day.optional(),
  bucket_start: Day.optional(),
  value: z.number().nullable(),
}).refine((p) => p.date !== undefined || p.bucket_start !== undefined, {
  message: "a series point needs date (or bucket_start)",
});
const SeriesInput = z.array(SeriesPointInput);
const DayValue = passThroughObject({ date: Day, value: Count });
const range = { from: Day.optional(), to: Day.optional() };
const hasHistoryOrSeries = (s: { history?: unknown; series?: unknown }) =>
  s.history !== undefined || s.series !== undefined;
const NEEDS = { message: "expected stats with history (or a series)" };

export const CreatorStatsInput = passThroughObject({
  creator_id: Id.optional(),
  ...range,
  history: z
    .array(
      passThroughObject({
        date: Day,
        follower_count: Count.optional(),
        total_likes_count: Count.optional(),
        like_count: Count.optional(),
        view_count: Count.optional(),
        video_count: Count.optional(),
      }),
    )
    .optional(),
  total_video_views: z.union([z.array(DayValue), Count]).optional(),
  posting_frequency: z
    .union([z.array(passThroughObject({ week_start: Day, video_count: Count })), z.number()])
    .optional(),
  series: SeriesInput.optional(),
}).refine(hasHistoryOrSeries, NEEDS);

const TotalsInput = passThroughObject({
  view_count: Count,
  like_count: Count.optional(),
  comment_count: Count.optional(),
  share_count: Count.optional(),
  save_count: Count.optional(),
  video_count: Count.optional(),
  creator_count: Count.optional(),
});

export const CampaignStatsInput = passThroughObject({
  campaign_id: Id.optional(),
  ...range,
  totals: TotalsInput.optional(),
  top_videos: z
    .array(
      passThroughObject({
        id: Id.optional(),
        video_id: Id.optional(),
        creator_id: Id.nullable().optional(),
        tiktok_handle: z.string().nullable().optional(),
        title: z.string().nullable().optional(),
        url: z.string().optional(),
        posted_at: z.string().optional(),
        view_count: Count,
        like_count: Count.optional(),
        comment_count: Count.optional(),
        share_count: Count.optional(),
      }),
    )
    .optional(),
  top_creators: z
    .array(
      passThroughObject({
        id: Id.optional(),
        creator_id: Id.optional(),
        tiktok_handle: z.string().optional(),
        video_count: Count.optional(),
        view_count: Count,
      }),
    )
    .optional(),
  history: z
    .array(
      passThroughObject({
        date: Day,
        view_count: Count,
        like_count: Count.optional(),
        comment_count: Count.optional(),
        share_count: Count.optional(),
      }),
    )
    .optional(),
  video_count_by_day: z.array(passThroughObject({ date: Day, count: Count })).optional(),
  series: SeriesInput.optional(),
}).refine(hasHistoryOrSeries, NEEDS);

export const VideoStatsInput = passThroughObject({
  video_id: Id.optional(),
  ...range,
  history: z
    .array(
      passThroughObject({
        date: Day,
        view_count: Count,
        like_count: Count,
        comment_count: Count,
        share_count: Count,
        save_count: Count.default(0),
      }),
    )
    .optional(),
  metric: z.string().optional(),
  unit: z.string().optional(),
  series: SeriesInput.optional(),
}).refine(hasHistoryOrSeries, NEEDS);

/** Collects the paths of fields a shape did not carry. */
class Gaps {
  readonly paths = new Set<string>();
  /** `value`, or `fallback` with `path` recorded as missing. */
  take<T>(value: T | undefined, path: string, fallback: T): T {
    if (value !== undefined) return value;
    this.paths.add(path);
    return fallback;
  }
  provenance(shape: StatsProvenance["source_shape"]): StatsProvenance {
    const out: StatsProvenance = {};
    if (shape) out.source_shape = shape;
    if (this.paths.size > 0) out.incomplete = [...this.paths].sort();
    return out;
  }
}

function points(series: z.output<typeof SeriesInput>) {
  return series.map(({ bucket_start, ...p }) => ({ ...p, date: (p.date ?? bucket_start) as string }));
}

export function normaliseCreatorStats(raw: z.output<typeof CreatorStatsInput>): CreatorStats {
  const gaps = new Gaps();
  const seriesOnly = raw.history === undefined;
  const partB =
    typeof raw.total_video_views === "number" ||
    typeof raw.posting_frequency === "number" ||
    (raw.history ?? []).some((h) => h.total_likes_count === undefined && h.like_count !== undefined);
  const rawHistory = raw.history ?? [];
  if (seriesOnly) gaps.paths.add("history");
  const history = rawHistory.map((h) => ({
    ...h,
    follower_count: gaps.take(h.follower_count, "history[].follower_count", 0),
    total_likes_count: gaps.take(h.total_likes_count ?? h.like_count, "history[].total_likes_count", 0),
    video_count: gaps.take(h.video_count, "history[].video_count", 0),
  }));
  let views: { date: string; value: number }[];
  if (Array.isArray(raw.total_video_views)) views = raw.total_video_views;
  else if (rawHistory.length > 0 && rawHistory.every((h) => h.view_count !== undefined)) {
    // Part B's history entries are daily levels (like the follower count), so views are cumulative.
    views = rawHistory.map((h) => ({ date: h.date, value: h.view_count as number }));
  } else {
    views = [];
    gaps.paths.add("total_video_views");
  }
  const weekly = Array.isArray(raw.posting_frequency) ? raw.posting_frequency : [];
  // Part B's single number cannot be split into weeks: an empty list here means "not known".
  if (!Array.isArray(raw.posting_frequency)) gaps.paths.add("posting_frequency");
  const { series, ...rest } = raw;
  return {
    ...rest,
    creator_id: gaps.take(raw.creator_id, "creator_id", ""),
    from: gaps.take(raw.from, "from", ""),
    to: gaps.take(raw.to, "to", ""),
    history,
    total_video_views: views,
    posting_frequency: weekly,
    ...(series ? { series: points(series) } : {}),
    ...gaps.provenance(seriesOnly ? "series" : partB ? "part_b" : undefined),
  };
}

export function normaliseCampaignStats(raw: z.output<typeof CampaignStatsInput>): CampaignStats {
  const gaps = new Gaps();
  const seriesOnly = raw.history === undefined;
  const t = raw.totals;
  const partB =
    (t !== undefined && (t.video_count === undefined || t.creator_count === undefined)) ||
    (raw.top_videos ?? []).some((v) => v.id === undefined && v.video_id !== undefined) ||
    (raw.top_creators ?? []).some((c) => c.id === undefined && c.creator_id !== undefined);
  if (t === undefined) gaps.paths.add("totals");
  const totals = {
    ...t,
    view_count: t?.view_count ?? 0,
    like_count: t ? gaps.take(t.like_count, "totals.like_count", 0) : 0,
    comment_count: t ? gaps.take(t.comment_count, "totals.comment_count", 0) : 0,
    share_count: t ? gaps.take(t.share_count, "totals.share_count", 0) : 0,
    // Part A makes saves optional too (the stats route may not carry them).
    save_count: t?.save_count ?? 0,
    video_count: t ? gaps.take(t.video_count, "totals.video_count", 0) : 0,
    creator_count: t ? gaps.take(t.creator_count, "totals.creator_count", 0) : 0,
  };
  const top_videos = (raw.top_videos ?? []).map(({ video_id, ...v }) => ({
    ...v,
    id: gaps.take(v.id ?? video_id, "top_videos[].id", ""),
    creator_id: gaps.take(v.creator_id, "top_videos[].creator_id", null),
    tiktok_handle: gaps.take(v.tiktok_handle, "top_videos[].tiktok_handle", null),
    title: gaps.take(v.title, "top_videos[].title", null),
    url: gaps.take(v.url, "top_videos[].url", ""),
    posted_at: gaps.take(v.posted_at, "top_videos[].posted_at", ""),
    like_count: gaps.take(v.like_count, "top_videos[].like_count", 0),
    comment_count: gaps.take(v.comment_count, "top_videos[].comment_count", 0),
    share_count: gaps.take(v.share_count, "top_videos[].share_count", 0),
  }));
  const top_creators = (raw.top_creators ?? []).map(({ creator_id, ...c }) => ({
    ...c,
    id: gaps.take(c.id ?? creator_id, "top_creators[].id", ""),
    tiktok_handle: gaps.take(c.tiktok_handle, "top_creators[].tiktok_handle", ""),
    video_count: gaps.take(c.video_count, "top_creators[].video_count", 0),
  }));
  if (raw.top_videos === undefined) gaps.paths.add("top_videos");
  if (raw.top_creators === undefined) gaps.paths.add("top_creators");
  if (seriesOnly) gaps.paths.add("history");
  const history = (raw.history ?? []).map((h) => ({
    ...h,
    like_count: gaps.take(h.like_count, "history[].like_count", 0),
    comment_count: gaps.take(h.comment_count, "history[].comment_count", 0),
    share_count: gaps.take(h.share_count, "history[].share_count", 0),
  }));
  const byDay = gaps.take(raw.video_count_by_day, "video_count_by_day", []);
  const { series, ...rest } = raw;
  return {
    ...rest,
    campaign_id: gaps.take(raw.campaign_id, "campaign_id", ""),
    from: gaps.take(raw.from, "from", ""),
    to: gaps.take(raw.to, "to", ""),
    totals,
    top_videos,
    top_creators,
    history,
    video_count_by_day: byDay,
    ...(series ? { series: points(series) } : {}),
    ...gaps.provenance(seriesOnly ? "series" : partB ? "part_b" : undefined),
  };
}

export function normaliseVideoStats(raw: z.output<typeof VideoStatsInput>): VideoStats {
  const gaps = new Gaps();
  const { series, ...rest } = raw;
  return {
    ...rest,
    video_id: gaps.take(raw.video_id, "video_id", ""),
    from: gaps.take(raw.from, "from", ""),
    to: gaps.take(raw.to, "to", ""),
    ...(series ? { series: points(series) } : {}),
    ...gaps.provenance(raw.video_id === undefined && raw.history === undefined ? "series" : undefined),
  };
}

/**
 * Fills what the request itself says (the id asked for, the range sent) into a normalised answer that
 * lacked it, and drops those paths from `incomplete`.
 */
export function fillFromRequest<T extends StatsProvenance>(
  stats: T,
  known: Record<string, string | undefined>,
): T {
  const missing = new Set(stats.incomplete ?? []);
  // Written by key name (the keys come from `known`), which the closed stats types do not allow.
  const out: Record<string, unknown> = { ...stats };
  for (const [key, value] of Object.entries(known)) {
    if (value !== undefined && missing.has(key)) {
      out[key] = value;
      missing.delete(key);
    }
  }
  if (stats.incomplete) {
    if (missing.size > 0) out.incomplete = [...missing].sort();
    else delete out.incomplete;
  }
  return out as T;
}
