/**
 * Payouts (api-contract §9): methods, versioned structures, their assignments to creators, accruals
 * (what a creator earned for a period) and payments. Amounts are integer cents.
 */
import { z } from "zod";
import { Day, Id, Metadata, Timestamp } from "./primitives.js";

export const PayoutMethod = z.looseObject({
  id: Id,
  org_id: Id,
  name: z.string(),
  icon_url: z.string().nullable().default(null),
  is_default: z.boolean(),
  is_active: z.boolean(),
  metadata: Metadata,
  readme: z.string().nullable().default(null),
  created_at: Timestamp,
});
export type PayoutMethod = z.infer<typeof PayoutMethod>;

export const PayoutRuleType = z.enum(["recurring", "goals", "cpm", "view_threshold"]);
export type PayoutRuleType = z.infer<typeof PayoutRuleType>;

export const PayoutStructure = z.looseObject({
  id: Id,
  org_id: Id,
  project_id: Id,
  name: z.string(),
  rule_type: PayoutRuleType,
  amount_cents: z.number().int(),
  period: z.string(),
  proration_mode: z.string(),
  threshold_views: z.number().nullable().default(null),
  goal_id: Id.nullable().default(null),
  version: z.number().int(),
  is_active: z.boolean(),
  metadata: Metadata,
  readme: z.string().nullable().default(null),
  created_at: Timestamp,
});
export type PayoutStructure = z.infer<typeof PayoutStructure>;

export const PayoutAssignment = z.looseObject({
  id: Id,
  structure_id: Id,
  creator_id: Id,
  start_date: Day,
  end_date: Day.nullable().default(null),
  created_at: Timestamp,
});
export type PayoutAssignment = z.infer<typeof PayoutAssignment>;

export const PayoutAccrualStatus = z.enum(["unpaid", "paid", "void"]);
export const PayoutAccrual = z.looseObject({
  id: Id,
  creator_id: Id,
  structure_id: Id,
  structure_version: z.number().int(),
  period_start: Day,
  period_end: Day,
  amount_cents: z.number().int(),
  status: PayoutAccrualStatus,
  created_at: Timestamp,
});
export type PayoutAccrual = z.infer<typeof PayoutAccrual>;

export const PayoutPaymentStatus = z.enum(["recorded", "void"]);
export const PayoutPayment = z.looseObject({
  id: Id,
  creator_id: Id,
  method_id: Id,
  method_name: z.string(),
  amount_cents: z.number().int(),
  paid_at: Timestamp,
  accrual_ids: z.array(Id),
  note: z.string().nullable().default(null),
  status: PayoutPaymentStatus,
  created_at: Timestamp,
});
export type PayoutPayment = z.infer<typeof PayoutPayment>;
