/**
 * Request bodies of the write routes (api-contract Part B §4–§9). The client types its write methods
 * from these, and the sandbox validates incoming bodies with the very same schemas, so the two cannot
 * drift apart. Bodies are strict: an unknown field is a 400 `invalid_body`, not silently ignored.
 * Dates are real calendar dates (request-dates.ts). Only the limits the docs state are here (campaign
 * name ≤ 200, payout method name ≤ 100, handles 1–30, ≤ 50 creators per bulk add); size caps the docs
 * do not state are the sandbox's own (its api/caps.ts), so the client never refuses what the API accepts.
 */
import { z } from "zod";
import { CampaignItemType } from "./campaign.js";
import { TrackingMode } from "./creator.js";
import { GoalMetric, GoalPeriod } from "./goals.js";
import { PayoutRuleType } from "./payouts.js";
import { Id } from "./primitives.js";
import { CalendarDay, IsoDateTime } from "./request-dates.js";

/** 1–30 chars of letters, digits, `.`, `_`, `-`; a leading `@` is stripped before the check. */
export const TiktokHandle = z
  .string()
  .transform((h) => h.trim().replace(/^@/, ""))
  .pipe(z.string().regex(/^[A-Za-z0-9._-]{1,30}$/, "1–30 letters, digits, '.', '_' or '-'"));

const Notes = z.string().nullable();
const JsonObject = z.record(z.string(), z.unknown());

export const CreateCreatorBody = z.strictObject({
  tiktok_handle: TiktokHandle,
  tracking_mode: TrackingMode.optional(),
  tracking_start_date: CalendarDay.optional(),
});
export type CreateCreatorBody = z.input<typeof CreateCreatorBody>;

export const BulkCreateCreatorsBody = z.strictObject({
  creators: z.array(CreateCreatorBody).min(1).max(50, "at most 50 creators per request"),
});
export type BulkCreateCreatorsBody = z.input<typeof BulkCreateCreatorsBody>;

const atLeastOne = (o: object) => Object.keys(o).length > 0;
const atLeastOneMessage = { message: "give at least one field to change" };

export const UpdateCreatorBody = z
  .strictObject({
    readme: Notes.optional(),
    tiktok_handle: z.string().optional(), // validated by the route: a bad handle is a 409 invalid_handle
    metadata: JsonObject.optional(),
    tracking_mode: TrackingMode.optional(),
  })
  .refine(atLeastOne, atLeastOneMessage);
export type UpdateCreatorBody = z.input<typeof UpdateCreatorBody>;

export const CreatorIdsBody = z.strictObject({ creator_ids: z.array(Id).min(1) });
export type CreatorIdsBody = z.input<typeof CreatorIdsBody>;

export const CreateVideoBody = z.strictObject({
  url: z.url(),
  readme: Notes.optional(),
});
export type CreateVideoBody = z.input<typeof CreateVideoBody>;

export const UpdateVideoBody = z
  .strictObject({ readme: Notes.optional(), metadata: JsonObject.optional() })
  .refine(atLeastOne, atLeastOneMessage);
export type UpdateVideoBody = z.input<typeof UpdateVideoBody>;

export const VideoIdsBody = z.strictObject({ video_ids: z.array(Id).min(1) });
export type VideoIdsBody = z.input<typeof VideoIdsBody>;

export const CreateCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  readme: Notes.optional(),
  metadata: JsonObject.optional(),
  target_views: z.number().int().nonnegative().nullable().optional(),
  target_at: IsoDateTime.nullable().optional(),
});
export type CreateCampaignBody = z.input<typeof CreateCampaignBody>;

export const UpdateCampaignBody = CreateCampaignBody.partial().refine(atLeastOne, atLeastOneMessage);
export type UpdateCampaignBody = z.input<typeof UpdateCampaignBody>;

export const CampaignItemBody = z.strictObject({ item_type: CampaignItemType, item_id: Id });
export type CampaignItemBody = z.input<typeof CampaignItemBody>;

