/**
 * The two documented aggregate endpoints (Part B §7.4): `/analytics/aggregate/video-leaderboard` and
 * `/analytics/aggregate/posting-heatmap`, over a project's counted videos (the caller passes the
 * project's videos; they are filtered to counted ones again here). Both read current counters: a
 * leaderboard ranks what videos have now, and "within from..to" selects by posting day.
 */
import { DAY_MS, dayOfWeek, HOUR_MS } from "@goatkit/core/analysis";
import type { PostingHeatmapCell, VideoLeaderboardRow } from "@goatkit/core/schema";
import { quoteValue } from "@goatkit/server";
import type { VideoRecord } from "../world/types.js";
import { countedOnly } from "./counted.js";
import { instantDayNumber, parseDay } from "./days.js";
import { invalidQuery } from "./stats-error.js";

export const LEADERBOARD_ORDERS = [
  "view_count",
  "like_count",
  "comment_count",
  "share_count",
  "save_count",
  "posted_at",
] as const;
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

export interface LeaderboardQuery {
  from?: string | null;
  to?: string | null;
  order?: string | null;
  limit?: string | number | null;
  offset?: string | number | null;
}

/** A non-negative integer query value; strings must be plain digits ("1.5", "1e2", " 3" are rejected). */
function parseInteger(name: string, value: string | number): number {
  const n = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0)
    throw invalidQuery(`${name} must be a non-negative integer, got ${quoteValue(value)}`);
  return n;
}

/** Optional inclusive posting-day filter; either bound may be absent. */
function dayFilter(from: string | null | undefined, to: string | null | undefined) {
  const parse = (name: string, v: string | null | undefined) => {
    if (v === undefined || v === null) return null;
    const n = parseDay(v);
    if (n === null) throw invalidQuery(`${name} must be a date as YYYY-MM-DD, got ${quoteValue(v)}`);
    return n;
  };
  const lo = parse("from", from);
  const hi = parse("to", to);
  if (lo !== null && hi !== null && lo > hi) throw invalidQuery("from is after to");
  return (video: VideoRecord) => {
    const day = instantDayNumber(video.posted_at);
    return (lo === null || day >= lo) && (hi === null || day <= hi);
  };
}

export function videoLeaderboard(
  videos: readonly VideoRecord[],
  query: LeaderboardQuery = {},
): { rows: VideoLeaderboardRow[]; total_count: number } {
  const order = query.order ?? "view_count";
  if (!(LEADERBOARD_ORDERS as readonly string[]).includes(order)) {
    throw invalidQuery(`order must be one of ${LEADERBOARD_ORDERS.join(", ")}, got ${quoteValue(order)}`);
  }
  const limit = query.limit == null ? 50 : parseInteger("limit", query.limit);
  if (limit < 1 || limit > 100) throw invalidQuery(`limit must be between 1 and 100, got ${limit}`);
  const offset = query.offset == null ? 0 : parseInteger("offset", query.offset);

  const inRange = dayFilter(query.from, query.to);
  const selected = countedOnly(videos).filter(inRange);
  const key =
    order === "posted_at"
      ? (v: VideoRecord) => Date.parse(v.posted_at)
      : (v: VideoRecord) => v[order as Exclude<LeaderboardOrder, "posted_at">];
  // Descending, ties by id so pages never overlap or skip.
  const sorted = selected
    .map((v) => ({ v, k: key(v) }))
    .sort((a, b) => b.k - a.k || (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0));

  const rows = sorted.slice(offset, offset + limit).map(({ v }) => ({
    video_id: v.id,
    title: v.title,
    thumbnail_url: null, // the sandbox has no thumbnails
    url: v.url,
    view_count: v.view_count,
    like_count: v.like_count,
    comment_count: v.comment_count,
    share_count: v.share_count,
    save_count: v.save_count,
    posted_at: v.posted_at,
  }));
  return { rows, total_count: selected.length };
}

/** Posting heatmap in UTC: non-empty (day of week, hour) cells, sorted by dow then hour. */
export function postingHeatmap(
  videos: readonly VideoRecord[],
  query: { from?: string | null; to?: string | null },
): PostingHeatmapCell[] {
  if (query.from == null) throw invalidQuery("from is required");
  if (query.to == null) throw invalidQuery("to is required");
  const inRange = dayFilter(query.from, query.to);
  const cells = new Map<number, { post_count: number; views: number }>();
  for (const v of countedOnly(videos)) {
    if (!inRange(v)) continue;
    const ms = Date.parse(v.posted_at);
    if (Number.isNaN(ms)) continue;
    const day = Math.floor(ms / DAY_MS);
    const dow = dayOfWeek(day);
    const hour = Math.floor((ms - day * DAY_MS) / HOUR_MS);
    const cell = cells.get(dow * 24 + hour) ?? { post_count: 0, views: 0 };
    cell.post_count++;
    cell.views += v.view_count;
    cells.set(dow * 24 + hour, cell);
  }
  return [...cells]
    .sort(([a], [b]) => a - b)
    .map(([slot, c]) => ({
      dow: Math.floor(slot / 24),
      hour: slot % 24,
      post_count: c.post_count,
      avg_views: Math.round((c.views / c.post_count) * 100) / 100,
    }));
}
