/**
 * Request body limits, applied before any handler: size (Hono's `bodyLimit`, which counts chunked
 * bodies as they stream in, not only `Content-Length`) and JSON nesting depth (a linear scan of the
 * bytes before anything parses them). The body is read once and stays cached on the request, so a
 * handler's later `c.req.text()` / `c.req.json()` works as usual.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { errorResponse, type FormatError } from "./format-error.js";
import { jsonDepth } from "./json-depth.js";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_JSON_DEPTH, formatBytes } from "./limits.js";

export interface BodySizeLimitOptions {
  formatError: FormatError;
  /** Largest body in bytes (default {@link DEFAULT_MAX_BODY_BYTES}, 1 MiB). */
  maxBytes?: number;
}

export interface JsonDepthLimitOptions {
  formatError: FormatError;
  /** Deepest nesting of arrays and objects (default {@link DEFAULT_MAX_JSON_DEPTH}, 32). */
  maxDepth?: number;
}

export interface BodyLimitsOptions extends BodySizeLimitOptions, JsonDepthLimitOptions {}

function checkLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

/**
 * 413 `payload_too_large` (with `Connection: close`, so the rest of an oversized upload is not read)
 * when the body is larger than `maxBytes`.
 */
export function bodySizeLimit(options: BodySizeLimitOptions): MiddlewareHandler {
  const maxBytes = checkLimit("maxBytes", options.maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  const message = `Request body is larger than the ${formatBytes(maxBytes)} limit`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () =>
      errorResponse(options.formatError, 413, "payload_too_large", message, { connection: "close" }),
  });
}

/**
 * 400 `invalid_body` when the body nests arrays/objects deeper than `maxDepth`, whatever its
 * Content-Type (many handlers `JSON.parse` whatever they get). Put it after {@link bodySizeLimit}: it
 * reads the whole body.
 */
export function jsonDepthLimit(options: JsonDepthLimitOptions): MiddlewareHandler {
  const maxDepth = checkLimit("maxDepth", options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH);
  const message = `Request body nests JSON deeper than the limit of ${maxDepth} levels`;
  return async (c, next) => {
    if (c.req.raw.body) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (jsonDepth(bytes, maxDepth) > maxDepth) {
        return errorResponse(options.formatError, 400, "invalid_body", message);
      }
    }
    await next();
  };
}

/**
 * {@link bodySizeLimit} then {@link jsonDepthLimit}, as one middleware. A request that frames no body
 * (neither `Content-Length` nor `Transfer-Encoding`: HTTP/1.1 then has none, RFC 9112 §6.3) skips both:
 * looking for its body would build a full web `Request` for every GET, the largest cost of a cache hit.
 */
export function bodyLimits(options: BodyLimitsOptions): MiddlewareHandler {
  const limits = every(bodySizeLimit(options), jsonDepthLimit(options));
  return (c, next) =>
    framesNoBody(c.req.header("content-length"), c.req.header("transfer-encoding"))
      ? next()
      : limits(c, next);
}

function framesNoBody(contentLength: string | undefined, transferEncoding: string | undefined): boolean {
  return transferEncoding === undefined && (contentLength === undefined || contentLength.trim() === "0");
}
