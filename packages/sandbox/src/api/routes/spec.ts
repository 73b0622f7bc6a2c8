/** `GET /openapi.json` and `GET /analytics/schema`: OpenAPI 3.1 documents built from the mounted routes. */
import { Hono } from "hono";
import type { SandboxEnv } from "../context.js";
import { buildOpenApi, type RouteRef } from "../openapi.js";

export function specRoutes(routes: () => readonly RouteRef[]): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  let full: unknown = null;
  let analytics: unknown = null;
  // Plain JSON, not the envelope: these documents are meant to be imported into tools as they are.
  app.get("/openapi.json", (c) => {
    full ??= buildOpenApi(routes());
    return c.json(full);
  });
  app.get("/analytics/schema", (c) => {
    analytics ??= buildOpenApi(routes(), { analyticsOnly: true });
    return c.json(analytics);
  });
  return app;
}
