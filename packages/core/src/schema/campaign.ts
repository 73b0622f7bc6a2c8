/**
 * Campaign: a named, nestable grouping of creators, videos and sub-campaigns (api-contract A.2).
 * The notes arrive as `description`, `readme` or both (the docs disagree); both are accepted and the
 * parsed object always carries both, holding the same text.
 */
import { z } from "zod";
import { Id, Metadata, Timestamp, timestamps } from "./primitives.js";

export const Campaign = z
  .looseObject({
    id: Id,
    project_id: Id,
    name: z.string(),
    description: z.string().nullable().optional(),
    readme: z.string().nullable().optional(),
    metadata: Metadata,
    target_views: z.number().nullable().default(null),
    target_at: Timestamp.nullable().default(null),
    ...timestamps,
  })
  .transform((c) => {
    const notes = c.description ?? c.readme ?? null;
    return { ...c, description: notes, readme: notes };
  });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignItemType = z.enum(["creator", "video", "campaign"]);
export type CampaignItemType = z.infer<typeof CampaignItemType>;

/** A direct member of a campaign, as listed by `GET /campaigns/{id}/items`. */
export const CampaignItem = z.looseObject({
  item_type: CampaignItemType,
  item_id: Id,
  campaign_id: Id.optional(),
  created_at: Timestamp.optional(),
});
export type CampaignItem = z.infer<typeof CampaignItem>;
