/** Goals and goal compliance (api-contract §8): per-creator targets and their pace-based status. */
import { z } from "zod";
import { Day, Id, Timestamp } from "./primitives.js";
import { arrayOf, core, documented, extension, readers } from "./readers.js";

export const GoalMetric = z.enum(["posts", "views", "engagement", "followers"]);
export const GoalPeriod = z.enum(["daily", "weekly", "monthly"]);
export const GoalStatus = z.enum(["on_track", "behind_pace", "at_risk", "completed", "missed"]);
export type GoalMetric = z.infer<typeof GoalMetric>;
export type GoalPeriod = z.infer<typeof GoalPeriod>;
export type GoalStatus = z.infer<typeof GoalStatus>;

/**
 * A goal's start or end day. The docs show `string | null` without a format: strict wants the day
 * (`YYYY-MM-DD`) goatkit decided on; tolerant also takes an ISO instant and keeps its day.
 */
const goalDay = {
  strict: Day.nullable(),
  tolerant: z
    .union([Day, Timestamp.regex(/^\d{4}-\d{2}-\d{2}T/).transform((t) => t.slice(0, 10))])
    .nullable()
    .default(null),
};

const goal = readers({
  id: core(Id),
  creator_id: core(Id),
  project_id: documented(Id),
  metric: core(GoalMetric),
  period: core(GoalPeriod),
  target_value: core(z.number()),
  start_date: goalDay,
  end_date: goalDay,
  is_active: documented(z.boolean(), true),
  created_at: extension(Timestamp),
  updated_at: extension(Timestamp),
});

export const Goal = goal.tolerant;
export type Goal = z.infer<typeof Goal>;
export const StrictGoal = goal.strict;
export type StrictGoal = z.infer<typeof StrictGoal>;

const advisory = readers({
  period_in_progress: core(z.boolean()),
  /** Ended within 48 h: its numbers are not final yet. */
  period_recently_ended: core(z.boolean()),
  scrape_stale: core(z.boolean()),
  not_yet_started: core(z.boolean()),
  has_advisory: core(z.boolean()),
  messages: documented(z.array(z.string()), []),
  period_start: core(Timestamp),
  period_end: core(Timestamp),
  hours_until_period_end: core(z.number().nullable()),
  hours_since_period_end: core(z.number().nullable()),
  scrape_freshness: documented(z.looseObject({}).nullable(), null),
});

export const GoalAdvisory = advisory.tolerant;
export type GoalAdvisory = z.infer<typeof GoalAdvisory>;

const complianceEntry = readers({
  goal: core(goal),
  target: core(z.number()),
  actual: core(z.number()),
  percentage: core(z.number()),
  status: core(GoalStatus),
  advisory: core(advisory),
});

export const GoalComplianceEntry = complianceEntry.tolerant;
export type GoalComplianceEntry = z.infer<typeof GoalComplianceEntry>;

const compliance = readers({
  creator: core(
    readers({
      id: core(Id),
      tiktok_handle: core(z.string()),
      display_name: documented(z.string().nullable(), null),
      avatar_url: documented(z.string().nullable(), null),
    }),
  ),
  compliance: core(arrayOf(complianceEntry)),
});

export const GoalCompliance = compliance.tolerant;
export type GoalCompliance = z.infer<typeof GoalCompliance>;
export const StrictGoalCompliance = compliance.strict;
export type StrictGoalCompliance = z.infer<typeof StrictGoalCompliance>;
