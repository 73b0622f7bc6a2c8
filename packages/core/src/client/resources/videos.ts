/** `tg.videos`: tracked TikTok posts, their stats, and the video write routes (api-contract §5). @module */
import {
  BulkUpdated,
  type CreateVideoBody,
  type Deleted,
  Queued,
  type UpdateVideoBody,
  Video,
  VideoStats,
} from "../../schema/index.js";
import { fillFromRequest } from "../../schema/stats-shapes.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { VideoStatsQueryCheck } from "../query-checks.js";
import { type DayRangeQuery, type PageParams, path, Resource } from "./resource.js";

export interface VideoListQuery extends PageParams {
  project_id?: string | undefined;
  creator_id?: string | undefined;
}

export interface VideoStatsQuery extends DayRangeQuery {
  /** A derived metric (`engagement_rate_by_views`, `growth_rate_pop`); without it, the daily history. */
  metric?: string | undefined;
  /** Required with `growth_rate_pop`: `views`, `likes`, `comments`, `shares` or `saves`. */
  base_metric?: string | undefined;
  /** IANA time zone for day buckets; default the org's. */
  tz?: string | undefined;
}

export class Videos extends Resource {
  /**
   * Videos, optionally of one project or creator. Never includes `excluded` videos.
   *
   * @example
   * const videos = await tg.videos.list({ creator_id }).toArray({ max: 2_000 });
   */
  list(query: VideoListQuery = {}, options?: RequestOptions): PagePromise<Video> {
    return this.http.list("/videos", query, Video, options);
  }

  /** First-generation stats of one video (`GET /videos/{id}/stats`); `GoneError` where removed. */
  async stats(id: string, query: VideoStatsQuery = {}, options?: RequestOptions): Promise<VideoStats> {
    const route = path`/videos/${id}/stats`;
    const stats = await this.http.get(route, VideoStats, query, options, VideoStatsQueryCheck);
    return fillFromRequest(stats, { video_id: id, from: query.from, to: query.to });
  }

  /**
   * Adds a video by its TikTok URL (status `direct_add`, always counted). Sends an `Idempotency-Key`.
   *
   * @example
   * const v = await tg.videos.create(projectId, { url: "https://www.tiktok.com/@a/video/123" });
   */
  create(projectId: string, body: CreateVideoBody, options?: RequestOptions): Promise<Video> {
    return this.http.create(path`/projects/${projectId}/videos`, body, Video, options);
  }

  /** Changes notes (`readme`, read back as `description`) or `metadata` (replaced whole). */
  update(id: string, body: UpdateVideoBody, options?: RequestOptions): Promise<Video> {
    return this.http.patch(path`/videos/${id}`, body, Video, options);
  }

  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/videos/${id}`, id, options);
  }

  /** Queues a manual scrape; counts against the daily manual-scrape quota. Not retried on 5xx. */
  scrape(id: string, options?: RequestOptions): Promise<Queued> {
    return this.http.post(path`/videos/${id}/scrape`, undefined, Queued, options);
  }

  /** Stops tracking one video; returns the updated video. */
  disableTracking(id: string, options?: RequestOptions): Promise<Video> {
    return this.http.post(path`/videos/${id}/tracking-disable`, undefined, Video, options);
  }

  /** Stops tracking several videos of a project. */
  bulkDisableTracking(projectId: string, videoIds: string[], options?: RequestOptions): Promise<BulkUpdated> {
    const route = path`/projects/${projectId}/videos/bulk-tracking-disable`;
    return this.http.post(route, { video_ids: videoIds }, BulkUpdated, options);
  }
}
