/**
 * Projects (api-contract §3): the list, and a project by id. Project writes are documented only as a
 * group name ("Campaigns, Projects, Goals") with no paths, so they answer 501 (see not-implemented.ts).
 */
import { Hono } from "hono";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam } from "../query.js";
import { toPublic } from "../serialize.js";

export function projectRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/projects", (c) => {
    const orgId = orgIdOf(c);
    const req = listRequest(c, `projects|${orgId}`);
    const page = paginate(state.projects.list(`org:${orgId}`), (r) => state.projects.keyOf(r), req);
    return ok(c, page.data.map(toPublic), { meta: { ...page.meta } });
  });

  app.get("/projects/:id", (c) => ok(c, toPublic(state.project(orgIdOf(c), idParam(c)))));

  return app;
}
