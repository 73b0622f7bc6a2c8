/**
 * `/api/v1/*`: every API route, passed through to upstream under the same path below the base, so any
 * trackagoat client works by changing its base URL. GET (and HEAD) go through the cache unless they
 * cannot be cached; writes go straight through and invalidate what they touch; anything else is
 * forwarded as it is. Every answer carries `Cache-Status`.
 * @module
 */
import { routeFamily } from "@goatkit/core";
import type { Context, Hono } from "hono";
import { type CachedGetDeps, cachedGet } from "../cache/cached-get.js";
import { forwardedResponse } from "../cache/forwarded-response.js";
import { writeThrough } from "../cache/write-through.js";
import { callerCredential } from "../upstream/credential.js";
import { upstreamRequestHeaders } from "../upstream/headers.js";
import { pathAndQuery } from "./request-url.js";

/** Where the API lives on the proxy, as upstream. */
export const API_PREFIX = "/api/v1";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Adds the pass-through routes to `app`. */
export function mountPassThrough(app: Hono, deps: CachedGetDeps): void {
  const handler = (c: Context) => passThrough(c, deps);
  app.all(API_PREFIX, handler);
  app.all(`${API_PREFIX}/*`, handler);
}

// Not `async`: a cache hit returns cachedGet's promise as it is, one promise and microtask fewer.
function passThrough(c: Context, deps: CachedGetDeps): Promise<Response> {
  const { pathname, search } = pathAndQuery(c.req.url);
  const url = deps.upstream.url(pathname.slice(API_PREFIX.length), search);
  const credential = callerCredential(c.req.header("authorization"));
  // Hono routes HEAD to the GET handler and drops the body itself.
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  if (method !== "GET") return forwardWrite(c, deps, { method, url, credential });

  const raw = c.req.raw.headers;
  // The filter drops fixed names that none of the checks below reads, and those `Connection` names:
  // unless it names one they read, they read the incoming headers as they are, and the filtered copy
  // is made only if the request goes upstream (never on a cache hit).
  const checked = namesCheckedHeader(raw.get("connection")) ? upstreamRequestHeaders(raw) : raw;
  const uncacheable = whyUncacheable(checked);
  if (uncacheable === undefined) {
    let forwarded: Headers | undefined;
    return cachedGet(deps, {
      url,
      get headers() {
        forwarded ??= checked === raw ? upstreamRequestHeaders(raw) : checked;
        return forwarded;
      },
      credential,
      noCache: requestsNoCache(checked),
    });
  }
  deps.metrics?.cacheResult(routeFamily(pathname), "bypass");
  const headers = checked === raw ? upstreamRequestHeaders(raw) : checked;
  return forwardUncacheable(deps, { method, url, headers, credential }, uncacheable);
}

interface Forward {
  method: string;
  url: string;
  credential: string;
}

/** A GET the cache may not answer: upstream's answer as it is, never stored. */
async function forwardUncacheable(
  deps: CachedGetDeps,
  request: Forward & { headers: Headers },
  uncacheable: "uri-miss" | "request",
): Promise<Response> {
  const { method, url, headers, credential } = request;
  const exchange = await deps.upstream.exchange({ method, url, headers }, credential, deps.maxWaitMs);
  return forwardedResponse(exchange.kind === "response" ? { ...exchange, stored: false } : exchange, {
    fwd: uncacheable,
    detail: uncacheable === "uri-miss" ? undefined : "no-store",
  });
}

/** Anything but GET/HEAD: sent with its body, and a write invalidates what it touches. */
async function forwardWrite(c: Context, deps: CachedGetDeps, request: Forward): Promise<Response> {
  const { method, url, credential } = request;
  const headers = upstreamRequestHeaders(c.req.raw.headers);
  const body = new Uint8Array(await c.req.arrayBuffer());
  return writeThrough(deps, { method, url, headers, body, credential, invalidates: WRITES.has(method) });
}

/** Whether a `Connection` value (may) name a header the cache checks read; a false yes only costs time. */
function namesCheckedHeader(connection: string | null): boolean {
  return connection !== null && /\b(?:range|accept|cache-control|pragma)\b/i.test(connection);
}

/**
 * Why a GET cannot use the cache: `uri-miss` when it asks for part of a response or for something other
 * than JSON (stored bodies are whole JSON envelopes), `request` when the caller said `no-store`.
 */
function whyUncacheable(headers: Headers): "uri-miss" | "request" | undefined {
  if (headers.has("range")) return "uri-miss";
  const accept = headers.get("accept");
  if (accept !== null && !acceptsJson(accept)) return "uri-miss";
  if (/\bno-store\b/i.test(headers.get("cache-control") ?? "")) return "request";
  return undefined;
}

/** `Cache-Control: no-cache` (or `max-age=0`, or `Pragma: no-cache`): go upstream, but store the answer. */
function requestsNoCache(headers: Headers): boolean {
  const directives = headers.get("cache-control") ?? "";
  if (/\bno-cache\b/i.test(directives) || /\bmax-age\s*=\s*0\b/i.test(directives)) return true;
  return !headers.has("cache-control") && /\bno-cache\b/i.test(headers.get("pragma") ?? "");
}

function acceptsJson(accept: string): boolean {
  return accept
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .some(
      (type) =>
        type === "*/*" || type === "application/*" || type === "application/json" || type.endsWith("+json"),
    );
}
