/** The unpaid-payouts section of the program health report: a pure function of the accruals list. @module */

import type { ProgramHealthReport } from "../../reports/schema/program-health.js";
import type { PayoutAccrual } from "../../schema/payouts.js";
import type { Fetched } from "./fetched.js";

/** The accrual fields the section reads. */
export type AccrualInput = Pick<PayoutAccrual, "creator_id" | "status" | "amount_cents" | "period_end">;

/** Unpaid accruals of the project's creators (the list is the org's), summed in cents. */
export function payoutsSection(
  accruals: Fetched<readonly AccrualInput[]>,
  creatorIds: ReadonlySet<string>,
): ProgramHealthReport["payouts"] {
  const mine = (accruals.value ?? []).filter((a) => a.status === "unpaid" && creatorIds.has(a.creator_id));
  let oldest: string | null = null;
  for (const a of mine) if (oldest === null || a.period_end < oldest) oldest = a.period_end;
  return {
    available: accruals.value !== null,
    unavailable_reason: accruals.reason,
    unpaid_count: mine.length,
    unpaid_total_cents: mine.reduce((s, a) => s + a.amount_cents, 0),
    creators_owed_count: new Set(mine.map((a) => a.creator_id)).size,
    oldest_unpaid_period_end: oldest,
  };
}
