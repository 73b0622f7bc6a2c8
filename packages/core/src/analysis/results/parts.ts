/**
 * zod schemas of the analysis results that reports embed. They mirror the interfaces in
 * `src/analysis/`; the workflows assign analysis output to these inferred types, so the compiler
 * catches any drift between the two. Every field says what it is, its unit and its basis (lifetime
 * snapshot or gained in the range): see basis.ts for the shared wording.
 * @module
 */
import { z } from "zod";
import { COUNTED, DAY, ENGAGEMENT, FRACTION, IN_RANGE, INSTANT, LIFETIME } from "./basis.js";

const Int = z.number().int().nonnegative();
const Num = z.number();
const NumOrNull = z.number().nullable();

/** A generic dated figure; the field that holds it names the figure and its unit. */
export const DatedValueSchema = z.object({
  date: z.string().describe(`The day, ${DAY}.`),
  value: Num.describe("The figure of that day; its unit and basis are those of the field holding the list."),
});

/** Counted posts made on one day. */
export const DailyPostCountSchema = z.object({
  date: z.string().describe(`The day the posts were made, ${DAY}.`),
  post_count: Int.describe(`Videos posted that day that are ${COUNTED}.`),
});

export const TotalsSchema = z.object({
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

export const TrendDirectionSchema = z
  .enum(["accelerating", "steady", "slowing", "insufficient_data"])
  .describe(
    "Mean daily gain of the range's second half against its first: accelerating above +15 %, slowing below " +
      "−15 %, steady in between; insufficient_data with fewer than 4 daily gains or none above 0.",
  );

/** Pacing of a cumulative series in `unit` (views or followers) over the range. */
export function pacingSchema(unit: string) {
  return z.object({
    day_count: Int.describe(
      "Days of the range with a daily gain: one per day when the history reaches back to the day before `from`.",
    ),
    gained: NumOrNull.describe(
      `${unit} ${IN_RANGE}; null when unknown: no reading for the day before the range (see gain_unknown_reason), never 0 for unknown.`,
    ),
    baseline_date: z
      .string()
      .nullable()
      .describe(`The day of the baseline reading the gain is measured from, ${DAY}; null without one.`),
    gain_unknown_reason: z
      .string()
      .nullable()
      .describe(
        'Why gained is unknown, e.g. "no reading before the range: the history starts on 2025-12-16"; null when known.',
      ),
    avg_per_day: NumOrNull.describe(`${unit} gained per day: gained / day_count.`),
    recent_per_day: NumOrNull.describe(`${unit} gained per day over the range's last 7 days.`),
    slope_per_day: NumOrNull.describe(
      `Least-squares slope of the daily gains: change in ${unit} gained per day, per day.`,
    ),
    first_half_avg: NumOrNull.describe(`Mean daily ${unit} gained over the first half of the range.`),
    second_half_avg: NumOrNull.describe(`Mean daily ${unit} gained over the second half of the range.`),
    acceleration: NumOrNull.describe(
      `second_half_avg / first_half_avg − 1, ${FRACTION}; null when the first half gained nothing.`,
    ),
    direction: TrendDirectionSchema,
    daily: z
      .array(
        z.object({
          date: z.string().describe(`The day, ${DAY}.`),
          value: Num.describe(`${unit} gained that day: its end-of-day level − the previous day's.`),
        }),
      )
      .describe(`${unit} gained per day of the range, one entry per day with a gain.`),
  });
}

export const PacingSchema = pacingSchema("Views");

export const ConcentrationSchema = z.object({
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

export const TargetProgressSchema = z.object({
  status: z
    .enum(["no_target", "reached", "on_track", "behind", "missed"])
    .describe(
      "views_counted against target_views: reached at or above it; once target_at has passed, missed below it; " +
        "before, on_track when projected_at_target reaches it, else behind; no_target without target_views.",
    ),
  basis: z
    .enum(["since_created", "lifetime"])
    .describe(
      "What views_counted is. since_created: views the campaign's videos gained from the end of the day before " +
        "the campaign's created_at up to now (or to the end of target_at's day once it has passed), so views " +
        "older videos had before the campaign existed do not count. lifetime: the lifetime totals, used only " +
        "when that baseline day is out of reach (basis_reason says why).",
    ),
  basis_reason: z
    .string()
    .nullable()
    .describe(
      "Why the basis is lifetime (no target, no history for the baseline day, plan retention); null for since_created.",
    ),
  target_views: NumOrNull.describe("The campaign's target, in views; null without one."),
  target_at: z.string().nullable().describe(`The target's deadline, ${INSTANT}; null without one.`),
  views_counted: Num.describe("The views judged against the target, on `basis`."),
  lifetime_views: Num.describe(`The campaign's views, ${LIFETIME}; shown beside views_counted, not judged.`),
  baseline_date: z
    .string()
    .nullable()
    .describe(
      `The day before the campaign's created_at, ${DAY}: the count starts from its end-of-day level. Null for lifetime.`,
    ),
  baseline_views: NumOrNull.describe(
    "Cumulative views of the campaign's videos at the end of baseline_date. Null for lifetime.",
  ),
  end_date: z
    .string()
    .nullable()
    .describe(
      `target_at's day once it has passed (the count stops at its end), ${DAY}; null: counted up to the latest scrape.`,
    ),
  share_done: NumOrNull.describe(`views_counted / target_views, ${FRACTION} (above 1 past the target).`),
  days_left: NumOrNull.describe("Days from the analysis instant to target_at (fractional, 0 once passed)."),
  required_per_day: NumOrNull.describe(
    "Views per day still needed to reach the target by target_at; null once it has passed or without a date.",
  ),
  projected_at_target: NumOrNull.describe(
    "views_counted + pace_per_day × days_left: views expected by target_at at the recent pace, on `basis`.",
  ),
  pace_per_day: NumOrNull.describe(
    "Views gained per day over the range's last 7 days (pacing.recent_per_day).",
  ),
});

export const RankedVideoSchema = z.object({
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

export const CreatorViewsSchema = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
  video_count: Int.describe("The creator's counted videos in the set."),
  view_count: Num.describe(`Views of those videos, ${LIFETIME}.`),
});

export const OutlierVideoSchema = z.object({
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

export const PostingCellSchema = z.object({
  dow: Int.describe("Day of the week the posts were made, UTC: 0 = Sunday … 6 = Saturday."),
  hour: Int.describe("Hour of the day the posts were made, UTC, 0–23."),
  post_count: Int.describe("Counted posts made in this weekday-and-hour slot."),
  avg_views: Num.describe("Mean lifetime views per post of those posts (as of their last scrape)."),
});

export const PostingPatternSchema = z.object({
  cells: z.array(PostingCellSchema).describe("Every weekday-and-hour slot (UTC) with at least one post."),
  best: PostingCellSchema.nullable().describe(
    "The slot with the highest avg_views among slots with ≥ 2 posts.",
  ),
  busiest: PostingCellSchema.nullable().describe("The slot with the most posts."),
});

export const CreatorContentRowSchema = z.object({
  creator_id: z.string().describe("The creator's id."),
  tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
  post_count: Int.describe("The creator's counted videos in the set."),
  view_count: Num.describe(`Views of those videos summed, ${LIFETIME}.`),
  median_views: NumOrNull.describe("Median lifetime views of those videos."),
  engagement_rate: NumOrNull.describe(`Pooled ${ENGAGEMENT}, of those videos' lifetime counters.`),
  view_share: NumOrNull.describe(`The creator's share of the set's lifetime views, ${FRACTION}.`),
});

export const UnderperformanceReasonSchema = z
  .enum(["low_views_per_post", "falling_engagement", "posting_gaps", "not_posting"])
  .describe(
    "low_views_per_post: median views per post per follower below 0.4× the project's; falling_engagement: " +
      "engagement rate of the last 14 days below 0.6× the earlier one; posting_gaps: full weeks without a post " +
      "since tracking started (weeks with posts waiting in the Tracking Inbox excepted); not_posting: no post in " +
      "the range after earlier ones, or none since tracking started, once tracked for 14 days and with nothing " +
      "waiting in the Tracking Inbox.",
  );

export const CreatorEvaluationSchema = z.object({
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
  reasons: z
    .array(UnderperformanceReasonSchema)
    .describe("Why the creator is flagged; empty when not flagged."),
  reason_texts: z.array(z.string()).describe("One sentence per reason, with the numbers behind it."),
  cannot_judge: z
    .array(
      z.object({
        check: UnderperformanceReasonSchema,
        reason: z.string().describe("Why the check could not be made for this creator."),
      }),
    )
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

export const GapsSchema = z
  .array(
    z.object({
      creator_id: z.string().describe("The creator's id."),
      weeks: z
        .array(z.string())
        .describe(`Mondays (${DAY}) of the full weeks in the range without a counted post.`),
    }),
  )
  .describe("Creators with posting gaps in the range.");

export const OverPostingIncidentSchema = z.object({
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

export const OverPostingWarningSchema = z.object({
  creator_id: z.string().describe("The creator's id."),
  date: z.string().describe(`The analysis day, ${DAY}.`),
  post_count: Int.describe("Counted posts the creator already made that day."),
  posts_until_rule_count: Int.describe("More posts that day that would reach the over-posting rule's 7."),
});
