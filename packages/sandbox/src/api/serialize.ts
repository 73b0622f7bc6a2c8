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

export function publicCampaign(campaign: CampaignRecord): Public<CampaignRecord> & { readme: string | null } {
  return { ...toPublic(campaign), readme: campaign.description };
}
