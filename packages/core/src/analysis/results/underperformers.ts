/**
 * Underperforming creators (underperformers.ts): the reasons, everything measured about one creator,
 * and the project-level lists the underperforming_creators report embeds. The schemas are the
 * definitions; the analysis types are inferred from them.
 * @module
 */
import { z } from "zod";
import { DAY, ENGAGEMENT, INSTANT, LIFETIME } from "./basis.js";
import { Int, Num, NumOrNull } from "./numbers.js";

export const UnderperformanceReason = z
  .enum(["low_views_per_post", "falling_engagement", "posting_gaps", "not_posting"])
  .describe(
    "low_views_per_post: median views per post per follower below 0.4× the project's; falling_engagement: " +
      "engagement rate of the last 14 days below 0.6× the earlier one; posting_gaps: full weeks without a post " +
      "since tracking started (weeks with posts waiting in the Tracking Inbox excepted); not_posting: no post in " +
      "the range after earlier ones, or none since tracking started, once tracked for 14 days and with nothing " +
      "waiting in the Tracking Inbox.",
  );
export type UnderperformanceReason = z.infer<typeof UnderperformanceReason>;

/** A check that could not be made for a creator, and why. */
export const CannotJudge = z.object({
  check: UnderperformanceReason,
  reason: z.string().describe("Why the check could not be made for this creator."),
});
export type CannotJudge = z.infer<typeof CannotJudge>;

/** Everything measured about one creator, whether or not it was flagged. */
export const CreatorEvaluation = z.object({
  creator_id: z.string().describe("The creator's id."),
  project_id: z.string().describe("The creator's project."),
  tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
  display_name: z.string().nullable().describe("The creator's display name, if any."),
  follower_count: Num.describe(
    "Followers as of the creator's last scrape; 0 when the API gave none (then not judged per follower: see cannot_judge).",
  ),
  tracking_started_at: z
    .string()
    .nullable()
    .describe(
      `When tracking started (the creator's created_at), ${INSTANT}: only full weeks from then on can be posting gaps. Null when unknown.`,
    ),
  pending_review_count: Int.describe(
    "Posts of the range waiting in the Tracking Inbox (pending_review): the team's backlog, not counted and not held against the creator.",
  ),
  window_post_count: Int.describe("Counted posts made in the range."),
  before_window_post_count: Int.describe("Counted posts made before the range."),
  last_posted_at: z
    .string()
    .nullable()
    .describe(`The creator's latest counted post, ${INSTANT}; null without one.`),
  eligible_post_count: Int.describe(
    "Posts of the range at least 3 days old (min_age_days) at the analysis instant: those median_views is taken over.",
  ),
  median_views: NumOrNull.describe(`Median views of the eligible posts, each a ${LIFETIME}.`),
  views_per_follower: NumOrNull.describe(
    "R = median_views / follower_count, in views per follower; null without eligible posts or without a follower count.",
  ),
  project_baseline: NumOrNull.describe(
    "Median R of the project's creators with eligible posts, in views per follower.",
  ),
  ratio_to_baseline: NumOrNull.describe(
    "views_per_follower / project_baseline, a multiple (1 = the project's norm).",
  ),
  recent_post_count: Int.describe("Posts of the range's last 14 days (recent_days)."),
  earlier_post_count: Int.describe("Posts of the range before those."),
  er_recent: NumOrNull.describe(`Pooled ${ENGAGEMENT}, of the recent posts' lifetime counters.`),
  er_earlier: NumOrNull.describe(`Pooled ${ENGAGEMENT}, of the earlier posts' lifetime counters.`),
  er_ratio: NumOrNull.describe("er_recent / er_earlier, a multiple (1 = unchanged)."),
  gap_weeks: z
    .array(z.string())
    .describe(`Mondays (${DAY}) of the ISO weeks fully inside the range without a counted post.`),
  reasons: z.array(UnderperformanceReason).describe("Why the creator is flagged; empty when not flagged."),
  reason_texts: z.array(z.string()).describe("One sentence per reason, with the numbers behind it."),
  cannot_judge: z
    .array(CannotJudge)
    .describe(
      "Checks that could not be made: low_views_per_post without a follower count, not_posting before 14 days of tracking.",
    ),
  basis_notes: z
    .array(z.string())
    .describe(
      "How the rules applied to this creator, in plain sentences: tracking start (gaps judged from then on), Tracking Inbox backlog.",
    ),
  stale: z
    .boolean()
    .describe("Last scraped more than 12 h before the analysis instant, or never: a caveat, not a reason."),
  last_scraped_at: z.string().nullable().describe(`The creator's last scrape, ${INSTANT}; null if never.`),
});
export type CreatorEvaluation = z.infer<typeof CreatorEvaluation>;

export const Gaps = z
  .array(
    z.object({
      creator_id: z.string().describe("The creator's id."),
      weeks: z
        .array(z.string())
        .describe(`Mondays (${DAY}) of the full weeks in the range without a counted post.`),
    }),
  )
  .describe("Creators with posting gaps in the range.");
/** Creators with posting gaps, each with the Mondays of their gap weeks. */
export type PostingGaps = z.infer<typeof Gaps>;

/** The project norm low_views_per_post is judged against. */
export const ProjectBaseline = z.object({
  project_id: z.string().describe("The project."),
  baseline_views_per_follower: z
    .number()
    .nullable()
    .describe(
      "Median R (median views per eligible post / followers) of its creators, in views per follower.",
    ),
  creators_with_data_count: Int.describe("Creators with eligible posts, whose R fed the baseline."),
});
export type ProjectBaseline = z.infer<typeof ProjectBaseline>;

/** A creator whose counters may lag: last scraped more than 12 h before the analysis instant, or never. */
export const StaleCreator = z.object({
  creator_id: z.string().describe("The creator's id."),
  last_scraped_at: z.string().nullable().describe(`Their last scrape, ${INSTANT}; null if never.`),
});
export type StaleCreator = z.infer<typeof StaleCreator>;

/** A creator with posts of the range waiting in the Tracking Inbox. */
export const BacklogEntry = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
  pending_review_count: Int.describe("Posts of the range waiting in the Tracking Inbox (pending_review)."),
});
export type BacklogEntry = z.infer<typeof BacklogEntry>;

/** A creator some checks could not be made for, by handle. */
export const CannotJudgeCreator = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
  checks: z.array(UnderperformanceReason).describe("The checks that could not be made."),
  reason: z.string().describe("Why, in plain words."),
});
export type CannotJudgeCreator = z.infer<typeof CannotJudgeCreator>;
