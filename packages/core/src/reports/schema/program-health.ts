/** Report of {@link runProgramHealth}: one project's operational state at a glance. @module */
import { z } from "zod";
import { DAY, FRACTION, INSTANT } from "../../analysis/results/basis.js";
import { OutlierVideo } from "../../analysis/results/content.js";
import {
  OverPostingIncident,
  OverPostingWarning,
  UnconfirmedOverPostingDay,
} from "../../analysis/results/over-posting.js";
import { UnderperformanceReason } from "../../analysis/results/underperformers.js";
import { GoalMetric, GoalPeriod, GoalStatus } from "../../schema/goals.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();
const GoalStatusField = GoalStatus.describe(
  "Pace rule: before the period ends, on_track when the projection reaches the target, behind_pace at ≥ 70 % of " +
    "it, at_risk below; after it, completed or missed.",
);
const GOAL_UNIT =
  "in the goal metric's unit: posts, views or followers; for an engagement goal the engagement rate by views " +
  `as ${FRACTION} (the API's percent ÷ 100)`;
const GoalMetricField = GoalMetric.describe("posts, views, engagement or followers.");
const GoalPeriodField = GoalPeriod.describe("daily, weekly or monthly.");

/** An unconfirmed over-posting day (the analysis's) with the creator's handle and why it is no incident. */
const { creator_id, ...unconfirmedDay } = UnconfirmedOverPostingDay.shape;
const UnconfirmedDay = z.object({
  creator_id,
  tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
  ...unconfirmedDay,
  reason: z.string().describe("Why this day is no incident, in a sentence."),
});

