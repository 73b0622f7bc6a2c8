/**
 * Query parameters checked before anything is sent: `limit` 1–100 (the API answers 400 otherwise),
 * days as real `YYYY-MM-DD` dates with `from` not after `to`, and the enums the docs pin down. A bad
 * value throws core's params error ({@link WorkflowParamsError}, which every front end maps to a usage
 * error) naming the field; no request is made. Unknown keys pass: the API may take more than the docs say.
 * @module
 */
import { z } from "zod";
import { AnalyticsEntity, AnalyticsMetric, AnalyticsMode, RawMetric } from "../schema/analytics.js";
import { GoalPeriod } from "../schema/goals.js";
import { CalendarDay } from "../schema/request-dates.js";
import { WorkflowParamsError } from "../workflows/catalogue/params-error.js";

/** `limit` of cursor lists: an integer 1–100. */
const Limit = z
  .number({ error: "expected a number" })
  .int({ error: "expected a whole number" })
  .min(1, { error: "must be at least 1" })
  .max(100, { error: "must be at most 100 (the API's largest page)" });

const Cursor = z.string().min(1, { error: "expected a non-empty cursor" });

export const PageQuery = z.looseObject({ limit: Limit.optional(), cursor: Cursor.optional() });

const rangeFields = { from: CalendarDay.optional(), to: CalendarDay.optional() };

/** `from` must not be after `to` (the API answers 400 `invalid_query`). */
function orderedRange<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(
  schema: T,
) {
  return schema.refine((q) => !(q.from && q.to && q.from > q.to), {
    message: "must not be after to",
    path: ["from"],
  });
}

export const RangeQuery = orderedRange(z.looseObject(rangeFields));
export const PagedRangeQuery = orderedRange(
  z.looseObject({ ...rangeFields, limit: Limit.optional(), cursor: Cursor.optional() }),
);

export const AnalyticsQueryCheck = orderedRange(
  z.looseObject({
    entity: AnalyticsEntity,
    entity_id: z.string().min(1, { error: "expected an id" }),
    metric: AnalyticsMetric,
    mode: AnalyticsMode.optional(),
    base_metric: RawMetric.optional(),
    ...rangeFields,
  }),
);

export const VideoLeaderboardQueryCheck = orderedRange(
  z.looseObject({
    project_id: z.string().min(1, { error: "expected an id" }),
    order: z
      .enum(["view_count", "like_count", "comment_count", "share_count", "save_count", "posted_at"])
      .optional(),
    limit: Limit.optional(),
    offset: z.number().int().min(0, { error: "must be 0 or more" }).optional(),
    ...rangeFields,
  }),
);

export const PostingHeatmapQueryCheck = orderedRange(
  z.looseObject({
    project_id: z.string().min(1, { error: "expected an id" }),
    from: CalendarDay,
    to: CalendarDay,
  }),
);

export const VideoStatsQueryCheck = orderedRange(
  z.looseObject({
    ...rangeFields,
    base_metric: z.enum(["views", "likes", "comments", "shares", "saves"]).optional(),
  }),
);

export const GoalComplianceQueryCheck = z.looseObject({
  limit: Limit.optional(),
  cursor: Cursor.optional(),
  period: GoalPeriod.optional(),
  reference_date: CalendarDay.optional(),
});

/**
 * Throws a {@link WorkflowParamsError} labelled with the route (`GET /videos: limit: must be at most
 * 100 …`) when `query` does not fit `schema`.
 */
export function checkQuery(route: string, schema: z.ZodType, query: object | undefined): void {
  const result = schema.safeParse(query ?? {});
  if (!result.success) throw WorkflowParamsError.fromZod(route, result.error);
}
