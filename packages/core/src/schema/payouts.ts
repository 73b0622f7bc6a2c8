/**
 * Payouts (api-contract §9): methods, versioned structures, their assignments to creators, accruals
 * (what a creator earned for a period) and payments. Amounts are integer cents.
 */
import { z } from "zod";
import { metadataField } from "./fields.js";
import { Day, Id, Timestamp } from "./primitives.js";
import { core, documented, extension, openEnum, readers } from "./readers.js";

const payoutMethod = readers({
  id: core(Id),
  org_id: documented(Id),
  name: core(z.string()),
  icon_url: documented(z.string().nullable(), null),
  is_default: documented(z.boolean(), false),
  is_active: documented(z.boolean(), true),
  metadata: metadataField,
  readme: documented(z.string().nullable(), null),
  created_at: documented(Timestamp),
  updated_at: extension(Timestamp),
});
export const PayoutMethod = payoutMethod.tolerant;
export type PayoutMethod = z.infer<typeof PayoutMethod>;
export const StrictPayoutMethod = payoutMethod.strict;
export type StrictPayoutMethod = z.infer<typeof StrictPayoutMethod>;

const RULE_TYPES = ["recurring", "goals", "cpm", "view_threshold"] as const;
/** goatkit's spelling of the guide's rule types (the API's is not documented). */
export const PayoutRuleType = z.enum(RULE_TYPES);
export type PayoutRuleType = z.infer<typeof PayoutRuleType>;

const payoutStructure = readers({
  id: core(Id),
  org_id: documented(Id),
  project_id: core(Id),
  name: core(z.string()),
  rule_type: core(openEnum("payout_structure.rule_type", RULE_TYPES)),
  amount_cents: core(z.number().int()),
  period: documented(z.string()),
  proration_mode: documented(z.string()),
  threshold_views: documented(z.number().nullable(), null),
  goal_id: documented(Id.nullable(), null),
  version: documented(z.number().int()),
  is_active: documented(z.boolean(), true),
  metadata: metadataField,
  readme: documented(z.string().nullable(), null),
  created_at: documented(Timestamp),
  updated_at: extension(Timestamp),
});
export const PayoutStructure = payoutStructure.tolerant;
export type PayoutStructure = z.infer<typeof PayoutStructure>;
export const StrictPayoutStructure = payoutStructure.strict;
export type StrictPayoutStructure = z.infer<typeof StrictPayoutStructure>;

/** The docs name assignments but none of their fields: only the creator is needed. */
const payoutAssignment = readers({
  id: documented(Id),
  structure_id: documented(Id),
  creator_id: core(Id),
  start_date: documented(Day),
  end_date: documented(Day.nullable(), null),
  created_at: documented(Timestamp),
});
export const PayoutAssignment = payoutAssignment.tolerant;
export type PayoutAssignment = z.infer<typeof PayoutAssignment>;
export const StrictPayoutAssignment = payoutAssignment.strict;
export type StrictPayoutAssignment = z.infer<typeof StrictPayoutAssignment>;

const ACCRUAL_STATUSES = ["unpaid", "paid", "void"] as const;
export const PayoutAccrualStatus = z.enum(ACCRUAL_STATUSES);
export type PayoutAccrualStatus = z.infer<typeof PayoutAccrualStatus>;

const payoutAccrual = readers({
  id: core(Id),
  creator_id: core(Id),
  structure_id: documented(Id),
  structure_version: documented(z.number().int()),
  period_start: core(Day),
  period_end: core(Day),
  amount_cents: core(z.number().int()),
  status: core(openEnum("payout_accrual.status", ACCRUAL_STATUSES)),
  created_at: documented(Timestamp),
  updated_at: extension(Timestamp),
});
export const PayoutAccrual = payoutAccrual.tolerant;
export type PayoutAccrual = z.infer<typeof PayoutAccrual>;
export const StrictPayoutAccrual = payoutAccrual.strict;
export type StrictPayoutAccrual = z.infer<typeof StrictPayoutAccrual>;

const PAYMENT_STATUSES = ["recorded", "void"] as const;
export const PayoutPaymentStatus = z.enum(PAYMENT_STATUSES);
export type PayoutPaymentStatus = z.infer<typeof PayoutPaymentStatus>;

const payoutPayment = readers({
  id: core(Id),
  creator_id: core(Id),
  method_id: documented(Id),
  method_name: documented(z.string()),
  amount_cents: core(z.number().int()),
  paid_at: core(Timestamp),
  accrual_ids: documented(z.array(Id), []),
  note: documented(z.string().nullable(), null),
  status: core(openEnum("payout_payment.status", PAYMENT_STATUSES)),
  created_at: documented(Timestamp),
  updated_at: extension(Timestamp),
});
export const PayoutPayment = payoutPayment.tolerant;
export type PayoutPayment = z.infer<typeof PayoutPayment>;
export const StrictPayoutPayment = payoutPayment.strict;
export type StrictPayoutPayment = z.infer<typeof StrictPayoutPayment>;
