/**
 * The `{ data, error, meta }` envelope (api-contract §1.4) for success and failure, the app-wide error
 * handler (ApiError → its status and code; the stats layer's StatsError → 400 with its code; a client that disconnected → nothing logged; anything else →
 * 500 `internal_error`, never a stack trace) and the not-found handler (404, or 405 with `Allow` when the
 * path exists with other methods).
 */
import { apiEnvelope, CLIENT_CLOSED_REQUEST, isClientDisconnect, routeNotFound } from "@goatkit/server";
import type { Context, ErrorHandler, Hono, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { StatsError } from "../stats/stats-error.js";
import { ApiError } from "./api-error.js";

/** A success response. */
export function ok(
  c: Context,
  data: unknown,
  options: { status?: ContentfulStatusCode; meta?: Record<string, unknown> | null } = {},
): Response {
  return c.json({ data, error: null, meta: options.meta ?? null }, options.status ?? 200);
}

/** A failure response; `meta.code` is always present. */
export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  extraMeta: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json({ data: null, error: message, meta: { code, ...extraMeta } }, status);
}

const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid_query",
  401: "invalid_api_key",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limit_exceeded",
  431: "headers_too_large",
};

export function errorHandler(logErrors: boolean): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) {
      return fail(c, err.status as ContentfulStatusCode, err.code, err.message, err.extraMeta, err.headers);
    }
    // stats/ is HTTP-free: every question it cannot answer is a bad query.
    if (err instanceof StatsError) return fail(c, 400, err.code, err.message);
    if (err instanceof HTTPException && err.status < 500) {
      return fail(
        c,
        err.status as ContentfulStatusCode,
        CODE_BY_STATUS[err.status] ?? "invalid_query",
        err.message,
      );
    }
    // A body read that failed because the client hung up (or broke the request mid-way) is traffic, not
    // a server bug: no log line, and no one to answer.
    if (isClientDisconnect(err, c.env?.incoming)) {
      return fail(
        c,
        CLIENT_CLOSED_REQUEST as ContentfulStatusCode,
        "client_closed_request",
        "Client closed request",
      );
    }
    if (logErrors) console.error("[goatkit-sandbox] unexpected error:", err);
    return fail(c, 500, "internal_error", "Internal server error");
  };
}

/** 404 `not_found`, or 405 `method_not_allowed` with `Allow` from `app`'s routes; paths quoted short. */
export const notFoundHandler = (app: Hono): NotFoundHandler =>
  routeNotFound({ app, formatError: apiEnvelope });
