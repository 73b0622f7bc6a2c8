/**
 * Plan limits (api-contract §1.5, §1.10). Count limits answer 402 `limit_reached` naming the limit, the
 * current count and the cap. The check and the write that follows it run in one synchronous stretch of
 * a handler (no await in between), which is what "atomic" means in a single-threaded server.
 */
import { ApiError } from "../api/api-error.js";
import type { OrgRecord, Tier } from "../world/types.js";

/** The cap for `limitKey`, or null when the org has none (missing, negative or non-finite = unlimited). */
export function limitOf(org: OrgRecord, limitKey: string): number | null {
  const value = org.limits[limitKey];
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  return value;
}

/** Throws 402 `limit_reached` when adding `adding` items to `current` would exceed the org's cap. */
export function assertWithinLimit(org: OrgRecord, limitKey: string, current: number, adding = 1): void {
  const max = limitOf(org, limitKey);
  if (max === null || current + adding <= max) return;
  throw new ApiError(402, "limit_reached", `Plan limit reached: ${limitKey} (${current}/${max})`, {
    limitKey,
    current,
    max,
  });
}

const RETENTION_BY_TIER: Record<Tier, number | null> = { free: 30, starter: 365, ultra: null };

/**
 * Analytics history window in days, null = unlimited (`tier_retention_days`). Taken from the tier table
 * rather than `stats_history_retention_days`, because the world encodes "unlimited" as a large number
 * and the API reports it as null.
 */
export function retentionDays(org: OrgRecord): number | null {
  return RETENTION_BY_TIER[org.tier];
}
