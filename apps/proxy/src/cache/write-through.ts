/**
 * A write (POST, PUT, PATCH, DELETE) through the proxy: paced like any upstream request, sent with the
 * caller's headers (its `Idempotency-Key` included) and body bytes, answered with upstream's answer as is
 * (`Idempotent-Replayed` included), and followed by write invalidation with core's `writeTags`: the ids
 * in the URL and the body, which also drops every stored list page that showed one of those entities.
 * Like core's client, it invalidates unless upstream said for sure that nothing changed (a 4xx): after a
 * timeout or a dropped connection the write may well have happened. The invalidation completes before
 * the caller gets its answer, so its next read sees its own write.
 * @module
 */
import type { ResponseCache } from "@goatkit/core";
import type { Bytes } from "../upstream/send.js";
import type { Upstream } from "../upstream/upstream.js";
import { forwardedResponse } from "./forwarded-response.js";

export interface WriteThroughDeps {
  cache: ResponseCache;
  upstream: Upstream;
  maxWaitMs: number;
}

export interface WriteThroughRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Bytes;
  credential: string;
  /** `false` for methods that change nothing (OPTIONS): forwarded, nothing invalidated. */
  invalidates: boolean;
}

const decoder = new TextDecoder();

export async function writeThrough(deps: WriteThroughDeps, request: WriteThroughRequest): Promise<Response> {
  const exchange = await deps.upstream.exchange(
    { method: request.method, url: request.url, headers: request.headers, body: request.body },
    request.credential,
    deps.maxWaitMs,
  );
  // Throttled: it never left, so nothing changed.
  const mayHaveChanged =
    exchange.kind === "failed" ||
    (exchange.kind === "response" && !(exchange.response.status >= 400 && exchange.response.status < 500));
  if (request.invalidates && mayHaveChanged) {
    await deps.cache.invalidateWrite({ url: request.url, body: jsonBody(request.body) }).catch(() => {});
  }
  if (exchange.kind === "response")
    return forwardedResponse({ ...exchange, stored: false }, { fwd: "bypass" });
  return forwardedResponse(exchange, { fwd: "bypass" });
}

function jsonBody(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  try {
    return JSON.parse(decoder.decode(body));
  } catch {
    return undefined;
  }
}
