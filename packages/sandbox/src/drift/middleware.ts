/**
 * The drift middleware: rewrites successful JSON answers through the drift plan on their way out.
 * It sits outside the idempotency store, so a replayed create drifts exactly like the first answer;
 * error envelopes are never touched.
 */
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "../api/context.js";
import { routeLabel } from "../api/request-log.js";
import type { DriftPlan } from "./plan.js";

export function driftResponses(plan: DriftPlan): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (res.status < 200 || res.status >= 300) return;
    if (!res.headers.get("content-type")?.includes("application/json")) return;
    const route = routeLabel(c);
    if (!plan.touches(route)) return;
    let body: unknown;
    try {
      body = await res.clone().json();
    } catch {
      return; // not ours to repair
    }
    const drifted = plan.apply(route, body);
    if (drifted === body) return;
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    c.res = undefined;
    c.res = new Response(JSON.stringify(drifted), { status: res.status, headers });
  };
}
