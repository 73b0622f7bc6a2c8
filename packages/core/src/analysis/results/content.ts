/**
 * What works among a set of videos: ranked videos, the per-creator breakdown, outliers against each
 * creator's norm and the posting-time pattern (content.ts, outliers.ts, posting-pattern.ts), as the
 * reports embed them. The schemas are the definitions; the analysis types are inferred from them.
 * @module
 */
import { z } from "zod";
import { ENGAGEMENT, FRACTION, INSTANT, LIFETIME } from "./basis.js";
import { Int, Num, NumOrNull } from "./numbers.js";

export const RankedVideo = z.object({
  video_id: z.string().describe("The video's id."),
  creator_id: z.string().nullable().describe("Its creator's id; null for a video added by URL."),
  tiktok_handle: z.string().nullable().describe("Its creator's TikTok handle without @; null when unknown."),
  title: z.string().nullable().describe("The video's title, if any."),
  url: z.string().nullable().describe("The video's TikTok URL."),
  posted_at: z.string().describe(`When it was posted, ${INSTANT}.`),
  view_count: Num.describe(`Views of the video, ${LIFETIME}.`),
  engagement_rate: NumOrNull.describe(
    `The video's ${ENGAGEMENT}, of its lifetime counters; null at 0 views or when saves are unknown.`,
  ),
});
export type RankedVideo = z.infer<typeof RankedVideo>;

export const CreatorContentRow = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
  post_count: Int.describe("The creator's counted videos in the set."),
  view_count: Num.describe(`Views of those videos summed, ${LIFETIME}.`),
  median_views: NumOrNull.describe("Median lifetime views of those videos."),
  engagement_rate: NumOrNull.describe(`Pooled ${ENGAGEMENT}, of those videos' lifetime counters.`),
  view_share: NumOrNull.describe(`The creator's share of the set's lifetime views, ${FRACTION}.`),
});
export type CreatorContentRow = z.infer<typeof CreatorContentRow>;

export const OutlierVideo = z.object({
  video_id: z.string().describe("The video's id."),
  creator_id: z.string().describe("Its creator's id."),
  direction: z
    .enum(["high", "low"])
    .describe("high: a breakout far above the creator's norm; low: a flop far below it."),
  view_count: Num.describe(`Views of the video, ${LIFETIME}.`),
  creator_median_views: Num.describe(
    "Median lifetime views of the creator's counted videos at least 7 days old (the norm it is judged against).",
  ),
  ratio_to_median: NumOrNull.describe(
    "view_count / creator_median_views, a multiple (1 = the creator's median).",
  ),
  z: NumOrNull.describe(
    "Robust z-score of ln(views) within the creator's videos (median and MAD based); null when the MAD is 0.",
  ),
  posted_at: z.string().describe(`When it was posted, ${INSTANT}.`),
  title: z.string().nullable().describe("The video's title, if any."),
});
export type OutlierVideo = z.infer<typeof OutlierVideo>;

export const PostingCell = z.object({
  dow: Int.describe("Day of the week the posts were made, UTC: 0 = Sunday … 6 = Saturday."),
  hour: Int.describe("Hour of the day the posts were made, UTC, 0–23."),
  post_count: Int.describe("Counted posts made in this weekday-and-hour slot."),
  avg_views: Num.describe("Mean lifetime views per post of those posts (as of their last scrape)."),
});
export type PostingCell = z.infer<typeof PostingCell>;

export const PostingPattern = z.object({
  cells: z.array(PostingCell).describe("Every weekday-and-hour slot (UTC) with at least one post."),
  best: PostingCell.nullable().describe("The slot with the highest avg_views among slots with ≥ 2 posts."),
  busiest: PostingCell.nullable().describe("The slot with the most posts."),
});
export type PostingPattern = z.infer<typeof PostingPattern>;

/**
 * What `analyzeContent` measures over a video set, as the campaign_content report shows it (the set: the
 * campaign's counted videos posted in the range). The analysis adds its outliers and pending count.
 */
export const ContentSummary = z.object({
  video_count: Int.describe("The campaign's counted videos posted in the range: the set analysed."),
  total_views: z.number().describe(`Views of the set, summed: ${LIFETIME}.`),
  median_views: z.number().nullable().describe("Median lifetime views per video of the set."),
  p90_views: z.number().nullable().describe("90th percentile of lifetime views per video of the set."),
  engagement_rate: z
    .number()
    .nullable()
    .describe(`Pooled ${ENGAGEMENT}, of the set's lifetime counters; null at 0 views.`),
  top_videos: z.array(RankedVideo).describe("The set's videos with the most lifetime views."),
  bottom_videos: z
    .array(RankedVideo)
    .describe("The set's videos with the fewest lifetime views among those at least 3 days old."),
  posting_pattern: PostingPattern.describe("When the set's videos were posted (UTC) and how they did."),
  creators: z
    .array(CreatorContentRow)
    .describe("Per-creator breakdown of the set, most lifetime views first."),
});
export type ContentSummary = z.infer<typeof ContentSummary>;
