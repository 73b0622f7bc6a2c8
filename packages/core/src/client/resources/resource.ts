/**
 * What every resource namespace shares: path building with encoded ids, common parameter types, and
 * the request helpers.
 * @module
 */
import type { z } from "zod";
import { DeleteAnswer, type Deleted } from "../../schema/results.js";
import type { IdempotencyMode } from "../idempotency.js";
import type { RequestOptions } from "../options.js";
import { type PagePromise, paginate } from "../pagination.js";
import { checkQuery, PageQuery } from "../query-checks.js";
import type { Transport } from "../transport.js";

export type { DayRangeQuery } from "../../schema/day-range.js";

/** Cursor pagination parameters of every list: `limit` is the page size (1–100), not a total. */
export interface PageParams {
  limit?: number | undefined;
  /** Start from this cursor instead of the first page. */
  cursor?: string | undefined;
}

/**
 * Builds a path with each interpolated id URL-encoded, so an id can never change the route.
 *
 * @example
 * path`/creators/${id}/stats` // "/creators/3f1c…/stats"
 */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  let out = strings[0] ?? "";
  ids.forEach((id, i) => {
    if (typeof id !== "string" || id === "") {
      throw new TypeError(`Expected a non-empty id in ${strings.join("{id}")}, got ${JSON.stringify(id)}`);
    }
    out += encodeURIComponent(id) + (strings[i + 1] ?? "");
  });
  return out;
}

/**
 * One-line helpers for the four verbs and for lists, so each resource file reads as a table of routes.
 * Every resource namespace (`tg.creators`, `tg.videos`, …) holds one.
 */
export class Requester {
  readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** A GET; `querySchema` checks the query first (a bad one throws before anything is sent). */
  async get<T>(
    path: string,
    schema: z.ZodType<T>,
    query?: object,
    options?: RequestOptions,
    querySchema?: z.ZodType,
  ): Promise<T> {
    if (querySchema) checkQuery(`GET ${path}`, querySchema, query);
    return (await this.transport.request({ method: "GET", path, query, schema }, options)).data;
  }

  async post<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options?: RequestOptions,
    idempotency: IdempotencyMode = "none",
  ): Promise<T> {
    return (await this.transport.request({ method: "POST", path, body, schema, idempotency }, options)).data;
  }

  /** A POST that creates: sends an `Idempotency-Key` (the caller's, or a fresh UUID) so it can be retried. */
  create<T>(path: string, body: unknown, schema: z.ZodType<T>, options?: RequestOptions): Promise<T> {
    return this.post(path, body, schema, options, "create");
  }

  async patch<T>(path: string, body: unknown, schema: z.ZodType<T>, options?: RequestOptions): Promise<T> {
    return (await this.transport.request({ method: "PATCH", path, body, schema }, options)).data;
  }

  /** A DELETE whose answer may be empty (204), `null` or an object. */
  async delete<T>(path: string, schema: z.ZodType<T>, options?: RequestOptions, body?: unknown): Promise<T> {
    const spec = { method: "DELETE" as const, path, body, schema, allowEmpty: true };
    return (await this.transport.request(spec, options)).data;
  }

  /**
   * Deletes `id` and resolves to `{ id, deleted: true }` whether the API answered with that, `null`,
   * an empty body or a 204 (the docs do not say which): a delete that succeeded never fails to parse.
   */
  async remove(path: string, id: string, options?: RequestOptions, body?: unknown): Promise<Deleted> {
    const answer = await this.delete(path, DeleteAnswer, options, body);
    return { ...answer, id: answer?.id ?? id, deleted: true };
  }

  /**
   * A list; the query is checked first (`limit` 1–100 and whatever `querySchema` adds), throwing
   * before anything is sent.
   */
  list<T>(
    path: string,
    query: object | undefined,
    item: z.ZodType<T>,
    options?: RequestOptions,
    querySchema: z.ZodType = PageQuery,
  ): PagePromise<T> {
    checkQuery(`GET ${path}`, querySchema, query);
    return paginate(this.transport, path, query, item, options);
  }
}

/** Base class of the resource namespaces. */
export abstract class Resource {
  protected readonly http: Requester;

  constructor(http: Requester) {
    this.http = http;
  }
}
