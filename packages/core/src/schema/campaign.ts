/**
 * Campaign: a named, nestable grouping of creators, videos and sub-campaigns (api-contract A.2).
 * The notes arrive as `description`, `readme` or both (the docs disagree); both are accepted and the
 * parsed object always carries both, holding the same text.
 */
import { z } from "zod";
import { metadataField, timestampFields } from "./fields.js";
import { Id, Timestamp } from "./primitives.js";
import { core, documented, extension, readers } from "./readers.js";

const campaign = readers({
  id: core(Id),
  project_id: core(Id),
  name: core(z.string()),
  description: documented(z.string().nullable()),
  readme: documented(z.string().nullable()),
  metadata: metadataField,
  target_views: documented(z.number().nullable(), null),
  target_at: documented(Timestamp.nullable(), null),
  /** Views since created are measured from here. */
  created_at: core(Timestamp),
  updated_at: timestampFields.updated_at,
});

/** The tolerant reader; `description` and `readme` always both present, holding the same notes. */
export const Campaign = campaign.tolerant.transform((c) => {
  const notes = c.description ?? c.readme ?? null;
  return { ...c, description: notes, readme: notes };
});
export type Campaign = z.infer<typeof Campaign>;
export const StrictCampaign = campaign.strict;
export type StrictCampaign = z.infer<typeof StrictCampaign>;

export const CampaignItemType = z.enum(["creator", "video", "campaign"]);
export type CampaignItemType = z.infer<typeof CampaignItemType>;

const campaignItem = readers({
  item_type: core(CampaignItemType),
  item_id: core(Id),
  campaign_id: extension(Id),
  created_at: extension(Timestamp),
});

/** A direct member of a campaign, as listed by `GET /campaigns/{id}/items`. */
export const CampaignItem = campaignItem.tolerant;
export type CampaignItem = z.infer<typeof CampaignItem>;
export const StrictCampaignItem = campaignItem.strict;
export type StrictCampaignItem = z.infer<typeof StrictCampaignItem>;
