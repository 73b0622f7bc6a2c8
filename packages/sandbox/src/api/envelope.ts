/**
 * The `{ data, error, meta }` envelope (api-contract §1.4) for success and failure, the app-wide error
 * handler (ApiError → its status and code; anything else → 500 `internal_error`, never a stack trace)
 * and the not-found handler for unknown routes.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
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
  405: "not_found",
  409: "conflict",
  413: "invalid_body",
  429: "rate_limit_exceeded",
};

export function errorHandler(logErrors: boolean): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) {
      return fail(c, err.status as ContentfulStatusCode, err.code, err.message, err.extraMeta, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return fail(
        c,
        err.status as ContentfulStatusCode,
        CODE_BY_STATUS[err.status] ?? "invalid_query",
        err.message,
      );
    }
    if (logErrors) console.error("[goatkit-sandbox] unexpected error:", err);
    return fail(c, 500, "internal_error", "Internal server error");
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  fail(c, 404, "not_found", `No route for ${c.req.method} ${c.req.path}`);
