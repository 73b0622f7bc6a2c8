/** `tg.analytics.annotations`: dated notes shown on analytics charts (api-contract §7.2). @module */
import {
  type AnalyticsEntity,
  Annotation,
  type CreateAnnotationBody,
  type Deleted,
  type UpdateAnnotationBody,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { PagedRangeQuery } from "../query-checks.js";
import { type DayRangeQuery, type PageParams, path, Resource } from "./resource.js";

export interface AnnotationListQuery extends DayRangeQuery, PageParams {
  project_id?: string | undefined;
  entity?: AnalyticsEntity | undefined;
  entity_id?: string | undefined;
}

export class Annotations extends Resource {
  /** Annotations, optionally of one entity or date range. */
  list(query: AnnotationListQuery = {}, options?: RequestOptions): PagePromise<Annotation> {
    return this.http.list("/analytics/annotations", query, Annotation, options, PagedRangeQuery);
  }

  /**
   * Adds an annotation. Sends an `Idempotency-Key`.
   *
   * @example
   * await tg.analytics.annotations.create({ date: "2026-03-14", label: "Spring launch", project_id });
   */
  create(body: CreateAnnotationBody, options?: RequestOptions): Promise<Annotation> {
    return this.http.create("/analytics/annotations", body, Annotation, options);
  }

  update(id: string, body: UpdateAnnotationBody, options?: RequestOptions): Promise<Annotation> {
    return this.http.patch(path`/analytics/annotations/${id}`, body, Annotation, options);
  }

  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/analytics/annotations/${id}`, id, options);
  }
}
