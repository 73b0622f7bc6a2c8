/** Goals and goal compliance (api-contract §8): per-creator targets and their pace-based status. */
import { z } from "zod";
import { Day, Id, Timestamp } from "./primitives.js";

export const GoalMetric = z.enum(["posts", "views", "engagement", "followers"]);
export const GoalPeriod = z.enum(["daily", "weekly", "monthly"]);
export const GoalStatus = z.enum(["on_track", "behind_pace", "at_risk", "completed", "missed"]);
export type GoalMetric = z.infer<typeof GoalMetric>;
export type GoalPeriod = z.infer<typeof GoalPeriod>;
export type GoalStatus = z.infer<typeof GoalStatus>;

export const Goal = z.looseObject({
  id: Id,
  creator_id: Id,
  project_id: Id,
  metric: GoalMetric,
  period: GoalPeriod,
  target_value: z.number(),
  start_date: Day.nullable().default(null),
  end_date: Day.nullable().default(null),
  is_active: z.boolean().default(true),
  created_at: Timestamp.optional(),
  updated_at: Timestamp.optional(),
});
export type Goal = z.infer<typeof Goal>;

export const GoalAdvisory = z.looseObject({
  period_in_progress: z.boolean(),
  period_recently_ended: z.boolean(),
  scrape_stale: z.boolean(),
  not_yet_started: z.boolean(),
  has_advisory: z.boolean(),
  messages: z.array(z.string()).default([]),
  period_start: Timestamp,
  period_end: Timestamp,
  hours_until_period_end: z.number().nullable(),
  hours_since_period_end: z.number().nullable(),
  scrape_freshness: z.looseObject({}).nullable().default(null),
});
export type GoalAdvisory = z.infer<typeof GoalAdvisory>;

export const GoalComplianceEntry = z.looseObject({
  goal: Goal,
  target: z.number(),
  actual: z.number(),
  percentage: z.number(),
  status: GoalStatus,
  advisory: GoalAdvisory,
});
export type GoalComplianceEntry = z.infer<typeof GoalComplianceEntry>;

export const GoalCompliance = z.looseObject({
  creator: z.looseObject({
    id: Id,
    tiktok_handle: z.string(),
    display_name: z.string().nullable(),
    avatar_url: z.string().nullable().default(null),
  }),
  compliance: z.array(GoalComplianceEntry),
});
export type GoalCompliance = z.infer<typeof GoalCompliance>;
