/**
 * Records → API objects. Internal fields (leading underscore) never leave the sandbox; campaigns carry
 * their notes as both `description` and `readme` (the docs use both names, Part A.2).
 */
import type { CampaignRecord } from "../world/types.js";

export type Public<T> = { [K in keyof T as K extends `_${string}` ? never : K]: T[K] };

export function toPublic<T extends object>(record: T): Public<T> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) if (!name.startsWith("_")) out[name] = value;
  return out as Public<T>;
}

/**
 * Accruals and payments as the contract shows them (§9): the org is implied by the key, and the
 * documented objects carry no `org_id` (a strict reader would call it an unknown field).
 */
export function withoutOrgId<T extends { org_id: string }>(record: T): Omit<T, "org_id"> {
  const { org_id: _org, ...rest } = record;
  return rest;
}

export function publicCampaign(campaign: CampaignRecord): Public<CampaignRecord> & { readme: string | null } {
  return { ...toPublic(campaign), readme: campaign.description };
}
