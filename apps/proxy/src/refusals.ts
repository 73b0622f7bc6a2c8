/**
 * The proxy's own answers when it cannot give upstream's: a spent budget (429 with an honest
 * `Retry-After`), an upstream that did not answer (502/504). All in the API's envelope with the fields the
 * API itself uses (`meta.code`, `meta.retryAfter`), so every trackagoat client, core's included, handles
 * them exactly as it handles the API's own.
 * @module
 */
import { apiEnvelope, errorResponse } from "@goatkit/server";
import type { UpstreamFailure } from "./upstream/send.js";

/** Whole seconds for a `Retry-After`, rounded up so a client that honours it finds a free slot. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** 429 `rate_limit_exceeded`: this key's upstream budget is spent for longer than the proxy queues. */
export function tooManyRequests(retryAfterMs: number, headers: Record<string, string> = {}): Response {
  const retryAfter = retryAfterSeconds(retryAfterMs);
  const body = JSON.stringify({
    data: null,
    error: `Too many requests: this key's upstream budget is spent; retry in ${retryAfter} s`,
    meta: { code: "rate_limit_exceeded", retryAfter },
  });
  return new Response(body, {
    status: 429,
    headers: {
      ...headers,
      "content-type": "application/json; charset=UTF-8",
      "retry-after": String(retryAfter),
    },
  });
}

/** 504 `upstream_timeout`, or 502 `upstream_unreachable` / `upstream_response_too_large`. */
export function upstreamFailed(failure: UpstreamFailure, headers: Record<string, string> = {}): Response {
  switch (failure.kind) {
    case "timeout":
      return errorResponse(apiEnvelope, 504, "upstream_timeout", failure.message, headers);
    case "too_large":
      return errorResponse(apiEnvelope, 502, "upstream_response_too_large", failure.message, headers);
    default:
      return errorResponse(apiEnvelope, 502, "upstream_unreachable", failure.message, headers);
  }
}
