/**
 * Fault injection for /api/v1 (never for the operator endpoints): latency, outage (503), random 500s,
 * dropped connections and truncated JSON. Runs before auth, like a flaky network or load balancer would.
 * A dropped request destroys the socket under @hono/node-server; in-process (`app.request`) it yields a
 * network-error Response (status 0), the closest a fetch-style caller can observe.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.js";
import type { SandboxContext, SandboxEnv } from "./context.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function faults(ctx: SandboxContext): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const settings = ctx.faults.settings;
    const draw = ctx.faults.draw();
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    if (settings.outage)
      throw new ApiError(503, "service_unavailable", "Service unavailable (sandbox outage)");
    if (draw.drop) {
      c.set("dropped", true);
      const socket = c.env?.incoming?.socket;
      if (socket) {
        socket.destroy();
        return new Response(null, { status: 204 });
      }
      return Response.error();
    }
    if (draw.error) throw new ApiError(500, "internal_error", "Internal server error");
    await next();
    if (draw.malformed) {
      // The handler ran (side effects happened); only the bytes on the way out are damaged, which is
      // exactly the case an Idempotency-Key retry exists for.
      const text = await c.res.clone().text();
      const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      c.res = undefined;
      c.res = new Response(cut, {
        status: 200,
        headers: { "content-type": "application/json; charset=UTF-8" },
      });
    }
  };
}
