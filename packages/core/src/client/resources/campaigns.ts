/** `tg.campaigns`: nestable groupings of creators, videos and sub-campaigns (api-contract §6). @module */
import { z } from "zod";
import {
  Campaign,
  CampaignItem,
  type CampaignItemBody,
  CampaignStats,
  type CreateCampaignBody,
  type Deleted,
  type UpdateCampaignBody,
} from "../../schema/index.js";
import { fillFromRequest } from "../../schema/stats-shapes.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { RangeQuery } from "../query-checks.js";
import { type DayRangeQuery, type PageParams, path, Resource } from "./resource.js";

export interface CampaignListQuery extends PageParams {
  project_id?: string | undefined;
}

/** The API's answer to removing a member; the contract does not fix its fields. */
const Acknowledgement = z.looseObject({}).nullable();
export type Acknowledgement = z.infer<typeof Acknowledgement>;

export class Campaigns extends Resource {
  /**
   * Campaigns, optionally of one project.
   *
   * @example
   * for await (const c of tg.campaigns.list({ project_id })) console.log(c.name, c.description);
   */
  list(query: CampaignListQuery = {}, options?: RequestOptions): PagePromise<Campaign> {
    return this.http.list("/campaigns", query, Campaign, options);
  }

  /** Direct members `{ item_type, item_id }` of a campaign (sub-campaigns are not expanded). */
  items(id: string, query: PageParams = {}, options?: RequestOptions): PagePromise<CampaignItem> {
    return this.http.list(path`/campaigns/${id}/items`, query, CampaignItem, options);
  }

  /**
   * First-generation stats, recursive over sub-campaigns (each video once). `GoneError` where removed.
   *
   * @example
   * const { totals, top_videos } = await tg.campaigns.stats(id, { from: "2026-03-01", to: "2026-03-31" });
   */
  async stats(id: string, range: DayRangeQuery = {}, options?: RequestOptions): Promise<CampaignStats> {
    const route = path`/campaigns/${id}/stats`;
    const stats = await this.http.get(route, CampaignStats, range, options, RangeQuery);
    return fillFromRequest(stats, { campaign_id: id, from: range.from, to: range.to });
  }

  /** Creates a campaign in a project. Sends an `Idempotency-Key`. */
  create(projectId: string, body: CreateCampaignBody, options?: RequestOptions): Promise<Campaign> {
    return this.http.create(path`/projects/${projectId}/campaigns`, body, Campaign, options);
  }

  update(id: string, body: UpdateCampaignBody, options?: RequestOptions): Promise<Campaign> {
    return this.http.patch(path`/campaigns/${id}`, body, Campaign, options);
  }

  /** Deletes the campaign and all its memberships. */
  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/campaigns/${id}`, id, options);
  }

  /**
   * Adds a creator, video or sub-campaign. A cycle is refused (409 `circular_reference`).
   * Sends an `Idempotency-Key`.
   */
  addItem(id: string, body: CampaignItemBody, options?: RequestOptions): Promise<CampaignItem> {
    return this.http.create(path`/campaigns/${id}/items`, body, CampaignItem, options);
  }

  /** Removes a member (`DELETE /campaigns/{id}/items` with the same body as `addItem`). */
  removeItem(id: string, body: CampaignItemBody, options?: RequestOptions): Promise<Acknowledgement> {
    return this.http.delete(path`/campaigns/${id}/items`, Acknowledgement, options, body);
  }
}
