/**
 * A campaign's lifetime totals, posting per day, top creators and concentration of views: results of
 * campaign-performance.ts that the campaign reports embed. The schemas are the definitions; the
 * analysis types are inferred from them.
 * @module
 */
import { z } from "zod";
import { COUNTED, DAY, FRACTION, LIFETIME } from "./basis.js";
import { Int, Num, NumOrNull } from "./numbers.js";

/** Counted posts made on one day. */
export const DailyPostCount = z.object({
  date: z.string().describe(`The day the posts were made, ${DAY}.`),
  post_count: Int.describe(`Videos posted that day that are ${COUNTED}.`),
});

export const Totals = z.object({
  view_count: Num.describe(`Views: ${LIFETIME}.`),
  like_count: Num.describe(`Likes: ${LIFETIME}.`),
  comment_count: Num.describe(`Comments: ${LIFETIME}.`),
  share_count: Num.describe(`Shares: ${LIFETIME}.`),
  save_count: Num.describe(`Saves: ${LIFETIME}.`),
  video_count: Int.describe(`Videos that are ${COUNTED}, each once, as of now.`),
  creator_count: Int.describe(
    "Distinct creators of those videos, as of now (videos added by URL have none).",
  ),
});
/** Lifetime totals over a campaign's counted videos, each once (`totalsFromVideos`). */
export type CampaignTotalsLike = z.infer<typeof Totals>;

export const Concentration = z.object({
  top_video_id: z
    .string()
    .nullable()
    .describe("The video with the most lifetime views; null without videos."),
  top_video_share: NumOrNull.describe(`Its share of the campaign's lifetime views, ${FRACTION}.`),
  top_creator_id: z
    .string()
    .nullable()
    .describe("The creator with the most lifetime views; null without creators."),
  top_creator_share: NumOrNull.describe(`Their share of the campaign's lifetime views, ${FRACTION}.`),
  top3_creator_share: NumOrNull.describe(`Share of the lifetime views from the top 3 creators, ${FRACTION}.`),
});
export type Concentration = z.infer<typeof Concentration>;

export const CreatorViews = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
  video_count: Int.describe("The creator's counted videos in the set."),
  view_count: Num.describe(`Views of those videos, ${LIFETIME}.`),
});
