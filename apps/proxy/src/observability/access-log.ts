/**
 * The outermost middleware: times every request, reports it to the metrics (latency by route kind,
 * status class) and, with a logger, writes one access-log line per request — method, path (secret-looking
 * query values replaced), status, duration in ms, `Cache-Status`, route family, the request id, and the
 * team token's name when the gateway set one (`c.get("tokenName")`). Never a key, a token or a header.
 * @module
 */
import { randomUUID } from "node:crypto";
import { routeFamily } from "@goatkit/core";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { pathAndQuery } from "../routes/request-url.js";
import type { ProxyMetrics } from "./metrics.js";
import { type RouteKindPrefixes, routeKindOf } from "./route-kind.js";
import { loggablePath } from "./secrets.js";

export interface AccessLogOptions {
  metrics: ProxyMetrics;
  /** No logger: metrics only. */
  logger?: Logger | undefined;
  prefixes: RouteKindPrefixes;
}

/** A client's own `X-Request-Id` is kept when it is a plain token; anything else gets a fresh one. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function accessLog(options: AccessLogOptions): MiddlewareHandler {
  const { metrics, logger, prefixes } = options;
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const { pathname } = pathAndQuery(c.req.url);
      const kind = routeKindOf(pathname, prefixes);
      // Hono has turned a thrown error into c.res (500) by now; a missing one would be a bug of ours.
      const status = c.res?.status ?? 500;
      metrics.request(kind, status, seconds);
      if (logger) {
        const line = accessLine(c, new URL(c.req.url), kind, status, seconds);
        if (status >= 500) logger.warn(line, "request");
        else logger.info(line, "request");
      }
    }
  };
}

function accessLine(
  c: Context,
  url: URL,
  kind: string,
  status: number,
  seconds: number,
): Record<string, unknown> {
  const incomingId = c.req.header("x-request-id");
  const line: Record<string, unknown> = {
    reqId: incomingId !== undefined && REQUEST_ID.test(incomingId) ? incomingId : randomUUID(),
    method: c.req.method,
    path: loggablePath(url),
    status,
    durationMs: Math.round(seconds * 1e4) / 10,
    kind,
  };
  const res = c.res;
  const cacheStatus = res?.headers.get("cache-status");
  if (cacheStatus) line.cacheStatus = cacheStatus;
  if (kind === "pass_through") line.family = routeFamily(url.pathname);
  if (kind === "derived") {
    const requests = res?.headers.get("x-goatkit-requests");
    if (requests) line.upstreamRequests = Number(requests);
  }
  const upstreamId = res?.headers.get("x-request-id");
  if (upstreamId && kind === "pass_through") line.upstreamRequestId = upstreamId;
  const tokenName = (c.var as Record<string, unknown>).tokenName;
  if (typeof tokenName === "string") line.tokenName = tokenName;
  return line;
}