export const ProgramHealthReport = z.object({
  kind: z.literal("program_health").describe("The report kind."),
  meta: ReportMeta.describe(
    "When, over what range and from what data the report was computed, with its caveats.",
  ),
  project: z
    .object({
      id: z.string().describe("The project's id."),
      name: z.string().nullable().describe("The project's name."),
    })
    .describe("The project."),
  creators: z
    .object({
      total_count: Int.describe("Creators of the project."),
      stale_count: Int.describe(
        "Of those, last scraped more than 12 h before the analysis instant, or never.",
      ),
      stale_share: z
        .number()
        .nullable()
        .describe(`stale_count / total_count, ${FRACTION}; null without creators.`),
      never_scraped_count: Int.describe("Of those, never scraped."),
      selective_count: Int.describe("Creators in selective mode (new videos wait in the Tracking Inbox)."),
    })
    .describe("The project's creators and how fresh their data is."),
  videos: z
    .object({
      listed_count: Int.describe("Videos the API lists for the project (excluded videos are never listed)."),
      counted_count: Int.describe("Of those, counted: auto_tracked, included or direct_add, tracking on."),
      pending_review_count: Int.describe(
        "Of those, pending_review: waiting in the Tracking Inbox, not counted.",
      ),
    })
    .describe("The project's videos, as of now."),
  pending_backlog: z
    .object({
      count: Int.describe("Videos waiting in the Tracking Inbox (pending_review)."),
      oldest_posted_at: z.string().nullable().describe(`When the oldest of them was posted, ${INSTANT}.`),
      by_creator: z
        .array(
          z.object({
            creator_id: z.string().describe("The creator's id, or (direct) for videos added by URL."),
            tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
            pending_count: Int.describe("The creator's videos waiting in the Tracking Inbox."),
          }),
        )
        .describe("Up to 10 creators with the most pending videos."),
    })
    .describe("The Tracking Inbox backlog."),
  over_posting: z
    .object({
      amber_count: Int.describe("Over-posting days within the last 7 days of the analysis day."),
      info_count: Int.describe("Older over-posting days."),
      incidents: z
        .array(
          OverPostingIncident.extend({
            tiktok_handle: z.string().nullable().describe("The creator's TikTok handle without @."),
          }),
        )
        .describe("Every over-posting day (≥ 7 posts, ≥ 2 under 100 views after 2 h), newest first."),
      warnings: z
        .array(OverPostingWarning)
        .describe("Creators with 5–6 posts on the analysis day: one or two more would trigger the rule."),
      unconfirmed_count: Int.describe(
        "Days that would be incidents if low counts read under 2 h after posting (or never read) were taken as " +
          "confirmed; they make no incident.",
      ),
      unconfirmed: z.array(UnconfirmedDay).describe("Every unconfirmed day, newest first."),
      rule: z.string().describe("The over-posting rule as applied, including what confirms a low count."),
    })
    .describe("Days on which a creator posted so much that TikTok likely throttled the batch (UTC days)."),
  goals: z
    .object({
      available: z
        .boolean()
        .describe("Whether goal compliance could be read for this key and API generation."),
      unavailable_reason: z.string().nullable().describe("Why not, when not available."),
      entry_count: Int.describe("Goal periods in the compliance list (one per creator goal)."),
      status_counts: z
        .record(GoalStatusField, Int)
        .describe("Goal periods per status, as the API reports them."),
      needs_attention: z
        .array(
          z.object({
            creator_id: z.string().describe("The creator's id."),
            tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
            goal_id: z.string().describe("The goal's id."),
            metric: GoalMetricField,
            period: GoalPeriodField,
            target: z.number().describe(`The goal's target for the period, ${GOAL_UNIT}.`),
            actual: z.number().describe(`What the period has so far (the API's figure), ${GOAL_UNIT}.`),
            status: GoalStatusField,
            required_per_day: z
              .number()
              .nullable()
              .describe(
                "What it takes: the remainder to the target per day left in the period, in the goal metric's unit " +
                  "per day; null once the period has ended and for engagement (a rate does not accumulate).",
              ),
            final: z
              .boolean()
              .describe(
                "Whether the numbers are final: the period closed at least 48 h ago. false for a period in progress " +
                  "(the status is a projection) or closed less than 48 h ago (provisional).",
              ),
          }),
        )
        .describe("Up to 20 goal periods at risk, behind pace or missed, worst first."),
      recently_closed: z
        .array(
          z.object({
            creator_id: z.string().describe("The creator's id."),
            tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
            goal_id: z.string().describe("The goal's id."),
            metric: GoalMetricField,
            period: GoalPeriodField,
            period_start: z.string().describe("When the period began, an ISO 8601 UTC instant."),
            period_end: z.string().describe("When the period closed (exclusive), an ISO 8601 UTC instant."),
            target: z.number().describe(`The goal's target for the period, ${GOAL_UNIT}.`),
            actual: z.number().describe(`The period's figure as the API reports it now, ${GOAL_UNIT}.`),
            status: GoalStatusField.describe(
              "The API's status at the close: completed or missed, provisional while final is false.",
            ),
            final: z
              .boolean()
              .describe("Always false here: the numbers are not final until 48 h after the close."),
            final_at: z.string().describe("When the numbers become final: the close + 48 h, an ISO instant."),
            basis: z.string().describe("The provisional rule, in a sentence, next to the period it affects."),
          }),
        )
        .describe(
          "Goal periods that closed less than 48 h ago, worst first: provisional, never a final missed. Read " +
            "from the compliance lists of the two days before the analysis day.",
        ),
      cross_check: z
        .object({
          checked_count: Int.describe("Goal periods whose status was recomputed locally."),
          status_agreed_count: Int.describe("Of those, where the local status matches the API's."),
          disagreements: z
            .array(
              z.object({
                goal_id: z.string().describe("The goal's id."),
                creator_id: z.string().describe("The creator's id."),
                api_status: GoalStatusField,
                local_status: GoalStatusField,
              }),
            )
            .describe("Up to 20 periods where the two statuses differ."),
          posts_actual_checked_count: Int.describe(
            "Post goals whose actual was recounted from the video list.",
          ),
          posts_actual_agreed_count: Int.describe("Of those, where the recount matches the API's actual."),
        })
        .describe("The API's statuses and post counts recomputed locally from the documented rule."),
    })
    .describe("Creator goal compliance for the current periods."),
  underperformers: z
    .object({
      count: Int.describe("Creators flagged as underperforming over the range."),
      reason_counts: z
        .record(UnderperformanceReason, Int)
        .describe("Flagged creators per reason (a creator can have several)."),
      top: z
        .array(
          z.object({
            creator_id: z.string().describe("The creator's id."),
            tiktok_handle: z.string().describe("The creator's TikTok handle without @."),
            reasons: z.array(UnderperformanceReason).describe("Why the creator is flagged."),
            reason_texts: z
              .array(z.string())
              .describe(
                "One sentence per reason, in the order of reasons, with the figures behind it (as in the underperforming_creators report).",
              ),
          }),
        )
        .describe("Up to 5 most severe."),
    })
    .describe("Underperforming creators over the range (see the underperforming_creators report)."),
  outliers: z
    .object({
      total_count: Int.describe("Outlier videos in the project."),
      high_count: Int.describe("Of those, breakouts far above their creator's norm."),
      low_count: Int.describe("Of those, flops far below it."),
      items: z.array(OutlierVideo).describe("The outliers, cut to outlier_limit."),
    })
    .describe("Videos far from their creator's norm (lifetime views of videos at least 7 days old)."),
  payouts: z
    .object({
      available: z
        .boolean()
        .describe("Whether payout accruals could be read for this key and API generation."),
      unavailable_reason: z.string().nullable().describe("Why not, when not available."),
      unpaid_count: Int.describe("Unpaid accruals of the project's creators."),
      unpaid_total_cents: z.number().int().describe("Their amount summed, in cents."),
      creators_owed_count: Int.describe("Creators with at least one unpaid accrual."),
      oldest_unpaid_period_end: z
        .string()
        .nullable()
        .describe(`The end of the oldest unpaid period (${DAY}).`),
    })
    .describe("Unpaid payout accruals, as of now."),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
});
export type ProgramHealthReport = z.infer<typeof ProgramHealthReport>;
