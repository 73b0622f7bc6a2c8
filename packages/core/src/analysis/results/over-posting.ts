/**
 * Over-posting (over-posting.ts): incidents, days that would be incidents if their early readings
 * were confirmed, and early warnings, as the program_health report embeds them. The schemas are the
 * definitions; the analysis types are inferred from them.
 * @module
 */
import { z } from "zod";
import { DAY } from "./basis.js";
import { Int, NumOrNull } from "./numbers.js";

export const OverPostingIncident = z.object({
  creator_id: z.string().describe("The creator's id."),
  date: z.string().describe(`The UTC day of the burst, ${DAY}.`),
  post_count: Int.describe("Counted posts the creator made that day."),
  low_view_count: Int.describe("Of those, posts under 100 views at least 2 h after posting (current views)."),
  low_view_video_ids: z.array(z.string()).describe("The ids of those low-view posts."),
  severity: z
    .enum(["amber", "info"])
    .describe("amber: within the last 7 days of the analysis day; info: older."),
  day_median_views: NumOrNull.describe("Median lifetime views of that day's posts."),
  creator_median_views: NumOrNull.describe("Median lifetime views of the creator's posts on other days."),
  reach_ratio: NumOrNull.describe(
    "day_median_views / creator_median_views, a multiple (below 1 = reach lost).",
  ),
});
export type OverPostingIncident = z.infer<typeof OverPostingIncident>;

export const OverPostingWarning = z.object({
  creator_id: z.string().describe("The creator's id."),
  date: z.string().describe(`The analysis day, ${DAY}.`),
  post_count: Int.describe("Counted posts the creator already made that day."),
  posts_until_rule_count: Int.describe("More posts that day that would reach the over-posting rule's 7."),
});
export type OverPostingWarning = z.infer<typeof OverPostingWarning>;

/**
 * A day that meets the rule only if low counts read under 2 h after posting (or never read) are taken
 * as confirmed: no incident, because the rule needs a reading at least 2 h after posting.
 */
export const UnconfirmedOverPostingDay = z.object({
  creator_id: z.string().describe("The creator's id."),
  date: z.string().describe("The UTC day, YYYY-MM-DD."),
  post_count: Int.describe("Counted posts that day."),
  low_view_count: Int.describe("Posts under 100 views as last read, confirmed or not."),
  confirmed_low_view_count: Int.describe(
    "Of those, read at least 2 h after posting: fewer than the 2 the rule needs.",
  ),
  unconfirmed_video_count: Int.describe(
    "Low-view posts last read under 2 h after posting, or never scraped: unconfirmed.",
  ),
});
export type UnconfirmedOverPostingDay = z.infer<typeof UnconfirmedOverPostingDay>;