export const CreateGoalBody = z.strictObject({
  metric: GoalMetric,
  period: GoalPeriod,
  target_value: z.number().positive(),
  start_date: CalendarDay.nullable().optional(),
  end_date: CalendarDay.nullable().optional(),
  is_active: z.boolean().optional(),
});
export type CreateGoalBody = z.input<typeof CreateGoalBody>;

export const UpdateGoalBody = CreateGoalBody.partial().refine(atLeastOne, atLeastOneMessage);
export type UpdateGoalBody = z.input<typeof UpdateGoalBody>;

export const CreatePayoutMethodBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  icon_path: z.string().nullable().optional(),
  metadata: JsonObject.optional(),
  readme: Notes.optional(),
});
export type CreatePayoutMethodBody = z.input<typeof CreatePayoutMethodBody>;

export const UpdatePayoutMethodBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    is_active: z.boolean().optional(),
    icon_path: z.string().nullable().optional(),
    metadata: JsonObject.optional(),
    readme: Notes.optional(),
  })
  .refine(atLeastOne, atLeastOneMessage);
export type UpdatePayoutMethodBody = z.input<typeof UpdatePayoutMethodBody>;

export const CreatePayoutStructureBody = z.strictObject({
  project_id: Id,
  name: z.string().trim().min(1),
  rule_type: PayoutRuleType,
  amount_cents: z.number().int().nonnegative(),
  period: z.enum(["weekly", "monthly", "one_time"]).optional(),
  proration_mode: z.enum(["none", "daily"]).optional(),
  threshold_views: z.number().int().positive().nullable().optional(),
  goal_id: Id.nullable().optional(),
  metadata: JsonObject.optional(),
  readme: Notes.optional(),
});
export type CreatePayoutStructureBody = z.input<typeof CreatePayoutStructureBody>;

export const UpdatePayoutStructureBody = CreatePayoutStructureBody.omit({ project_id: true })
  .extend({ is_active: z.boolean().optional() })
  .partial()
  .refine(atLeastOne, atLeastOneMessage);
export type UpdatePayoutStructureBody = z.input<typeof UpdatePayoutStructureBody>;

export const PayoutAssignmentBody = z.strictObject({
  creator_id: Id,
  start_date: CalendarDay.optional(),
  end_date: CalendarDay.nullable().optional(),
});
export type PayoutAssignmentBody = z.input<typeof PayoutAssignmentBody>;

export const UpdatePayoutAccrualBody = z.strictObject({ status: z.enum(["unpaid", "paid", "void"]) });
export type UpdatePayoutAccrualBody = z.input<typeof UpdatePayoutAccrualBody>;

export const CreatePayoutPaymentBody = z.strictObject({
  creator_id: Id,
  method_id: Id,
  amount_cents: z.number().int().positive(),
  accrual_ids: z.array(Id).optional(),
  paid_at: IsoDateTime.optional(),
  note: z.string().nullable().optional(),
});
export type CreatePayoutPaymentBody = z.input<typeof CreatePayoutPaymentBody>;

export const UpdatePayoutPaymentBody = z
  .strictObject({ status: z.enum(["recorded", "void"]).optional(), note: z.string().nullable().optional() })
  .refine(atLeastOne, atLeastOneMessage);
export type UpdatePayoutPaymentBody = z.input<typeof UpdatePayoutPaymentBody>;

export const CreateAnnotationBody = z.strictObject({
  date: CalendarDay,
  label: z.string().trim().min(1),
  note: z.string().nullable().optional(),
  project_id: Id.nullable().optional(),
  entity: z.enum(["creator", "video", "campaign", "project"]).nullable().optional(),
  entity_id: Id.nullable().optional(),
  kind: z.string().optional(),
});
export type CreateAnnotationBody = z.input<typeof CreateAnnotationBody>;

export const UpdateAnnotationBody = CreateAnnotationBody.partial().refine(atLeastOne, atLeastOneMessage);
export type UpdateAnnotationBody = z.input<typeof UpdateAnnotationBody>;
