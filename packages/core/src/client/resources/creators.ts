/** `tg.creators`: tracked TikTok accounts, their stats, and the creator write routes (api-contract §4). @module */
import { z } from "zod";
import {
  type BulkCreateCreatorsBody,
  BulkUpdated,
  type CreateCreatorBody,
  Creator,
  CreatorStats,
  type Deleted,
  Queued,
  type UpdateCreatorBody,
} from "../../schema/index.js";
import { fillFromRequest } from "../../schema/stats-shapes.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { RangeQuery } from "../query-checks.js";
import { type DayRangeQuery, type PageParams, path, Resource } from "./resource.js";

export interface CreatorListQuery extends PageParams {
  project_id?: string | undefined;
  /** Substring match on the handle. */
  search?: string | undefined;
}

const CreatorArray = z.array(Creator);

export class Creators extends Resource {
  /**
   * Creators, optionally of one project or matching a handle substring.
   *
   * @example
   * for await (const c of tg.creators.list({ project_id, limit: 100 })) console.log(c.tiktok_handle);
   */
  list(query: CreatorListQuery = {}, options?: RequestOptions): PagePromise<Creator> {
    return this.http.list("/creators", query, Creator, options);
  }

  /**
   * First-generation daily history (`GET /creators/{id}/stats`). Throws `GoneError` where the API has
   * replaced it with `/analytics` (see `tg.analytics.get`).
   *
   * @example
   * const s = await tg.creators.stats(id, { from: "2026-03-01", to: "2026-03-31" });
   */
  async stats(id: string, range: DayRangeQuery = {}, options?: RequestOptions): Promise<CreatorStats> {
    const stats = await this.http.get(path`/creators/${id}/stats`, CreatorStats, range, options, RangeQuery);
    return fillFromRequest(stats, { creator_id: id, from: range.from, to: range.to });
  }

  /**
   * Adds a creator, or up to 50 with `{ creators: [...] }` (then returns an array). Sends an
   * `Idempotency-Key`, so it is safe to retry; a handle removed earlier is reactivated.
   *
   * @example
   * const one = await tg.creators.create(projectId, { tiktok_handle: "@charlidamelio" });
   * const many = await tg.creators.create(projectId, { creators: [{ tiktok_handle: "a" }, { tiktok_handle: "b" }] });
   */
  create(projectId: string, body: CreateCreatorBody, options?: RequestOptions): Promise<Creator>;
  create(projectId: string, body: BulkCreateCreatorsBody, options?: RequestOptions): Promise<Creator[]>;
  create(
    projectId: string,
    body: CreateCreatorBody | BulkCreateCreatorsBody,
    options?: RequestOptions,
  ): Promise<Creator | Creator[]> {
    const route = path`/projects/${projectId}/creators`;
    return "creators" in body
      ? this.http.create(route, body, CreatorArray, options)
      : this.http.create(route, body, Creator, options);
  }

  /** Changes notes (`readme`, read back as `description`), `metadata` (replaced whole), handle or tracking mode. */
  update(id: string, body: UpdateCreatorBody, options?: RequestOptions): Promise<Creator> {
    return this.http.patch(path`/creators/${id}`, body, Creator, options);
  }

  /** Removes the creator (reversible: adding the handle again reactivates it). */
  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/creators/${id}`, id, options);
  }

  /** Queues a manual scrape; counts against the plan's daily manual-scrape quota. Not retried on 5xx. */
  scrape(id: string, options?: RequestOptions): Promise<Queued> {
    return this.http.post(path`/creators/${id}/scrape`, undefined, Queued, options);
  }

  /** Re-enables disabled creators of a project. */
  bulkReenable(projectId: string, creatorIds: string[], options?: RequestOptions): Promise<BulkUpdated> {
    const route = path`/projects/${projectId}/creators/bulk-reenable`;
    return this.http.post(route, { creator_ids: creatorIds }, BulkUpdated, options);
  }

  /** Removes several creators of a project at once. */
  bulkRemove(projectId: string, creatorIds: string[], options?: RequestOptions): Promise<BulkUpdated> {
    const route = path`/projects/${projectId}/creators/bulk-remove`;
    return this.http.post(route, { creator_ids: creatorIds }, BulkUpdated, options);
  }
}
