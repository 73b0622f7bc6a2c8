/**
 * Counts every /api/v1 request by route pattern, key label and status for `GET /__sandbox/requests`.
 * Outermost middleware, so rejected (401, 429), failed and dropped requests are counted too. Keys the
 * sandbox does not know share one label, so invented keys cannot grow the log (state/request-log.ts).
 */
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { keyLabelOf } from "../state/request-log.js";
import type { SandboxContext, SandboxEnv } from "./context.js";

const PREFIX = "/api/v1";

/** "GET /creators/{id}/stats" for the route that matched, "GET (unmatched)" when none did. */
export function routeLabel(c: Context): string {
  const method = c.req.method;
  // The router lists every match for the path in registration order (middleware first); the first one
  // with a real method is the handler that answers, even when a middleware answered before it was
  // reached (401, 429, …).
  const handler = matchedRoutes(c).find((r) => r.method !== "ALL");
  if (!handler) return `${method} (unmatched)`;
  const path = handler.path.startsWith(PREFIX) ? handler.path.slice(PREFIX.length) || "/" : handler.path;
  return `${method} ${path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, "{$1}")}`;
}

/** The presented bearer token, read before auth so faulted and rejected requests have a label too. */
function bearerToken(c: Context): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? null;
}

export function requestLog(ctx: SandboxContext): MiddlewareHandler<SandboxEnv> {
  const isKnown = (token: string) => ctx.state.apiKeys.has(token);
  return async (c, next) => {
    const label = keyLabelOf(bearerToken(c), isKnown);
    await next();
    const status = c.get("dropped") ? "dropped" : c.res.status;
    ctx.state.requestLog.record(routeLabel(c), label, status);
  };
}
