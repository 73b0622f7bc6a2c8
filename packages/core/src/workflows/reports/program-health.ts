/** Report of {@link programHealth}: one project's operational state at a glance. @module */
import { z } from "zod";
import { ReportMeta } from "./meta.js";
import {
  OutlierVideoSchema,
  OverPostingIncidentSchema,
  OverPostingWarningSchema,
  UnderperformanceReasonSchema,
} from "./parts.js";

const Int = z.number().int().nonnegative();
const GoalStatusSchema = z.enum(["on_track", "behind_pace", "at_risk", "completed", "missed"]);

export const ProgramHealthReport = z.object({
  kind: z.literal("program_health"),
  meta: ReportMeta,
  project: z.object({ id: z.string(), name: z.string().nullable() }),
  creators: z.object({
    total: Int,
    stale: Int,
    stale_share: z.number().nullable(),
    never_scraped: Int,
    selective: Int,
  }),
  videos: z.object({ listed: Int, counted: Int, pending_review: Int }),
  pending_backlog: z.object({
    count: Int,
    oldest_posted_at: z.string().nullable(),
    by_creator: z.array(
      z.object({ creator_id: z.string(), tiktok_handle: z.string().nullable(), pending: Int }),
    ),
  }),
  over_posting: z.object({
    amber: Int,
    info: Int,
    incidents: z.array(OverPostingIncidentSchema.extend({ tiktok_handle: z.string().nullable() })),
    warnings: z.array(OverPostingWarningSchema),
  }),
  goals: z.object({
    available: z.boolean(),
    unavailable_reason: z.string().nullable(),
    entries: Int,
    status_counts: z.record(GoalStatusSchema, Int),
    needs_attention: z.array(
      z.object({
        creator_id: z.string(),
        tiktok_handle: z.string(),
        goal_id: z.string(),
        metric: z.string(),
        period: z.string(),
        target: z.number(),
        actual: z.number(),
        status: GoalStatusSchema,
        required_per_day: z.number().nullable(),
      }),
    ),
    cross_check: z.object({
      checked: Int,
      status_agreed: Int,
      disagreements: z.array(
        z.object({
          goal_id: z.string(),
          creator_id: z.string(),
          api_status: GoalStatusSchema,
          local_status: GoalStatusSchema,
        }),
      ),
      posts_actual_checked: Int,
      posts_actual_agreed: Int,
    }),
  }),
  underperformers: z.object({
    count: Int,
    reason_counts: z.record(UnderperformanceReasonSchema, Int),
    top: z.array(
      z.object({
        creator_id: z.string(),
        tiktok_handle: z.string(),
        reasons: z.array(UnderperformanceReasonSchema),
      }),
    ),
  }),
  outliers: z.object({ total: Int, high: Int, low: Int, items: z.array(OutlierVideoSchema) }),
  payouts: z.object({
    available: z.boolean(),
    unavailable_reason: z.string().nullable(),
    unpaid_count: Int,
    unpaid_total_cents: z.number().int(),
    creators_owed: Int,
    oldest_unpaid_period_end: z.string().nullable(),
  }),
  highlights: z.array(z.string()),
});
export type ProgramHealthReport = z.infer<typeof ProgramHealthReport>;
