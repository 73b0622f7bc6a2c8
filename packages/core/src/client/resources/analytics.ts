/**
 * `tg.analytics`: the unified time-series endpoint that replaces the per-entity `/stats` routes, its
 * CSV export, two aggregate endpoints and annotations (api-contract §7).
 * @module
 */
import { z } from "zod";
import {
  AggregateMeta,
  Analytics,
  type AnalyticsEntity,
  type AnalyticsMetric,
  type AnalyticsMode,
  OpenApiDocument,
  PostingHeatmapCell,
  VideoLeaderboardRow,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import {
  AnalyticsQueryCheck,
  checkQuery,
  PostingHeatmapQueryCheck,
  VideoLeaderboardQueryCheck,
} from "../query-checks.js";
import { Annotations } from "./annotations.js";
import { type DayRangeQuery, type Requester, Resource } from "./resource.js";

export interface AnalyticsQuery extends DayRangeQuery {
  entity: AnalyticsEntity;
  entity_id: string;
  metric: AnalyticsMetric;
  /** `new` (per-bucket delta) or `cumulative`. */
  mode?: AnalyticsMode | undefined;
  /** `day`, `week`, `month`. */
  granularity?: string | undefined;
  /** `prior_period` adds `compare_series`. */
  compare?: string | undefined;
  /** Per-member series for campaigns (`breakdown_series`). */
  breakdown?: string | undefined;
  /** Required with `growth_rate_pop`. */
  base_metric?: string | undefined;
  /** IANA time zone for buckets; default the org's. */
  tz?: string | undefined;
}

export interface VideoLeaderboardQuery extends DayRangeQuery {
  project_id: string;
  order?:
    | "view_count"
    | "like_count"
    | "comment_count"
    | "share_count"
    | "save_count"
    | "posted_at"
    | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** One offset page of the leaderboard. `totalCount` counts rows before `limit`/`offset`. */
export interface VideoLeaderboard {
  data: VideoLeaderboardRow[];
  totalCount: number;
  limit: number;
  offset: number;
}

export interface PostingHeatmapQuery {
  project_id: string;
  from: string;
  to: string;
  tz?: string | undefined;
}

const LeaderboardRows = z.array(VideoLeaderboardRow);
const HeatmapCells = z.array(PostingHeatmapCell);

export class AnalyticsResource extends Resource {
  readonly annotations: Annotations;

  constructor(http: Requester) {
    super(http);
    this.annotations = new Annotations(http);
  }

  /**
   * One metric of one entity as a series of buckets (`GET /analytics`).
   *
   * @example
   * const a = await tg.analytics.get({ entity: "creator", entity_id: id, metric: "views", mode: "cumulative" });
   * for (const p of a.series) console.log(p.bucket_start, p.value);
   */
  get(query: AnalyticsQuery, options?: RequestOptions): Promise<Analytics> {
    return this.http.get("/analytics", Analytics, query, options, AnalyticsQueryCheck);
  }

  /**
   * `GET /analytics/schema`: the OpenAPI 3.1 document the docs call the authoritative contract of
   * `/analytics` (api-contract §7.3), as the JSON object the API sent (unwrapped from the envelope if
   * it came in one).
   *
   * @example
   * const doc = await tg.analytics.schema();
   * console.log(Object.keys(doc.paths as object)); // ["/analytics", "/analytics/annotations", …]
   */
  async schema(options?: RequestOptions): Promise<OpenApiDocument> {
    const spec = {
      method: "GET",
      path: "/analytics/schema",
      schema: OpenApiDocument,
      responseType: "document",
    } as const;
    return (await this.http.transport.request(spec, options)).data;
  }

  /** The same series as CSV text (`series_kind,entity_id,label,bucket_start,value`). */
  async csv(query: AnalyticsQuery, options?: RequestOptions): Promise<string> {
    checkQuery("GET /analytics", AnalyticsQueryCheck, query);
    const result = await this.http.transport.request<string>(
      { method: "GET", path: "/analytics", query: { ...query, format: "csv" }, responseType: "text" },
      options,
    );
    return result.data;
  }

  /**
   * A project's videos ranked by a count over a date range, one offset page at a time.
   *
   * @example
   * const top = await tg.analytics.videoLeaderboard({ project_id, order: "view_count", limit: 10 });
   */
  async videoLeaderboard(query: VideoLeaderboardQuery, options?: RequestOptions): Promise<VideoLeaderboard> {
    checkQuery("GET /analytics/aggregate/video-leaderboard", VideoLeaderboardQueryCheck, query);
    const result = await this.http.transport.request(
      { method: "GET", path: "/analytics/aggregate/video-leaderboard", query, schema: LeaderboardRows },
      options,
    );
    const meta = AggregateMeta.safeParse(result.meta);
    const data = result.data;
    return meta.success
      ? { data, totalCount: meta.data.total_count, limit: meta.data.limit, offset: meta.data.offset }
      : { data, totalCount: data.length, limit: query.limit ?? data.length, offset: query.offset ?? 0 };
  }

  /** Posts and average views per weekday (0 = Sunday) and hour; only non-empty cells. */
  postingHeatmap(query: PostingHeatmapQuery, options?: RequestOptions): Promise<PostingHeatmapCell[]> {
    const route = "/analytics/aggregate/posting-heatmap";
    return this.http.get(route, HeatmapCells, query, options, PostingHeatmapQueryCheck);
  }
}
