/**
 * Requires a JSON `Content-Type` on requests that carry a body. A cross-site HTML form (or a no-cors
 * `fetch`) can only send `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`
 * without a CORS preflight, so this alone stops a hostile page from driving a state-changing endpoint.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { errorResponse, type FormatError } from "./format-error.js";
import { quoteValue } from "./quote.js";

export interface RequireJsonOptions {
  formatError: FormatError;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** True for `application/json`, `application/merge-patch+json`, … with or without parameters. */
export const isJsonContentType = (value: string) => JSON_TYPE.test(value.trim());

/**
 * Middleware for unsafe methods (POST, PUT, PATCH, DELETE): 415 `unsupported_media_type` when the
 * request has a non-JSON `Content-Type`, or a body without any. A request with neither body nor
 * `Content-Type` (`curl -X POST …/reset`) passes: browsers label every form submission.
 */
export function requireJson(options: RequireJsonOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const type = c.req.header("content-type");
    const length = c.req.header("content-length");
    const hasBody =
      c.req.header("transfer-encoding") !== undefined || (length !== undefined && length !== "0");
    if (type === undefined ? hasBody : !isJsonContentType(type)) {
      const got = type === undefined ? "none" : quoteValue(type);
      return errorResponse(
        options.formatError,
        415,
        "unsupported_media_type",
        `Content-Type must be application/json (got ${got})`,
      );
    }
    await next();
  };
}
