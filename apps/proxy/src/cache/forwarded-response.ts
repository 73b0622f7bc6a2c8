/**
 * The caller's answer when it went upstream: upstream's status, end-to-end headers and bytes as they
 * came (byte-compatible pass-through), or the proxy's own 429/502/504 in the API envelope when pacing
 * refused it or upstream never answered; each with its `Cache-Status`.
 * @module
 */
import { tooManyRequests, upstreamFailed } from "../refusals.js";
import { callerResponseHeaders } from "../upstream/headers.js";
import type { UpstreamFailure, UpstreamResponse } from "../upstream/send.js";
import { type CacheStatusParts, cacheStatus } from "./cache-status.js";

/** An upstream trip's outcome: an answer (and whether it was stored), refused by pacing, or failed. */
export type Forwarded =
  | { kind: "response"; response: UpstreamResponse; stored: boolean }
  | { kind: "throttled"; retryAfterMs: number }
  | { kind: "failed"; failure: UpstreamFailure };

/** Statuses whose response has no body by definition (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function forwardedResponse(value: Forwarded, parts: CacheStatusParts): Response {
  if (value.kind === "throttled") {
    return tooManyRequests(value.retryAfterMs, {
      "cache-status": cacheStatus({ ...parts, detail: "rate-limited" }),
    });
  }
  if (value.kind === "failed") {
    return upstreamFailed(value.failure, {
      "cache-status": cacheStatus({ ...parts, detail: `upstream-${value.failure.kind.replace("_", "-")}` }),
    });
  }
  const { response } = value;
  const headers = callerResponseHeaders(response.headers);
  headers.set("cache-status", cacheStatus({ ...parts, stored: value.stored }));
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    headers,
  });
}
